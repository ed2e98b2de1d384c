#include "modules/directory/directory_json.h"

#include "core/base/messages.h"
#include "core/http/json.h"
#include "modules/directory/people_service.h"

namespace entente::directory {
namespace {

using nlohmann::json;

// Reads members of a JSON object, collecting a field error for each of the wrong type.
class Reader {
 public:
  explicit Reader(const json& body) : body_(body) {
    if (!body_.is_object()) errors_.push_back({"body", N_("Send a JSON object.")});
  }

  std::string String(const char* name) {
    if (!body_.is_object()) return "";
    auto it = body_.find(name);
    if (it == body_.end() || it->is_null()) return "";
    if (!it->is_string()) {
      errors_.push_back({name, N_("This must be text.")});
      return "";
    }
    return it->get<std::string>();
  }

  std::vector<std::string> Strings(const char* name) {
    std::vector<std::string> values;
    const json* array = Array(name);
    if (!array) return values;
    for (const auto& item : *array) {
      if (!item.is_string()) {
        errors_.push_back({name, N_("This must be a list of texts.")});
        return {};
      }
      values.push_back(item.get<std::string>());
    }
    return values;
  }

  const json* Array(const char* name) {
    if (!body_.is_object()) return nullptr;
    auto it = body_.find(name);
    if (it == body_.end() || it->is_null()) return nullptr;
    if (!it->is_array()) {
      errors_.push_back({name, N_("This must be a list.")});
      return nullptr;
    }
    return &*it;
  }

  // {"en": "…", "fr": "…"}: the text per language; `original` is the first language given.
  i18n::LocalizedText Text(const char* name) {
    i18n::LocalizedText text;
    if (!body_.is_object()) return text;
    auto it = body_.find(name);
    if (it == body_.end() || it->is_null()) return text;
    if (!it->is_object()) {
      errors_.push_back({name, N_("Give the text as an object with one member per language (en, fr, ru, kk).")});
      return text;
    }
    std::string original = String("original_language");
    for (const auto& [language, value] : it->items()) {
      if (!value.is_string()) {
        errors_.push_back({name, N_("Give the text as an object with one member per language (en, fr, ru, kk).")});
        continue;
      }
      text.Set(language, value.get<std::string>(), original.empty() ? text.variants().empty() : language == original);
    }
    return text;
  }

  void Add(FieldError error) { errors_.push_back(std::move(error)); }

  template <typename T>
  Result<T> Finish(T value) {
    if (!errors_.empty())
      return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors_)));
    return value;
  }

 private:
  const json& body_;
  std::vector<FieldError> errors_;
};

}  // namespace

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
  Reader read(body);
  OrganizationInput input;
  input.slug = read.String("slug");
  input.kind = read.String("kind");
  input.parent_slug = read.String("parent");
  input.city = read.String("city");
  input.country_code = read.String("country");
  input.jurisdiction = read.String("jurisdiction");
  input.website = read.String("website");
  input.visibility = read.String("visibility");
  input.keep_parent = body.is_object() && !body.contains("parent");
  input.keep_visibility = body.is_object() && !body.contains("visibility");
  if (input.visibility.empty()) input.visibility = "public";
  input.name = read.Text("name");
  input.alternate_name = read.Text("alternate_name");
  return read.Finish(std::move(input));
}

Result<PersonInput> PersonInputFromJson(const json& body) {
  Reader read(body);
  PersonInput input;
  input.gender = read.String("gender");
  input.city = read.String("city");
  input.languages = read.Strings("languages");
  input.practice_areas = read.Strings("practice_areas");
  if (const json* names = read.Array("names")) {
    for (const auto& item : *names) {
      Reader name_reader(item);
      PersonName name;
      name.full_name = name_reader.String("name");
      std::string kind = name_reader.String("kind");
      auto parsed_kind = ParseNameKind(kind.empty() ? (input.names.empty() ? "as_written" : "transliterated") : kind);
      if (!parsed_kind) read.Add({"names", N_("Choose the kind of each name from the list.")});
      name.kind = parsed_kind.value_or(NameKind::kAsWritten);
      name.script = DetectScript(name.full_name);
      name.language = name_reader.String("language");
      name.note = name_reader.String("note");
      if (!name_reader.Finish(0)) read.Add({"names", N_("Give each name as an object with a name and a kind.")});
      input.names.push_back(std::move(name));
    }
  }
  if (const json* contacts = read.Array("contacts")) {
    for (const auto& item : *contacts) {
      Reader contact_reader(item);
      Contact contact;
      auto kind = ParseContactKind(contact_reader.String("kind"));
      std::string visibility = contact_reader.String("visibility");
      auto level = auth::ParseVisibility(visibility.empty() ? "members" : visibility);
      contact.value = contact_reader.String("value");
      if (!kind) read.Add({"contacts", N_("Choose the kind of each contact detail from the list.")});
      if (!level) read.Add({"contacts", N_("Choose who may see each contact detail from the list.")});
      contact.kind = kind.value_or(ContactKind::kEmail);
      contact.visibility = level.value_or(auth::Visibility::kPrivate);
      input.contacts.push_back(std::move(contact));
    }
  }
  return read.Finish(std::move(input));
}

Result<MembershipInput> MembershipInputFromJson(const json& body) {
  Reader read(body);
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
  Reader read(body);
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
