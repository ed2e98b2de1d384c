// The organizations by jurisdiction and kind, and an organization's page.

#include "modules/directory/directory_handlers.h"

#include <map>

#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "modules/directory/organization_options.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;
using render::SetLocalized;
using render::Text;

// The organizations list's filters, from its query.
struct ListFilter {
  std::string jurisdiction;
  std::string kind;
};

// Grouped by jurisdiction, in the order of the jurisdictions, then those with none. Whether any
// was listed.
bool FillGroups(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                const std::vector<Organization>& organizations, const std::vector<Jurisdiction>& jurisdictions,
                const ListFilter& filter) {
  std::map<std::string, std::string> jurisdiction_names;
  for (const auto& option : JurisdictionOptions(jurisdictions, context.language)) {
    jurisdiction_names[option.value] = option.label;
  }
  std::vector<std::string> order;
  for (const auto& jurisdiction : jurisdictions) order.push_back(jurisdiction.code);
  order.push_back("");
  bool any = false;
  for (const auto& code : order) {
    ctemplate::TemplateDictionary* group = nullptr;
    for (const auto& organization : organizations) {
      if (organization.jurisdiction != code || !MayView(context.actor, organization)) continue;
      if (!filter.jurisdiction.empty() && organization.jurisdiction != filter.jurisdiction) continue;
      if (!filter.kind.empty() && KindKey(organization.kind) != filter.kind) continue;
      if (!group) {
        group = content.AddSectionDictionary("GROUP");
        group->SetValue("JURISDICTION",
                        code.empty() ? deps.pages.Translate(context, N_("International")) : jurisdiction_names[code]);
      }
      auto* item = group->AddSectionDictionary("ORGANIZATION");
      item->SetValue("SLUG", organization.slug);
      SetLocalized(*item, "NAME", "NAME_LANG", organization.name, context.language, organization.slug);
      item->SetValue("KIND", deps.pages.Translate(context, KindLabel(organization.kind)));
      if (!organization.city.empty()) item->SetValueAndShowSection("CITY", organization.city, "HAS_CITY");
      any = true;
    }
  }
  return any;
}

// Names, kind, place, parent and the names in every language.
void FillIdentity(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                  const Organization& organization) {
  const std::string& language = context.language;
  SetLocalized(content, "NAME", "NAME_LANG", organization.name, language, organization.slug);
  if (auto alternate = organization.alternate_name.Pick(language)) {
    auto* section = content.AddSectionDictionary("ALTERNATE");
    section->SetValue("TEXT", Text(alternate->text));
    if (alternate->fallback)
      section->AddSectionDictionary("ALTERNATE_LANG")->SetValue("LANG", Text(alternate->language));
  }
  content.SetValue("KIND", deps.pages.Translate(context, KindLabel(organization.kind)));
  if (!organization.jurisdiction.empty()) {
    content.SetValueAndShowSection("JURISDICTION", organization.jurisdiction, "HAS_JURISDICTION");
  }
  if (!organization.city.empty()) content.SetValueAndShowSection("CITY", organization.city, "HAS_CITY");
  if (!organization.website.empty()) content.SetValueAndShowSection("WEBSITE", organization.website, "HAS_WEBSITE");
  if (organization.parent) {
    if (auto parent = deps.organizations.GetById(context.actor, *organization.parent)) {
      auto* section = content.AddSectionDictionary("PARENT");
      section->SetValue("SLUG", parent->slug);
      SetLocalized(*section, "NAME", "PARENT_LANG", parent->name, language, parent->slug);
    }
  }
  for (const auto& [language_code, variant] : organization.name.variants()) {
    auto* item = content.AddSectionDictionary("NAME_VARIANT");
    item->SetValue("LANG", language_code);
    item->SetValue("PAGE_LANG", language);
    item->SetValue("TEXT", variant.text);
    item->SetValue("LANGUAGE", Text(i18n::NativeName(language_code)));
    if (!variant.original) item->ShowSection("TRANSLATION");
  }
}

void FillHolders(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                 const OrganizationPeople& details) {
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  content.SetValue("MEMBER_COUNT", catalogs.FormatNumber(language, details.member_count));
  for (const auto& holder : details.holders) {
    auto* item = content.AddSectionDictionary("HOLDER");
    item->SetValue("TITLE", catalogs.TranslateInContext(language, kPositionContext, TitleLabel(holder.position.title)));
    item->SetValue("SLUG", holder.slug);
    item->SetValue("NAME", ShownName(context, deps, holder.display_name));
    item->SetValue("WHEN", PositionWhen(holder.position, catalogs, language));
  }
  if (details.holders.empty()) content.ShowSection("NO_HOLDERS");
}

// Other modules' records about the organization (agreements, events).
void FillRelated(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                 const std::vector<RelatedRecords>& related) {
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  for (const auto& kind : related) {
    auto* section = content.AddSectionDictionary("RELATED");
    section->SetValue("KEY", kind.key);
    section->SetValue("HEADING", deps.pages.Translate(context, kind.heading));
    if (kind.records.empty())
      section->SetValueAndShowSection("NONE_TEXT", deps.pages.Translate(context, kind.none), "NONE");
    auto* list = kind.records.empty() ? nullptr : section->AddSectionDictionary("HAS_RECORDS");
    for (const auto& record : kind.records) {
      auto* item = list->AddSectionDictionary("RECORD");
      item->SetValue("HREF", record.href);
      SetLocalized(*item, "TITLE", "RECORD_LANG", record.title, language, record.href);
      item->SetValue("LABEL", record.label_context.empty()
                                  ? catalogs.Translate(language, record.label)
                                  : catalogs.TranslateInContext(language, record.label_context, record.label));
      if (record.date.known())
        item->SetValueAndShowSection("DATE", catalogs.FormatDate(language, record.date), "HAS_DATE");
    }
    if (kind.more) section->SetValueAndShowSection("ALL_HREF", kind.all_href, "MORE");
  }
}

void FillChildren(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                  const std::vector<Organization>& children) {
  if (children.empty()) return;
  auto* section = content.AddSectionDictionary("HAS_CHILDREN");
  for (const auto& child : children) {
    if (!MayView(context.actor, child)) continue;
    auto* item = section->AddSectionDictionary("CHILD");
    item->SetValue("SLUG", child.slug);
    SetLocalized(*item, "NAME", "CHILD_LANG", child.name, context.language, child.slug);
    item->SetValue("KIND", deps.pages.Translate(context, KindLabel(child.kind)));
  }
}

}  // namespace

Result<Response> OrganizationsPage(RequestContext& context, const Context& deps) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  ListFilter filter{context.request.QueryParam("jurisdiction").value_or(""),
                    context.request.QueryParam("kind").value_or("")};
  render::Page page("directory/organizations.tpl", deps.pages.Translate(context, N_("Organizations")));
  auto& content = page.content();
  render::AddOptions(content, "JURISDICTION_OPTION", JurisdictionOptions(*jurisdictions, context.language),
                     filter.jurisdiction);
  render::AddOptions(content, "KIND_OPTION", KindOptions(context, deps), filter.kind);
  if (!FillGroups(context, deps, content, *organizations, *jurisdictions, filter)) {
    content.ShowSection("NO_ORGANIZATIONS");
  }
  return deps.pages.Render(context, page);
}

Result<Response> OrganizationPage(RequestContext& context, const Context& deps) {
  auto organization = deps.organizations.GetBySlug(context.actor, std::string(context.params.Get("slug")));
  if (!organization) return Fail(organization.error());
  if (!MayView(context.actor, *organization)) return Fail(Error::NotFound());
  auto details = deps.people.OrganizationDetails(organization->id);
  if (!details) return Fail(details.error());
  auto children = deps.organizations.Children(context.actor, organization->id);
  if (!children) return Fail(children.error());
  auto related = deps.organizations.Related(context.actor, organization->slug);
  if (!related) return Fail(related.error());
  render::Page page("directory/organization.tpl", DisplayName(*organization, context.language));
  auto& content = page.content();
  FillIdentity(context, deps, content, *organization);
  FillHolders(context, deps, content, *details);
  if (context.actor.Holds(auth::Role::kBarAdmin, organization->id)) {
    content.SetValueAndShowSection("SLUG", organization->slug, "ROLL_ADMIN");
  }
  if (context.request.QueryParam("saved")) content.ShowSection("SAVED");
  FillRelated(context, deps, content, *related);
  FillChildren(context, deps, content, *children);
  return deps.pages.Render(context, page);
}

}  // namespace entente::directory
