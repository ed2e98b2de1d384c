// The form that records an agreement or edits it, and its submits.

#include "modules/agreements/agreements_handlers.h"

#include <fmt/format.h>

#include <map>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/i18n/languages.h"

namespace entente::agreements {
namespace {

using http::RequestContext;
using http::Response;
using render::Text;

constexpr int kBlankPartyRows = 2;
constexpr int kBlankObjectiveRows = 2;
constexpr int kMaxFormRows = 50;

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

}  // namespace

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

}  // namespace entente::agreements
