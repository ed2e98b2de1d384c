// The agreements JSON API (docs/openapi.yaml).

#include "modules/agreements/agreements_handlers.h"

#include "core/http/json.h"
#include "modules/agreements/agreements_json.h"

namespace entente::agreements {
namespace {

using http::RequestContext;
using http::Response;
using nlohmann::json;

// The agreement as the API shows it after a write, tracked as of today.
Result<Response> SavedAgreement(RequestContext& context, const Context& deps, AgreementId id, int status) {
  auto agreement = deps.agreements.Get(context.actor, id);
  if (!agreement) return Fail(agreement.error());
  return http::JsonResponse(AgreementJson(*agreement, Today()), status);
}

// A list of the agreement's entries (follow-ups, reviews, activities) as {"items": […]}.
template <typename List, typename ToJson>
Result<Response> Entries(RequestContext& context, const Context& deps, List Agreement::* entries, ToJson to_json) {
  auto agreement = deps.agreements.Get(context.actor, context.params.GetId<AgreementId>("id"));
  if (!agreement) return Fail(agreement.error());
  json items = json::array();
  for (const auto& entry : (*agreement).*entries) items.push_back(to_json(entry));
  return http::JsonResponse({{"items", items}});
}

// Adds an entry to the agreement named in the path: reads the body (`read` → Result<Input>),
// saves it (`save(id, input)` → Result<EntryId>), and answers 201 with the entry as the agreement
// now shows it, found in `entries` by its id.
template <typename Read, typename Save, typename List, typename ToJson>
Result<Response> AddEntry(RequestContext& context, const Context& deps, Read read, Save save,
                          List Agreement::* entries, ToJson to_json) {
  AgreementId id = context.params.GetId<AgreementId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = read(*body);
  if (!input) return Fail(input.error());
  auto saved = save(id, *input);
  if (!saved) return Fail(saved.error());
  auto agreement = deps.agreements.Get(context.actor, id);
  if (!agreement) return Fail(agreement.error());
  for (const auto& entry : (*agreement).*entries) {
    if (entry.id == *saved) return http::JsonResponse(to_json(entry), 201);
  }
  return Fail(Error::Internal("an entry is missing from its agreement after saving"));
}

}  // namespace

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
  if (auto allowed = CheckMayCreate(context.actor); !allowed) return Fail(allowed.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = AgreementFromJson(*body, AgreementInput{});
  if (!input) return Fail(input.error());
  auto created = deps.agreements.Create(context.actor, *input);
  if (!created) return Fail(created.error());
  return SavedAgreement(context, deps, *created, 201);
}

Result<Response> ApiUpdate(RequestContext& context, const Context& deps) {
  AgreementId id = context.params.GetId<AgreementId>("id");
  auto agreement = ToChange(context.actor, deps.agreements.Get(context.actor, id));
  if (!agreement) return Fail(agreement.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = AgreementFromJson(*body, InputFrom(*agreement));
  if (!input) return Fail(input.error());
  if (auto saved = deps.agreements.Update(context.actor, id, *input); !saved) return Fail(saved.error());
  return SavedAgreement(context, deps, id, 200);
}

Result<Response> ApiFollowUps(RequestContext& context, const Context& deps) {
  return Entries(context, deps, &Agreement::follow_ups, FollowUpJson);
}

Result<Response> ApiAddFollowUp(RequestContext& context, const Context& deps) {
  return AddEntry(
      context, deps, FollowUpFromJson,
      [&](AgreementId id, const FollowUpInput& input) { return deps.agreements.AddFollowUp(context.actor, id, input); },
      &Agreement::follow_ups, FollowUpJson);
}

Result<Response> ApiReviews(RequestContext& context, const Context& deps) {
  return Entries(context, deps, &Agreement::reviews, ReviewJson);
}

// The yearly review: one per year; saving a year again replaces it.
Result<Response> ApiSaveReview(RequestContext& context, const Context& deps) {
  return AddEntry(
      context, deps, ReviewFromJson,
      [&](AgreementId id, const ReviewInput& input) { return deps.agreements.SaveReview(context.actor, id, input); },
      &Agreement::reviews, ReviewJson);
}

Result<Response> ApiActivities(RequestContext& context, const Context& deps) {
  return Entries(context, deps, &Agreement::activities, ActivityJson);
}

Result<Response> ApiAddActivity(RequestContext& context, const Context& deps) {
  return AddEntry(
      context, deps, ActivityFromJson,
      [&](AgreementId id, const ActivityInput& input) { return deps.agreements.AddActivity(context.actor, id, input); },
      &Agreement::activities, ActivityJson);
}

}  // namespace entente::agreements
