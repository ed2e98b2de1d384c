// The events module's whole URL table, by resource. Access: Anyone() pages and files show what
// the event's visibility allows (the service decides; an event hidden from the viewer is a 404);
// SignedIn() routes check the roles in the service (docs/SECURITY.md). The handlers are in the
// files events_handlers.h lists.

#include "modules/events/events_routes.h"

#include <memory>
#include <string>

#include "core/base/messages.h"
#include "modules/events/events_handlers.h"

namespace entente::events {

using http::Access;
using http::Method;

void AddRoutes(http::Router& router, const render::PageRenderer& pages, EventService& events,
               directory::OrganizationService& organizations) {
  // Not copyable (the page cache holds a mutex): made in place.
  auto deps = std::shared_ptr<Context>(new Context{pages, events, organizations, {}});
  auto add = [&](Method method, std::string pattern, Access access, http::Handler handler) {
    router.Add({.method = method, .pattern = std::move(pattern), .access = access, .handler = std::move(handler)});
  };
  auto bind = [deps](auto handler) -> http::Handler {
    return [deps, handler](RequestContext& context) { return handler(context, *deps); };
  };
  auto get = [&](std::string pattern, Access access, auto handler) {
    add(Method::kGet, std::move(pattern), access, bind(handler));
  };
  auto post = [&](std::string pattern, auto handler) {
    add(Method::kPost, std::move(pattern), Access::SignedIn(), bind(handler));
  };
  const Access anyone = Access::Anyone();
  const Access signed_in = Access::SignedIn();

  // The first route that matches wins: the literal paths (/events/new, /events/invitations,
  // /events/feed) come before /events/{slug}.

  // The list, creating and editing an event.
  get("/events", anyone, ListPage);
  get("/events/new", signed_in, NewEventPage);
  post("/events", CreateEvent);
  get("/events/{slug:slug}/edit", signed_in, EditEventPage);
  post("/events/{slug:slug}/edit", UpdateEvent);

  // Invitations to the organizations one coordinates.
  get("/events/invitations", signed_in, InvitationsPage);
  post("/events/invitations/{id:id}/answer", AnswerInvitation);
  get("/events/invitations/{id:id}/letter.pdf", signed_in, InvitationLetter);

  // The personal calendar feed. The feed's token is its own authority (calendar applications
  // send no cookie).
  add(Method::kGet, "/events/feed", signed_in, [deps](RequestContext& context) { return FeedPage(context, *deps); });
  post("/events/feed", NewFeed);
  get("/events/feed/{file}", anyone, Feed);

  // An event: its page (cached for anonymous visitors), its calendar files.
  add(Method::kGet, "/events/{slug:slug}", anyone,
      [deps](RequestContext& context) { return CachedEventPage(context, *deps); });
  get("/events/{slug:slug}/calendar.ics", anyone, EventCalendar);
  get("/events/{slug:slug}/sessions/{id:id}/calendar.ics", anyone, SessionCalendar);

  // The forms on an event's page: programme, delegations, invitations, registration,
  // participants, awards.
  post("/events/{slug:slug}/sessions", AddSession);
  post("/events/{slug:slug}/delegations", AddDelegation);
  post("/events/{slug:slug}/invitations", Invite);
  post("/events/{slug:slug}/register", Register);
  post("/events/{slug:slug}/participants", AddParticipant);
  post("/events/{slug:slug}/participants/decide", DecideParticipant);
  post("/events/{slug:slug}/participants/{id:id}/consent", SetParticipantConsent);
  post("/events/{slug:slug}/participants/{id:id}/remove", RemoveParticipant);
  post("/events/{slug:slug}/awards", AddAward);

  // Private meetings: requests, slots × tables, availability, the scheduler, pins.
  add(Method::kGet, "/events/{slug:slug}/meetings", signed_in,
      [deps](RequestContext& context) { return MeetingsPage(context, *deps); });
  post("/events/{slug:slug}/meetings/requests", RequestMeeting);
  post("/events/{slug:slug}/meetings/availability", SetAvailability);
  post("/events/{slug:slug}/meetings/slots", AddSlot);
  post("/events/{slug:slug}/meetings/rooms", AddRoom);
  post("/events/{slug:slug}/meetings/schedule", RunSchedule);
  post("/events/{slug:slug}/meetings/{id:id}/pin", PinMeeting);

  // Agendas: the user's own, a delegation's; as pages, iCalendar and PDF.
  get("/events/{slug:slug}/agenda", signed_in, MyAgendaPage);
  get("/events/{slug:slug}/agenda.pdf", signed_in, MyAgendaPdf);
  get("/events/{slug:slug}/delegations/{id:id}/agenda", signed_in, AgendaPage);
  get("/events/{slug:slug}/delegations/{id:id}/agenda.ics", signed_in, AgendaCalendar);
  get("/events/{slug:slug}/delegations/{id:id}/agenda.pdf", signed_in, AgendaPdf);

  // JSON (docs/openapi.yaml).
  get("/api/v1/events", anyone, ApiList);
  post("/api/v1/events", ApiCreate);
  get("/api/v1/events/{id:id}", anyone, ApiGet);
  add(Method::kPut, "/api/v1/events/{id:id}", signed_in, bind(ApiUpdate));
  post("/api/v1/events/{id:id}/sessions", ApiAddSession);
  post("/api/v1/events/{id:id}/registrations", ApiRegister);
  post("/api/v1/events/{id:id}/participants", ApiAddParticipant);
  add(Method::kPatch, "/api/v1/events/{id:id}/participants/{participant:id}", signed_in, bind(ApiUpdateParticipant));
  add(Method::kDelete, "/api/v1/events/{id:id}/participants/{participant:id}", signed_in, bind(ApiRemoveParticipant));
  post("/api/v1/events/{id:id}/participants/{participant:id}/decision", ApiDecide);
  post("/api/v1/events/{id:id}/delegations", ApiAddDelegation);
  post("/api/v1/events/{id:id}/awards", ApiAddAward);
  post("/api/v1/events/{id:id}/invitations", ApiInvite);
  post("/api/v1/events/invitations/{id:id}/answer", ApiAnswer);
  get("/api/v1/events/{id:id}/meetings", signed_in, ApiMeetings);
  post("/api/v1/events/{id:id}/meetings/schedule", ApiSchedule);
}

std::vector<render::NavItem> Navigation() { return {{"/events", N_("Events")}}; }

}  // namespace entente::events
