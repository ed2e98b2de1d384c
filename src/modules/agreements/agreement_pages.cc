// The agreements list and an agreement's page: facts, parties, the tracker, timeline and log.

#include "modules/agreements/agreements_handlers.h"

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "core/render/forms.h"
#include "modules/agreements/tracker.h"
#include "modules/directory/organization_options.h"
#include "modules/directory/people_model.h"

namespace entente::agreements {
namespace {

using http::RequestContext;
using http::Response;
using render::SetLocalized;
using render::Text;

std::string TitleAtSigning(const Context& deps, const std::string& language, const std::string& key) {
  auto title = directory::ParseTitle(key);
  if (!title) return key;
  return deps.pages.catalogs().TranslateInContext(language, directory::kPositionContext, directory::TitleLabel(*title));
}

void FillFacts(RequestContext& context, const Context& deps, const Agreement& agreement,
               ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  const std::string unknown = Unknown(deps, context);
  content.SetValue("KIND", deps.pages.Translate(context, KindLabel(agreement.kind)));
  content.SetValue("STATUS", StatusText(context, deps, agreement.status));
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
  for (const char* section : {"FOLLOW_UP_LANGUAGE", "ACTIVITY_LANGUAGE", "REVIEW_LANGUAGE", "DOCUMENT_LANGUAGE"}) {
    render::AddLanguageOptions(*forms, section, context.language);
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

// The list's filter form: the bars as parties, the jurisdictions, the statuses, the year.
Status FillFilter(RequestContext& context, const Context& deps, const AgreementFilter& shown,
                  ctemplate::TemplateDictionary& content) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  auto jurisdictions = deps.organizations.ListJurisdictions();
  if (!jurisdictions) return Fail(jurisdictions.error());
  std::vector<directory::Organization> bars;
  for (const auto& organization : *organizations) {
    if (organization.kind == directory::OrganizationKind::kBar ||
        organization.kind == directory::OrganizationKind::kNationalBar) {
      bars.push_back(organization);
    }
  }
  render::AddOptions(content, "PARTY_OPTION", directory::OrganizationOptions(bars, context.language), shown.party);
  std::vector<render::Option> codes;
  for (const auto& jurisdiction : *jurisdictions) {
    codes.push_back({jurisdiction.code, jurisdiction.name.TextIn(context.language, jurisdiction.code)});
  }
  render::AddOptions(content, "JURISDICTION_OPTION", codes, shown.jurisdiction);
  render::AddOptions(content, "STATUS_OPTION", StatusOptions(context, deps), shown.status);
  if (shown.year != 0) content.SetValue("YEAR", std::to_string(shown.year));
  return {};
}

// One page of the list, with links to the pages before and after under the same filter.
void FillList(RequestContext& context, const Context& deps, const AgreementFilter& shown,
              const Page<AgreementSummary>& found, ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  content.SetValue("SUMMARY", fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, found.total),
                                          deps.pages.catalogs().TranslatePlural(language, "agreement", "agreements",
                                                                                found.total)));
  for (const auto& agreement : found.items) {
    auto* item = content.AddSectionDictionary("AGREEMENT");
    item->SetValue("SLUG", agreement.slug);
    SetLocalized(*item, "TITLE", "TITLE_LANG", agreement.title, language, agreement.slug);
    item->SetValue("KIND", deps.pages.Translate(context, KindLabel(agreement.kind)));
    item->SetValue("STATUS", StatusText(context, deps, agreement.status));
    item->SetValue("SIGNED", DateText(deps, language, agreement.signed_on));
    std::string parties;
    for (const auto& party : agreement.parties) {
      parties += (parties.empty() ? "" : " · ") + party.organization_name.TextIn(language, party.organization_slug);
    }
    item->SetValue("PARTIES", parties);
  }
  if (found.items.empty()) content.ShowSection("NO_AGREEMENTS");
  auto href = [&](int number) {
    std::string query;
    auto add = [&](std::string_view name, const std::string& value) {
      if (!value.empty()) query += fmt::format("{}={}&", name, http::PercentEncode(value));
    };
    add("party", shown.party);
    add("jurisdiction", shown.jurisdiction);
    add("status", shown.status);
    if (shown.year != 0) add("year", std::to_string(shown.year));
    return fmt::format("/agreements?{}page={}&per_page={}", query, number, found.per_page);
  };
  if (found.page > 1) content.SetValueAndShowSection("PREVIOUS_HREF", href(found.page - 1), "PREVIOUS");
  if (found.page < found.pages()) content.SetValueAndShowSection("NEXT_HREF", href(found.page + 1), "NEXT");
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

}  // namespace

// --- The list ---

Result<Response> ListPage(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  auto filter = ReadFilter(context.request);
  AgreementFilter shown = filter.value_or(AgreementFilter{});
  Result<Page<AgreementSummary>> found = !filter         ? Result<Page<AgreementSummary>>(Fail(filter.error()))
                                         : !page_request ? Result<Page<AgreementSummary>>(Fail(page_request.error()))
                                                         : deps.agreements.List(context.actor, *filter, *page_request);
  render::Page page("agreements/list.tpl", deps.pages.Translate(context, N_("Cooperation agreements")));
  auto& content = page.content();
  if (auto filled = FillFilter(context, deps, shown, content); !filled) return Fail(filled.error());
  if (AgreementService::MayCreate(context.actor)) content.ShowSection("MAY_CREATE");
  if (!found) {
    deps.pages.ShowErrors(context, content, found.error());
    return deps.pages.Render(context, page, http::HttpStatusFor(found.error().code()));
  }
  FillList(context, deps, shown, *found, content);
  return deps.pages.Render(context, page, 200);
}

Result<Response> ShowAgreement(RequestContext& context, const Context& deps) { return AgreementPage(context, deps); }

Result<Response> PageFormError(RequestContext& context, const Context& deps, const Error& error,
                               const std::string& error_form) {
  if (error.code() != ErrorCode::kInvalidArgument) return Fail(error);
  return AgreementPage(context, deps, error, error_form);
}

}  // namespace entente::agreements
