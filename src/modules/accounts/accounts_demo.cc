#include "modules/accounts/accounts_demo.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/base/json_file.h"
#include "core/http/json_reader.h"

namespace entente::accounts {
namespace {

struct DemoAccount {
  NewUser user;
  std::vector<std::pair<auth::Role, std::string>> roles;  // role, organization slug ("" for the platform)
};

// The accounts of data/demo/accounts/accounts.json, all with the file's one password.
Result<std::vector<DemoAccount>> ReadDemoAccounts(const nlohmann::json& document) {
  http::JsonReader read(document);
  std::string password = read.String("password");
  std::vector<DemoAccount> accounts;
  read.Each("accounts", [&](http::JsonReader& item) {
    DemoAccount account{.user = {item.String("email"), item.String("name"), item.String("language", "en"), password}};
    item.Each("roles", [&](http::JsonReader& grant) {
      if (auto role = auth::ParseRole(grant.String("role"))) {
        account.roles.emplace_back(*role, grant.String("organization"));
      } else {
        grant.Add({"role", "unknown role"});
      }
    });
    accounts.push_back(std::move(account));
  });
  if (password.empty()) read.Add({"password", "missing"});
  return read.Finish(std::move(accounts));
}

}  // namespace

Result<int> LoadDemo(AccountsService& accounts, const std::filesystem::path& demo_dir, const std::string& request_id) {
  auto path = demo_dir / "accounts" / "accounts.json";
  auto document = ReadJsonFile(path);
  if (!document) return Fail(document.error());
  auto demo = ReadDemoAccounts(*document);
  if (!demo) return Fail(Error::Internal(fmt::format("{}: {}", path.string(), demo.error().Describe())));
  for (const auto& account : *demo) {
    auto id = accounts.EnsureDemoUser(account.user, account.roles, request_id);
    if (!id) return Fail(id.error());
  }
  return static_cast<int>(demo->size());
}

}  // namespace entente::accounts
