// The directory module's whole URL table.
//
//   GET /lawyers                         anyone   Find a lawyer (search box and filters)
//   GET /lawyers/results                 anyone   the results alone, for htmx as you type
//   GET /people/{slug}                   anyone   a person: names, positions, rolls
//   GET /organizations                   anyone   organizations by jurisdiction and kind
//   GET /organizations/{slug}            anyone   an organization: names, office holders, structure
//   GET /organizations/{slug}/roll       admin    the roll's import form and export link (its bar admins)
//   POST /organizations/{slug}/roll      admin    import a CSV file (multipart), or check it (dry run)
//   GET /organizations/{slug}/roll/imports/{id}          admin  an import's progress (who started it)
//   GET /organizations/{slug}/roll/imports/{id}/status   admin  the same, the part htmx polls
//   GET /organizations/{slug}/roll.csv   admin    the roll as CSV (docs/ROLL_CSV.md)
//   GET /api/v1/lawyers                  anyone   Find a lawyer, JSON
//   GET /api/v1/people/{id}              anyone
//   GET /api/v1/organizations            anyone
//   GET /api/v1/organizations/{id}       anyone
//
// Forms and the write API: directory_edit_routes.cc.

#include "modules/directory/directory_routes.h"

#include <map>

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/http/json.h"
#include "core/http/multipart.h"
#include "core/i18n/languages.h"
#include "modules/directory/directory_edit_routes.h"
#include "modules/directory/directory_json.h"

namespace entente::directory {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;
using nlohmann::json;
using render::SetLocalized;
using render::Text;

Result<LawyerQuery> ReadLawyerQuery(const http::Request& request) {
  LawyerQuery query;
  // Keyset paging: after= replaces the page number (the cursor says where the page starts).
  if (auto after = request.QueryParam("after"); after && !after->empty()) {
    query.after = DecodeCursor(*after);
    if (!query.after) {
      return Fail(Error::BadRequest(N_("This link to the next page is damaged. Go back to the first page."),
                                    {{"after", N_("This is not a cursor of this list: use the next link as given.")}}));
    }
    if (auto page = request.QueryParam("page"); page && !page->empty() && *page != "1") {
      return Fail(Error::BadRequest(N_("Please correct the request."),
                                    {{"after", N_("Give either page= or after=, not both.")}}));
    }
  }
  auto page = http::ReadPageRequest(request);
  if (!page) return Fail(page.error());
  query.text = request.QueryParam("q").value_or("");
  query.bar = request.QueryParam("bar").value_or("");
  query.jurisdiction = request.QueryParam("jurisdiction").value_or("");
  query.city = request.QueryParam("city").value_or("");
  query.language = request.QueryParam("language").value_or("");
  query.practice_area = request.QueryParam("practice_area").value_or("");
  query.status = request.QueryParam("status").value_or("");
  query.page = *page;
  return query;
}

// The query's search and filters, and its page size unless the default, as "name=value&…&".
std::string FilterString(const LawyerQuery& query) {
  std::string text;
  auto add = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) text += fmt::format("{}={}&", name, http::PercentEncode(value));
  };
  add("q", query.text);
  add("bar", query.bar);
  add("jurisdiction", query.jurisdiction);
  add("city", query.city);
  add("language", query.language);
  add("practice_area", query.practice_area);
  add("status", query.status);
  if (query.page.per_page != PageRequest::kDefaultPerPage) text += fmt::format("per_page={}&", query.page.per_page);
  return text;
}

std::string QueryString(const LawyerQuery& query, int page) {
  return FilterString(query) + fmt::format("page={}", page);
}

// How a next link is written when the list offers a cursor: the page is numbered while it
// starts within PageRequest::kMaxOffset (the HTML page), or always by cursor (the API).
enum class NextLink { kNumberedWhileShallow, kCursor };

// Where the page after `found` starts: after the last row shown when the list offers a cursor
// (lists without a search text) and the link is not to be numbered, else by number while that
// stays within PageRequest::kMaxOffset; "" on the last page, or when a ranked search has no
// deeper numbered page.
std::string NextQueryString(const LawyerQuery& query, const Page<LawyerHit>& found, NextLink style) {
  bool numbered = !query.after && static_cast<long long>(found.page) * found.per_page <= PageRequest::kMaxOffset;
  if (!found.next_after.empty() && (style == NextLink::kCursor || !numbered)) {
    return FilterString(query) + "after=" + found.next_after;
  }
  if (query.after || found.page >= found.pages() || !numbered) return "";
  return QueryString(query, found.page + 1);
}

struct Context {
  const render::PageRenderer& pages;
  OrganizationService& organizations;
  PeopleService& people;
  RollService& roll;
  RollImports& imports;
};

// A translated text with its "{1}" replaced by `value`.
std::string WithValue(std::string text, const std::string& value) {
  if (auto at = text.find("{1}"); at != std::string::npos) text.replace(at, 3, value);
  return text;
}

// Fills the results part (shared by the page and the htmx fragment).
void FillResults(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& results,
                 const LawyerQuery& query, const Result<Page<LawyerHit>>& found,
                 const std::map<std::string, std::string>& bar_names) {
  const auto& catalogs = deps.pages.catalogs();
  if (!found) {
    deps.pages.ShowErrors(context, results, found.error());
    return;
  }
  bool searched = !query.text.empty() || !query.bar.empty() || !query.jurisdiction.empty() || !query.city.empty() ||
                  !query.language.empty() || !query.practice_area.empty();
  if (searched) {
    // A count that stopped at its cap says "at least": the search never counts every match.
    std::string count = catalogs.FormatNumber(context.language, found->total);
    results.AddSectionDictionary("SUMMARY")->SetValue(
        "TEXT",
        found->total_is_lower_bound
            ? WithValue(catalogs.TranslatePlural(context.language, "at least {1} lawyer found",
                                                 "at least {1} lawyers found", found->total),
                        count)
            : fmt::format("{} {}", count,
                          catalogs.TranslatePlural(context.language, "lawyer found", "lawyers found", found->total)));
  }
  for (const auto& hit : found->items) {
    auto* item = results.AddSectionDictionary("HIT");
    item->SetValue("SLUG", hit.slug);
    item->SetValue("NAME", hit.display_name);
    for (const auto& other : hit.other_names) {
      auto* name = item->AddSectionDictionary("OTHER_NAME");
      name->SetValue("TEXT", other);
      name->SetValue("LANG", DetectScript(other) == NameScript::kCyrillic ? "ru" : "und");
    }
    std::string bars;
    for (const auto& slug : hit.bars) {
      auto it = bar_names.find(slug);
      bars += (bars.empty() ? "" : ", ") + (it != bar_names.end() ? it->second : slug);
    }
    item->SetValue("BARS", bars);
    if (!hit.city.empty()) item->SetValueAndShowSection("CITY", hit.city, "HAS_CITY");
  }
  if (query.after) {
    // A page reached by cursor has no number: the way back is to the first page.
    results.SetValueAndShowSection("FIRST_HREF", "/lawyers?" + QueryString(query, 1), "FIRST");
  } else if (found->page > 1) {
    results.SetValueAndShowSection("PREVIOUS_HREF", "/lawyers?" + QueryString(query, found->page - 1), "PREVIOUS");
  }
  if (std::string next = NextQueryString(query, *found, NextLink::kNumberedWhileShallow); !next.empty()) {
    results.SetValueAndShowSection("NEXT_HREF", "/lawyers?" + next, "NEXT");
  }
}

std::map<std::string, std::string> BarNames(const std::vector<Organization>& organizations,
                                            const std::string& language) {
  std::map<std::string, std::string> names;
  for (const auto& organization : organizations)
    names[organization.slug] = organization.name.TextIn(language, organization.slug);
  return names;
}

Result<Response> LawyersPage(RequestContext& context, const Context& deps, bool fragment) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  auto names = BarNames(*organizations, context.language);
  auto query = ReadLawyerQuery(context.request);
  Result<Page<LawyerHit>> found =
      query ? deps.people.FindLawyers(*query, context.language) : Result<Page<LawyerHit>>(Fail(query.error()));
  LawyerQuery shown = query.value_or(LawyerQuery{});
  if (fragment) {
    ctemplate::TemplateDictionary results("results");
    FillResults(context, deps, results, shown, found, names);
    return deps.pages.RenderFragment(context, "directory/lawyer_results.tpl", results);
  }
  render::Page page("directory/lawyers.tpl", deps.pages.Translate(context, N_("Find a lawyer")));
  auto& content = page.content();
  content.SetValue("Q", shown.text);
  content.SetValue("CITY", shown.city);
  content.SetValue("PRACTICE_AREA", shown.practice_area);
  for (const auto& organization : *organizations) {
    if (organization.kind != OrganizationKind::kBar && organization.kind != OrganizationKind::kNationalBar) continue;
    auto* option = content.AddSectionDictionary("BAR_OPTION");
    option->SetValue("SLUG", organization.slug);
    option->SetValue("NAME", names[organization.slug]);
    if (organization.slug == shown.bar) option->ShowSection("SELECTED");
  }
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  for (const auto& jurisdiction : *jurisdictions) {
    auto* option = content.AddSectionDictionary("JURISDICTION_OPTION");
    option->SetValue("CODE", jurisdiction.code);
    auto name = jurisdiction.name.Pick(context.language);
    option->SetValue("NAME", name ? std::string(name->text) : jurisdiction.code);
    if (jurisdiction.code == shown.jurisdiction) option->ShowSection("SELECTED");
  }
  for (std::string_view code : i18n::kLanguages) {
    auto* option = content.AddSectionDictionary("LANGUAGE_OPTION");
    option->SetValue("CODE", Text(code));
    option->SetValue("NAME", Text(i18n::NativeName(code)));
    if (code == shown.language) option->ShowSection("SELECTED");
  }
  for (auto [key, label] : {std::pair{"active", N_("Active")}, std::pair{"honorary", N_("Honorary")},
                            std::pair{"suspended", N_("Suspended")}, std::pair{"former", N_("Former")},
                            std::pair{"any", N_("Any status")}}) {
    auto* option = content.AddSectionDictionary("STATUS_OPTION");
    option->SetValue("KEY", key);
    option->SetValue("LABEL", deps.pages.Translate(context, label));
    if (shown.status == key) option->ShowSection("SELECTED");
  }
  auto* results = content.AddIncludeDictionary("RESULTS");
  results->SetFilename("directory/lawyer_results.tpl");
  FillResults(context, deps, *results, shown, found, names);
  return deps.pages.Render(context, page, found ? 200 : http::HttpStatusFor(found.error().code()));
}

std::string When(const Position& position, const i18n::Catalogs& catalogs, const std::string& language) {
  if (position.starts_on.known() || position.ends_on.known()) {
    return fmt::format("{} – {}", catalogs.FormatDate(language, position.starts_on),
                       position.ends_on.known() ? catalogs.FormatDate(language, position.ends_on) : std::string());
  }
  // "attested: 14–15 October 2014" reads right whatever the date's precision.
  return catalogs.TranslateWith(language, N_("attested: {1}"), catalogs.FormatDate(language, position.attested_on));
}

Result<Response> PersonPage(RequestContext& context, const Context& deps) {
  auto person = deps.people.GetPerson(std::string(context.params.Get("slug")));
  if (!person) return Fail(person.error());
  if (person->merged_into) {
    // A duplicate merged into another record: its address leads there for good.
    auto kept = deps.people.GetPerson(*person->merged_into);
    if (!kept) return Fail(kept.error());
    Response moved = Response::Redirect("/people/" + kept->slug);
    moved.status = 301;
    return moved;
  }
  // Memberships and positions in organizations hidden from the actor are left out.
  *person = AsSeenBy(context.actor, std::move(*person));
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  std::map<long long, const Organization*> by_id;
  for (const auto& organization : *organizations) by_id[organization.id.value()] = &organization;
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  std::string title =
      person->display_name.empty() ? deps.pages.Translate(context, N_("Name not given")) : person->display_name;
  render::Page page("directory/person.tpl", title);
  auto& content = page.content();
  content.SetValue("NAME", title);
  if (person->display_name.empty()) content.ShowSection("UNNAMED");
  if (person->synthetic) content.ShowSection("SYNTHETIC");
  if (!person->names.empty()) {
    auto* names = content.AddSectionDictionary("HAS_NAMES");
    for (const auto& name : person->names) {
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
  for (const auto& position : person->positions) {
    auto* item = content.AddSectionDictionary("POSITION");
    item->SetValue("TITLE", catalogs.TranslateInContext(language, kPositionContext, TitleLabel(position.title)));
    item->SetValue("ORGANIZATION_SLUG", position.organization_slug);
    if (auto it = by_id.find(position.organization.value()); it != by_id.end()) {
      SetLocalized(*item, "ORGANIZATION", "ORGANIZATION_LANG", it->second->name, language, it->second->slug);
    }
    item->SetValue("WHEN", When(position, catalogs, language));
    if (!position.source.empty()) item->AddSectionDictionary("SOURCE")->SetValue("TEXT", position.source);
  }
  if (person->positions.empty()) content.ShowSection("NO_POSITIONS");
  for (const auto& membership : person->memberships) {
    auto* item = content.AddSectionDictionary("MEMBERSHIP");
    item->SetValue("BAR_SLUG", membership.bar_slug);
    if (auto it = by_id.find(membership.bar.value()); it != by_id.end()) {
      SetLocalized(*item, "BAR", "BAR_LANG", it->second->name, language, it->second->slug);
    }
    item->SetValue("STATUS", deps.pages.Translate(context, StatusLabel(membership.status)));
    item->SetValue("ROLL_NUMBER", membership.roll_number.empty() ? catalogs.Translate(language, N_("not recorded"))
                                                                 : membership.roll_number);
    item->SetValue("ADMITTED", catalogs.FormatDate(language, membership.admitted_on));
  }
  if (person->memberships.empty()) content.ShowSection("NO_MEMBERSHIPS");
  auto join = [&](const std::vector<std::string>& values) {
    std::string text;
    for (const auto& value : values) text += (text.empty() ? "" : ", ") + value;
    return text.empty() ? catalogs.Translate(language, N_("not recorded")) : text;
  };
  for (size_t i = 0; i < person->languages.size(); ++i) {
    const std::string& code = person->languages[i];
    auto* item = content.AddSectionDictionary("LANGUAGE");
    if (i > 0) item->ShowSection("SEPARATOR");
    item->SetValue("CODE", code);
    item->SetValue("NAME", i18n::IsSupportedLanguage(code) ? std::string(i18n::NativeName(code)) : code);
  }
  if (person->languages.empty()) content.ShowSection("NO_LANGUAGES");
  content.SetValue("PRACTICE_AREAS", join(person->practice_areas));
  content.SetValue("CITY", person->city.empty() ? catalogs.Translate(language, N_("not recorded")) : person->city);
  auto contacts = VisibleContacts(context.actor, *person);
  if (contacts.empty()) content.ShowSection("NO_CONTACT");
  for (const auto& contact : contacts) {
    auto* item = content.AddSectionDictionary("CONTACT");
    item->SetValue("KIND", deps.pages.Translate(context, ContactKindLabel(contact.kind)));
    item->SetValue("VALUE", contact.value);
    if (contact.kind == ContactKind::kEmail) item->AddSectionDictionary("MAILTO")->SetValue("VALUE", contact.value);
    if (contact.kind == ContactKind::kWebsite) item->AddSectionDictionary("LINK")->SetValue("VALUE", contact.value);
    if (contact.kind == ContactKind::kPhone || contact.kind == ContactKind::kAddress) item->ShowSection("PLAIN");
  }
  if (auto may = deps.people.MayEdit(context.actor, person->id); may && *may) {
    content.SetValueAndShowSection("SLUG", person->slug, "EDITABLE");
  }
  if (context.request.QueryParam("saved")) content.ShowSection("SAVED");
  if (context.request.QueryParam("merged")) content.ShowSection("MERGED");
  return deps.pages.Render(context, page);
}

Result<Response> OrganizationsPage(RequestContext& context, const Context& deps) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  std::string jurisdiction_filter = context.request.QueryParam("jurisdiction").value_or("");
  std::string kind_filter = context.request.QueryParam("kind").value_or("");
  render::Page page("directory/organizations.tpl", deps.pages.Translate(context, N_("Organizations")));
  auto& content = page.content();
  std::map<std::string, std::string> jurisdiction_names;
  for (const auto& jurisdiction : *jurisdictions) {
    auto name = jurisdiction.name.Pick(context.language);
    jurisdiction_names[jurisdiction.code] = name ? std::string(name->text) : jurisdiction.code;
    auto* option = content.AddSectionDictionary("JURISDICTION_OPTION");
    option->SetValue("CODE", jurisdiction.code);
    option->SetValue("NAME", jurisdiction_names[jurisdiction.code]);
    if (jurisdiction.code == jurisdiction_filter) option->ShowSection("SELECTED");
  }
  for (OrganizationKind kind :
       {OrganizationKind::kBar, OrganizationKind::kNationalBar, OrganizationKind::kCommittee,
        OrganizationKind::kTrainingCentre, OrganizationKind::kMinistry, OrganizationKind::kCourtCouncil,
        OrganizationKind::kUnion, OrganizationKind::kProgramme, OrganizationKind::kOther}) {
    auto* option = content.AddSectionDictionary("KIND_OPTION");
    option->SetValue("KEY", Text(KindKey(kind)));
    option->SetValue("LABEL", deps.pages.Translate(context, KindLabel(kind)));
    if (KindKey(kind) == kind_filter) option->ShowSection("SELECTED");
  }
  // Grouped by jurisdiction, in the order of the jurisdictions, then those with none.
  std::vector<std::string> order;
  for (const auto& jurisdiction : *jurisdictions) order.push_back(jurisdiction.code);
  order.push_back("");
  bool any = false;
  for (const auto& code : order) {
    ctemplate::TemplateDictionary* group = nullptr;
    for (const auto& organization : *organizations) {
      if (organization.jurisdiction != code || !MayView(context.actor, organization)) continue;
      if (!jurisdiction_filter.empty() && organization.jurisdiction != jurisdiction_filter) continue;
      if (!kind_filter.empty() && KindKey(organization.kind) != kind_filter) continue;
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
  if (!any) content.ShowSection("NO_ORGANIZATIONS");
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
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  render::Page page("directory/organization.tpl", organization->name.TextIn(language, organization->slug));
  auto& content = page.content();
  SetLocalized(content, "NAME", "NAME_LANG", organization->name, language, organization->slug);
  if (auto alternate = organization->alternate_name.Pick(language)) {
    auto* section = content.AddSectionDictionary("ALTERNATE");
    section->SetValue("TEXT", Text(alternate->text));
    if (alternate->fallback)
      section->AddSectionDictionary("ALTERNATE_LANG")->SetValue("LANG", Text(alternate->language));
  }
  content.SetValue("KIND", deps.pages.Translate(context, KindLabel(organization->kind)));
  if (!organization->jurisdiction.empty()) {
    content.SetValueAndShowSection("JURISDICTION", organization->jurisdiction, "HAS_JURISDICTION");
  }
  if (!organization->city.empty()) content.SetValueAndShowSection("CITY", organization->city, "HAS_CITY");
  if (!organization->website.empty()) content.SetValueAndShowSection("WEBSITE", organization->website, "HAS_WEBSITE");
  content.SetValue("MEMBER_COUNT", catalogs.FormatNumber(language, details->member_count));
  if (context.actor.Holds(auth::Role::kBarAdmin, organization->id)) {
    content.SetValueAndShowSection("SLUG", organization->slug, "ROLL_ADMIN");
  }
  if (context.request.QueryParam("saved")) content.ShowSection("SAVED");
  if (organization->parent) {
    if (auto parent = deps.organizations.GetById(context.actor, *organization->parent)) {
      auto* section = content.AddSectionDictionary("PARENT");
      section->SetValue("SLUG", parent->slug);
      SetLocalized(*section, "NAME", "PARENT_LANG", parent->name, language, parent->slug);
    }
  }
  for (const auto& [language_code, variant] : organization->name.variants()) {
    auto* item = content.AddSectionDictionary("NAME_VARIANT");
    item->SetValue("LANG", language_code);
    item->SetValue("PAGE_LANG", language);
    item->SetValue("TEXT", variant.text);
    item->SetValue("LANGUAGE", Text(i18n::NativeName(language_code)));
    if (!variant.original) item->ShowSection("TRANSLATION");
  }
  for (const auto& holder : details->holders) {
    auto* item = content.AddSectionDictionary("HOLDER");
    item->SetValue("TITLE", catalogs.TranslateInContext(language, kPositionContext, TitleLabel(holder.position.title)));
    item->SetValue("SLUG", holder.slug);
    item->SetValue("NAME", holder.display_name.empty() ? deps.pages.Translate(context, N_("Name not given"))
                                                       : holder.display_name);
    item->SetValue("WHEN", When(holder.position, catalogs, language));
  }
  if (details->holders.empty()) content.ShowSection("NO_HOLDERS");
  auto related = deps.organizations.Related(context.actor, organization->slug);
  if (!related) return Fail(related.error());
  for (const auto& kind : *related) {
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
  if (!children->empty()) {
    auto* section = content.AddSectionDictionary("HAS_CHILDREN");
    for (const auto& child : *children) {
      if (!MayView(context.actor, child)) continue;
      auto* item = section->AddSectionDictionary("CHILD");
      item->SetValue("SLUG", child.slug);
      SetLocalized(*item, "NAME", "CHILD_LANG", child.name, language, child.slug);
      item->SetValue("KIND", deps.pages.Translate(context, KindLabel(child.kind)));
    }
  }
  return deps.pages.Render(context, page);
}

// --- The roll: import and export ---

std::string ReportSummary(const i18n::Catalogs& catalogs, const std::string& language, const RollImportReport& report) {
  if (!report.problems.empty()) {
    auto count = static_cast<long long>(report.problems.size());
    return fmt::format("{} {}", catalogs.FormatNumber(language, count),
                       catalogs.TranslatePlural(language, "problem found", "problems found", count));
  }
  return fmt::format("{}: {} — {}: {}, {}: {}{}", catalogs.Translate(language, N_("Rows")),
                     catalogs.FormatNumber(language, static_cast<long long>(report.rows)),
                     catalogs.Translate(language, N_("new")),
                     catalogs.FormatNumber(language, static_cast<long long>(report.created)),
                     catalogs.Translate(language, N_("updated")),
                     catalogs.FormatNumber(language, static_cast<long long>(report.updated)),
                     report.written ? ". " + catalogs.Translate(language, N_("The roll has been imported."))
                                    : ". " + catalogs.Translate(language, N_("Dry run: nothing was written.")));
}

Result<Response> RollPage(RequestContext& context, const Context& deps, const std::optional<RollImportReport>& report,
                          const std::optional<Error>& error) {
  std::string slug(context.params.Get("slug"));
  // Only the bar's administrators see its roll page (403 to others who see the bar, 404 otherwise).
  if (auto allowed = deps.roll.Authorize(context.actor, slug); !allowed) return Fail(allowed.error());
  auto organization = deps.organizations.GetBySlug(context.actor, slug);
  if (!organization) return Fail(organization.error());
  auto details = deps.people.OrganizationDetails(organization->id);
  if (!details) return Fail(details.error());
  const auto& catalogs = deps.pages.catalogs();
  render::Page page("directory/roll.tpl", deps.pages.Translate(context, N_("The roll")));
  page.UseForms();
  auto& content = page.content();
  content.SetValue("SLUG", organization->slug);
  content.SetValue("NAME", organization->name.TextIn(context.language, organization->slug));
  content.SetValue("MEMBER_COUNT", catalogs.FormatNumber(context.language, details->member_count));
  int status = 200;
  if (error) {
    deps.pages.ShowErrors(context, content, *error);
    status = http::HttpStatusFor(error->code());
  }
  if (report) {
    auto* section = content.AddSectionDictionary("REPORT");
    bool ok = report->problems.empty();
    section->ShowSection(ok ? "OK" : "BAD");
    if (!ok) status = 422;
    section->SetValue("SUMMARY", ReportSummary(catalogs, context.language, *report));
    if (!report->ignored_columns.empty()) {
      std::string columns;
      for (const auto& column : report->ignored_columns) columns += (columns.empty() ? "" : ", ") + column;
      section->AddSectionDictionary("IGNORED")->SetValue("COLUMNS", columns);
    }
    if (!ok) {
      auto* table = content.AddSectionDictionary("HAS_PROBLEMS");
      for (const auto& problem : report->problems) {
        auto* row = table->AddSectionDictionary("PROBLEM");
        row->SetValue("LINE", std::to_string(problem.line));
        row->SetValue("COLUMN", problem.column);
        row->SetValue("MESSAGE", catalogs.Translate(context.language, problem.message));
      }
    }
  }
  return deps.pages.Render(context, page, status);
}

Result<Response> ImportRoll(RequestContext& context, const Context& deps) {
  RollService& roll = deps.roll;
  // Check access before reading what was sent.
  std::string slug(context.params.Get("slug"));
  if (auto allowed = roll.Authorize(context.actor, slug); !allowed) return Fail(allowed.error());
  auto parts = http::ParseMultipart(context.request.Header("content-type"), context.request.Content());
  if (!parts) {
    if (parts.error().code() == ErrorCode::kUnsupportedMediaType) return Fail(parts.error());
    return RollPage(context, deps, std::nullopt, parts.error());
  }
  std::string_view file;
  bool dry_run = false, has_file = false;
  for (const auto& part : *parts) {
    if (part.name == "file") {
      file = part.body;
      has_file = true;
    }
    if (part.name == "dry_run") dry_run = part.body == "1";
  }
  if (!has_file || file.empty()) {
    return RollPage(
        context, deps, std::nullopt,
        Error::InvalidArgument(N_("Choose a CSV file to upload."), {{"file", N_("Choose a CSV file to upload.")}}));
  }
  // Every line is checked first: a file with problems is answered at once, nothing written.
  auto report = roll.Import(context.actor, slug, file, /*dry_run=*/true);
  if (!report) return Fail(report.error());
  if (dry_run || !report->problems.empty()) return RollPage(context, deps, *report, std::nullopt);
  // A good file is written in the background while the next page shows its progress.
  auto started = deps.imports.Start(context.actor, slug, std::string(file));
  if (!started) return RollPage(context, deps, std::nullopt, started.error());
  return Response::Redirect(fmt::format("/organizations/{}/roll/imports/{}", slug, *started));
}

// The import's progress, as the status part of the page shows it.
void FillImportStatus(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& status,
                      const std::string& slug, const RollImports::Progress& progress) {
  const auto& catalogs = deps.pages.catalogs();
  const std::string& language = context.language;
  status.SetValue("SLUG", slug);
  status.SetValue("STATUS_HREF",
                  fmt::format("/organizations/{}/roll/imports/{}/status", slug, context.params.Get("id")));
  size_t total = progress.finished && progress.report ? progress.report->rows : progress.total;
  size_t done = progress.finished && progress.report ? total : progress.done;
  status.SetIntValue("TOTAL", static_cast<long>(std::max<size_t>(total, 1)));
  status.SetIntValue("DONE", static_cast<long>(done));
  long long percent = total == 0 ? 0 : static_cast<long long>(done * 100 / total);
  status.SetValue("PERCENT", catalogs.FormatNumber(language, percent));
  status.SetValue("PROGRESS_TEXT", fmt::format("{} / {}", catalogs.FormatNumber(language, static_cast<long long>(done)),
                                               catalogs.FormatNumber(language, static_cast<long long>(total))));
  if (!progress.finished) {
    status.ShowSection("RUNNING");
  } else if (progress.report) {
    status.AddSectionDictionary("FINISHED_OK")
        ->SetValue("SUMMARY", ReportSummary(catalogs, language, *progress.report));
  } else {
    deps.pages.ShowErrors(context, *status.AddSectionDictionary("FAILED"), *progress.error);
  }
}

// The import's progress: the page, and the part of it that htmx polls while the import runs.
Result<Response> ImportProgress(RequestContext& context, const Context& deps, bool fragment) {
  std::string slug(context.params.Get("slug"));
  // The bar first (404 or 403 as for its roll page), then the import.
  if (auto allowed = deps.roll.Authorize(context.actor, slug); !allowed) return Fail(allowed.error());
  auto progress = deps.imports.Find(std::string(context.params.Get("id")));
  // Only the user who started it follows an import; to others it is not there.
  if (!progress || progress->bar_slug != slug || progress->user != context.actor.user()) return Fail(Error::NotFound());
  if (fragment) {
    ctemplate::TemplateDictionary status("status");
    FillImportStatus(context, deps, status, slug, *progress);
    return deps.pages.RenderFragment(context, "directory/roll_import_status.tpl", status);
  }
  auto organization = deps.organizations.GetBySlug(context.actor, slug);
  if (!organization) return Fail(organization.error());
  render::Page page("directory/roll_import.tpl", deps.pages.Translate(context, N_("Importing the roll")));
  auto& content = page.content();
  content.SetValue("SLUG", slug);
  content.SetValue("NAME", organization->name.TextIn(context.language, organization->slug));
  auto* status = content.AddIncludeDictionary("STATUS");
  status->SetFilename("directory/roll_import_status.tpl");
  FillImportStatus(context, deps, *status, slug, *progress);
  return deps.pages.Render(context, page);
}

Result<Response> ExportRoll(RequestContext& context, RollService& roll) {
  std::string slug(context.params.Get("slug"));
  auto csv = roll.Export(context.actor, slug);
  if (!csv) return Fail(csv.error());
  Response response;
  response.body = std::move(*csv);
  response.SetHeader("Content-Type", "text/csv; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + slug + "-roll.csv\"");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// --- JSON ---

Result<Response> ApiLawyers(RequestContext& context, const Context& deps) {
  auto query = ReadLawyerQuery(context.request);
  if (!query) return Fail(query.error());
  auto found = deps.people.FindLawyers(*query, context.language);
  if (!found) return Fail(found.error());
  json body = http::PageJson(*found, [](const LawyerHit& hit) {
    return json{{"id", hit.id.value()},
                {"slug", hit.slug},
                {"display_name", hit.display_name},
                {"other_names", hit.other_names},
                {"city", hit.city},
                {"bars", hit.bars},
                {"score", hit.score}};
  });
  body["total_is_lower_bound"] = found->total_is_lower_bound;
  // A page reached by cursor has no number.
  if (query->after) body["page"] = nullptr;
  // Following `next` until it is null walks the whole list (by cursor past the first pages).
  std::string next = NextQueryString(*query, *found, NextLink::kCursor);
  body["next"] = next.empty() ? json(nullptr) : json("/api/v1/lawyers?" + next);
  body["next_after"] = found->next_after.empty() ? json(nullptr) : json(found->next_after);
  return http::JsonResponse(body);
}

Result<Response> ApiPerson(RequestContext& context, const Context& deps) {
  auto person = deps.people.GetPerson(context.params.GetId<PersonId>("id"));
  if (!person) return Fail(person.error());
  return http::JsonResponse(PersonJson(*person, context.actor));
}

Result<Response> ApiOrganizations(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  if (!page_request) return Fail(page_request.error());
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  std::string kind = context.request.QueryParam("kind").value_or("");
  std::string jurisdiction = context.request.QueryParam("jurisdiction").value_or("");
  Page<Organization> page;
  page.page = page_request->page;
  page.per_page = page_request->per_page;
  std::vector<Organization> matching;
  for (const auto& organization : *organizations) {
    if (!MayView(context.actor, organization)) continue;
    if (!kind.empty() && KindKey(organization.kind) != kind) continue;
    if (!jurisdiction.empty() && organization.jurisdiction != jurisdiction) continue;
    matching.push_back(organization);
  }
  page.total = static_cast<long long>(matching.size());
  for (long long i = page_request->offset(); i < page.total && i < page_request->offset() + page.per_page; ++i) {
    page.items.push_back(matching[static_cast<size_t>(i)]);
  }
  return http::JsonResponse(http::PageJson(page, OrganizationJson));
}

Result<Response> ApiOrganization(RequestContext& context, const Context& deps) {
  auto organization = deps.organizations.GetById(context.actor, context.params.GetId<OrganizationId>("id"));
  if (!organization) return Fail(organization.error());
  if (!MayView(context.actor, *organization)) return Fail(Error::NotFound());
  auto details = deps.people.OrganizationDetails(organization->id);
  if (!details) return Fail(details.error());
  json body = OrganizationJson(*organization);
  body["member_count"] = details->member_count;
  body["office_holders"] = json::array();
  for (const auto& holder : details->holders) {
    body["office_holders"].push_back({{"person_id", holder.person.value()},
                                      {"title", TitleKey(holder.position.title)},
                                      {"starts_on", DateJson(holder.position.starts_on)},
                                      {"attested_on", DateJson(holder.position.attested_on)}});
  }
  auto related = deps.organizations.Related(context.actor, organization->slug);
  if (!related) return Fail(related.error());
  for (const auto& kind : *related) {
    json records = json::array();
    for (const auto& record : kind.records) {
      records.push_back({{"href", record.href},
                         {"title", http::LocalizedJson(record.title)},
                         {"date", DateJson(record.date)},
                         {"label", record.label_key}});
    }
    body[kind.key] = {{"items", records}, {"more", kind.more}, {"all_href", kind.all_href}};
  }
  return http::JsonResponse(body);
}

}  // namespace

void AddRoutes(http::Router& router, const render::PageRenderer& pages, OrganizationService& organizations,
               PeopleService& people, RollService& roll, RollImports& imports) {
  // First: /people/new and /organizations/new are tried before /people/{slug}.
  AddEditRoutes(router, pages, organizations, people);
  auto deps = std::make_shared<Context>(Context{pages, organizations, people, roll, imports});
  auto bind = [deps](auto handler) {
    return [deps, handler](RequestContext& context) { return handler(context, *deps); };
  };
  router.Add({.method = Method::kGet,
              .pattern = "/lawyers",
              .access = Access::Anyone(),
              .handler = [deps](RequestContext& context) { return LawyersPage(context, *deps, false); }});
  router.Add({.method = Method::kGet,
              .pattern = "/lawyers/results",
              .access = Access::Anyone(),
              .handler = [deps](RequestContext& context) { return LawyersPage(context, *deps, true); }});
  router.Add({.method = Method::kGet,
              .pattern = "/people/{slug:slug}",
              .access = Access::Anyone(),
              .handler = bind(PersonPage)});
  router.Add({.method = Method::kGet,
              .pattern = "/organizations",
              .access = Access::Anyone(),
              .handler = bind(OrganizationsPage)});
  router.Add({.method = Method::kGet,
              .pattern = "/organizations/{slug:slug}",
              .access = Access::Anyone(),
              .handler = bind(OrganizationPage)});
  router.Add(
      {.method = Method::kGet,
       .pattern = "/organizations/{slug:slug}/roll",
       .access = Access::Admin(),
       .handler = [deps](RequestContext& context) { return RollPage(context, *deps, std::nullopt, std::nullopt); }});
  router.Add({.method = Method::kPost,
              .pattern = "/organizations/{slug:slug}/roll",
              .access = Access::Admin(),
              .handler = bind(ImportRoll),
              .max_body_bytes = http::kCsvMaxBodyBytes});
  router.Add({.method = Method::kGet,
              .pattern = "/organizations/{slug:slug}/roll/imports/{id:slug}",
              .access = Access::Admin(),
              .handler = [deps](RequestContext& context) { return ImportProgress(context, *deps, false); }});
  router.Add({.method = Method::kGet,
              .pattern = "/organizations/{slug:slug}/roll/imports/{id:slug}/status",
              .access = Access::Admin(),
              .handler = [deps](RequestContext& context) { return ImportProgress(context, *deps, true); }});
  router.Add({.method = Method::kGet,
              .pattern = "/organizations/{slug:slug}/roll.csv",
              .access = Access::Admin(),
              .handler = [&roll](RequestContext& context) { return ExportRoll(context, roll); }});
  router.Add(
      {.method = Method::kGet, .pattern = "/api/v1/lawyers", .access = Access::Anyone(), .handler = bind(ApiLawyers)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/people/{id:id}",
              .access = Access::Anyone(),
              .handler = bind(ApiPerson)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/organizations",
              .access = Access::Anyone(),
              .handler = bind(ApiOrganizations)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/organizations/{id:id}",
              .access = Access::Anyone(),
              .handler = bind(ApiOrganization)});
}

std::vector<render::NavItem> Navigation() {
  return {{"/lawyers", N_("Find a lawyer")}, {"/organizations", N_("Organizations")}};
}

}  // namespace entente::directory
