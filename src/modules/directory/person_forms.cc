// Creating and editing a person; adding roll memberships and positions on the edit page.

#include "modules/directory/directory_handlers.h"

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/http/error_response.h"
#include "core/http/forms.h"
#include "core/render/forms.h"
#include "modules/directory/organization_options.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;
using render::Text;

// Empty rows offered under the existing names and contact details.
constexpr int kSpareRows = 2;
// Rows read back from a form at most.
constexpr int kMaxRows = 20;

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

void FillNameRows(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                  const PersonInput& input) {
  std::vector<render::Option> kinds;
  for (NameKind kind : {NameKind::kAsWritten, NameKind::kPreferred, NameKind::kPassport, NameKind::kTransliterated}) {
    kinds.push_back({std::string(NameKindKey(kind)), deps.pages.Translate(context, NameKindLabel(kind))});
  }
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
    if (k > 0) render::AddOptions(*row, "KIND_OPTION", kinds, NameKindKey(name.kind));
  }
}

void FillContactRows(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                     const PersonInput& input) {
  std::vector<render::Option> kinds, levels;
  for (ContactKind kind : {ContactKind::kEmail, ContactKind::kPhone, ContactKind::kAddress, ContactKind::kWebsite}) {
    kinds.push_back({std::string(ContactKindKey(kind)), deps.pages.Translate(context, ContactKindLabel(kind))});
  }
  for (auto level : {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kOrganization}) {
    levels.push_back(
        {std::string(auth::VisibilityKey(level)), deps.pages.Translate(context, ContactVisibilityLabel(level))});
  }
  std::vector<Contact> contacts = input.contacts;
  for (int i = 0; i < kSpareRows; ++i) contacts.push_back({ContactKind::kEmail, "", auth::Visibility::kMembers});
  for (size_t k = 0; k < contacts.size() && k < kMaxRows; ++k) {
    const Contact& contact = contacts[k];
    auto* row = content.AddSectionDictionary("CONTACT_ROW");
    row->SetValue("K", std::to_string(k));
    row->SetValue("VALUE", contact.value);
    render::AddOptions(*row, "KIND_OPTION", kinds, ContactKindKey(contact.kind));
    render::AddOptions(*row, "VISIBILITY_OPTION", levels, auth::VisibilityKey(contact.visibility));
  }
}

void FillPersonFields(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                      const PersonInput& input) {
  FillNameRows(context, deps, content, input);
  std::vector<render::Option> genders;
  for (auto [key, label] : {std::pair{"", N_("Not recorded")}, std::pair{"female", N_("Female")},
                            std::pair{"male", N_("Male")}, std::pair{"other", N_("Other")}}) {
    genders.push_back({key, deps.pages.Translate(context, label)});
  }
  render::AddOptions(content, "GENDER_OPTION", genders, input.gender);
  content.SetValue("CITY", input.city);
  content.SetValue("LANGUAGES", Join(input.languages));
  content.SetValue("PRACTICE_AREAS", Join(input.practice_areas));
  FillContactRows(context, deps, content, input);
}

std::vector<render::Option> StatusOptions(RequestContext& context, const Context& deps) {
  std::vector<render::Option> options;
  for (MembershipStatus status : {MembershipStatus::kActive, MembershipStatus::kSuspended, MembershipStatus::kHonorary,
                                  MembershipStatus::kFormer}) {
    options.push_back({std::string(StatusKey(status)), deps.pages.Translate(context, StatusLabel(status))});
  }
  return options;
}

std::vector<render::Option> TitleOptions(RequestContext& context, const Context& deps) {
  std::vector<render::Option> options;
  for (PositionTitle title :
       {PositionTitle::kChairman, PositionTitle::kPresident, PositionTitle::kVicePresident, PositionTitle::kBoardMember,
        PositionTitle::kCouncilMember, PositionTitle::kHead, PositionTitle::kDeputyHead, PositionTitle::kTeamLeader,
        PositionTitle::kMember, PositionTitle::kSecretary, PositionTitle::kSubDirector}) {
    options.push_back({std::string(TitleKey(title)), deps.pages.catalogs().TranslateInContext(
                                                         context.language, kPositionContext, TitleLabel(title))});
  }
  return options;
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
  render::AddOptions(*roll, "BAR_OPTION",
                     OrganizationOptions(Administered(context, *all, OrganizationKinds::kBarsOnly), context.language),
                     membership.bar_slug);
  roll->SetValue("ROLL_NUMBER", membership.roll_number);
  roll->SetValue("ADMITTED_ON", membership.admitted_on);
  render::AddOptions(*roll, "STATUS_OPTION", StatusOptions(context, deps), membership.status);
  FillPersonFields(context, deps, content, input);
  // Field errors are seen inside CREATING too.
  return RenderForm(context, deps, page, error);
}

// Which of the three forms of the edit page an error belongs to.
enum class PersonFormPart { kPerson, kMembership, kPosition };

// The edit page's three forms: the person, a membership to add, a position to add.
Result<Response> EditPersonForm(RequestContext& context, const Context& deps, const Person& person,
                                const PersonInput& input, const std::optional<Error>& error,
                                PersonFormPart part = PersonFormPart::kPerson) {
  auto all = deps.organizations.ListAll(context.actor);
  if (!all) return Fail(all.error());
  std::string name = ShownName(context, deps, person.display_name);
  std::string title = deps.pages.catalogs().TranslateWith(context.language, N_("Edit {1}"), name);
  render::Page page("directory/person_form.tpl", title);
  page.UseForms();
  auto& content = page.content();
  content.SetValue("TITLE", title);
  content.SetValue("ACTION", "/people/" + person.slug + "/edit");
  auto* editing = content.AddSectionDictionary("EDITING");
  editing->SetValue("SLUG", person.slug);
  editing->SetValue("NAME", name);
  render::AddOptions(*editing, "BAR_OPTION",
                     OrganizationOptions(Administered(context, *all, OrganizationKinds::kBarsOnly), context.language));
  render::AddOptions(*editing, "ORGANIZATION_OPTION",
                     OrganizationOptions(Administered(context, *all, OrganizationKinds::kAny), context.language));
  render::AddOptions(*editing, "STATUS_OPTION", StatusOptions(context, deps));
  render::AddOptions(*editing, "TITLE_OPTION", TitleOptions(context, deps));
  FillPersonFields(context, deps, content, input);
  if (error && part != PersonFormPart::kPerson) {
    const char* section = part == PersonFormPart::kMembership ? "MEMBERSHIP_ERRORS" : "POSITION_ERRORS";
    deps.pages.ShowErrors(context, *editing->AddSectionDictionary(section), *error);
    return deps.pages.Render(context, page, http::HttpStatusFor(error->code()));
  }
  return RenderForm(context, deps, page, error);
}

MembershipInput MembershipFromForm(const http::Form& form, std::string status_since) {
  return {form.Get("bar"), form.Get("roll_number"), form.Get("admitted_on"),
          form.Get("status").empty() ? "active" : form.Get("status"), std::move(status_since)};
}

// A person and their first membership, as the new person form sends them.
struct NewPerson {
  PersonInput person;
  MembershipInput membership;
};

}  // namespace

Result<Response> NewPersonPage(RequestContext& context, const Context& deps) {
  MembershipInput membership;
  membership.bar_slug = context.request.QueryParam("bar").value_or("");
  if (auto refused = RefusedBelow(context, deps, membership.bar_slug)) return Fail(*refused);
  return NewPersonForm(context, deps, PersonInput{}, membership, std::nullopt);
}

Result<Response> CreatePerson(RequestContext& context, const Context& deps) {
  return render::SubmitForm(
      context.request, NewPerson{},
      [](const http::Form& form, NewPerson) {
        // The first membership's status has no date on this form.
        return NewPerson{PersonInputFromForm(form), MembershipFromForm(form, "")};
      },
      [&](const NewPerson& input) { return deps.people.CreatePerson(context.actor, input.person, input.membership); },
      [&](const NewPerson& input, const Error& error) {
        return NewPersonForm(context, deps, input.person, input.membership, error);
      },
      [&](PersonId created) -> Result<Response> {
        auto person = deps.people.GetPerson(created);
        if (!person) return Fail(person.error());
        return SeeOther("/people/" + person->slug + "?saved=1");
      });
}

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
  return render::SubmitForm(
      context.request, PersonInput{}, [](const http::Form& form, PersonInput) { return PersonInputFromForm(form); },
      [&](const PersonInput& input) {
        return ThenGoTo(deps.people.UpdatePerson(context.actor, person->id, input),
                        "/people/" + person->slug + "?saved=1");
      },
      [&](const PersonInput& input, const Error& error) {
        return EditPersonForm(context, deps, *person, input, error);
      },
      SeeOther);
}

Result<Response> AddMembership(RequestContext& context, const Context& deps) {
  auto person = EditablePerson(context, deps);
  if (!person) return Fail(person.error());
  return render::SubmitForm(
      context.request, MembershipInput{},
      [](const http::Form& form, MembershipInput) { return MembershipFromForm(form, form.Get("status_since")); },
      [&](const MembershipInput& input) {
        return ThenGoTo(deps.people.SaveMembership(context.actor, person->id, input),
                        "/people/" + person->slug + "?saved=1");
      },
      [&](const MembershipInput&, const Error& error) {
        return EditPersonForm(context, deps, *person, InputFrom(*person), error, PersonFormPart::kMembership);
      },
      SeeOther);
}

Result<Response> AddPosition(RequestContext& context, const Context& deps) {
  auto person = EditablePerson(context, deps);
  if (!person) return Fail(person.error());
  return render::SubmitForm(
      context.request, PositionInput{},
      [](const http::Form& form, PositionInput) {
        return PositionInput{form.Get("organization"), form.Get("title"),       form.Get("starts_on"),
                             form.Get("ends_on"),      form.Get("attested_on"), form.Get("source")};
      },
      [&](const PositionInput& input) {
        return ThenGoTo(deps.people.SavePosition(context.actor, person->id, input),
                        "/people/" + person->slug + "?saved=1");
      },
      [&](const PositionInput&, const Error& error) {
        return EditPersonForm(context, deps, *person, InputFrom(*person), error, PersonFormPart::kPosition);
      },
      SeeOther);
}

}  // namespace entente::directory
