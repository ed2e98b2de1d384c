// The agreements JSON API (docs/openapi.yaml).

#include "modules/agreements/agreements_handlers.h"

#include "core/base/messages.h"
#include "core/http/json.h"
#include "modules/agreements/agreements_json.h"

namespace entente::agreements {

using http::RequestContext;
using http::Response;
using nlohmann::json;

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

}  // namespace entente::agreements
