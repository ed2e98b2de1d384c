// The JSON API of events (docs/openapi.yaml): reads the body with events_json.h's readers, calls
// the service, answers with the record as stored.

#include <utility>

#include "core/base/messages.h"
#include "core/http/json.h"
#include "core/http/json_reader.h"
#include "modules/events/events_handlers.h"
#include "modules/events/events_json.h"

namespace entente::events {

using nlohmann::json;

namespace {

// The event of the path's {id}, as the actor may see it.
Result<Event> EventOfId(const RequestContext& context, const Context& deps) {
  return deps.events.Get(context.actor, context.params.GetId<EventId>("id"));
}

// The participant `id` of the event as stored after a change.
Result<Response> ParticipantResponse(RequestContext& context, const Context& deps, ParticipantId id, int status) {
  auto event = EventOfId(context, deps);
  if (!event) return Fail(event.error());
  for (const auto& participant : event->participants) {
    if (participant.id == id) {
      return http::JsonResponse(ParticipantJson(participant, ParticipantAudience::kManagers), status);
    }
  }
  return Fail(Error::NotFound());
}

// The item `id` of one of the event's lists (delegations, awards) as stored, as JSON.
template <typename Item, typename Id, typename ToJson>
Result<Response> CreatedItem(const std::vector<Item>& items, Id id, ToJson&& to_json) {
  for (const auto& item : items) {
    if (item.id == id) return http::JsonResponse(to_json(item), 201);
  }
  return Fail(Error::NotFound());
}

}  // namespace

Result<Response> ApiList(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  if (!page_request) return Fail(page_request.error());
  auto filter = ReadFilter(context.request);
  if (!filter) return Fail(filter.error());
  if (!context.request.QueryParam("when")) filter->when = When::kAll;
  auto found = deps.events.List(context.actor, *filter, *page_request);
  if (!found) return Fail(found.error());
  return http::JsonResponse(http::PageJson(*found, SummaryJson));
}

Result<Response> ApiGet(RequestContext& context, const Context& deps) {
  auto event = EventOfId(context, deps);
  if (!event) return Fail(event.error());
  return http::JsonResponse(EventJson(*event, context.actor));
}

Result<Response> ApiCreate(RequestContext& context, const Context& deps) {
  if (auto may = CheckMayCreate(context); !may) return Fail(may.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = EventInputFromJson(*body, EventInput{});
  if (!input) return Fail(input.error());
  auto created = deps.events.Create(context.actor, *input);
  if (!created) return Fail(created.error());
  auto event = deps.events.Get(context.actor, *created);
  if (!event) return Fail(event.error());
  return http::JsonResponse(EventJson(*event, context.actor), 201);
}

Result<Response> ApiUpdate(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfId(context, deps));
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = EventInputFromJson(*body, InputFrom(*event));
  if (!input) return Fail(input.error());
  if (auto saved = deps.events.Update(context.actor, event->id, *input); !saved) return Fail(saved.error());
  auto updated = deps.events.Get(context.actor, event->id);
  if (!updated) return Fail(updated.error());
  return http::JsonResponse(EventJson(*updated, context.actor));
}

Result<Response> ApiAddSession(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = SessionInputFromJson(*body);
  if (!input) return Fail(input.error());
  auto created = deps.events.AddSession(context.actor, context.params.GetId<EventId>("id"), *input);
  if (!created) return Fail(created.error());
  return http::JsonResponse({{"id", created->value()}}, 201);
}

Result<Response> ApiRegister(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  http::JsonReader read(*body);
  ListConsent consent = read.Boolean("consent_to_list", false) ? ListConsent::kListed : ListConsent::kUnlisted;
  if (!read.ok()) return Fail(read.Finish(0).error());
  auto status = deps.events.Register(context.actor, context.params.GetId<EventId>("id"), consent);
  if (!status) return Fail(status.error());
  return http::JsonResponse({{"status", kParticipantStatuses.Key(*status)}}, 201);
}

Result<Response> ApiInvite(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = InvitationInputFromJson(*body);
  if (!input) return Fail(input.error());
  auto created = deps.events.Invite(context.actor, context.params.GetId<EventId>("id"), *input);
  if (!created) return Fail(created.error());
  auto invitation = deps.events.GetInvitation(context.actor, *created);
  if (!invitation) return Fail(invitation.error());
  return http::JsonResponse(InvitationJson(*invitation), 201);
}

Result<Response> ApiAnswer(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  http::JsonReader read(*body);
  std::string answer = read.String("answer");
  std::string size = read.NumberText("delegation_size");
  if (read.ok() && answer != "accept" && answer != "decline") {
    read.Add({"answer", N_("Answer accept or decline.")});
  }
  if (!read.ok()) return Fail(read.Finish(0).error());
  InvitationId id = context.params.GetId<InvitationId>("id");
  auto answered = deps.events.Answer(context.actor, id,
                                     answer == "accept" ? InvitationAnswer::kAccept : InvitationAnswer::kDecline, size);
  if (!answered) return Fail(answered.error());
  auto invitation = deps.events.GetInvitation(context.actor, id);
  if (!invitation) return Fail(invitation.error());
  return http::JsonResponse(InvitationJson(*invitation));
}

Result<Response> ApiAddParticipant(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfId(context, deps));
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = ParticipantInputFromJson(*body);
  if (!input) return Fail(input.error());
  auto created = deps.events.AddParticipant(context.actor, event->id, *input);
  if (!created) return Fail(created.error());
  return ParticipantResponse(context, deps, *created, 201);
}

Result<Response> ApiUpdateParticipant(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfId(context, deps));
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  http::JsonReader read(*body);
  if (body->is_object() && (!read.Has("consent_to_list") || read.IsNull("consent_to_list"))) {
    read.Add({"consent_to_list", N_("Answer true or false.")});
  }
  auto listed = read.Finish(read.Boolean("consent_to_list", false));
  if (!listed) return Fail(listed.error());
  ParticipantId participant = context.params.GetId<ParticipantId>("participant");
  ListConsent consent = *listed ? ListConsent::kListed : ListConsent::kUnlisted;
  auto saved = deps.events.SetParticipantConsent(context.actor, event->id, participant, consent);
  if (!saved) return Fail(saved.error());
  return ParticipantResponse(context, deps, participant, 200);
}

Result<Response> ApiRemoveParticipant(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfId(context, deps));
  if (!event) return Fail(event.error());
  auto removed =
      deps.events.RemoveParticipant(context.actor, event->id, context.params.GetId<ParticipantId>("participant"));
  if (!removed) return Fail(removed.error());
  return Response::NoContent();
}

// Approves or declines a registration awaiting the organizers (or on the waiting list).
Result<Response> ApiDecide(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfId(context, deps));
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  http::JsonReader read(*body);
  std::string decision = read.String("decision");
  if (read.ok() && decision != "approve" && decision != "decline") {
    read.Add({"decision", N_("Answer approve or decline.")});
  }
  if (!read.ok()) return Fail(read.Finish(0).error());
  ParticipantId participant = context.params.GetId<ParticipantId>("participant");
  auto decided = deps.events.Decide(context.actor, event->id, participant,
                                    decision == "approve" ? Decision::kApprove : Decision::kDecline);
  if (!decided) return Fail(decided.error());
  return ParticipantResponse(context, deps, participant, 200);
}

Result<Response> ApiAddDelegation(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfId(context, deps));
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = DelegationInputFromJson(*body);
  if (!input) return Fail(input.error());
  auto created = deps.events.AddDelegation(context.actor, event->id, *input);
  if (!created) return Fail(created.error());
  auto saved = deps.events.Get(context.actor, event->id);
  if (!saved) return Fail(saved.error());
  return CreatedItem(saved->delegations, *created, DelegationJson);
}

Result<Response> ApiAddAward(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfId(context, deps));
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = AwardInputFromJson(*body, event->slug);
  if (!input) return Fail(input.error());
  auto created = deps.events.AddAward(context.actor, *input);
  if (!created) return Fail(created.error());
  auto saved = deps.events.Get(context.actor, event->id);
  if (!saved) return Fail(saved.error());
  return CreatedItem(saved->awards, *created, AwardJson);
}

Result<Response> ApiMeetings(RequestContext& context, const Context& deps) {
  auto board = deps.events.Meetings(context.actor, context.params.GetId<EventId>("id"));
  if (!board) return Fail(board.error());
  return http::JsonResponse(BoardJson(*board));
}

Result<Response> ApiSchedule(RequestContext& context, const Context& deps) {
  auto outcome = deps.events.Schedule(context.actor, context.params.GetId<EventId>("id"));
  if (!outcome) return Fail(outcome.error());
  return http::JsonResponse(ScheduleJson(*outcome));
}

}  // namespace entente::events
