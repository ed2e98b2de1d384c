// The forms of an agreement's page that add to its record: follow-ups, activities, reviews.

#include "modules/agreements/agreements_handlers.h"

#include <fmt/format.h>

#include "core/http/forms.h"

namespace entente::agreements {

using http::RequestContext;
using http::Response;

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

}  // namespace entente::agreements
