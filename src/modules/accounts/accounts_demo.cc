#include "modules/accounts/accounts_demo.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/base/json_file.h"

namespace entente::accounts {

Result<int> LoadDemo(AccountsService& accounts, const std::filesystem::path& demo_dir, const std::string& request_id) {
  auto path = demo_dir / "accounts" / "accounts.json";
  auto read = ReadJsonFile(path);
  if (!read) return Fail(read.error());
  const nlohmann::json& document = *read;
  try {
    std::string password = document.at("password").get<std::string>();
    int loaded = 0;
    for (const auto& item : document.at("accounts")) {
      NewUser user{item.at("email").get<std::string>(), item.at("name").get<std::string>(),
                   item.value("language", "en"), password};
      std::vector<std::pair<auth::Role, std::string>> roles;
      for (const auto& grant : item.at("roles")) {
        auto role = auth::ParseRole(grant.at("role").get<std::string>());
        if (!role) return Fail(Error::Internal(fmt::format("{}: unknown role for {}", path.string(), user.email)));
        roles.emplace_back(*role, grant.value("organization", ""));
      }
      auto id = accounts.EnsureDemoUser(user, roles, request_id);
      if (!id) return Fail(id.error());
      ++loaded;
    }
    return loaded;
  } catch (const nlohmann::json::exception& error) {
    return Fail(Error::Internal(fmt::format("{}: {}", path.string(), error.what())));
  }
}

}  // namespace entente::accounts
