// The directory's forms and write API: creating and editing organizations and people, adding
// roll memberships and positions, merging two records of one person.
//
//   GET|POST /organizations/new                  admin   a new organization (below one the actor administers)
//   GET|POST /organizations/{slug}/edit          admin   its administrators (or a platform admin)
//   GET|POST /people/new                         admin   a new person on the roll of a bar the actor administers
//   GET|POST /people/{slug}/edit                 admin   administrators of one of the person's bars or organizations
//   POST /people/{slug}/memberships              admin   add or update a roll membership (the bar's administrators)
//   POST /people/{slug}/positions                admin   add a position (the organization's administrators)
//   GET|POST /people/{slug}/merge                admin   merge a duplicate record into this one
//   POST /api/v1/organizations                   admin
//   PUT /api/v1/organizations/{id}               admin
//   POST /api/v1/people                          admin   {"person": {…}, "membership": {…}}
//   PUT /api/v1/people/{id}                      admin
//   POST /api/v1/people/{id}/memberships         admin
//   POST /api/v1/people/{id}/positions           admin
//   POST /api/v1/people/{id}/merge               admin   {"duplicate_id": N}

#include "modules/directory/directory_edit_routes.h"

#include <fmt/format.h>

#include "core/base/text.h"
#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/http/json.h"
#include "core/i18n/languages.h"
#include "modules/directory/directory_json.h"

namespace entente::directory {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;
using nlohmann::json;
using render::Text;

// Empty rows offered under the existing names and contact details.
constexpr int kSpareRows = 2;
// Rows read back from a form at most.
constexpr int kMaxRows = 20;

struct Context {
  const render::PageRenderer& pages;
  OrganizationService& organizations;
  PeopleService& people;
};

std::string Join(const std::vector<std::string>& values) {
  std::string text;
  for (const auto& value : values) text += (text.empty() ? "" : ", ") + value;
  return text;
}


// Organizations where the actor may act as bar admin, for the choice of a bar, parent or
// organization on a form.
std::vector<Organization> Administered(const RequestContext& context, const std::vector<Organization>& all,
                                       bool bars_only) {
  std::vector<Organization> chosen;
  for (const auto& organization : all) {
    if (bars_only && organization.kind != OrganizationKind::kBar &&
        organization.kind != OrganizationKind::kNationalBar) {
      continue;
    }
    if (context.actor.Holds(auth::Role::kBarAdmin, organization.id)) chosen.push_back(organization);
  }
  return chosen;
}

void AddOrganizationOptions(ctemplate::TemplateDictionary& content, const char* section,
                            const std::vector<Organization>& organizations, const std::string& selected,
                            const std::string& language) {
  for (const auto& organization : organizations) {
    auto* option = content.AddSectionDictionary(section);
    option->SetValue("SLUG", organization.slug);
    option->SetValue("NAME", organization.name.TextIn(language, organization.slug));
    if (organization.slug == selected) option->ShowSection("SELECTED");
  }
}

Result<Response> SeeOther(std::string location) { return Response::Redirect(std::move(location)); }

int StatusFor(const Error& error) { return http::HttpStatusFor(error.code()); }

// --- Organizations ---

OrganizationInput InputFrom(const Organization& organization, const std::vector<Organization>& all) {
  OrganizationInput input;
  input.slug = organization.slug;
  input.kind = std::string(KindKey(organization.kind));
  for (const auto& other : all) {
    if (organization.parent && other.id == *organization.parent) input.parent_slug = other.slug;
  }
  input.city = organization.city;
  input.country_code = organization.country_code;
  input.jurisdiction = organization.jurisdiction;
  input.website = organization.website;
  input.visibility = std::string(auth::VisibilityKey(organization.visibility));
  input.name = organization.name;
  input.alternate_name = organization.alternate_name;
  return input;
}

OrganizationInput OrganizationInputFromForm(const http::Form& form) {
  OrganizationInput input;
  input.slug = form.Get("slug");
  input.kind = form.Get("kind");
  input.parent_slug = form.Get("parent");
  input.city = form.Get("city");
  input.country_code = form.Get("country_code");
  input.jurisdiction = form.Get("jurisdiction");
  input.website = form.Get("website");
  input.visibility = form.Get("visibility");
  std::string original = form.Get("original_language");
  for (std::string_view language : i18n::kLanguages) {
    std::string code(language);
    if (auto text = form.Get("name_" + code); !text.empty()) input.name.Set(code, text, code == original);
    if (auto text = form.Get("alternate_name_" + code); !text.empty()) {
      input.alternate_name.Set(code, text, code == original);
    }
  }
  return input;
}

Result<Response> OrganizationForm(RequestContext& context, const Context& deps, const OrganizationInput& input,
                                  const std::optional<Organization>& existing, const std::optional<Error>& error) {
  auto all = deps.organizations.ListAll(context.actor);
  if (!all) return Fail(all.error());
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  const std::string& language = context.language;
  std::string title = existing ? existing->name.TextIn(language, existing->slug)
                               : deps.pages.Translate(context, N_("New organization"));
  render::Page page("directory/organization_form.tpl", title);
  page.UseForms();
  auto& content = page.content();
  content.SetValue("TITLE", title);
  if (existing) {
    content.SetValueAndShowSection("SLUG", existing->slug, "EDITING");
    content.SetValue("ACTION", "/organizations/" + existing->slug + "/edit");
  } else {
    content.SetValue("ACTION", "/organizations/new");
    content.SetValue("NEW_SLUG", input.slug);
    content.ShowSection("CREATING");
  }
  for (OrganizationKind kind :
       {OrganizationKind::kBar, OrganizationKind::kNationalBar, OrganizationKind::kCommittee,
        OrganizationKind::kTrainingCentre, OrganizationKind::kMinistry, OrganizationKind::kCourtCouncil,
        OrganizationKind::kUnion, OrganizationKind::kProgramme, OrganizationKind::kOther}) {
    auto* option = content.AddSectionDictionary("KIND_OPTION");
    option->SetValue("KEY", Text(KindKey(kind)));
    option->SetValue("LABEL", deps.pages.Translate(context, KindLabel(kind)));
    if (KindKey(kind) == input.kind) option->ShowSection("SELECTED");
  }
  // A parent the actor administers; a platform admin may also leave it at the top level.
  std::vector<Organization> parents;
  for (const auto& organization : Administered(context, *all, false)) {
    if (!existing || organization.id != existing->id) parents.push_back(organization);
  }
  if (context.actor.IsPlatformAdmin()) content.ShowSection("TOP_LEVEL_ALLOWED");
  AddOrganizationOptions(content, "PARENT_OPTION", parents, input.parent_slug, language);
  for (const auto& jurisdiction : *jurisdictions) {
    auto* option = content.AddSectionDictionary("JURISDICTION_OPTION");
    option->SetValue("CODE", jurisdiction.code);
    auto name = jurisdiction.name.Pick(language);
    option->SetValue("NAME", name ? std::string(name->text) : jurisdiction.code);
    if (jurisdiction.code == input.jurisdiction) option->ShowSection("SELECTED");
  }
  std::string original;
  for (const auto& [code, variant] : input.name.variants()) {
    if (variant.original) original = code;
  }
  for (std::string_view code : i18n::kLanguages) {
    auto* row = content.AddSectionDictionary("NAME_ROW");
    row->SetValue("CODE", Text(code));
    row->SetValue("LANGUAGE", Text(i18n::NativeName(code)));
    auto& variants = input.name.variants();
    if (auto it = variants.find(code); it != variants.end()) row->SetValue("NAME", it->second.text);
    auto& alternates = input.alternate_name.variants();
    if (auto it = alternates.find(code); it != alternates.end()) row->SetValue("ALTERNATE", it->second.text);
    auto* option = content.AddSectionDictionary("ORIGINAL_OPTION");
    option->SetValue("CODE", Text(code));
    option->SetValue("LANGUAGE", Text(i18n::NativeName(code)));
    if (code == original) option->ShowSection("SELECTED");
  }
  content.SetValue("CITY", input.city);
  content.SetValue("COUNTRY_CODE", input.country_code);
  content.SetValue("WEBSITE", input.website);
  for (auto visibility : {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kOrganization}) {
    auto* option = content.AddSectionDictionary("VISIBILITY_OPTION");
    option->SetValue("KEY", Text(auth::VisibilityKey(visibility)));
    option->SetValue("LABEL", deps.pages.Translate(context, auth::VisibilityLabel(visibility)));
    if (auth::VisibilityKey(visibility) == input.visibility) option->ShowSection("SELECTED");
  }
  int status = 200;
  if (error) {
    deps.pages.ShowErrors(context, content, *error);
    status = StatusFor(*error);
  }
  return deps.pages.Render(context, page, status);
}

// The refusal of a form that adds a record below `slug`'s organization, named in its query: 403
// for one the actor sees and does not administer. An unknown one is left to the form's fields.
std::optional<Error> RefusedBelow(RequestContext& context, const Context& deps, const std::string& slug) {
  if (slug.empty()) return std::nullopt;
  auto allowed = deps.organizations.Administers(context.actor, slug);
  if (!allowed && allowed.error().code() == ErrorCode::kPermissionDenied) return allowed.error();
  return std::nullopt;
}

Result<Response> NewOrganizationPage(RequestContext& context, const Context& deps) {
  OrganizationInput input;
  input.parent_slug = context.request.QueryParam("parent").value_or("");
  input.kind = "committee";
  // A form for below another bar's organization is refused at once, not on submit.
  if (auto refused = RefusedBelow(context, deps, input.parent_slug)) return Fail(*refused);
  return OrganizationForm(context, deps, input, std::nullopt, std::nullopt);
}

Result<Response> CreateOrganization(RequestContext& context, const Context& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  OrganizationInput input = OrganizationInputFromForm(*form);
  auto created = deps.organizations.Create(context.actor, input);
  if (!created) {
    if (created.error().code() != ErrorCode::kInvalidArgument) return Fail(created.error());
    return OrganizationForm(context, deps, input, std::nullopt, created.error());
  }
  return SeeOther("/organizations/" + input.slug + "?saved=1");
}

Result<Organization> EditableOrganization(RequestContext& context, const Context& deps) {
  auto organization = deps.organizations.GetBySlug(context.actor, std::string(context.params.Get("slug")));
  if (!organization) return Fail(organization.error());
  if (!MayView(context.actor, *organization)) return Fail(Error::NotFound());
  if (!context.actor.Holds(auth::Role::kBarAdmin, organization->id)) return Fail(Error::PermissionDenied());
  return organization;
}

Result<Response> EditOrganizationPage(RequestContext& context, const Context& deps) {
  auto organization = EditableOrganization(context, deps);
  if (!organization) return Fail(organization.error());
  auto all = deps.organizations.ListAll(context.actor);
  if (!all) return Fail(all.error());
  return OrganizationForm(context, deps, InputFrom(*organization, *all), *organization, std::nullopt);
}

Result<Response> UpdateOrganization(RequestContext& context, const Context& deps) {
  auto organization = EditableOrganization(context, deps);
  if (!organization) return Fail(organization.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  OrganizationInput input = OrganizationInputFromForm(*form);
  input.slug = organization->slug;
  auto saved = deps.organizations.Update(context.actor, organization->id, input);
  if (!saved) {
    if (saved.error().code() != ErrorCode::kInvalidArgument) return Fail(saved.error());
    return OrganizationForm(context, deps, input, *organization, saved.error());
  }
  return SeeOther("/organizations/" + organization->slug + "?saved=1");
}

// --- People ---

PersonInput InputFrom(const Person& person) {
  PersonInput input;
  input.slug = person.slug;
  input.gender = person.gender;
  input.city = person.city;
  input.synthetic = person.synthetic;
  input.names = person.names;
  input.languages = person.languages;
  input.practice_areas = person.practice_areas;
  input.contacts = person.contacts;
  return input;
}

// Rows name_full_K, name_kind_K, name_language_K, name_note_K (K from 0: the name as written)
// and contact_kind_K, contact_value_K, contact_visibility_K; empty rows are skipped.
PersonInput PersonInputFromForm(const http::Form& form) {
  PersonInput input;
  input.gender = form.Get("gender");
  input.city = form.Get("city");
  input.languages = SplitList(form.Get("languages"), ",;");
  for (auto& language : input.languages) {
    for (auto& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  input.practice_areas = SplitList(form.Get("practice_areas"), ",;");
  for (int k = 0; k < kMaxRows; ++k) {
    std::string full_name = form.Get(fmt::format("name_full_{}", k));
    if (full_name.empty()) continue;
    PersonName name;
    name.full_name = full_name;
    name.script = DetectScript(full_name);
    name.kind = k == 0 ? NameKind::kAsWritten
                       : ParseNameKind(form.Get(fmt::format("name_kind_{}", k))).value_or(NameKind::kTransliterated);
    name.language = form.Get(fmt::format("name_language_{}", k));
    name.note = form.Get(fmt::format("name_note_{}", k));
    input.names.push_back(std::move(name));
  }
  for (int k = 0; k < kMaxRows; ++k) {
    std::string value = form.Get(fmt::format("contact_value_{}", k));
    if (value.empty()) continue;
    Contact contact;
    contact.value = value;
    contact.kind = ParseContactKind(form.Get(fmt::format("contact_kind_{}", k))).value_or(ContactKind::kEmail);
    // An unknown level is refused by validation rather than widened.
    contact.visibility =
        auth::ParseVisibility(form.Get(fmt::format("contact_visibility_{}", k))).value_or(auth::Visibility::kPrivate);
    input.contacts.push_back(std::move(contact));
  }
  return input;
}

std::string_view ContactVisibilityLabel(auth::Visibility visibility) {
  switch (visibility) {
    case auth::Visibility::kPublic:
      return N_("Everyone");
    case auth::Visibility::kMembers:
      return N_("Signed-in users");
    default:
      return N_("The person's bars and organizations");
  }
}

void FillPersonFields(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                      const PersonInput& input) {
  std::vector<PersonName> names = input.names;
  if (names.empty()) names.push_back({});
  for (int i = 0; i < kSpareRows; ++i) names.push_back({"", NameScript::kLatin, NameKind::kTransliterated, "", ""});
  for (size_t k = 0; k < names.size() && k < kMaxRows; ++k) {
    const PersonName& name = names[k];
    auto* row = content.AddSectionDictionary(k == 0 ? "FIRST_NAME" : "NAME_ROW");
    row->SetValue("K", std::to_string(k));
    row->SetValue("FULL_NAME", name.full_name);
    row->SetValue("LANGUAGE", name.language);
    row->SetValue("NOTE", name.note);
    if (k == 0) continue;
    for (NameKind kind : {NameKind::kAsWritten, NameKind::kPreferred, NameKind::kPassport, NameKind::kTransliterated}) {
      auto* option = row->AddSectionDictionary("KIND_OPTION");
      option->SetValue("KEY", Text(NameKindKey(kind)));
      option->SetValue("LABEL", deps.pages.Translate(context, NameKindLabel(kind)));
      if (kind == name.kind) option->ShowSection("SELECTED");
    }
  }
  for (auto [key, label] : {std::pair{"", N_("Not recorded")}, std::pair{"female", N_("Female")},
                            std::pair{"male", N_("Male")}, std::pair{"other", N_("Other")}}) {
    auto* option = content.AddSectionDictionary("GENDER_OPTION");
    option->SetValue("KEY", key);
    option->SetValue("LABEL", deps.pages.Translate(context, label));
    if (input.gender == key) option->ShowSection("SELECTED");
  }
  content.SetValue("CITY", input.city);
  content.SetValue("LANGUAGES", Join(input.languages));
  content.SetValue("PRACTICE_AREAS", Join(input.practice_areas));
  std::vector<Contact> contacts = input.contacts;
  for (int i = 0; i < kSpareRows; ++i) contacts.push_back({ContactKind::kEmail, "", auth::Visibility::kMembers});
  for (size_t k = 0; k < contacts.size() && k < kMaxRows; ++k) {
    const Contact& contact = contacts[k];
    auto* row = content.AddSectionDictionary("CONTACT_ROW");
    row->SetValue("K", std::to_string(k));
    row->SetValue("VALUE", contact.value);
    for (ContactKind kind : {ContactKind::kEmail, ContactKind::kPhone, ContactKind::kAddress, ContactKind::kWebsite}) {
      auto* option = row->AddSectionDictionary("KIND_OPTION");
      option->SetValue("KEY", Text(ContactKindKey(kind)));
      option->SetValue("LABEL", deps.pages.Translate(context, ContactKindLabel(kind)));
      if (kind == contact.kind) option->ShowSection("SELECTED");
    }
    for (auto level : {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kOrganization}) {
      auto* option = row->AddSectionDictionary("VISIBILITY_OPTION");
      option->SetValue("KEY", Text(auth::VisibilityKey(level)));
      option->SetValue("LABEL", deps.pages.Translate(context, ContactVisibilityLabel(level)));
      if (level == contact.visibility) option->ShowSection("SELECTED");
    }
  }
}

Result<Response> NewPersonForm(RequestContext& context, const Context& deps, const PersonInput& input,
                               const MembershipInput& membership, const std::optional<Error>& error) {
  auto all = deps.organizations.ListAll(context.actor);
  if (!all) return Fail(all.error());
  render::Page page("directory/person_form.tpl", deps.pages.Translate(context, N_("New person")));
  page.UseForms();
  auto& content = page.content();
  content.SetValue("TITLE", deps.pages.Translate(context, N_("New person")));
  content.SetValue("ACTION", "/people/new");
  auto* roll = content.AddSectionDictionary("CREATING");
  AddOrganizationOptions(*roll, "BAR_OPTION", Administered(context, *all, true), membership.bar_slug, context.language);
  roll->SetValue("ROLL_NUMBER", membership.roll_number);
  roll->SetValue("ADMITTED_ON", membership.admitted_on);
  for (MembershipStatus status : {MembershipStatus::kActive, MembershipStatus::kSuspended, MembershipStatus::kHonorary,
                                  MembershipStatus::kFormer}) {
    auto* option = roll->AddSectionDictionary("STATUS_OPTION");
    option->SetValue("KEY", Text(StatusKey(status)));
    option->SetValue("LABEL", deps.pages.Translate(context, StatusLabel(status)));
    if (StatusKey(status) == membership.status) option->ShowSection("SELECTED");
  }
  FillPersonFields(context, deps, content, input);
  int status = 200;
  if (error) {
    deps.pages.ShowErrors(context, content, *error);  // field errors are seen inside CREATING too
    status = StatusFor(*error);
  }
  return deps.pages.Render(context, page, status);
}

Result<Response> NewPersonPage(RequestContext& context, const Context& deps) {
  MembershipInput membership;
  membership.bar_slug = context.request.QueryParam("bar").value_or("");
  if (auto refused = RefusedBelow(context, deps, membership.bar_slug)) return Fail(*refused);
  return NewPersonForm(context, deps, PersonInput{}, membership, std::nullopt);
}

Result<Response> CreatePerson(RequestContext& context, const Context& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  PersonInput input = PersonInputFromForm(*form);
  MembershipInput membership{form->Get("bar"), form->Get("roll_number"), form->Get("admitted_on"),
                             form->Get("status").empty() ? "active" : form->Get("status"), ""};
  auto created = deps.people.CreatePerson(context.actor, input, membership);
  if (!created) {
    if (created.error().code() != ErrorCode::kInvalidArgument) return Fail(created.error());
    return NewPersonForm(context, deps, input, membership, created.error());
  }
  auto person = deps.people.GetPerson(*created);
  if (!person) return Fail(person.error());
  return SeeOther("/people/" + person->slug + "?saved=1");
}

// Which of the three forms of the edit page an error belongs to.
enum class PersonFormPart { kPerson, kMembership, kPosition };

Result<Response> EditPersonForm(RequestContext& context, const Context& deps, const Person& person,
                                const PersonInput& input, const std::optional<Error>& error,
                                PersonFormPart part = PersonFormPart::kPerson) {
  auto all = deps.organizations.ListAll(context.actor);
  if (!all) return Fail(all.error());
  std::string name =
      person.display_name.empty() ? deps.pages.Translate(context, N_("Name not given")) : person.display_name;
  std::string title = deps.pages.catalogs().TranslateWith(context.language, N_("Edit {1}"), name);
  render::Page page("directory/person_form.tpl", title);
  page.UseForms();
  auto& content = page.content();
  content.SetValue("TITLE", title);
  content.SetValue("ACTION", "/people/" + person.slug + "/edit");
  auto* editing = content.AddSectionDictionary("EDITING");
  editing->SetValue("SLUG", person.slug);
  editing->SetValue("NAME", name);
  AddOrganizationOptions(*editing, "BAR_OPTION", Administered(context, *all, true), "", context.language);
  AddOrganizationOptions(*editing, "ORGANIZATION_OPTION", Administered(context, *all, false), "", context.language);
  for (MembershipStatus status : {MembershipStatus::kActive, MembershipStatus::kSuspended, MembershipStatus::kHonorary,
                                  MembershipStatus::kFormer}) {
    auto* option = editing->AddSectionDictionary("STATUS_OPTION");
    option->SetValue("KEY", Text(StatusKey(status)));
    option->SetValue("LABEL", deps.pages.Translate(context, StatusLabel(status)));
  }
  for (PositionTitle position_title :
       {PositionTitle::kChairman, PositionTitle::kPresident, PositionTitle::kVicePresident, PositionTitle::kBoardMember,
        PositionTitle::kCouncilMember, PositionTitle::kHead, PositionTitle::kDeputyHead, PositionTitle::kTeamLeader,
        PositionTitle::kMember, PositionTitle::kSecretary, PositionTitle::kSubDirector}) {
    auto* option = editing->AddSectionDictionary("TITLE_OPTION");
    option->SetValue("KEY", Text(TitleKey(position_title)));
    option->SetValue("LABEL", deps.pages.catalogs().TranslateInContext(context.language, kPositionContext,
                                                                       TitleLabel(position_title)));
  }
  FillPersonFields(context, deps, content, input);
  int status = 200;
  if (error) {
    switch (part) {
      case PersonFormPart::kPerson:
        deps.pages.ShowErrors(context, content, *error);
        break;
      case PersonFormPart::kMembership:
        deps.pages.ShowErrors(context, *editing->AddSectionDictionary("MEMBERSHIP_ERRORS"), *error);
        break;
      case PersonFormPart::kPosition:
        deps.pages.ShowErrors(context, *editing->AddSectionDictionary("POSITION_ERRORS"), *error);
        break;
    }
    status = StatusFor(*error);
  }
  return deps.pages.Render(context, page, status);
}

// The person of the URL, if the actor may edit them (403 otherwise; a merged record is gone).
Result<Person> EditablePerson(RequestContext& context, const Context& deps) {
  auto person = deps.people.GetPerson(std::string(context.params.Get("slug")));
  if (!person) return Fail(person.error());
  if (person->merged_into) return Fail(Error::NotFound());
  auto may = deps.people.MayEdit(context.actor, person->id);
  if (!may) return Fail(may.error());
  if (!*may) return Fail(Error::PermissionDenied(N_("Only the administrators of this person's bars may edit them.")));
  return AsSeenBy(context.actor, std::move(*person));
}

Result<Response> EditPersonPage(RequestContext& context, const Context& deps) {
  auto person = EditablePerson(context, deps);
  if (!person) return Fail(person.error());
  return EditPersonForm(context, deps, *person, InputFrom(*person), std::nullopt);
}

Result<Response> UpdatePerson(RequestContext& context, const Context& deps) {
  auto person = EditablePerson(context, deps);
  if (!person) return Fail(person.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  PersonInput input = PersonInputFromForm(*form);
  auto saved = deps.people.UpdatePerson(context.actor, person->id, input);
  if (!saved) {
    if (saved.error().code() != ErrorCode::kInvalidArgument) return Fail(saved.error());
    return EditPersonForm(context, deps, *person, input, saved.error());
  }
  return SeeOther("/people/" + person->slug + "?saved=1");
}

Result<Response> AddMembership(RequestContext& context, const Context& deps) {
  auto person = EditablePerson(context, deps);
  if (!person) return Fail(person.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  MembershipInput membership{form->Get("bar"), form->Get("roll_number"), form->Get("admitted_on"),
                             form->Get("status").empty() ? "active" : form->Get("status"), form->Get("status_since")};
  auto saved = deps.people.SaveMembership(context.actor, person->id, membership);
  if (!saved) {
    if (saved.error().code() != ErrorCode::kInvalidArgument) return Fail(saved.error());
    return EditPersonForm(context, deps, *person, InputFrom(*person), saved.error(), PersonFormPart::kMembership);
  }
  return SeeOther("/people/" + person->slug + "?saved=1");
}

Result<Response> AddPosition(RequestContext& context, const Context& deps) {
  auto person = EditablePerson(context, deps);
  if (!person) return Fail(person.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  PositionInput position{form->Get("organization"), form->Get("title"),       form->Get("starts_on"),
                         form->Get("ends_on"),      form->Get("attested_on"), form->Get("source")};
  auto saved = deps.people.SavePosition(context.actor, person->id, position);
  if (!saved) {
    if (saved.error().code() != ErrorCode::kInvalidArgument) return Fail(saved.error());
    return EditPersonForm(context, deps, *person, InputFrom(*person), saved.error(), PersonFormPart::kPosition);
  }
  return SeeOther("/people/" + person->slug + "?saved=1");
}

// --- Merging two records of one person ---

void FillSummary(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& section,
                 const Person& person) {
  section.SetValue("SLUG", person.slug);
  section.SetValue(
      "NAME", person.display_name.empty() ? deps.pages.Translate(context, N_("Name not given")) : person.display_name);
  std::vector<std::string> names, rolls;
  for (const auto& name : person.names) names.push_back(name.full_name);
  for (const auto& membership : person.memberships) {
    rolls.push_back(membership.roll_number.empty() ? membership.bar_slug
                                                   : membership.bar_slug + " " + membership.roll_number);
  }
  section.SetValue("NAMES", Join(names));
  section.SetValue("ROLLS", Join(rolls));
  section.SetValue("CITY", person.city);
  section.SetValue("POSITION_COUNT", std::to_string(person.positions.size()));
}

Result<Response> MergeForm(RequestContext& context, const Context& deps, const Person& keep,
                           const std::string& duplicate_slug, const std::optional<Error>& error) {
  render::Page page("directory/person_merge.tpl", deps.pages.Translate(context, N_("Merge duplicate records")));
  page.UseForms();
  auto& content = page.content();
  FillSummary(context, deps, *content.AddSectionDictionary("KEEP"), keep);
  content.SetValue("KEEP_SLUG", keep.slug);
  content.SetValue("DUPLICATE", duplicate_slug);
  // Likely duplicates: people found by the name as written, in any status.
  if (!keep.display_name.empty()) {
    LawyerQuery query;
    query.text = keep.display_name;
    query.status = "any";
    query.page.per_page = 10;
    if (auto found = deps.people.FindLawyers(query, context.language)) {
      for (const auto& hit : found->items) {
        if (hit.id == keep.id) continue;
        auto* item = content.AddSectionDictionary("CANDIDATE");
        item->SetValue("SLUG", hit.slug);
        item->SetValue("NAME", hit.display_name);
        item->SetValue("OTHER_NAMES", Join(hit.other_names));
        item->SetValue("BARS", Join(hit.bars));
      }
    }
  }
  if (!duplicate_slug.empty() && !error) {
    auto duplicate = deps.people.GetPerson(duplicate_slug);
    if (duplicate && !duplicate->merged_into && duplicate->id != keep.id) {
      FillSummary(context, deps, *content.AddSectionDictionary("CONFIRM"), *duplicate);
    }
  }
  int status = 200;
  if (error) {
    deps.pages.ShowErrors(context, content, *error);
    status = StatusFor(*error);
  }
  return deps.pages.Render(context, page, status);
}

Result<Response> MergePage(RequestContext& context, const Context& deps) {
  auto keep = EditablePerson(context, deps);
  if (!keep) return Fail(keep.error());
  return MergeForm(context, deps, *keep, context.request.QueryParam("duplicate").value_or(""), std::nullopt);
}

Result<Response> MergePeople(RequestContext& context, const Context& deps) {
  auto keep = EditablePerson(context, deps);
  if (!keep) return Fail(keep.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  std::string duplicate_slug = form->Get("duplicate");
  auto duplicate = deps.people.GetPerson(duplicate_slug);
  Status merged = duplicate ? deps.people.Merge(context.actor, keep->id, duplicate->id)
                            : Status(Fail(Error::InvalidArgument(
                                  N_("Please correct the fields below."),
                                  {{"duplicate", N_("There is no such person, or the record was already merged.")}})));
  if (!merged) {
    if (merged.error().code() != ErrorCode::kInvalidArgument) return Fail(merged.error());
    return MergeForm(context, deps, *keep, duplicate_slug, merged.error());
  }
  return SeeOther("/people/" + keep->slug + "?merged=1");
}

// --- JSON ---

Result<Response> PersonResponse(RequestContext& context, const Context& deps, PersonId id, int status) {
  auto person = deps.people.GetPerson(id);
  if (!person) return Fail(person.error());
  return http::JsonResponse(PersonJson(*person, context.actor), status);
}

Result<Response> ApiCreateOrganization(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = OrganizationInputFromJson(*body);
  if (!input) return Fail(input.error());
  auto created = deps.organizations.Create(context.actor, *input);
  if (!created) return Fail(created.error());
  auto organization = deps.organizations.GetById(context.actor, *created);
  if (!organization) return Fail(organization.error());
  return http::JsonResponse(OrganizationJson(*organization), 201);
}

Result<Response> ApiUpdateOrganization(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<OrganizationId>("id");
  auto existing = deps.organizations.GetById(context.actor, id);
  if (!existing) return Fail(existing.error());
  if (!MayView(context.actor, *existing)) return Fail(Error::NotFound());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = OrganizationInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.organizations.Update(context.actor, id, *input); !saved) return Fail(saved.error());
  auto organization = deps.organizations.GetById(context.actor, id);
  if (!organization) return Fail(organization.error());
  return http::JsonResponse(OrganizationJson(*organization));
}

Result<Response> ApiCreatePerson(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  if (!body->is_object()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), {{"body", N_("Send a JSON object.")}}));
  }
  auto input = PersonInputFromJson(body->value("person", json::object()));
  if (!input) return Fail(input.error());
  auto membership = MembershipInputFromJson(body->value("membership", json::object()));
  if (!membership) return Fail(membership.error());
  auto created = deps.people.CreatePerson(context.actor, *input, *membership);
  if (!created) return Fail(created.error());
  return PersonResponse(context, deps, *created, 201);
}

Result<Response> ApiUpdatePerson(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = PersonInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.people.UpdatePerson(context.actor, id, *input); !saved) return Fail(saved.error());
  return PersonResponse(context, deps, id, 200);
}

Result<Response> ApiAddMembership(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = MembershipInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.people.SaveMembership(context.actor, id, *input); !saved) return Fail(saved.error());
  return PersonResponse(context, deps, id, 201);
}

Result<Response> ApiAddPosition(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = PositionInputFromJson(*body);
  if (!input) return Fail(input.error());
  if (auto saved = deps.people.SavePosition(context.actor, id, *input); !saved) return Fail(saved.error());
  return PersonResponse(context, deps, id, 201);
}

Result<Response> ApiMerge(RequestContext& context, const Context& deps) {
  auto id = context.params.GetId<PersonId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto duplicate = body->is_object() ? body->find("duplicate_id") : body->end();
  if (!body->is_object() || duplicate == body->end() || !duplicate->is_number_integer() ||
      duplicate->get<long long>() <= 0) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"duplicate_id", N_("Give the id of the duplicate record.")}}));
  }
  if (auto merged = deps.people.Merge(context.actor, id, PersonId(duplicate->get<long long>())); !merged) {
    return Fail(merged.error());
  }
  return PersonResponse(context, deps, id, 200);
}

}  // namespace

void AddEditRoutes(http::Router& router, const render::PageRenderer& pages, OrganizationService& organizations,
                   PeopleService& people) {
  auto deps = std::make_shared<Context>(Context{pages, organizations, people});
  auto bind = [deps](auto handler) {
    return [deps, handler](RequestContext& context) { return handler(context, *deps); };
  };
  auto add = [&](Method method, const char* pattern, auto handler) {
    router.Add({.method = method, .pattern = pattern, .access = Access::Admin(), .handler = bind(handler)});
  };
  add(Method::kGet, "/organizations/new", NewOrganizationPage);
  add(Method::kPost, "/organizations/new", CreateOrganization);
  add(Method::kGet, "/organizations/{slug:slug}/edit", EditOrganizationPage);
  add(Method::kPost, "/organizations/{slug:slug}/edit", UpdateOrganization);
  add(Method::kGet, "/people/new", NewPersonPage);
  add(Method::kPost, "/people/new", CreatePerson);
  add(Method::kGet, "/people/{slug:slug}/edit", EditPersonPage);
  add(Method::kPost, "/people/{slug:slug}/edit", UpdatePerson);
  add(Method::kPost, "/people/{slug:slug}/memberships", AddMembership);
  add(Method::kPost, "/people/{slug:slug}/positions", AddPosition);
  add(Method::kGet, "/people/{slug:slug}/merge", MergePage);
  add(Method::kPost, "/people/{slug:slug}/merge", MergePeople);
  add(Method::kPost, "/api/v1/organizations", ApiCreateOrganization);
  add(Method::kPut, "/api/v1/organizations/{id:id}", ApiUpdateOrganization);
  add(Method::kPost, "/api/v1/people", ApiCreatePerson);
  add(Method::kPut, "/api/v1/people/{id:id}", ApiUpdatePerson);
  add(Method::kPost, "/api/v1/people/{id:id}/memberships", ApiAddMembership);
  add(Method::kPost, "/api/v1/people/{id:id}/positions", ApiAddPosition);
  add(Method::kPost, "/api/v1/people/{id:id}/merge", ApiMerge);
}

}  // namespace entente::directory
