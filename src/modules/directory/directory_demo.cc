#include "modules/directory/directory_demo.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/auth/actor.h"
#include "core/base/json_file.h"

namespace entente::directory {
namespace {

i18n::LocalizedText Texts(const nlohmann::json& by_language, const std::string& original) {
  i18n::LocalizedText text;
  for (const auto& [language, value] : by_language.items())
    text.Set(language, value.get<std::string>(), language == original);
  return text;
}

Result<int> LoadJurisdictions(OrganizationService& organizations, const nlohmann::json& document) {
  int saved = 0;
  for (const auto& item : document.at("jurisdictions")) {
    auto id = organizations.SaveJurisdiction(item.at("code").get<std::string>(), Texts(item.at("name"), "en"));
    if (!id) return Fail(Error::Internal("demo jurisdiction: " + id.error().Describe()));
    ++saved;
  }
  return saved;
}

Result<int> LoadOrganizations(OrganizationService& organizations, const nlohmann::json& document,
                              const auth::Actor& actor) {
  int saved = 0;
  // Parents come before their children in the file.
  for (const auto& item : document.at("organizations")) {
    OrganizationInput input;
    input.slug = item.at("slug").get<std::string>();
    input.kind = item.at("kind").get<std::string>();
    input.parent_slug = item.value("parent", "");
    input.city = item.value("city", "");
    input.country_code = item.value("country", "");
    input.jurisdiction = item.value("jurisdiction", "");
    input.website = item.value("website", "");
    input.visibility = item.value("visibility", "public");
    std::string original = item.value("original_language", "en");
    input.name = Texts(item.at("name"), original);
    if (item.contains("alternate_name")) input.alternate_name = Texts(item.at("alternate_name"), original);
    auto id = organizations.Save(actor, input);
    if (!id) return Fail(Error::Internal(fmt::format("demo organization {}: {}", input.slug, id.error().Describe())));
    ++saved;
  }
  return saved;
}

Result<int> LoadPeople(PeopleService& people, const nlohmann::json& document, const auth::Actor& actor) {
  int saved = 0;
  for (const auto& item : document.at("people")) {
    PersonInput input;
    input.slug = item.at("slug").get<std::string>();
    input.gender = item.value("gender", "");
    input.city = item.value("city", "");
    for (const auto& name : item.at("names")) {
      std::string text = name.at("name").get<std::string>();
      input.names.push_back({text, DetectScript(text),
                             ParseNameKind(name.value("kind", "as_written")).value_or(NameKind::kAsWritten),
                             name.value("language", ""), name.value("note", "")});
    }
    input.languages = item.value("languages", std::vector<std::string>{});
    input.practice_areas = item.value("practice_areas", std::vector<std::string>{});
    auto id = people.SavePerson(actor, input);
    if (!id) return Fail(Error::Internal(fmt::format("demo person {}: {}", input.slug, id.error().Describe())));
    for (const auto& membership : item.value("memberships", nlohmann::json::array())) {
      MembershipInput roll{membership.at("bar").get<std::string>(), membership.value("roll_number", ""),
                           membership.value("admitted_on", ""), membership.value("status", "active"),
                           membership.value("status_since", "")};
      if (auto saved_roll = people.SaveMembership(actor, *id, roll); !saved_roll) {
        return Fail(
            Error::Internal(fmt::format("demo membership of {}: {}", input.slug, saved_roll.error().Describe())));
      }
    }
    for (const auto& position : item.value("positions", nlohmann::json::array())) {
      PositionInput held{position.at("organization").get<std::string>(),
                         position.at("title").get<std::string>(),
                         position.value("starts_on", ""),
                         position.value("ends_on", ""),
                         position.value("attested_on", ""),
                         position.value("source", "")};
      if (auto saved_position = people.SavePosition(actor, *id, held); !saved_position) {
        return Fail(
            Error::Internal(fmt::format("demo position of {}: {}", input.slug, saved_position.error().Describe())));
      }
    }
    ++saved;
  }
  return saved;
}

}  // namespace

Result<DemoCounts> LoadDemo(OrganizationService& organizations, PeopleService& people,
                            const std::filesystem::path& demo_dir, const std::string& request_id) {
  auto actor = auth::Actor::System(request_id);
  DemoCounts counts;
  auto directory = demo_dir / "directory";
  for (const char* name : {"jurisdictions.json", "organizations.json", "people.json"}) {
    auto document = ReadJsonFile(directory / name);
    if (!document) return Fail(document.error());
    try {
      Result<int> loaded = std::string_view(name) == "jurisdictions.json" ? LoadJurisdictions(organizations, *document)
                           : std::string_view(name) == "organizations.json"
                               ? LoadOrganizations(organizations, *document, actor)
                               : LoadPeople(people, *document, actor);
      if (!loaded) return Fail(loaded.error());
      (std::string_view(name) == "jurisdictions.json"   ? counts.jurisdictions
       : std::string_view(name) == "organizations.json" ? counts.organizations
                                                        : counts.people) = *loaded;
    } catch (const nlohmann::json::exception& error) {
      return Fail(Error::Internal(fmt::format("{}: {}", (directory / name).string(), error.what())));
    }
  }
  return counts;
}

}  // namespace entente::directory
