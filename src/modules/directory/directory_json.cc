#include "modules/directory/directory_json.h"

#include "core/base/messages.h"
#include "core/http/json.h"
#include "core/http/json_reader.h"
#include "modules/directory/people_service.h"

namespace entente::directory {
using http::JsonReader;
using nlohmann::json;

json TextJson(const i18n::LocalizedText& text) { return http::LocalizedJson(text); }

json DateJson(const PartialDate& date) { return http::PartialDateJson(date); }

json OrganizationJson(const Organization& organization) {
  return {{"id", organization.id.value()},
          {"slug", organization.slug},
          {"kind", KindKey(organization.kind)},
          {"parent_id", organization.parent ? json(organization.parent->value()) : json(nullptr)},
          {"city", organization.city},
          {"country", organization.country_code},
          {"jurisdiction", organization.jurisdiction.empty() ? json(nullptr) : json(organization.jurisdiction)},
          {"website", organization.website},
          {"visibility", auth::VisibilityKey(organization.visibility)},
          {"name", TextJson(organization.name)},
          {"alternate_name", TextJson(organization.alternate_name)}};
}

json PersonJson(const Person& record, const auth::Actor& viewer) {
  // Gender is kept for the roll's export; no page shows it, and neither does the API.
  Person person = AsSeenBy(viewer, record);
  json names = json::array();
  for (const auto& name : person.names) {
    names.push_back({{"name", name.full_name},
                     {"script", ScriptKey(name.script)},
                     {"kind", NameKindKey(name.kind)},
                     {"language", name.language},
                     {"note", name.note}});
  }
  json memberships = json::array();
  for (const auto& membership : person.memberships) {
    memberships.push_back({{"bar_id", membership.bar.value()},
                           {"bar", membership.bar_slug},
                           {"roll_number", membership.roll_number},
                           {"admitted_on", DateJson(membership.admitted_on)},
                           {"status", StatusKey(membership.status)},
                           {"status_since", DateJson(membership.status_since)}});
  }
  json positions = json::array();
  for (const auto& position : person.positions) {
    positions.push_back({{"organization_id", position.organization.value()},
                         {"organization", position.organization_slug},
                         {"title", TitleKey(position.title)},
                         {"starts_on", DateJson(position.starts_on)},
                         {"ends_on", DateJson(position.ends_on)},
                         {"attested_on", DateJson(position.attested_on)},
                         {"source", position.source}});
  }
  json contacts = json::array();
  for (const auto& contact : VisibleContacts(viewer, person)) {
    contacts.push_back({{"kind", ContactKindKey(contact.kind)},
                        {"value", contact.value},
                        {"visibility", auth::VisibilityKey(contact.visibility)}});
  }
  return {{"id", person.id.value()},
          {"slug", person.slug},
          {"display_name", person.display_name.empty() ? json(nullptr) : json(person.display_name)},
          {"city", person.city},
          {"synthetic", person.synthetic},
          {"names", names},
          {"languages", person.languages},
          {"practice_areas", person.practice_areas},
          {"contacts", contacts},
          {"memberships", memberships},
          {"positions", positions}};
}

Result<OrganizationInput> OrganizationInputFromJson(const json& body) {
  JsonReader read(body);
  OrganizationInput input;
  input.slug = read.String("slug");
  input.kind = read.String("kind");
  input.parent_slug = read.String("parent");
  input.city = read.String("city");
  input.country_code = read.String("country");
  input.jurisdiction = read.String("jurisdiction");
  input.website = read.String("website");
  input.visibility = read.String("visibility");
  input.keep_parent = body.is_object() && !read.Has("parent");
  input.keep_visibility = body.is_object() && !read.Has("visibility");
  if (input.visibility.empty()) input.visibility = "public";
  input.name = read.Text("name");
  input.alternate_name = read.Text("alternate_name");
  return read.Finish(std::move(input));
}

Result<PersonInput> PersonInputFromJson(const json& body) {
  JsonReader read(body);
  PersonInput input;
  input.gender = read.String("gender");
  input.city = read.String("city");
  input.languages = read.Strings("languages");
  input.practice_areas = read.Strings("practice_areas");
  read.Each("names", [&](JsonReader& item) {
    PersonName name;
    name.full_name = item.String("name");
    std::string kind = item.String("kind");
    auto parsed_kind = ParseNameKind(kind.empty() ? (input.names.empty() ? "as_written" : "transliterated") : kind);
    if (!parsed_kind) item.Add({"names", N_("Choose the kind of each name from the list.")});
    name.kind = parsed_kind.value_or(NameKind::kAsWritten);
    name.script = DetectScript(name.full_name);
    name.language = item.String("language");
    name.note = item.String("note");
    input.names.push_back(std::move(name));
  });
  read.Each("contacts", [&](JsonReader& item) {
    Contact contact;
    auto kind = ParseContactKind(item.String("kind"));
    std::string visibility = item.String("visibility");
    auto level = auth::ParseVisibility(visibility.empty() ? "members" : visibility);
    contact.value = item.String("value");
    if (!kind) item.Add({"contacts", N_("Choose the kind of each contact detail from the list.")});
    if (!level) item.Add({"contacts", N_("Choose who may see each contact detail from the list.")});
    contact.kind = kind.value_or(ContactKind::kEmail);
    contact.visibility = level.value_or(auth::Visibility::kPrivate);
    input.contacts.push_back(std::move(contact));
  });
  return read.Finish(std::move(input));
}

Result<MembershipInput> MembershipInputFromJson(const json& body) {
  JsonReader read(body);
  MembershipInput input;
  input.bar_slug = read.String("bar");
  input.roll_number = read.String("roll_number");
  input.admitted_on = read.String("admitted_on");
  input.status = read.String("status");
  if (input.status.empty()) input.status = "active";
  input.status_since = read.String("status_since");
  return read.Finish(std::move(input));
}

Result<PositionInput> PositionInputFromJson(const json& body) {
  JsonReader read(body);
  PositionInput input;
  input.organization_slug = read.String("organization");
  input.title = read.String("title");
  input.starts_on = read.String("starts_on");
  input.ends_on = read.String("ends_on");
  input.attested_on = read.String("attested_on");
  input.source = read.String("source");
  return read.Finish(std::move(input));
}

}  // namespace entente::directory
