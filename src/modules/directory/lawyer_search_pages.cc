// Find a lawyer: the page with its search box and filters, and the results alone for htmx.

#include "modules/directory/directory_handlers.h"

#include <map>

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/error_response.h"
#include "core/render/forms.h"
#include "modules/directory/lawyer_query.h"
#include "modules/directory/organization_options.h"

namespace entente::directory {
namespace {

using http::RequestContext;
using http::Response;

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

// The search box and the filters, as the query set them.
void FillFilters(RequestContext& context, const Context& deps, ctemplate::TemplateDictionary& content,
                 const LawyerQuery& shown, const std::vector<Organization>& organizations,
                 const std::vector<Jurisdiction>& jurisdictions) {
  content.SetValue("Q", shown.text);
  content.SetValue("CITY", shown.city);
  content.SetValue("PRACTICE_AREA", shown.practice_area);
  std::vector<Organization> bars;
  for (const auto& organization : organizations) {
    if (organization.kind == OrganizationKind::kBar || organization.kind == OrganizationKind::kNationalBar) {
      bars.push_back(organization);
    }
  }
  render::AddOptions(content, "BAR_OPTION", OrganizationOptions(bars, context.language), shown.bar);
  render::AddOptions(content, "JURISDICTION_OPTION", JurisdictionOptions(jurisdictions, context.language),
                     shown.jurisdiction);
  render::AddLanguageOptions(content, "LANGUAGE_OPTION", shown.language);
  std::vector<render::Option> statuses;
  for (auto [key, label] : {std::pair{"active", N_("Active")}, std::pair{"honorary", N_("Honorary")},
                            std::pair{"suspended", N_("Suspended")}, std::pair{"former", N_("Former")},
                            std::pair{"any", N_("Any status")}}) {
    statuses.push_back({key, deps.pages.Translate(context, label)});
  }
  render::AddOptions(content, "STATUS_OPTION", statuses, shown.status);
}

}  // namespace

Result<Response> LawyersPage(RequestContext& context, const Context& deps, PagePart part) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  auto names = BarNames(*organizations, context.language);
  auto query = ReadLawyerQuery(context.request);
  Result<Page<LawyerHit>> found =
      query ? deps.people.FindLawyers(*query, context.language) : Result<Page<LawyerHit>>(Fail(query.error()));
  LawyerQuery shown = query.value_or(LawyerQuery{});
  if (part == PagePart::kFragment) {
    ctemplate::TemplateDictionary results("results");
    FillResults(context, deps, results, shown, found, names);
    return deps.pages.RenderFragment(context, "directory/lawyer_results.tpl", results);
  }
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  render::Page page("directory/lawyers.tpl", deps.pages.Translate(context, N_("Find a lawyer")));
  FillFilters(context, deps, page.content(), shown, *organizations, *jurisdictions);
  auto* results = page.content().AddIncludeDictionary("RESULTS");
  results->SetFilename("directory/lawyer_results.tpl");
  FillResults(context, deps, *results, shown, found, names);
  return deps.pages.Render(context, page, found ? 200 : http::HttpStatusFor(found.error().code()));
}

}  // namespace entente::directory
