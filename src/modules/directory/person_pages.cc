// A person's page: names, positions, memberships, languages and contacts.

#include "modules/directory/directory_handlers.h"

#include <map>

#include "core/base/messages.h"
#include "core/i18n/languages.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;
using render::SetLocalized;

// The organizations the actor may see, by id.
using OrganizationsById = std::map<OrganizationId, const Organization*>;

void FillNames(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
               const Person& person) {
  if (person.names.empty()) return;
  auto* names = content.AddSectionDictionary("HAS_NAMES");
  for (const auto& name : person.names) {
    auto* row = names->AddSectionDictionary("VARIANT");
    row->SetValue("FULL_NAME", name.full_name);
    if (!name.language.empty()) row->AddSectionDictionary("VARIANT_LANG")->SetValue("LANG", name.language);
    row->SetValue("SCRIPT",
                  deps.pages.Translate(context, name.script == NameScript::kLatin ? N_("Latin") : N_("Cyrillic")));
    row->SetValue("KIND", deps.pages.Translate(context, NameKindLabel(name.kind)));
    // Notes are data; the ones the platform writes itself (kOurTransliteration) are in the catalogs.
    row->SetValue("NOTE", name.note.empty() ? "" : deps.pages.Translate(context, name.note));
  }
}

void FillPositions(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                   const Person& person, const OrganizationsById& by_id) {
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  for (const auto& position : person.positions) {
    auto* item = content.AddSectionDictionary("POSITION");
    item->SetValue("TITLE", catalogs.TranslateInContext(language, kPositionContext, TitleLabel(position.title)));
    item->SetValue("ORGANIZATION_SLUG", position.organization_slug);
    if (auto it = by_id.find(position.organization); it != by_id.end()) {
      SetLocalized(*item, "ORGANIZATION", "ORGANIZATION_LANG", it->second->name, language, it->second->slug);
    }
    item->SetValue("WHEN", PositionWhen(position, catalogs, language));
    if (!position.source.empty()) item->AddSectionDictionary("SOURCE")->SetValue("TEXT", position.source);
  }
  if (person.positions.empty()) content.ShowSection("NO_POSITIONS");
}

void FillMemberships(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                     const Person& person, const OrganizationsById& by_id) {
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  for (const auto& membership : person.memberships) {
    auto* item = content.AddSectionDictionary("MEMBERSHIP");
    item->SetValue("BAR_SLUG", membership.bar_slug);
    if (auto it = by_id.find(membership.bar); it != by_id.end()) {
      SetLocalized(*item, "BAR", "BAR_LANG", it->second->name, language, it->second->slug);
    }
    item->SetValue("STATUS", deps.pages.Translate(context, StatusLabel(membership.status)));
    item->SetValue("ROLL_NUMBER", membership.roll_number.empty() ? catalogs.Translate(language, N_("not recorded"))
                                                                 : membership.roll_number);
    item->SetValue("ADMITTED", catalogs.FormatDate(language, membership.admitted_on));
  }
  if (person.memberships.empty()) content.ShowSection("NO_MEMBERSHIPS");
}

// Languages spoken, practice areas and city.
void FillPractice(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                  const Person& person) {
  std::string not_recorded = deps.pages.Translate(context, N_("not recorded"));
  for (size_t i = 0; i < person.languages.size(); ++i) {
    const std::string& code = person.languages[i];
    auto* item = content.AddSectionDictionary("LANGUAGE");
    if (i > 0) item->ShowSection("SEPARATOR");
    item->SetValue("CODE", code);
    item->SetValue("NAME", i18n::IsSupportedLanguage(code) ? std::string(i18n::NativeName(code)) : code);
  }
  if (person.languages.empty()) content.ShowSection("NO_LANGUAGES");
  std::string areas = Join(person.practice_areas);
  content.SetValue("PRACTICE_AREAS", areas.empty() ? not_recorded : areas);
  content.SetValue("CITY", person.city.empty() ? not_recorded : person.city);
}

void FillContacts(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                  const Person& person) {
  auto contacts = VisibleContacts(context.actor, person);
  if (contacts.empty()) content.ShowSection("NO_CONTACT");
  for (const auto& contact : contacts) {
    auto* item = content.AddSectionDictionary("CONTACT");
    item->SetValue("KIND", deps.pages.Translate(context, ContactKindLabel(contact.kind)));
    item->SetValue("VALUE", contact.value);
    if (contact.kind == ContactKind::kEmail) item->AddSectionDictionary("MAILTO")->SetValue("VALUE", contact.value);
    if (contact.kind == ContactKind::kWebsite) item->AddSectionDictionary("LINK")->SetValue("VALUE", contact.value);
    if (contact.kind == ContactKind::kPhone || contact.kind == ContactKind::kAddress) item->ShowSection("PLAIN");
  }
}

// A duplicate merged into another record: its address leads there for good.
Result<Response> MovedTo(const Context& deps, PersonId kept_id) {
  auto kept = deps.people.GetPerson(kept_id);
  if (!kept) return Fail(kept.error());
  Response moved = Response::Redirect("/people/" + kept->slug);
  moved.status = 301;
  return moved;
}

}  // namespace

Result<Response> PersonPage(RequestContext& context, const Context& deps) {
  auto person = deps.people.GetPerson(std::string(context.params.Get("slug")));
  if (!person) return Fail(person.error());
  if (person->merged_into) return MovedTo(deps, *person->merged_into);
  // Memberships and positions in organizations hidden from the actor are left out.
  *person = AsSeenBy(context.actor, std::move(*person));
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  OrganizationsById by_id;
  for (const auto& organization : *organizations) by_id[organization.id] = &organization;
  std::string title = ShownName(context, deps, person->display_name);
  render::Page page("directory/person.tpl", title);
  auto& content = page.content();
  content.SetValue("NAME", title);
  if (person->display_name.empty()) content.ShowSection("UNNAMED");
  if (person->synthetic) content.ShowSection("SYNTHETIC");
  FillNames(context, deps, content, *person);
  FillPositions(context, deps, content, *person, by_id);
  FillMemberships(context, deps, content, *person, by_id);
  FillPractice(context, deps, content, *person);
  FillContacts(context, deps, content, *person);
  if (auto may = deps.people.MayEdit(context.actor, person->id); may && *may) {
    content.SetValueAndShowSection("SLUG", person->slug, "EDITABLE");
  }
  if (context.request.QueryParam("saved")) content.ShowSection("SAVED");
  if (context.request.QueryParam("merged")) content.ShowSection("MERGED");
  return deps.pages.Render(context, page);
}

}  // namespace entente::directory
