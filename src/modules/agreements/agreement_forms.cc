// The form that records an agreement or edits it, and its submits (render::SubmitForm).

#include "modules/agreements/agreements_handlers.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/i18n/languages.h"
#include "core/render/forms.h"
#include "modules/directory/organization_options.h"

namespace entente::agreements {
namespace {

using http::RequestContext;
using http::Response;
using render::FormMode;
using render::Text;

constexpr int kBlankPartyRows = 2;
constexpr int kBlankObjectiveRows = 2;
constexpr int kMaxFormRows = 50;

// "FR, ru; kk" → {"fr", "ru", "kk"}.
std::vector<std::string> SplitLanguages(const std::string& text) {
  std::vector<std::string> languages = SplitList(text, ", ;");
  for (auto& language : languages) {
    std::transform(language.begin(), language.end(), language.begin(),
                   [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  }
  return languages;
}

// The numbered rows `<prefix>_1`, `<prefix>_2` … that the form sent (at most kMaxFormRows).
template <typename ReadRow>
void ForEachRow(const http::Form& form, const char* first_field, ReadRow&& read_row) {
  for (int n = 1; n <= kMaxFormRows && form.Has(fmt::format(fmt::runtime(first_field), n)); ++n) read_row(n);
}

std::vector<ObjectiveInput> ReadObjectives(const http::Form& form, const std::string& language,
                                           const std::vector<ObjectiveInput>& before) {
  std::map<ObjectiveId, const ObjectiveInput*> previous;
  for (const auto& objective : before) {
    if (objective.id) previous[*objective.id] = &objective;
  }
  std::vector<ObjectiveInput> objectives;
  ForEachRow(form, "objective_{}_text", [&](int n) {
    if (form.Get(fmt::format("objective_{}_remove", n)) == "1") return;
    ObjectiveInput objective;
    i18n::LocalizedText text_before;
    if (auto id = ObjectiveId::Parse(form.Get(fmt::format("objective_{}_id", n)))) {
      objective.id = *id;
      if (auto it = previous.find(*id); it != previous.end()) text_before = it->second->text;
    }
    objective.text = text_before.WithTyped(language, form.Get(fmt::format("objective_{}_text", n)));
    for (ObjectiveCategory category : kAllCategories) {
      if (form.Get(fmt::format("objective_{}_category_{}", n, CategoryKey(category))) == "1") {
        objective.categories.emplace_back(CategoryKey(category));
      }
    }
    if (!objective.id && objective.text.empty() && objective.categories.empty()) return;  // a blank row
    objectives.push_back(std::move(objective));
  });
  return objectives;
}

// The edit form's fields over `base` (the agreement as stored, or empty for a new one).
AgreementInput ReadAgreementForm(const http::Form& form, const RequestContext& context, AgreementInput base) {
  std::string language = render::TextLanguage(form, context.language);
  AgreementInput input = base;
  input.slug = form.Get("slug");
  input.kind = form.Get("kind");
  input.status = form.Get("status");
  input.visibility = form.Get("visibility");
  input.title = base.title.WithTyped(language, form.Get("title"));
  input.signing_place = base.signing_place.WithTyped(language, form.Get("signing_place"));
  input.occasion = base.occasion.WithTyped(language, form.Get("occasion"));
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
  ForEachRow(form, "party_{}", [&](int n) {
    std::string organization = form.Get(fmt::format("party_{}", n));
    std::string signatory = form.Get(fmt::format("signatory_{}", n));
    if (!organization.empty() || !signatory.empty()) input.parties.push_back({organization, signatory});
  });
  input.objectives = ReadObjectives(form, language, base.objectives);
  input.coordinators.clear();
  ForEachRow(form, "coordinator_{}_person", [&](int n) {
    CoordinatorInput coordinator{
        form.Get(fmt::format("coordinator_{}_organization", n)), form.Get(fmt::format("coordinator_{}_person", n)),
        form.Get(fmt::format("coordinator_{}_from", n)), form.Get(fmt::format("coordinator_{}_until", n))};
    if (!coordinator.person.empty()) input.coordinators.push_back(std::move(coordinator));
  });
  return input;
}

// The selects of the form's first part: kind, status, visibility, term, renewal.
void FillChoices(RequestContext& context, const Context& deps, const AgreementInput& input,
                 ctemplate::TemplateDictionary& content) {
  std::vector<render::Option> kinds, visibilities, terms, renewals;
  for (AgreementKind kind : kAllKinds) {
    kinds.push_back({std::string(KindKey(kind)), deps.pages.Translate(context, KindLabel(kind))});
  }
  for (auth::Visibility visibility :
       {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kParties}) {
    visibilities.push_back({std::string(auth::VisibilityKey(visibility)),
                            deps.pages.Translate(context, auth::VisibilityLabel(visibility))});
  }
  for (auto [key, label] : {std::pair{"unknown", N_("unknown")}, std::pair{"fixed", N_("Fixed term")},
                            std::pair{"open_ended", N_("Open-ended")}}) {
    terms.push_back({key, deps.pages.Translate(context, label)});
  }
  for (Renewal renewal : kAllRenewals) {
    renewals.push_back({std::string(RenewalKey(renewal)), deps.pages.Translate(context, RenewalLabel(renewal))});
  }
  render::AddOptions(content, "KIND_OPTION", kinds, input.kind);
  render::AddOptions(content, "STATUS_OPTION", StatusOptions(context, deps), input.status);
  render::AddOptions(content, "VISIBILITY_OPTION", visibilities, input.visibility);
  render::AddOptions(content, "TERM_OPTION", terms, input.term);
  render::AddOptions(content, "RENEWAL_OPTION", renewals, input.renewal);
}

// The variant of `text` in the form's language, which is what the form edits.
std::string InLanguage(const i18n::LocalizedText& text, const std::string& language) {
  const auto* variant = text.Find(language);
  return variant ? variant->text : std::string();
}

void FillFields(const AgreementInput& input, const std::string& language, ctemplate::TemplateDictionary& content) {
  content.SetValue("SLUG", input.slug);
  content.SetValue("TEXT_LANGUAGE", language);
  content.SetValue("TEXT_LANGUAGE_NAME", Text(i18n::NativeName(language)));
  content.SetValue("TITLE", InLanguage(input.title, language));
  content.SetValue("SIGNING_PLACE", InLanguage(input.signing_place, language));
  content.SetValue("OCCASION", InLanguage(input.occasion, language));
  content.SetValue("SIGNED_ON", input.signed_on);
  content.SetValue("IN_FORCE_ON", input.in_force_on);
  content.SetValue("SUSPENDED_ON", input.suspended_on);
  content.SetValue("ENDED_ON", input.ended_on);
  content.SetValue("TERM_MONTHS", input.term_months);
  content.SetValue("NOTICE_MONTHS", input.notice_months);
  if (input.authentic_languages) {
    content.SetValue("AUTHENTIC_LANGUAGES", fmt::format("{}", fmt::join(*input.authentic_languages, ", ")));
  }
}

void FillObjectiveRows(RequestContext& context, const Context& deps, const AgreementInput& input,
                       ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  int n = 0;
  auto objective_row = [&](const ObjectiveInput& objective) {
    auto* row = content.AddSectionDictionary("OBJECTIVE_ROW");
    row->SetValue("N", std::to_string(++n));
    if (objective.id) row->SetValueAndShowSection("ID", std::to_string(objective.id->value()), "EXISTING");
    row->SetValue("TEXT", InLanguage(objective.text, language));
    if (!objective.text.empty() && !objective.text.Find(language)) {
      if (auto chosen = objective.text.Pick(language)) {
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
}

// The organization selects: who initiated and supported it, each party's and coordinator's row.
void FillOrganizationRows(const std::vector<render::Option>& organizations, const AgreementInput& input,
                          ctemplate::TemplateDictionary& content) {
  render::AddOptions(content, "INITIATED_BY_OPTION", organizations, input.initiated_by);
  render::AddOptions(content, "SUPPORTED_BY_OPTION", organizations, input.supported_by);
  int n = 0;
  auto party_row = [&](const PartyInput& party) {
    auto* row = content.AddSectionDictionary("PARTY_ROW");
    row->SetValue("N", std::to_string(++n));
    row->SetValue("SIGNATORY", party.signatory);
    render::AddOptions(*row, "ORGANIZATION_OPTION", organizations, party.organization);
  };
  for (const auto& party : input.parties) party_row(party);
  for (int blank = 0; blank < kBlankPartyRows || n < 2; ++blank) party_row({});
  n = 0;
  auto coordinator_row = [&](const CoordinatorInput& coordinator) {
    auto* row = content.AddSectionDictionary("COORDINATOR_ROW");
    row->SetValue("N", std::to_string(++n));
    row->SetValue("PERSON", coordinator.person);
    row->SetValue("FROM", coordinator.starts_on);
    row->SetValue("UNTIL", coordinator.ends_on);
    render::AddOptions(*row, "ORGANIZATION_OPTION", organizations, coordinator.organization);
  };
  for (const auto& coordinator : input.coordinators) coordinator_row(coordinator);
  coordinator_row({});
}

// The form over `input`; its texts are edited in `text_language` (the page's language unless the
// form that was refused chose another).
Result<Response> FormPage(RequestContext& context, const Context& deps, const AgreementInput& input, FormMode mode,
                          const std::optional<Error>& error, int status, const std::string& text_language) {
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  bool editing = mode == FormMode::kEdit;
  std::string title = editing ? deps.pages.Translate(context, N_("Edit the agreement"))
                              : deps.pages.Translate(context, N_("Record an agreement"));
  render::Page page("agreements/form.tpl", title);
  page.UseForms();
  auto& content = page.content();
  content.SetValue("HEADING", title);
  content.SetValue("ACTION", editing ? fmt::format("/agreements/{}/edit", context.params.Get("slug")) : "/agreements");
  if (editing) content.SetValueAndShowSection("SLUG_BEFORE", std::string(context.params.Get("slug")), "EDITING");
  FillChoices(context, deps, input, content);
  FillFields(input, text_language, content);
  FillOrganizationRows(directory::OrganizationOptions(*organizations, context.language), input, content);
  FillObjectiveRows(context, deps, input, content);
  if (error) deps.pages.ShowErrors(context, content, *error);
  return deps.pages.Render(context, page, status);
}

// Reads the form over `base`, saves it with `save`, and goes to the agreement; refused input is
// the form again, as typed.
template <typename Save>
Result<Response> SubmitAgreement(RequestContext& context, const Context& deps, FormMode mode, AgreementInput base,
                                 Save save) {
  std::string text_language = context.language;
  return render::SubmitForm(
      context.request, std::move(base),
      [&](const http::Form& form, AgreementInput stored) {
        text_language = render::TextLanguage(form, context.language);
        return ReadAgreementForm(form, context, std::move(stored));
      },
      [&](const AgreementInput& input) -> Result<std::string> {
        if (auto saved = save(input); !saved) return Fail(saved.error());
        return input.slug;
      },
      [&](const AgreementInput& input, const Error& error) {
        return FormPage(context, deps, input, mode, error, 422, text_language);
      },
      [&](const std::string& slug) -> Result<Response> {
        return Response::Redirect(fmt::format("/agreements/{}?saved=1", slug));
      });
}

}  // namespace

Result<Response> NewPage(RequestContext& context, const Context& deps) {
  if (auto allowed = CheckMayCreate(context.actor); !allowed) return Fail(allowed.error());
  AgreementInput input;
  input.status = "signed";
  return FormPage(context, deps, input, FormMode::kCreate, std::nullopt, 200, context.language);
}

Result<Response> Create(RequestContext& context, const Context& deps) {
  if (auto allowed = CheckMayCreate(context.actor); !allowed) return Fail(allowed.error());
  return SubmitAgreement(context, deps, FormMode::kCreate, AgreementInput{},
                         [&](const AgreementInput& input) { return deps.agreements.Create(context.actor, input); });
}

Result<Response> EditPage(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  return FormPage(context, deps, InputFrom(*agreement), FormMode::kEdit, std::nullopt, 200, context.language);
}

Result<Response> Update(RequestContext& context, const Context& deps) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  return SubmitAgreement(context, deps, FormMode::kEdit, InputFrom(*agreement), [&](const AgreementInput& input) {
    return deps.agreements.Update(context.actor, agreement->id, input);
  });
}

}  // namespace entente::agreements
