// The agreements module's whole URL table.
//
//   GET  /agreements                                  anyone     the list, with filters (party, jurisdiction, status,
//   year) GET  /agreements/new                              signed in  the form to record an agreement (coordinators,
//   bar admins) POST /agreements                                  signed in  record it GET  /agreements/{slug} anyone*
//   the agreement: parties, signatories, objectives with the
//                                                                tracker (?as_of=YYYY-MM-DD), timeline, log, documents
//   GET  /agreements/{slug}/edit                      signed in  the edit form (coordinators and bar admins of a party)
//   POST /agreements/{slug}/edit                      signed in  save it
//   POST /agreements/{slug}/follow-ups                signed in  add a follow-up entry
//   POST /agreements/{slug}/activities                signed in  add an activity linked to objectives
//   POST /agreements/{slug}/reviews                   signed in  save the yearly review
//   POST /agreements/{slug}/documents                 signed in  upload a signed text (multipart)
//   GET  /agreements/{slug}/documents/{id}            anyone*    download it
//   GET  /api/v1/agreements                           anyone*    JSON list
//   POST /api/v1/agreements                           signed in
//   GET  /api/v1/agreements/{id}                      anyone*
//   PUT  /api/v1/agreements/{id}                      signed in
//   GET  /api/v1/agreements/{id}/follow-ups           anyone*
//   POST /api/v1/agreements/{id}/follow-ups           signed in
//   GET  /api/v1/agreements/{id}/reviews              anyone*
//   POST /api/v1/agreements/{id}/reviews              signed in  one per year (replaces that year's)
//   GET  /api/v1/agreements/{id}/activities           anyone*
//   POST /api/v1/agreements/{id}/activities           signed in
//
// * as the agreement's visibility allows (the service decides; a hidden agreement is a 404).

#include "modules/agreements/agreements_routes.h"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/http/json.h"
#include "core/http/multipart.h"
#include "core/i18n/languages.h"
#include "modules/agreements/tracker.h"
#include "modules/directory/people_model.h"

namespace entente::agreements {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;
using nlohmann::json;
using render::SetLocalized;
using render::Text;

constexpr int kBlankPartyRows = 2;
constexpr int kBlankObjectiveRows = 2;
constexpr int kMaxFormRows = 50;
constexpr const char* kUnknownContext = "agreement fact";

struct Context {
  const render::PageRenderer& pages;
  AgreementService& agreements;
  directory::OrganizationService& organizations;
};

std::chrono::year_month_day Today() {
  return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

// ?as_of=YYYY-MM-DD, today when absent; an error (and today) when malformed.
std::pair<std::chrono::year_month_day, std::optional<Error>> ReadAsOf(const http::Request& request) {
  auto text = request.QueryParam("as_of");
  if (!text || text->empty()) return {Today(), std::nullopt};
  auto date = PartialDate::Parse(*text);
  if (!date || date->precision() != DatePrecision::kDay) {
    return {Today(), Error::InvalidArgument(N_("Please correct the fields below."),
                                            {{"as_of", N_("Enter a date as YYYY-MM-DD.")}})};
  }
  return {date->FirstDay(), std::nullopt};
}

Result<AgreementFilter> ReadFilter(const http::Request& request) {
  AgreementFilter filter;
  filter.party = request.QueryParam("party").value_or("");
  filter.jurisdiction = request.QueryParam("jurisdiction").value_or("");
  filter.status = request.QueryParam("status").value_or("");
  std::string year = request.QueryParam("year").value_or("");
  if (!year.empty()) {
    if (year.size() != 4 || !std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Fail(
          Error::InvalidArgument(N_("Please correct the search."), {{"year", N_("Give a year such as 2014.")}}));
    }
    filter.year = std::stoi(year);
  }
  return filter;
}

// Replaces the variant of `language` in `base` (removes it when `text` is blank). A text typed
// in a record that has none yet is the original; otherwise it keeps the flag it had, or is a
// translation.
i18n::LocalizedText Overlay(const i18n::LocalizedText& base, const std::string& language, const std::string& text) {
  i18n::LocalizedText result;
  for (const auto& [code, variant] : base.variants()) {
    if (code != language) result.Set(code, variant.text, variant.original);
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return result;
  const auto* previous = base.Find(language);
  bool original = previous ? previous->original : base.empty();
  result.Set(language, text, original);
  return result;
}

std::string FormLanguage(const http::Form& form, const RequestContext& context) {
  std::string language = form.Get("text_language");
  return i18n::IsSupportedLanguage(language) ? language : context.language;
}

std::vector<std::string> SplitLanguages(const std::string& text) {
  std::vector<std::string> languages;
  std::string current;
  for (char c : text + ",") {
    if (c == ',' || c == ' ' || c == ';') {
      if (!current.empty()) languages.push_back(current);
      current.clear();
    } else {
      current.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
  }
  return languages;
}

// The edit form's fields over `base` (the agreement as stored, or empty for a new one).
AgreementInput ReadAgreementForm(const http::Form& form, const RequestContext& context, AgreementInput base) {
  std::string language = FormLanguage(form, context);
  AgreementInput input = base;
  input.slug = form.Get("slug");
  input.kind = form.Get("kind");
  input.status = form.Get("status");
  input.visibility = form.Get("visibility");
  input.title = Overlay(base.title, language, form.Get("title"));
  input.signing_place = Overlay(base.signing_place, language, form.Get("signing_place"));
  input.occasion = Overlay(base.occasion, language, form.Get("occasion"));
  input.signed_on = form.Get("signed_on");
  input.in_force_on = form.Get("in_force_on");
  input.suspended_on = form.Get("suspended_on");
  input.ended_on = form.Get("ended_on");
  input.term = form.Get("term");
  input.term_months = form.Get("term_months");
  input.renewal = form.Get("renewal");
  input.notice_months = form.Get("notice_months");
  std::string languages = form.Get("authentic_languages");
  input.authentic_languages.reset();
  if (languages.find_first_not_of(" ,;") != std::string::npos) input.authentic_languages = SplitLanguages(languages);
  input.initiated_by = form.Get("initiated_by");
  input.supported_by = form.Get("supported_by");
  input.parties.clear();
  for (int n = 1; n <= kMaxFormRows && form.Has(fmt::format("party_{}", n)); ++n) {
    std::string organization = form.Get(fmt::format("party_{}", n));
    std::string signatory = form.Get(fmt::format("signatory_{}", n));
    if (organization.empty() && signatory.empty()) continue;
    input.parties.push_back({organization, signatory});
  }
  std::map<long long, const ObjectiveInput*> previous;
  for (const auto& objective : base.objectives) previous[objective.id] = &objective;
  input.objectives.clear();
  for (int n = 1; n <= kMaxFormRows && form.Has(fmt::format("objective_{}_text", n)); ++n) {
    if (form.Get(fmt::format("objective_{}_remove", n)) == "1") continue;
    ObjectiveInput objective;
    auto id = Id<struct ObjectiveIdTag>::Parse(form.Get(fmt::format("objective_{}_id", n)));
    i18n::LocalizedText before;
    if (id) {
      objective.id = id->value();
      if (auto it = previous.find(objective.id); it != previous.end()) before = it->second->text;
    }
    objective.text = Overlay(before, language, form.Get(fmt::format("objective_{}_text", n)));
    for (ObjectiveCategory category : kAllCategories) {
      if (form.Get(fmt::format("objective_{}_category_{}", n, CategoryKey(category))) == "1") {
        objective.categories.emplace_back(CategoryKey(category));
      }
    }
    if (objective.id == 0 && objective.text.empty() && objective.categories.empty()) continue;  // a blank row
    input.objectives.push_back(std::move(objective));
  }
  input.coordinators.clear();
  for (int n = 1; n <= kMaxFormRows && form.Has(fmt::format("coordinator_{}_person", n)); ++n) {
    CoordinatorInput coordinator{
        form.Get(fmt::format("coordinator_{}_organization", n)), form.Get(fmt::format("coordinator_{}_person", n)),
        form.Get(fmt::format("coordinator_{}_from", n)), form.Get(fmt::format("coordinator_{}_until", n))};
    if (coordinator.person.empty()) continue;
    input.coordinators.push_back(std::move(coordinator));
  }
  return input;
}

std::string TitleAtSigning(const Context& deps, const std::string& language, const std::string& key) {
  auto title = directory::ParseTitle(key);
  if (!title) return key;
  return deps.pages.catalogs().TranslateInContext(language, directory::kPositionContext, directory::TitleLabel(*title));
}

std::string DateText(const Context& deps, const std::string& language, const PartialDate& date) {
  return deps.pages.catalogs().FormatDate(language, date);
}

std::string Unknown(const Context& deps, const RequestContext& context) {
  // In its own context: a fact the sources do not give, whatever the gender of its label
  // (French "information inconnue" rather than "inconnue" after "Préavis").
  return deps.pages.catalogs().TranslateInContext(context.language, kUnknownContext, NC_("agreement fact", "unknown"));
}

// --- The list ---

Result<Response> ListPage(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  auto filter = ReadFilter(context.request);
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  const std::string& language = context.language;
  AgreementFilter shown = filter.value_or(AgreementFilter{});
  Result<Page<AgreementSummary>> found = !filter         ? Result<Page<AgreementSummary>>(Fail(filter.error()))
                                         : !page_request ? Result<Page<AgreementSummary>>(Fail(page_request.error()))
                                                         : deps.agreements.List(context.actor, *filter, *page_request);
  render::Page page("agreements/list.tpl", deps.pages.Translate(context, N_("Cooperation agreements")));
  auto& content = page.content();
  for (const auto& organization : *organizations) {
    if (organization.kind != directory::OrganizationKind::kBar &&
        organization.kind != directory::OrganizationKind::kNationalBar) {
      continue;
    }
    auto* option = content.AddSectionDictionary("PARTY_OPTION");
    option->SetValue("SLUG", organization.slug);
    option->SetValue("NAME", organization.name.TextIn(language, organization.slug));
    if (organization.slug == shown.party) option->ShowSection("SELECTED");
  }
  for (const auto& jurisdiction : *jurisdictions) {
    auto* option = content.AddSectionDictionary("JURISDICTION_OPTION");
    option->SetValue("CODE", jurisdiction.code);
    option->SetValue("NAME", jurisdiction.name.TextIn(language, jurisdiction.code));
    if (jurisdiction.code == shown.jurisdiction) option->ShowSection("SELECTED");
  }
  for (AgreementStatus status : kAllStatuses) {
    auto* option = content.AddSectionDictionary("STATUS_OPTION");
    option->SetValue("KEY", Text(StatusKey(status)));
    option->SetValue("LABEL",
                     deps.pages.catalogs().TranslateInContext(context.language, kStatusContext, StatusLabel(status)));
    if (StatusKey(status) == shown.status) option->ShowSection("SELECTED");
  }
  if (shown.year != 0) content.SetValue("YEAR", std::to_string(shown.year));
  if (AgreementService::MayCreate(context.actor)) content.ShowSection("MAY_CREATE");
  int status = 200;
  if (!found) {
    deps.pages.ShowErrors(context, content, found.error());
    status = http::HttpStatusFor(found.error().code());
  } else {
    content.SetValue("SUMMARY", fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, found->total),
                                            deps.pages.catalogs().TranslatePlural(language, "agreement", "agreements",
                                                                                  found->total)));
    for (const auto& agreement : found->items) {
      auto* item = content.AddSectionDictionary("AGREEMENT");
      item->SetValue("SLUG", agreement.slug);
      SetLocalized(*item, "TITLE", "TITLE_LANG", agreement.title, language, agreement.slug);
      item->SetValue("KIND", deps.pages.Translate(context, KindLabel(agreement.kind)));
      item->SetValue("STATUS", deps.pages.catalogs().TranslateInContext(context.language, kStatusContext,
                                                                        StatusLabel(agreement.status)));
      item->SetValue("SIGNED", DateText(deps, language, agreement.signed_on));
      std::string parties;
      for (const auto& party : agreement.parties) {
        parties += (parties.empty() ? "" : " · ") + party.organization_name.TextIn(language, party.organization_slug);
      }
      item->SetValue("PARTIES", parties);
    }
    if (found->items.empty()) content.ShowSection("NO_AGREEMENTS");
    auto href = [&](int number) {
      std::string query;
      auto add = [&](std::string_view name, const std::string& value) {
        if (!value.empty()) query += fmt::format("{}={}&", name, http::PercentEncode(value));
      };
      add("party", shown.party);
      add("jurisdiction", shown.jurisdiction);
      add("status", shown.status);
      if (shown.year != 0) add("year", std::to_string(shown.year));
      return fmt::format("/agreements?{}page={}&per_page={}", query, number, found->per_page);
    };
    if (found->page > 1) content.SetValueAndShowSection("PREVIOUS_HREF", href(found->page - 1), "PREVIOUS");
    if (found->page < found->pages()) content.SetValueAndShowSection("NEXT_HREF", href(found->page + 1), "NEXT");
  }
  return deps.pages.Render(context, page, status);
}

// --- The agreement ---

void FillFacts(RequestContext& context, const Context& deps, const Agreement& agreement,
               ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  const std::string unknown = Unknown(deps, context);
  content.SetValue("KIND", deps.pages.Translate(context, KindLabel(agreement.kind)));
  content.SetValue("STATUS", deps.pages.catalogs().TranslateInContext(context.language, kStatusContext,
                                                                      StatusLabel(agreement.status)));
  content.SetValue("STATUS_KEY", Text(StatusKey(agreement.status)));
  for (auto [date, label] :
       {std::pair{&agreement.in_force_on, N_("In force since")},
        std::pair{&agreement.suspended_on, N_("Suspended since")}, std::pair{&agreement.ended_on, N_("Ended on")}}) {
    if (!date->known()) continue;
    auto* item = content.AddSectionDictionary("STATUS_DATE");
    item->SetValue("LABEL", deps.pages.Translate(context, label));
    item->SetValue("DATE", DateText(deps, language, *date));
  }
  content.SetValue("SIGNED", DateText(deps, language, agreement.signed_on));
  if (!agreement.signed_on.known()) content.ShowSection("SIGNED_UNKNOWN");
  if (agreement.signed_on.known()) content.SetValue("SIGNED_ISO", agreement.signed_on.ToString());
  SetLocalized(content, "PLACE", "PLACE_LANG", agreement.signing_place, language, unknown);
  if (agreement.signing_place.empty()) content.ShowSection("PLACE_UNKNOWN");
  if (!agreement.occasion.empty()) {
    auto* occasion = content.AddSectionDictionary("OCCASION");
    SetLocalized(*occasion, "TEXT", "OCCASION_LANG", agreement.occasion, language, "");
  } else {
    content.SetValueAndShowSection("TEXT", unknown, "OCCASION_UNKNOWN");
  }
  auto organization_link = [&](const char* section, const std::string& slug, const i18n::LocalizedText& name) {
    if (slug.empty()) {
      content.SetValueAndShowSection(std::string(section) + "_TEXT", unknown, std::string(section) + "_UNKNOWN");
      return;
    }
    auto* item = content.AddSectionDictionary(section);
    item->SetValue("SLUG", slug);
    SetLocalized(*item, "NAME", "NAME_LANG", name, language, slug);
  };
  organization_link("INITIATED_BY", agreement.initiated_by_slug, agreement.initiated_by_name);
  organization_link("SUPPORTED_BY", agreement.supported_by_slug, agreement.supported_by_name);
  std::string term = unknown;
  if (agreement.term == TermKind::kOpenEnded) term = deps.pages.Translate(context, N_("Open-ended"));
  if (agreement.term == TermKind::kFixed && agreement.term_months) {
    term = fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, *agreement.term_months),
                       deps.pages.catalogs().TranslatePlural(language, "month", "months", *agreement.term_months));
  }
  content.SetValue("TERM", term);
  if (agreement.term == TermKind::kUnknown) content.ShowSection("TERM_UNKNOWN");
  content.SetValue("RENEWAL", agreement.renewal == Renewal::kUnknown
                                  ? Unknown(deps, context)
                                  : deps.pages.Translate(context, RenewalLabel(agreement.renewal)));
  if (agreement.renewal == Renewal::kUnknown) content.ShowSection("RENEWAL_UNKNOWN");
  if (agreement.notice_months) {
    content.SetValue(
        "NOTICE",
        fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, *agreement.notice_months),
                    deps.pages.catalogs().TranslatePlural(language, "month", "months", *agreement.notice_months)));
  } else {
    content.SetValue("NOTICE", unknown);
    content.ShowSection("NOTICE_UNKNOWN");
  }
  if (agreement.authentic_languages && !agreement.authentic_languages->empty()) {
    std::string names;
    for (const auto& code : *agreement.authentic_languages) {
      names +=
          (names.empty() ? "" : ", ") + (i18n::IsSupportedLanguage(code) ? std::string(i18n::NativeName(code)) : code);
    }
    content.SetValue("LANGUAGES", names);
  } else {
    content.SetValue("LANGUAGES", unknown);
    content.ShowSection("LANGUAGES_UNKNOWN");
  }
  content.SetValue("VISIBILITY", deps.pages.Translate(context, auth::VisibilityLabel(agreement.visibility)));
}

void FillParties(RequestContext& context, const Context& deps, const Agreement& agreement,
                 ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  for (const auto& party : agreement.parties) {
    auto* item = content.AddSectionDictionary("PARTY");
    item->SetValue("SLUG", party.organization_slug);
    SetLocalized(*item, "NAME", "NAME_LANG", party.organization_name, language, party.organization_slug);
    if (party.signatory) {
      auto* signatory = item->AddSectionDictionary("SIGNATORY");
      signatory->SetValue("SLUG", party.signatory_slug);
      signatory->SetValue("NAME", party.signatory_name);
      signatory->SetValue("TITLE", TitleAtSigning(deps, language, party.signatory_title));
    } else {
      item->SetValueAndShowSection("UNKNOWN", Unknown(deps, context), "SIGNATORY_UNKNOWN");
    }
    // Coordinators named for this party.
    bool any = false;
    for (const auto& coordinator : agreement.coordinators) {
      if (coordinator.organization != party.organization) continue;
      auto* row = item->AddSectionDictionary("COORDINATOR");
      row->SetValue("SLUG", coordinator.person_slug);
      row->SetValue("NAME", coordinator.person_name);
      std::string when;
      if (coordinator.starts_on.known() || coordinator.ends_on.known()) {
        when = fmt::format("{} – {}", DateText(deps, language, coordinator.starts_on),
                           coordinator.ends_on.known() ? DateText(deps, language, coordinator.ends_on) : "");
      }
      if (!when.empty()) row->SetValueAndShowSection("WHEN", when, "HAS_WHEN");
      any = true;
    }
    if (!any) item->SetValueAndShowSection("UNKNOWN", Unknown(deps, context), "COORDINATORS_UNKNOWN");
  }
}

void FillTracker(RequestContext& context, const Context& deps, const Agreement& agreement,
                 std::chrono::year_month_day as_of, ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  std::string as_of_text = DateText(deps, language, PartialDate::Day(as_of));
  content.SetValue("AS_OF", PartialDate::Day(as_of).ToString());
  content.SetValue("AS_OF_TEXT", as_of_text);
  content.SetValue(
      "WINDOW_TEXT",
      deps.pages.catalogs().TranslateWith(
          language, N_("Objectives with no activity in the 12 months before {1} are flagged."), as_of_text));
  auto progress = TrackObjectives(agreement, as_of);
  int quiet = 0;
  for (const auto& item : progress) {
    auto* row = content.AddSectionDictionary("OBJECTIVE");
    row->SetValue("NUMBER", std::to_string(item.objective->sequence));
    row->SetValue("ID", std::to_string(item.objective->id.value()));
    SetLocalized(*row, "TEXT", "TEXT_LANG", item.objective->text, language, "");
    for (size_t i = 0; i < item.objective->categories.size(); ++i) {
      auto* category = row->AddSectionDictionary("CATEGORY");
      category->SetValue("LABEL", deps.pages.Translate(context, CategoryLabel(item.objective->categories[i])));
      category->SetValue("KEY", Text(CategoryKey(item.objective->categories[i])));
    }
    for (const Activity* activity : item.activities) {
      auto* entry = row->AddSectionDictionary("ACTIVITY");
      entry->SetValue("DATE", DateText(deps, language, activity->happened_on));
      entry->SetValue("KIND", deps.pages.Translate(context, ActivityKindLabel(activity->kind)));
      SetLocalized(*entry, "TEXT", "TEXT_LANG", activity->text, language, "");
      if (!activity->link.empty()) entry->SetValueAndShowSection("HREF", activity->link, "LINKED");
    }
    if (item.activities.empty()) row->ShowSection("NO_ACTIVITY");
    if (item.quiet) {
      ++quiet;
      row->ShowSection("QUIET");
      row->SetValue("QUIET_TEXT", deps.pages.catalogs().TranslateWith(
                                      language, N_("No activity in the 12 months before {1}"), as_of_text));
    }
    if (item.last_activity.known()) {
      row->SetValueAndShowSection("LAST", DateText(deps, language, item.last_activity), "HAS_LAST");
    }
  }
  if (progress.empty()) content.ShowSection("NO_OBJECTIVES");
  content.SetValue("QUIET_COUNT", fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, quiet),
                                              deps.pages.catalogs().TranslatePlural(language, "objective flagged",
                                                                                    "objectives flagged", quiet)));
}

void FillTimeline(RequestContext& context, const Context& deps, const Agreement& agreement,
                  ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  for (const auto& entry : BuildTimeline(agreement)) {
    auto* item = content.AddSectionDictionary("EVENT");
    switch (entry.kind) {
      case TimelineKind::kBackground:
        item->SetValue("KIND", deps.pages.Translate(context, N_("Background")));
        item->SetValue("KIND_KEY", "background");
        item->SetValue("DATE", entry.date.known() ? DateText(deps, language, entry.date)
                                                  : deps.pages.Translate(context, N_("before the signing")));
        SetLocalized(*item, "TEXT", "TEXT_LANG", entry.activity->text, language, "");
        break;
      case TimelineKind::kSignature: {
        item->SetValue("KIND", deps.pages.Translate(context, N_("Signature")));
        item->SetValue("KIND_KEY", "signature");
        item->SetValue("DATE", DateText(deps, language, entry.date));
        std::string place = agreement.signing_place.TextIn(language);
        std::string occasion = agreement.occasion.TextIn(language);
        std::string text = deps.pages.Translate(context, N_("The agreement is signed."));
        if (!place.empty())
          text = deps.pages.catalogs().TranslateWith(language, N_("The agreement is signed in {1}."), place);
        if (!occasion.empty()) {
          text += " " + deps.pages.catalogs().TranslateWith(language, N_("On the sidelines of the {1}."), occasion);
        }
        item->SetValue("TEXT", text);
        break;
      }
      case TimelineKind::kActivity:
        item->SetValue("KIND", deps.pages.Translate(context, ActivityKindLabel(entry.activity->kind)));
        item->SetValue("KIND_KEY", Text(ActivityKindKey(entry.activity->kind)));
        item->SetValue("DATE", DateText(deps, language, entry.date));
        SetLocalized(*item, "TEXT", "TEXT_LANG", entry.activity->text, language, "");
        if (!entry.activity->place.empty()) {
          auto* place = item->AddSectionDictionary("PLACE");
          SetLocalized(*place, "NAME", "NAME_LANG", entry.activity->place, language, "");
        }
        break;
      case TimelineKind::kFollowUp:
        item->SetValue("KIND", deps.pages.Translate(context, N_("Follow-up")));
        item->SetValue("KIND_KEY", "follow-up");
        item->SetValue("DATE", DateText(deps, language, entry.date));
        SetLocalized(*item, "TEXT", "TEXT_LANG", entry.follow_up->text, language, "");
        break;
    }
  }
}

void FillLog(RequestContext& context, const Context& deps, const Agreement& agreement,
             ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  for (const auto& follow_up : agreement.follow_ups) {
    auto* item = content.AddSectionDictionary("FOLLOW_UP");
    item->SetValue("DATE", DateText(deps, language, follow_up.entry_on));
    SetLocalized(*item, "TEXT", "TEXT_LANG", follow_up.text, language, "");
    if (!follow_up.author_name.empty()) item->SetValueAndShowSection("AUTHOR", follow_up.author_name, "HAS_AUTHOR");
    if (!follow_up.source.empty()) item->SetValueAndShowSection("SOURCE", follow_up.source, "HAS_SOURCE");
  }
  if (agreement.follow_ups.empty()) content.ShowSection("NO_FOLLOW_UPS");
  for (const auto& review : agreement.reviews) {
    auto* item = content.AddSectionDictionary("REVIEW");
    item->SetValue("YEAR", std::to_string(review.year));
    for (auto [text, section] : {std::pair{&review.findings, "FINDINGS"}, std::pair{&review.decisions, "DECISIONS"},
                                 std::pair{&review.next_actions, "NEXT_ACTIONS"}}) {
      if (text->empty()) continue;
      auto* part = item->AddSectionDictionary(section);
      SetLocalized(*part, "TEXT", "TEXT_LANG", *text, language, "");
    }
    if (!review.author_name.empty()) item->SetValueAndShowSection("AUTHOR", review.author_name, "HAS_AUTHOR");
  }
  if (agreement.reviews.empty()) content.ShowSection("NO_REVIEWS");
  for (const auto& document : agreement.documents) {
    auto* item = content.AddSectionDictionary("DOCUMENT");
    item->SetValue("ID", std::to_string(document.id.value()));
    item->SetValue("FILE_NAME", document.file_name);
    item->SetValue("LANGUAGE", i18n::IsSupportedLanguage(document.language)
                                   ? std::string(i18n::NativeName(document.language))
                                   : document.language);
    item->SetValue("TYPE", Text(DocumentTypeKey(document.type)));
    item->SetValue("SIZE", deps.pages.catalogs().FormatNumber(language, (document.size_bytes + 1023) / 1024));
    item->SetValue("SHA256", document.sha256_hex);
  }
  if (agreement.documents.empty()) content.SetValueAndShowSection("UNKNOWN", Unknown(deps, context), "NO_DOCUMENTS");
}

void FillEditForms(RequestContext& context, const Context& deps, const Agreement& agreement,
                   ctemplate::TemplateDictionary& content) {
  auto* forms = content.AddSectionDictionary("MAY_EDIT");
  forms->SetValue("SLUG", agreement.slug);
  forms->SetValue("THIS_YEAR", std::to_string(static_cast<int>(Today().year())));
  for (std::string_view code : i18n::kLanguages) {
    for (const char* section : {"FOLLOW_UP_LANGUAGE", "ACTIVITY_LANGUAGE", "REVIEW_LANGUAGE", "DOCUMENT_LANGUAGE"}) {
      auto* option = forms->AddSectionDictionary(section);
      option->SetValue("CODE", Text(code));
      option->SetValue("NAME", Text(i18n::NativeName(code)));
      if (code == context.language) option->ShowSection("SELECTED");
    }
  }
  // What was done since the signing first; background (before it) last.
  for (ActivityKind kind : {ActivityKind::kVisit, ActivityKind::kRoundTable, ActivityKind::kTraining,
                            ActivityKind::kMeeting, ActivityKind::kOther, ActivityKind::kBackground}) {
    auto* option = forms->AddSectionDictionary("ACTIVITY_KIND");
    option->SetValue("KEY", Text(ActivityKindKey(kind)));
    option->SetValue("LABEL", deps.pages.Translate(context, ActivityKindLabel(kind)));
  }
  for (const auto& objective : agreement.objectives) {
    auto* option = forms->AddSectionDictionary("ACTIVITY_OBJECTIVE");
    option->SetValue("ID", std::to_string(objective.id.value()));
    option->SetValue("NUMBER", std::to_string(objective.sequence));
    SetLocalized(*option, "TEXT", "TEXT_LANG", objective.text, context.language, "");
  }
}

// The agreement's page; `error` is shown on the form named `error_form` (FOLLOW_UP_FORM, …).
Result<Response> AgreementPage(RequestContext& context, const Context& deps, const std::optional<Error>& error = {},
                               const std::string& error_form = "", int status = 200) {
  auto agreement = deps.agreements.Get(context.actor, std::string(context.params.Get("slug")));
  if (!agreement) return Fail(agreement.error());
  const std::string& language = context.language;
  render::Page page("agreements/agreement.tpl", agreement->title.TextIn(language, agreement->slug));
  auto& content = page.content();
  content.SetValue("SLUG", agreement->slug);
  SetLocalized(content, "TITLE", "TITLE_LANG", agreement->title, language, agreement->slug);
  FillFacts(context, deps, *agreement, content);
  FillParties(context, deps, *agreement, content);
  auto [as_of, as_of_error] = ReadAsOf(context.request);
  if (as_of_error) {
    auto* form = content.AddSectionDictionary("AS_OF_FORM");
    deps.pages.ShowErrors(context, *form, *as_of_error);
  }
  FillTracker(context, deps, *agreement, as_of, content);
  FillTimeline(context, deps, *agreement, content);
  FillLog(context, deps, *agreement, content);
  if (AgreementService::MayEdit(context.actor, *agreement)) {
    page.UseForms();
    FillEditForms(context, deps, *agreement, content);
  }
  if (context.request.QueryParam("saved")) content.ShowSection("SAVED");
  if (error) {
    auto* form = content.AddSectionDictionary(error_form);
    deps.pages.ShowErrors(context, *form, *error);
    status = http::HttpStatusFor(error->code());
  }
  return deps.pages.Render(context, page, as_of_error && status == 200 ? 422 : status);
}

// Re-shows the page with a form's error; errors that are not the form's (403, 404) fail.
Result<Response> PageFormError(RequestContext& context, const Context& deps, const Error& error,
                               const std::string& form) {
  if (error.code() != ErrorCode::kInvalidArgument) return Fail(error);
  return AgreementPage(context, deps, error, form);
}

// Loads the agreement a form posts to, checking that the actor may change it, before reading
// what was sent.
Result<Agreement> AgreementToChange(RequestContext& context, const Context& deps) {
  auto agreement = deps.agreements.Get(context.actor, std::string(context.params.Get("slug")));
  if (!agreement) return Fail(agreement.error());
  if (!AgreementService::MayEdit(context.actor, *agreement)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a party may change this agreement.")));
  }
  return agreement;
}

std::string Redirect(const Agreement& agreement, const char* anchor) {
  return fmt::format("/agreements/{}?saved=1#{}", agreement.slug, anchor);
}

Result<Response> AddFollowUp(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  FollowUpInput input;
  input.entry_on = form->Get("entry_on");
  input.text = Overlay({}, FormLanguage(*form, context), form->Get("text"));
  auto saved = deps.agreements.AddFollowUp(context.actor, agreement->id, input);
  if (!saved) return PageFormError(context, deps, saved.error(), "FOLLOW_UP_FORM");
  return Response::Redirect(Redirect(*agreement, "log-heading"));
}

Result<Response> AddActivity(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  ActivityInput input;
  input.kind = form->Get("kind");
  input.happened_on = form->Get("happened_on");
  std::string language = FormLanguage(*form, context);
  input.text = Overlay({}, language, form->Get("text"));
  input.place = Overlay({}, language, form->Get("place"));
  for (const auto& objective : agreement->objectives) {
    if (form->Get(fmt::format("objective_{}", objective.id.value())) == "1")
      input.objectives.push_back(objective.id.value());
  }
  auto saved = deps.agreements.AddActivity(context.actor, agreement->id, input);
  if (!saved) return PageFormError(context, deps, saved.error(), "ACTIVITY_FORM");
  return Response::Redirect(Redirect(*agreement, "tracker-heading"));
}

Result<Response> SaveReview(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  ReviewInput input;
  std::string year = form->Get("year");
  input.year = year.size() == 4 && std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })
                   ? std::stoi(year)
                   : 0;
  std::string language = FormLanguage(*form, context);
  input.findings = Overlay({}, language, form->Get("findings"));
  input.decisions = Overlay({}, language, form->Get("decisions"));
  input.next_actions = Overlay({}, language, form->Get("next_actions"));
  auto saved = deps.agreements.SaveReview(context.actor, agreement->id, input);
  if (!saved) return PageFormError(context, deps, saved.error(), "REVIEW_FORM");
  return Response::Redirect(Redirect(*agreement, "reviews-heading"));
}

Result<Response> UploadDocument(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  auto parts = http::ParseMultipart(context.request.Header("content-type"), context.request.Content());
  if (!parts) {
    if (parts.error().code() == ErrorCode::kUnsupportedMediaType) return Fail(parts.error());
    return PageFormError(context, deps, parts.error(), "DOCUMENT_FORM");
  }
  DocumentInput input;
  for (const auto& part : *parts) {
    if (part.name == "file") {
      input.file_name = part.filename;
      input.content = part.body;
    }
    if (part.name == "language") input.language = std::string(part.body);
  }
  auto saved = deps.agreements.AddDocument(context.actor, agreement->id, input);
  if (!saved) return PageFormError(context, deps, saved.error(), "DOCUMENT_FORM");
  return Response::Redirect(Redirect(*agreement, "documents-heading"));
}

Result<Response> DownloadDocument(RequestContext& context, const Context& deps) {
  auto agreement = deps.agreements.Get(context.actor, std::string(context.params.Get("slug")));
  if (!agreement) return Fail(agreement.error());
  auto file = deps.agreements.GetDocument(context.actor, agreement->id, context.params.GetId<DocumentId>("id"));
  if (!file) return Fail(file.error());
  Response response;
  response.body = std::move(file->content);
  response.SetHeader("Content-Type", std::string(DocumentMediaType(file->type)));
  // The stored name is the uploader's: only safe characters go into the header.
  std::string name;
  for (char c : file->file_name) {
    name.push_back((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                           c == '_'
                       ? c
                       : '_');
  }
  std::string uploaded = file->file_name;
  std::replace(uploaded.begin(), uploaded.end(), '/', '_');  // PercentEncode keeps '/'
  // The ASCII name for old clients, the name as uploaded (RFC 6266, 5987) for the others.
  response.SetHeader("Content-Disposition",
                     "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + http::PercentEncode(uploaded));
  response.SetHeader("Content-Security-Policy", "sandbox");
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

// --- Create and edit ---

void FillOrganizationOptions(ctemplate::TemplateDictionary& dictionary, const char* section,
                             const std::vector<directory::Organization>& organizations, const std::string& selected,
                             const std::string& language) {
  for (const auto& organization : organizations) {
    auto* option = dictionary.AddSectionDictionary(section);
    option->SetValue("SLUG", organization.slug);
    option->SetValue("NAME", organization.name.TextIn(language, organization.slug));
    if (organization.slug == selected) option->ShowSection("SELECTED");
  }
}

Result<Response> FormPage(RequestContext& context, const Context& deps, const AgreementInput& input, bool editing,
                          const std::optional<Error>& error, int status) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  const std::string& language = context.language;
  std::string title = editing ? deps.pages.Translate(context, N_("Edit the agreement"))
                              : deps.pages.Translate(context, N_("Record an agreement"));
  render::Page page("agreements/form.tpl", title);
  page.UseForms();
  auto& content = page.content();
  content.SetValue("HEADING", title);
  content.SetValue("ACTION", editing ? fmt::format("/agreements/{}/edit", context.params.Get("slug")) : "/agreements");
  if (editing) content.SetValueAndShowSection("SLUG_BEFORE", std::string(context.params.Get("slug")), "EDITING");
  content.SetValue("SLUG", input.slug);
  for (AgreementKind kind : kAllKinds) {
    auto* option = content.AddSectionDictionary("KIND_OPTION");
    option->SetValue("KEY", Text(KindKey(kind)));
    option->SetValue("LABEL", deps.pages.Translate(context, KindLabel(kind)));
    if (KindKey(kind) == input.kind) option->ShowSection("SELECTED");
  }
  for (AgreementStatus status_value : kAllStatuses) {
    auto* option = content.AddSectionDictionary("STATUS_OPTION");
    option->SetValue("KEY", Text(StatusKey(status_value)));
    option->SetValue(
        "LABEL", deps.pages.catalogs().TranslateInContext(context.language, kStatusContext, StatusLabel(status_value)));
    if (StatusKey(status_value) == input.status) option->ShowSection("SELECTED");
  }
  for (auth::Visibility visibility :
       {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kParties}) {
    auto* option = content.AddSectionDictionary("VISIBILITY_OPTION");
    option->SetValue("KEY", Text(auth::VisibilityKey(visibility)));
    option->SetValue("LABEL", deps.pages.Translate(context, auth::VisibilityLabel(visibility)));
    if (auth::VisibilityKey(visibility) == input.visibility) option->ShowSection("SELECTED");
  }
  content.SetValue("TEXT_LANGUAGE", language);
  content.SetValue("TEXT_LANGUAGE_NAME", Text(i18n::NativeName(language)));
  auto in_language = [&](const i18n::LocalizedText& text) {
    const auto* variant = text.Find(language);
    return variant ? variant->text : std::string();
  };
  content.SetValue("TITLE", in_language(input.title));
  content.SetValue("SIGNING_PLACE", in_language(input.signing_place));
  content.SetValue("OCCASION", in_language(input.occasion));
  content.SetValue("SIGNED_ON", input.signed_on);
  content.SetValue("IN_FORCE_ON", input.in_force_on);
  content.SetValue("SUSPENDED_ON", input.suspended_on);
  content.SetValue("ENDED_ON", input.ended_on);
  for (auto [key, label] : {std::pair{"unknown", N_("unknown")}, std::pair{"fixed", N_("Fixed term")},
                            std::pair{"open_ended", N_("Open-ended")}}) {
    auto* option = content.AddSectionDictionary("TERM_OPTION");
    option->SetValue("KEY", key);
    option->SetValue("LABEL", deps.pages.Translate(context, label));
    if (input.term == key) option->ShowSection("SELECTED");
  }
  content.SetValue("TERM_MONTHS", input.term_months);
  for (Renewal renewal : kAllRenewals) {
    auto* option = content.AddSectionDictionary("RENEWAL_OPTION");
    option->SetValue("KEY", Text(RenewalKey(renewal)));
    option->SetValue("LABEL", deps.pages.Translate(context, RenewalLabel(renewal)));
    if (RenewalKey(renewal) == input.renewal) option->ShowSection("SELECTED");
  }
  content.SetValue("NOTICE_MONTHS", input.notice_months);
  std::string languages;
  if (input.authentic_languages) {
    for (const auto& code : *input.authentic_languages) languages += (languages.empty() ? "" : ", ") + code;
  }
  content.SetValue("AUTHENTIC_LANGUAGES", languages);
  FillOrganizationOptions(content, "INITIATED_BY_OPTION", *organizations, input.initiated_by, language);
  FillOrganizationOptions(content, "SUPPORTED_BY_OPTION", *organizations, input.supported_by, language);

  int n = 0;
  auto party_row = [&](const PartyInput& party) {
    auto* row = content.AddSectionDictionary("PARTY_ROW");
    row->SetValue("N", std::to_string(++n));
    row->SetValue("SIGNATORY", party.signatory);
    FillOrganizationOptions(*row, "ORGANIZATION_OPTION", *organizations, party.organization, language);
  };
  for (const auto& party : input.parties) party_row(party);
  for (int blank = 0; blank < kBlankPartyRows || n < 2; ++blank) party_row({});

  n = 0;
  auto objective_row = [&](const ObjectiveInput& objective) {
    auto* row = content.AddSectionDictionary("OBJECTIVE_ROW");
    row->SetValue("N", std::to_string(++n));
    if (objective.id) row->SetValueAndShowSection("ID", std::to_string(objective.id), "EXISTING");
    row->SetValue("TEXT", in_language(objective.text));
    if (!objective.text.empty() && !objective.text.Find(language)) {
      auto chosen = objective.text.Pick(language);
      if (chosen) {
        auto* other = row->AddSectionDictionary("OTHER_LANGUAGE");
        other->SetValue("TEXT", Text(chosen->text));
        other->SetValue("LANG", Text(chosen->language));
      }
    }
    for (ObjectiveCategory category : kAllCategories) {
      auto* box = row->AddSectionDictionary("CATEGORY");
      box->SetValue("N", std::to_string(n));
      box->SetValue("KEY", Text(CategoryKey(category)));
      box->SetValue("LABEL", deps.pages.Translate(context, CategoryLabel(category)));
      if (std::find(objective.categories.begin(), objective.categories.end(), CategoryKey(category)) !=
          objective.categories.end()) {
        box->ShowSection("CHECKED");
      }
    }
  };
  for (const auto& objective : input.objectives) objective_row(objective);
  for (int blank = 0; blank < kBlankObjectiveRows; ++blank) objective_row({});

  n = 0;
  auto coordinator_row = [&](const CoordinatorInput& coordinator) {
    auto* row = content.AddSectionDictionary("COORDINATOR_ROW");
    row->SetValue("N", std::to_string(++n));
    row->SetValue("PERSON", coordinator.person);
    row->SetValue("FROM", coordinator.starts_on);
    row->SetValue("UNTIL", coordinator.ends_on);
    FillOrganizationOptions(*row, "ORGANIZATION_OPTION", *organizations, coordinator.organization, language);
  };
  for (const auto& coordinator : input.coordinators) coordinator_row(coordinator);
  coordinator_row({});

  if (error) deps.pages.ShowErrors(context, content, *error);
  return deps.pages.Render(context, page, status);
}

Result<Response> NewPage(RequestContext& context, const Context& deps) {
  if (!AgreementService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a bar may record agreements.")));
  }
  AgreementInput input;
  input.status = "signed";
  return FormPage(context, deps, input, false, std::nullopt, 200);
}

Result<Response> Create(RequestContext& context, const Context& deps) {
  if (!AgreementService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a bar may record agreements.")));
  }
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  AgreementInput input = ReadAgreementForm(*form, context, AgreementInput{});
  auto created = deps.agreements.Create(context.actor, input);
  if (!created) {
    if (created.error().code() != ErrorCode::kInvalidArgument) return Fail(created.error());
    return FormPage(context, deps, input, false, created.error(), 422);
  }
  return Response::Redirect(fmt::format("/agreements/{}?saved=1", input.slug));
}

Result<Response> EditPage(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  return FormPage(context, deps, InputFrom(*agreement), true, std::nullopt, 200);
}

Result<Response> Update(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  AgreementInput input = ReadAgreementForm(*form, context, InputFrom(*agreement));
  auto saved = deps.agreements.Update(context.actor, agreement->id, input);
  if (!saved) {
    if (saved.error().code() != ErrorCode::kInvalidArgument) return Fail(saved.error());
    return FormPage(context, deps, input, true, saved.error(), 422);
  }
  return Response::Redirect(fmt::format("/agreements/{}?saved=1", input.slug));
}

// --- JSON ---

json TextJson(const i18n::LocalizedText& text) { return http::LocalizedJson(text); }
json DateJson(const PartialDate& date) { return http::PartialDateJson(date); }

json ActivityJson(const Activity& activity) {
  json objectives = json::array();
  for (auto objective : activity.objectives) objectives.push_back(objective.value());
  return {{"id", activity.link.empty() ? json(activity.id.value()) : json(nullptr)},
          {"kind", ActivityKindKey(activity.kind)},
          {"happened_on", DateJson(activity.happened_on)},
          {"text", TextJson(activity.text)},
          {"place", TextJson(activity.place)},
          {"objectives", objectives},
          {"link", activity.link.empty() ? json(nullptr) : json(activity.link)}};
}

json ReviewJson(const Review& review) {
  return {{"year", review.year},
          {"findings", TextJson(review.findings)},
          {"decisions", TextJson(review.decisions)},
          {"next_actions", TextJson(review.next_actions)}};
}

json FollowUpJson(const FollowUp& follow_up) {
  return {{"id", follow_up.id.value()},
          {"entry_on", DateJson(follow_up.entry_on)},
          {"author_user_id", follow_up.author_user_id ? json(follow_up.author_user_id) : json(nullptr)},
          {"source", follow_up.source},
          {"text", TextJson(follow_up.text)}};
}

json PartyJson(const Party& party) {
  json out = {{"organization_id", party.organization.value()},
              {"organization", party.organization_slug},
              {"name", TextJson(party.organization_name)},
              {"jurisdiction", party.jurisdiction.empty() ? json(nullptr) : json(party.jurisdiction)},
              {"signatory", nullptr}};
  if (party.signatory) {
    out["signatory"] = {{"person_id", party.signatory->value()},
                        {"person", party.signatory_slug},
                        {"name", party.signatory_name},
                        {"title_at_signing", party.signatory_title}};
  }
  return out;
}

json SummaryJson(const AgreementSummary& agreement) {
  json parties = json::array();
  for (const auto& party : agreement.parties) parties.push_back(PartyJson(party));
  return {{"id", agreement.id.value()},
          {"slug", agreement.slug},
          {"kind", KindKey(agreement.kind)},
          {"status", StatusKey(agreement.status)},
          {"visibility", auth::VisibilityKey(agreement.visibility)},
          {"title", TextJson(agreement.title)},
          {"signed_on", DateJson(agreement.signed_on)},
          {"parties", parties}};
}

json AgreementJson(const Agreement& agreement, std::chrono::year_month_day as_of) {
  json parties = json::array();
  for (const auto& party : agreement.parties) parties.push_back(PartyJson(party));
  json coordinators = json::array();
  for (const auto& coordinator : agreement.coordinators) {
    coordinators.push_back({{"organization", coordinator.organization_slug},
                            {"person_id", coordinator.person.value()},
                            {"person", coordinator.person_slug},
                            {"name", coordinator.person_name},
                            {"starts_on", DateJson(coordinator.starts_on)},
                            {"ends_on", DateJson(coordinator.ends_on)}});
  }
  auto progress = TrackObjectives(agreement, as_of);
  json objectives = json::array();
  for (const auto& item : progress) {
    json categories = json::array();
    for (auto category : item.objective->categories) categories.push_back(CategoryKey(category));
    json activities = json::array(), linked = json::array();
    for (const Activity* activity : item.activities) {
      if (activity->link.empty()) {
        activities.push_back(activity->id.value());
      } else {
        linked.push_back(activity->link);
      }
    }
    objectives.push_back({{"id", item.objective->id.value()},
                          {"sequence", item.objective->sequence},
                          {"text", TextJson(item.objective->text)},
                          {"categories", categories},
                          {"activities", activities},
                          {"linked_activities", linked},
                          {"last_activity", DateJson(item.last_activity)},
                          {"no_activity_in_12_months", item.quiet}});
  }
  json documents = json::array();
  for (const auto& document : agreement.documents) {
    documents.push_back({{"id", document.id.value()},
                         {"language", document.language},
                         {"file_name", document.file_name},
                         {"type", DocumentTypeKey(document.type)},
                         {"size_bytes", document.size_bytes},
                         {"sha256", document.sha256_hex},
                         {"href", fmt::format("/agreements/{}/documents/{}", agreement.slug, document.id.value())}});
  }
  json follow_ups = json::array();
  for (const auto& follow_up : agreement.follow_ups) follow_ups.push_back(FollowUpJson(follow_up));
  json reviews = json::array();
  for (const auto& review : agreement.reviews) reviews.push_back(ReviewJson(review));
  json activities = json::array();
  for (const auto& activity : agreement.activities) activities.push_back(ActivityJson(activity));
  auto organization = [](const std::optional<OrganizationId>& id, const std::string& slug) {
    return id ? json({{"id", id->value()}, {"slug", slug}}) : json(nullptr);
  };
  return {{"id", agreement.id.value()},
          {"slug", agreement.slug},
          {"kind", KindKey(agreement.kind)},
          {"status", StatusKey(agreement.status)},
          {"visibility", auth::VisibilityKey(agreement.visibility)},
          {"title", TextJson(agreement.title)},
          {"signed_on", DateJson(agreement.signed_on)},
          {"in_force_on", DateJson(agreement.in_force_on)},
          {"suspended_on", DateJson(agreement.suspended_on)},
          {"ended_on", DateJson(agreement.ended_on)},
          {"signing_place", TextJson(agreement.signing_place)},
          {"occasion", TextJson(agreement.occasion)},
          {"occasion_event_id", agreement.occasion_event_id ? json(*agreement.occasion_event_id) : json(nullptr)},
          {"term", TermKey(agreement.term)},
          {"term_months", agreement.term_months ? json(*agreement.term_months) : json(nullptr)},
          {"renewal", RenewalKey(agreement.renewal)},
          {"notice_months", agreement.notice_months ? json(*agreement.notice_months) : json(nullptr)},
          {"authentic_languages", agreement.authentic_languages ? json(*agreement.authentic_languages) : json(nullptr)},
          {"initiated_by", organization(agreement.initiated_by, agreement.initiated_by_slug)},
          {"supported_by", organization(agreement.supported_by, agreement.supported_by_slug)},
          {"parties", parties},
          {"coordinators", coordinators},
          {"as_of", PartialDate::Day(as_of).ToString()},
          {"objectives", objectives},
          {"documents", documents},
          {"follow_ups", follow_ups},
          {"reviews", reviews},
          {"activities", activities},
          {"updated_at", agreement.updated_at_utc}};
}

Error BadShape() {
  return Error::InvalidArgument(N_("The JSON body does not have the expected shape; see docs/openapi.yaml."));
}

// {"en": "text"} or {"en": {"text": "…", "original": true}}; a lone plain string is the original.
i18n::LocalizedText TextFromJson(const json& value) {
  i18n::LocalizedText text;
  if (value.is_null()) return text;
  for (const auto& [language, variant] : value.items()) {
    if (variant.is_string()) {
      text.Set(language, variant.get<std::string>(), value.size() == 1);
    } else {
      text.Set(language, variant.at("text").get<std::string>(), variant.value("original", false));
    }
  }
  return text;
}

std::string StringOr(const json& body, const char* key, const std::string& fallback) {
  if (!body.contains(key) || body.at(key).is_null()) return fallback;
  return body.at(key).get<std::string>();
}

std::string NumberText(const json& body, const char* key) {
  if (!body.contains(key) || body.at(key).is_null()) return "";
  if (body.at(key).is_number_integer()) return std::to_string(body.at(key).get<long long>());
  return body.at(key).get<std::string>();
}

// Fields absent from `body` keep their value in `base`.
Result<AgreementInput> InputFromJson(const json& body, AgreementInput base) {
  try {
    if (!body.is_object()) return Fail(BadShape());
    AgreementInput input = std::move(base);
    input.slug = StringOr(body, "slug", input.slug);
    input.kind = StringOr(body, "kind", input.kind);
    input.status = StringOr(body, "status", input.status);
    input.visibility = StringOr(body, "visibility", input.visibility);
    if (body.contains("title")) input.title = TextFromJson(body.at("title"));
    if (body.contains("signing_place")) input.signing_place = TextFromJson(body.at("signing_place"));
    if (body.contains("occasion")) input.occasion = TextFromJson(body.at("occasion"));
    for (auto [key, field] : {std::pair{"signed_on", &input.signed_on}, std::pair{"in_force_on", &input.in_force_on},
                              std::pair{"suspended_on", &input.suspended_on}, std::pair{"ended_on", &input.ended_on}}) {
      if (body.contains(key)) *field = StringOr(body, key, "");
    }
    input.term = StringOr(body, "term", input.term);
    if (body.contains("term_months")) input.term_months = NumberText(body, "term_months");
    input.renewal = StringOr(body, "renewal", input.renewal);
    if (body.contains("notice_months")) input.notice_months = NumberText(body, "notice_months");
    if (body.contains("authentic_languages")) {
      const json& languages = body.at("authentic_languages");
      input.authentic_languages =
          languages.is_null() ? std::nullopt : std::optional(languages.get<std::vector<std::string>>());
    }
    if (body.contains("initiated_by")) input.initiated_by = StringOr(body, "initiated_by", "");
    if (body.contains("supported_by")) input.supported_by = StringOr(body, "supported_by", "");
    if (body.contains("parties")) {
      input.parties.clear();
      for (const auto& party : body.at("parties")) {
        input.parties.push_back({party.at("organization").get<std::string>(), StringOr(party, "signatory", "")});
      }
    }
    if (body.contains("coordinators")) {
      input.coordinators.clear();
      for (const auto& coordinator : body.at("coordinators")) {
        input.coordinators.push_back({coordinator.at("organization").get<std::string>(),
                                      coordinator.at("person").get<std::string>(),
                                      StringOr(coordinator, "starts_on", ""), StringOr(coordinator, "ends_on", "")});
      }
    }
    if (body.contains("objectives")) {
      input.objectives.clear();
      for (const auto& objective : body.at("objectives")) {
        ObjectiveInput item;
        item.id = objective.value("id", 0LL);
        item.text = TextFromJson(objective.value("text", json(nullptr)));
        item.categories = objective.value("categories", std::vector<std::string>{});
        input.objectives.push_back(std::move(item));
      }
    }
    return input;
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
}

Result<Response> ApiList(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  if (!page_request) return Fail(page_request.error());
  auto filter = ReadFilter(context.request);
  if (!filter) return Fail(filter.error());
  auto found = deps.agreements.List(context.actor, *filter, *page_request);
  if (!found) return Fail(found.error());
  return http::JsonResponse(http::PageJson(*found, SummaryJson));
}

Result<Response> ApiGet(RequestContext& context, const Context& deps) {
  auto [as_of, as_of_error] = ReadAsOf(context.request);
  if (as_of_error) return Fail(*as_of_error);
  auto agreement = deps.agreements.Get(context.actor, context.params.GetId<AgreementId>("id"));
  if (!agreement) return Fail(agreement.error());
  return http::JsonResponse(AgreementJson(*agreement, as_of));
}

Result<Response> ApiCreate(RequestContext& context, const Context& deps) {
  if (!AgreementService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a bar may record agreements.")));
  }
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = InputFromJson(*body, AgreementInput{});
  if (!input) return Fail(input.error());
  auto created = deps.agreements.Create(context.actor, *input);
  if (!created) return Fail(created.error());
  auto agreement = deps.agreements.Get(context.actor, *created);
  if (!agreement) return Fail(agreement.error());
  return http::JsonResponse(AgreementJson(*agreement, Today()), 201);
}

Result<Response> ApiUpdate(RequestContext& context, const Context& deps) {
  AgreementId id = context.params.GetId<AgreementId>("id");
  auto agreement = deps.agreements.Get(context.actor, id);
  if (!agreement) return Fail(agreement.error());
  if (!AgreementService::MayEdit(context.actor, *agreement)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a party may change this agreement.")));
  }
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = InputFromJson(*body, InputFrom(*agreement));
  if (!input) return Fail(input.error());
  auto saved = deps.agreements.Update(context.actor, id, *input);
  if (!saved) return Fail(saved.error());
  auto updated = deps.agreements.Get(context.actor, id);
  if (!updated) return Fail(updated.error());
  return http::JsonResponse(AgreementJson(*updated, Today()));
}

Result<Response> ApiFollowUps(RequestContext& context, const Context& deps) {
  auto agreement = deps.agreements.Get(context.actor, context.params.GetId<AgreementId>("id"));
  if (!agreement) return Fail(agreement.error());
  json items = json::array();
  for (const auto& follow_up : agreement->follow_ups) items.push_back(FollowUpJson(follow_up));
  return http::JsonResponse({{"items", items}});
}

Result<Response> ApiReviews(RequestContext& context, const Context& deps) {
  auto agreement = deps.agreements.Get(context.actor, context.params.GetId<AgreementId>("id"));
  if (!agreement) return Fail(agreement.error());
  json items = json::array();
  for (const auto& review : agreement->reviews) items.push_back(ReviewJson(review));
  return http::JsonResponse({{"items", items}});
}

// The yearly review: one per year; saving a year again replaces it.
Result<Response> ApiSaveReview(RequestContext& context, const Context& deps) {
  AgreementId id = context.params.GetId<AgreementId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  ReviewInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    auto year = body->find("year");
    if (year != body->end() && !year->is_number_integer()) {
      return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                         {{"year", N_("Give the year under review.")}}));
    }
    input.year = year == body->end() ? 0 : year->get<int>();
    input.findings = TextFromJson(body->value("findings", json(nullptr)));
    input.decisions = TextFromJson(body->value("decisions", json(nullptr)));
    input.next_actions = TextFromJson(body->value("next_actions", json(nullptr)));
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  if (auto saved = deps.agreements.SaveReview(context.actor, id, input); !saved) return Fail(saved.error());
  auto agreement = deps.agreements.Get(context.actor, id);
  if (!agreement) return Fail(agreement.error());
  for (const auto& review : agreement->reviews) {
    if (review.year == input.year) return http::JsonResponse(ReviewJson(review), 201);
  }
  return Fail(Error::Internal("review not found after saving"));
}

Result<Response> ApiAddFollowUp(RequestContext& context, const Context& deps) {
  AgreementId id = context.params.GetId<AgreementId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  FollowUpInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    input.entry_on = StringOr(*body, "entry_on", "");
    input.text = TextFromJson(body->value("text", json(nullptr)));
    input.source = StringOr(*body, "source", "");
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  auto created = deps.agreements.AddFollowUp(context.actor, id, input);
  if (!created) return Fail(created.error());
  auto agreement = deps.agreements.Get(context.actor, id);
  if (!agreement) return Fail(agreement.error());
  for (const auto& follow_up : agreement->follow_ups) {
    if (follow_up.id == *created) return http::JsonResponse(FollowUpJson(follow_up), 201);
  }
  return Fail(Error::Internal("follow-up not found after insert"));
}

Result<Response> ApiActivities(RequestContext& context, const Context& deps) {
  auto agreement = deps.agreements.Get(context.actor, context.params.GetId<AgreementId>("id"));
  if (!agreement) return Fail(agreement.error());
  json items = json::array();
  for (const auto& activity : agreement->activities) items.push_back(ActivityJson(activity));
  return http::JsonResponse({{"items", items}});
}

Result<Response> ApiAddActivity(RequestContext& context, const Context& deps) {
  AgreementId id = context.params.GetId<AgreementId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  ActivityInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    input.kind = StringOr(*body, "kind", "other");
    input.happened_on = StringOr(*body, "happened_on", "");
    input.text = TextFromJson(body->value("text", json(nullptr)));
    input.place = TextFromJson(body->value("place", json(nullptr)));
    input.objectives = body->value("objectives", std::vector<long long>{});
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  auto created = deps.agreements.AddActivity(context.actor, id, input);
  if (!created) return Fail(created.error());
  auto agreement = deps.agreements.Get(context.actor, id);
  if (!agreement) return Fail(agreement.error());
  for (const auto& activity : agreement->activities) {
    if (activity.id == *created) return http::JsonResponse(ActivityJson(activity), 201);
  }
  return Fail(Error::Internal("activity not found after insert"));
}

}  // namespace

void AddRoutes(http::Router& router, const render::PageRenderer& pages, AgreementService& agreements,
               directory::OrganizationService& organizations) {
  auto deps = std::make_shared<Context>(Context{pages, agreements, organizations});
  auto bind = [deps](auto handler) {
    return [deps, handler](RequestContext& context) { return handler(context, *deps); };
  };
  router.Add({.method = Method::kGet, .pattern = "/agreements", .access = Access::Anyone(), .handler = bind(ListPage)});
  router.Add(
      {.method = Method::kGet, .pattern = "/agreements/new", .access = Access::SignedIn(), .handler = bind(NewPage)});
  router.Add(
      {.method = Method::kPost, .pattern = "/agreements", .access = Access::SignedIn(), .handler = bind(Create)});
  router.Add({.method = Method::kGet,
              .pattern = "/agreements/{slug:slug}",
              .access = Access::Anyone(),
              .handler = [deps](RequestContext& context) { return AgreementPage(context, *deps); }});
  router.Add({.method = Method::kGet,
              .pattern = "/agreements/{slug:slug}/edit",
              .access = Access::SignedIn(),
              .handler = bind(EditPage)});
  router.Add({.method = Method::kPost,
              .pattern = "/agreements/{slug:slug}/edit",
              .access = Access::SignedIn(),
              .handler = bind(Update)});
  router.Add({.method = Method::kPost,
              .pattern = "/agreements/{slug:slug}/follow-ups",
              .access = Access::SignedIn(),
              .handler = bind(AddFollowUp)});
  router.Add({.method = Method::kPost,
              .pattern = "/agreements/{slug:slug}/activities",
              .access = Access::SignedIn(),
              .handler = bind(AddActivity)});
  router.Add({.method = Method::kPost,
              .pattern = "/agreements/{slug:slug}/reviews",
              .access = Access::SignedIn(),
              .handler = bind(SaveReview)});
  router.Add({.method = Method::kPost,
              .pattern = "/agreements/{slug:slug}/documents",
              .access = Access::SignedIn(),
              .handler = bind(UploadDocument),
              .max_body_bytes = http::kUploadMaxBodyBytes});
  router.Add({.method = Method::kGet,
              .pattern = "/agreements/{slug:slug}/documents/{id:id}",
              .access = Access::Anyone(),
              .handler = bind(DownloadDocument)});
  router.Add(
      {.method = Method::kGet, .pattern = "/api/v1/agreements", .access = Access::Anyone(), .handler = bind(ApiList)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/agreements",
              .access = Access::SignedIn(),
              .handler = bind(ApiCreate)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/agreements/{id:id}",
              .access = Access::Anyone(),
              .handler = bind(ApiGet)});
  router.Add({.method = Method::kPut,
              .pattern = "/api/v1/agreements/{id:id}",
              .access = Access::SignedIn(),
              .handler = bind(ApiUpdate)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/agreements/{id:id}/follow-ups",
              .access = Access::Anyone(),
              .handler = bind(ApiFollowUps)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/agreements/{id:id}/follow-ups",
              .access = Access::SignedIn(),
              .handler = bind(ApiAddFollowUp)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/agreements/{id:id}/reviews",
              .access = Access::Anyone(),
              .handler = bind(ApiReviews)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/agreements/{id:id}/reviews",
              .access = Access::SignedIn(),
              .handler = bind(ApiSaveReview)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/agreements/{id:id}/activities",
              .access = Access::Anyone(),
              .handler = bind(ApiActivities)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/agreements/{id:id}/activities",
              .access = Access::SignedIn(),
              .handler = bind(ApiAddActivity)});
}

std::vector<render::NavItem> Navigation() { return {{"/agreements", N_("Agreements")}}; }

}  // namespace entente::agreements
