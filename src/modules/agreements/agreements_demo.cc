#include "modules/agreements/agreements_demo.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/auth/actor.h"
#include "core/base/json_file.h"

namespace entente::agreements {
namespace {

i18n::LocalizedText Texts(const nlohmann::json& item, const char* key, const std::string& original) {
  i18n::LocalizedText text;
  if (!item.contains(key)) return text;
  for (const auto& [language, value] : item.at(key).items()) {
    text.Set(language, value.get<std::string>(), language == original);
  }
  return text;
}

Result<bool> LoadOne(AgreementService& service, const auth::Actor& actor, const nlohmann::json& item) {
  AgreementInput input;
  input.slug = item.at("slug").get<std::string>();
  auto taken = service.SlugTaken(input.slug);
  if (!taken) return Fail(taken.error());
  if (*taken) return false;
  std::string original = item.value("original_language", "en");
  input.kind = item.value("kind", "cooperation_agreement");
  input.status = item.value("status", "draft");
  input.visibility = item.value("visibility", "public");
  input.title = Texts(item, "title", original);
  input.signed_on = item.value("signed_on", "");
  input.in_force_on = item.value("in_force_on", "");
  input.signing_place = Texts(item, "signing_place", original);
  input.occasion = Texts(item, "occasion", original);
  input.initiated_by = item.value("initiated_by", "");
  input.supported_by = item.value("supported_by", "");
  for (const auto& party : item.at("parties")) {
    input.parties.push_back({party.at("organization").get<std::string>(), party.value("signatory", "")});
  }
  for (const auto& objective : item.value("objectives", nlohmann::json::array())) {
    ObjectiveInput entry;
    entry.text = Texts(objective, "text", original);
    entry.categories = objective.at("categories").get<std::vector<std::string>>();
    input.objectives.push_back(std::move(entry));
  }
  auto id = service.Create(actor, input);
  if (!id) return Fail(Error::Internal(fmt::format("demo agreement {}: {}", input.slug, id.error().Describe())));
  auto created = service.Get(actor, *id);
  if (!created) return Fail(created.error());

  for (const auto& activity : item.value("activities", nlohmann::json::array())) {
    ActivityInput entry;
    entry.kind = activity.value("kind", "other");
    entry.happened_on = activity.value("happened_on", "");
    entry.text = Texts(activity, "text", original);
    entry.place = Texts(activity, "place", original);
    // Objectives are numbered from 1 in the file, in the agreement's order.
    for (int number : activity.value("objectives", std::vector<int>{})) {
      if (number < 1 || number > static_cast<int>(created->objectives.size())) {
        return Fail(Error::Internal(fmt::format("demo agreement {}: no objective {}", input.slug, number)));
      }
      entry.objectives.push_back(created->objectives[static_cast<size_t>(number - 1)].id.value());
    }
    if (auto saved = service.AddActivity(actor, *id, entry); !saved) {
      return Fail(Error::Internal(fmt::format("demo activity of {}: {}", input.slug, saved.error().Describe())));
    }
  }
  std::string source = item.value("source", "");
  for (const auto& follow_up : item.value("follow_ups", nlohmann::json::array())) {
    FollowUpInput entry{follow_up.at("entry_on").get<std::string>(), Texts(follow_up, "text", original), source};
    if (auto saved = service.AddFollowUp(actor, *id, entry); !saved) {
      return Fail(Error::Internal(fmt::format("demo follow-up of {}: {}", input.slug, saved.error().Describe())));
    }
  }
  return true;
}

}  // namespace

Result<int> LoadDemo(AgreementService& agreements, const std::filesystem::path& demo_dir,
                     const std::string& request_id) {
  auto actor = auth::Actor::System(request_id);
  auto path = demo_dir / "agreements" / "agreements.json";
  auto document = ReadJsonFile(path);
  if (!document) return Fail(document.error());
  int created = 0;
  try {
    for (const auto& item : document->at("agreements")) {
      auto loaded = LoadOne(agreements, actor, item);
      if (!loaded) return Fail(loaded.error());
      if (*loaded) ++created;
    }
  } catch (const nlohmann::json::exception& error) {
    return Fail(Error::Internal(fmt::format("{}: {}", path.string(), error.what())));
  }
  return created;
}

}  // namespace entente::agreements
