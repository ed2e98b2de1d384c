#include "modules/directory/directory_demo.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/auth/actor.h"
#include "core/base/json_file.h"
#include "core/http/json_reader.h"

namespace entente::directory {
namespace {

using http::JsonReader;

// Reads each item of the list `list` of the demo file `path` and saves it with `save(item)` (a
// Status), stopping at the first failure. The texts of the files are in English unless an item
// says otherwise (`original_language`). The number saved, or the first failure, or the file's
// field errors.
template <typename Save>
Result<int> SaveEach(const std::filesystem::path& path, const char* list, Save&& save) {
  auto document = ReadJsonFile(path);
  if (!document) return Fail(document.error());
  JsonReader file(*document, "en");
  int saved = 0;
  Status failed;
  file.Each(list, [&](JsonReader& item) {
    if (!failed) return;
    failed = save(item);
    if (failed && item.ok()) ++saved;
  });
  if (!failed) return Fail(failed.error());
  auto read = file.Finish(saved);
  if (!read) return Fail(Error::Internal(fmt::format("{}: {}", path.string(), read.error().Describe())));
  return read;
}

Status LoadJurisdiction(OrganizationService& organizations, JsonReader& item) {
  std::string code = item.String("code");
  i18n::LocalizedText name = item.Text("name");
  if (!item.ok()) return {};
  auto id = organizations.SaveJurisdiction(code, name);
  if (!id) return Fail(Error::Internal("demo jurisdiction: " + id.error().Describe()));
  return {};
}

Status LoadOrganization(OrganizationService& organizations, const auth::Actor& actor, JsonReader& item) {
  OrganizationInput input;
  input.slug = item.String("slug");
  input.kind = item.String("kind");
  input.parent_slug = item.String("parent");
  input.city = item.String("city");
  input.country_code = item.String("country");
  input.jurisdiction = item.String("jurisdiction");
  input.website = item.String("website");
  input.visibility = item.String("visibility", "public");
  input.name = item.Text("name");
  input.alternate_name = item.Text("alternate_name");
  if (!item.ok()) return {};
  auto id = organizations.Save(actor, input);
  if (!id) return Fail(Error::Internal(fmt::format("demo organization {}: {}", input.slug, id.error().Describe())));
  return {};
}

// The person's roll memberships and positions, once the person is saved.
Status LoadLinks(PeopleService& people, const auth::Actor& actor, JsonReader& item, PersonId id,
                 const std::string& slug) {
  std::vector<MembershipInput> memberships;
  std::vector<PositionInput> positions;
  item.Each("memberships", [&](JsonReader& membership) {
    memberships.push_back({membership.String("bar"), membership.String("roll_number"), membership.String("admitted_on"),
                           membership.String("status", "active"), membership.String("status_since")});
  });
  item.Each("positions", [&](JsonReader& position) {
    positions.push_back({position.String("organization"), position.String("title"), position.String("starts_on"),
                         position.String("ends_on"), position.String("attested_on"), position.String("source")});
  });
  if (!item.ok()) return {};
  for (const auto& roll : memberships) {
    if (auto saved = people.SaveMembership(actor, id, roll); !saved) {
      return Fail(Error::Internal(fmt::format("demo membership of {}: {}", slug, saved.error().Describe())));
    }
  }
  for (const auto& held : positions) {
    if (auto saved = people.SavePosition(actor, id, held); !saved) {
      return Fail(Error::Internal(fmt::format("demo position of {}: {}", slug, saved.error().Describe())));
    }
  }
  return {};
}

Status LoadPerson(PeopleService& people, const auth::Actor& actor, JsonReader& item) {
  PersonInput input;
  input.slug = item.String("slug");
  input.gender = item.String("gender");
  input.city = item.String("city");
  item.Each("names", [&](JsonReader& name) {
    std::string text = name.String("name");
    input.names.push_back({text, DetectScript(text),
                           ParseNameKind(name.String("kind", "as_written")).value_or(NameKind::kAsWritten),
                           name.String("language"), name.String("note")});
  });
  input.languages = item.Strings("languages");
  input.practice_areas = item.Strings("practice_areas");
  if (!item.ok()) return {};
  auto id = people.SavePerson(actor, input);
  if (!id) return Fail(Error::Internal(fmt::format("demo person {}: {}", input.slug, id.error().Describe())));
  return LoadLinks(people, actor, item, *id, input.slug);
}

}  // namespace

Result<DemoCounts> LoadDemo(OrganizationService& organizations, PeopleService& people,
                            const std::filesystem::path& demo_dir, const std::string& request_id) {
  auto actor = auth::Actor::System(request_id);
  DemoCounts counts;
  auto directory = demo_dir / "directory";
  auto load = [&](const char* name, const char* list, int& count, auto&& save) -> Status {
    auto loaded = SaveEach(directory / name, list, save);
    if (!loaded) return Fail(loaded.error());
    count = *loaded;
    return {};
  };
  Status loaded = load("jurisdictions.json", "jurisdictions", counts.jurisdictions,
                       [&](JsonReader& item) { return LoadJurisdiction(organizations, item); });
  if (loaded) {
    // Parents come before their children in the file.
    loaded = load("organizations.json", "organizations", counts.organizations,
                  [&](JsonReader& item) { return LoadOrganization(organizations, actor, item); });
  }
  if (loaded) {
    loaded =
        load("people.json", "people", counts.people, [&](JsonReader& item) { return LoadPerson(people, actor, item); });
  }
  if (!loaded) return Fail(loaded.error());
  return counts;
}

}  // namespace entente::directory
