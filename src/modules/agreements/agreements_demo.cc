#include "modules/agreements/agreements_demo.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/auth/actor.h"
#include "core/base/json_file.h"
#include "core/http/json_reader.h"
#include "modules/agreements/agreements_json.h"

namespace entente::agreements {
namespace {

// The demo's texts say which language they were written in (`original_language`), English when
// they do not.
constexpr const char* kDemoOriginal = "en";

Error DemoError(const std::string& slug, const std::string& what, const Error& error) {
  return Error::Internal(fmt::format("demo {} of {}: {}", what, slug, error.Describe()));
}

// The agreement's activities; their objectives are numbered from 1 in the file, in the
// agreement's order.
Status LoadActivities(AgreementService& service, const auth::Actor& actor, const Agreement& created,
                      http::JsonReader& read) {
  std::optional<Error> failed;
  read.Each("activities", [&](http::JsonReader& activity) {
    if (failed) return;
    ActivityInput entry = ReadActivity(activity);
    entry.objectives.clear();
    for (long long number : activity.Integers("objectives")) {
      if (number < 1 || number > static_cast<long long>(created.objectives.size())) {
        failed = Error::Internal(fmt::format("demo agreement {}: no objective {}", created.slug, number));
        return;
      }
      entry.objectives.push_back(created.objectives[static_cast<size_t>(number - 1)].id);
    }
    if (auto saved = service.AddActivity(actor, created.id, entry); !saved) {
      failed = DemoError(created.slug, "activity", saved.error());
    }
  });
  if (failed) return Fail(*failed);
  return {};
}

// The follow-ups, each from the agreement's `source`.
Status LoadFollowUps(AgreementService& service, const auth::Actor& actor, const Agreement& created,
                     http::JsonReader& read) {
  std::string source = read.String("source");
  std::optional<Error> failed;
  read.Each("follow_ups", [&](http::JsonReader& follow_up) {
    if (failed) return;
    FollowUpInput entry = ReadFollowUp(follow_up);
    entry.source = source;
    if (auto saved = service.AddFollowUp(actor, created.id, entry); !saved) {
      failed = DemoError(created.slug, "follow-up", saved.error());
    }
  });
  if (failed) return Fail(*failed);
  return {};
}

Result<bool> LoadOne(AgreementService& service, const auth::Actor& actor, const nlohmann::json& item) {
  http::JsonReader read(item, kDemoOriginal);
  AgreementInput input = ReadAgreement(read, AgreementInput{});
  if (!read.ok()) return Fail(DemoError(input.slug, "agreement", read.Finish(0).error()));
  auto taken = service.SlugTaken(input.slug);
  if (!taken) return Fail(taken.error());
  if (*taken) return false;
  auto id = service.Create(actor, input);
  if (!id) return Fail(Error::Internal(fmt::format("demo agreement {}: {}", input.slug, id.error().Describe())));
  auto created = service.Get(actor, *id);
  if (!created) return Fail(created.error());
  if (auto loaded = LoadActivities(service, actor, *created, read); !loaded) return Fail(loaded.error());
  if (auto loaded = LoadFollowUps(service, actor, *created, read); !loaded) return Fail(loaded.error());
  if (!read.ok()) return Fail(DemoError(input.slug, "agreement", read.Finish(0).error()));
  return true;
}

}  // namespace

Result<int> LoadDemo(AgreementService& agreements, const std::filesystem::path& demo_dir,
                     const std::string& request_id) {
  auto actor = auth::Actor::System(request_id);
  auto path = demo_dir / "agreements" / "agreements.json";
  auto document = ReadJsonFile(path);
  if (!document) return Fail(document.error());
  auto list = document->find("agreements");
  if (!document->is_object() || list == document->end() || !list->is_array()) {
    return Fail(Error::Internal(fmt::format("{}: no list of agreements", path.string())));
  }
  int created = 0;
  for (const auto& item : *list) {
    auto loaded = LoadOne(agreements, actor, item);
    if (!loaded) return Fail(loaded.error());
    if (*loaded) ++created;
  }
  return created;
}

}  // namespace entente::agreements
