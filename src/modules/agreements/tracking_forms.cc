// The forms of an agreement's page that add to its record: follow-ups, activities, reviews. Each
// submits through render::SubmitForm; refused input shows the page again with the form's errors.

#include "modules/agreements/agreements_handlers.h"

#include <fmt/format.h>

#include "core/render/forms.h"

namespace entente::agreements {
namespace {

using http::RequestContext;
using http::Response;

// Submits one of the agreement page's forms: `read(form, agreement)` → the input, `save(input)`
// → Result<Id>; refused input is shown on the page's `form_section`, a saved entry goes back to
// the page at `anchor`.
template <typename Input, typename Read, typename Save>
Result<Response> SubmitEntry(RequestContext& context, const Context& deps, const char* form_section, const char* anchor,
                             Read read, Save save) {
  auto agreement = AgreementToChange(context, deps);
  if (!agreement) return Fail(agreement.error());
  return render::SubmitForm(
      context.request, Input{}, [&](const http::Form& form, Input) { return read(form, *agreement); },
      [&](const Input& input) { return save(agreement->id, input); },
      [&](const Input&, const Error& error) { return PageFormError(context, deps, error, form_section); },
      [&](const auto&) -> Result<Response> { return Response::Redirect(Redirect(*agreement, anchor)); });
}

}  // namespace

Result<Response> AddFollowUp(RequestContext& context, const Context& deps) {
  return SubmitEntry<FollowUpInput>(
      context, deps, "FOLLOW_UP_FORM", "log-heading",
      [&](const http::Form& form, const Agreement&) {
        FollowUpInput input;
        input.entry_on = form.Get("entry_on");
        input.text = i18n::LocalizedText().WithTyped(render::TextLanguage(form, context.language), form.Get("text"));
        return input;
      },
      [&](AgreementId id, const FollowUpInput& input) {
        return deps.agreements.AddFollowUp(context.actor, id, input);
      });
}

Result<Response> AddActivity(RequestContext& context, const Context& deps) {
  return SubmitEntry<ActivityInput>(
      context, deps, "ACTIVITY_FORM", "tracker-heading",
      [&](const http::Form& form, const Agreement& agreement) {
        ActivityInput input;
        input.kind = form.Get("kind");
        input.happened_on = form.Get("happened_on");
        std::string language = render::TextLanguage(form, context.language);
        input.text = i18n::LocalizedText().WithTyped(language, form.Get("text"));
        input.place = i18n::LocalizedText().WithTyped(language, form.Get("place"));
        for (const auto& objective : agreement.objectives) {
          if (form.Get(fmt::format("objective_{}", objective.id.value())) == "1")
            input.objectives.push_back(objective.id);
        }
        return input;
      },
      [&](AgreementId id, const ActivityInput& input) {
        return deps.agreements.AddActivity(context.actor, id, input);
      });
}

Result<Response> SaveReview(RequestContext& context, const Context& deps) {
  return SubmitEntry<ReviewInput>(
      context, deps, "REVIEW_FORM", "reviews-heading",
      [&](const http::Form& form, const Agreement&) {
        ReviewInput input;
        input.year = FourDigitYear(form.Get("year")).value_or(0);  // 0: refused by the service
        std::string language = render::TextLanguage(form, context.language);
        input.findings = i18n::LocalizedText().WithTyped(language, form.Get("findings"));
        input.decisions = i18n::LocalizedText().WithTyped(language, form.Get("decisions"));
        input.next_actions = i18n::LocalizedText().WithTyped(language, form.Get("next_actions"));
        return input;
      },
      [&](AgreementId id, const ReviewInput& input) { return deps.agreements.SaveReview(context.actor, id, input); });
}

}  // namespace entente::agreements
