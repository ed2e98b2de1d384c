// The events module's whole URL table, by resource. Access: Anyone() pages and files show what
// the event's visibility allows (the service decides; an event hidden from the viewer is a 404);
// SignedIn() routes check the roles in the service (docs/SECURITY.md). The handlers are in the
// files events_handlers.h lists.

#include "modules/events/events_routes.h"

#include <memory>
#include <string>

#include "core/base/messages.h"
#include "core/http/route_table.h"
#include "modules/events/events_handlers.h"

namespace entente::events {

using http::Access;
using http::Method;

namespace {

const Access anyone = Access::Anyone();
const Access signed_in = Access::SignedIn();

using Table = http::RouteTable<Context>;

// The pages of events: the list, an event and the forms on it, invitations, the feed.
void AddEventRoutes(Table& table) {
  // The first route that matches wins: the literal paths (/events/new, /events/invitations,
  // /events/feed) come before /events/{slug}.

  // The list, creating and editing an event.
  table.Get("/events", anyone, ListPage);
  table.Get("/events/new", signed_in, NewEventPage);
  table.Post("/events", signed_in, CreateEvent);
  table.Get("/events/{slug:slug}/edit", signed_in, EditEventPage);
  table.Post("/events/{slug:slug}/edit", signed_in, UpdateEvent);

  // Invitations to the organizations one coordinates.
  table.Get("/events/invitations", signed_in, InvitationsPage);
  table.Post("/events/invitations/{id:id}/answer", signed_in, AnswerInvitation);
  table.Get("/events/invitations/{id:id}/letter.pdf", signed_in, InvitationLetter);

  // The personal calendar feed. The feed's token is its own authority (calendar applications
  // send no cookie).
  table.Get("/events/feed", signed_in, [](RequestContext& context, Context& deps) { return FeedPage(context, deps); });
  table.Post("/events/feed", signed_in, NewFeed);
  table.Get("/events/feed/{file}", anyone, Feed);

  // An event: its page (cached for anonymous visitors), its calendar files.
  table.Get("/events/{slug:slug}", anyone,
            [](RequestContext& context, Context& deps) { return CachedEventPage(context, deps); });
  table.Get("/events/{slug:slug}/calendar.ics", anyone, EventCalendar);
  table.Get("/events/{slug:slug}/sessions/{id:id}/calendar.ics", anyone, SessionCalendar);

  // The forms on an event's page: programme, delegations, invitations, registration,
  // participants, awards.
  table.Post("/events/{slug:slug}/sessions", signed_in, AddSession);
  table.Post("/events/{slug:slug}/delegations", signed_in, AddDelegation);
  table.Post("/events/{slug:slug}/invitations", signed_in, Invite);
  table.Post("/events/{slug:slug}/register", signed_in, Register);
  table.Post("/events/{slug:slug}/participants", signed_in, AddParticipant);
  table.Post("/events/{slug:slug}/participants/decide", signed_in, DecideParticipant);
  table.Post("/events/{slug:slug}/participants/{id:id}/consent", signed_in, SetParticipantConsent);
  table.Post("/events/{slug:slug}/participants/{id:id}/remove", signed_in, RemoveParticipant);
  table.Post("/events/{slug:slug}/awards", signed_in, AddAward);
}

void AddMeetingAndAgendaRoutes(Table& table) {
  // Private meetings: requests, slots × tables, availability, the scheduler, pins.
  table.Get("/events/{slug:slug}/meetings", signed_in,
            [](RequestContext& context, Context& deps) { return MeetingsPage(context, deps); });
  table.Post("/events/{slug:slug}/meetings/requests", signed_in, RequestMeeting);
  table.Post("/events/{slug:slug}/meetings/availability", signed_in, SetAvailability);
  table.Post("/events/{slug:slug}/meetings/slots", signed_in, AddSlot);
  table.Post("/events/{slug:slug}/meetings/rooms", signed_in, AddRoom);
  table.Post("/events/{slug:slug}/meetings/schedule", signed_in, RunSchedule);
  table.Post("/events/{slug:slug}/meetings/{id:id}/pin", signed_in, PinMeeting);

  // Agendas: the user's own, a delegation's; as pages, iCalendar and PDF.
  table.Get("/events/{slug:slug}/agenda", signed_in, MyAgendaPage);
  table.Get("/events/{slug:slug}/agenda.pdf", signed_in, MyAgendaPdf);
  table.Get("/events/{slug:slug}/delegations/{id:id}/agenda", signed_in, AgendaPage);
  table.Get("/events/{slug:slug}/delegations/{id:id}/agenda.ics", signed_in, AgendaCalendar);
  table.Get("/events/{slug:slug}/delegations/{id:id}/agenda.pdf", signed_in, AgendaPdf);
}

void AddApiRoutes(Table& table) {
  // JSON (docs/openapi.yaml).
  table.Get("/api/v1/events", anyone, ApiList);
  table.Post("/api/v1/events", signed_in, ApiCreate);
  table.Get("/api/v1/events/{id:id}", anyone, ApiGet);
  table.Add(Method::kPut, "/api/v1/events/{id:id}", signed_in, ApiUpdate);
  table.Post("/api/v1/events/{id:id}/sessions", signed_in, ApiAddSession);
  table.Post("/api/v1/events/{id:id}/registrations", signed_in, ApiRegister);
  table.Post("/api/v1/events/{id:id}/participants", signed_in, ApiAddParticipant);
  table.Add(Method::kPatch, "/api/v1/events/{id:id}/participants/{participant:id}", signed_in, ApiUpdateParticipant);
  table.Add(Method::kDelete, "/api/v1/events/{id:id}/participants/{participant:id}", signed_in, ApiRemoveParticipant);
  table.Post("/api/v1/events/{id:id}/participants/{participant:id}/decision", signed_in, ApiDecide);
  table.Post("/api/v1/events/{id:id}/delegations", signed_in, ApiAddDelegation);
  table.Post("/api/v1/events/{id:id}/awards", signed_in, ApiAddAward);
  table.Post("/api/v1/events/{id:id}/invitations", signed_in, ApiInvite);
  table.Post("/api/v1/events/invitations/{id:id}/answer", signed_in, ApiAnswer);
  table.Get("/api/v1/events/{id:id}/meetings", signed_in, ApiMeetings);
  table.Post("/api/v1/events/{id:id}/meetings/schedule", signed_in, ApiSchedule);
}

}  // namespace

void AddRoutes(http::Router& router, const render::PageRenderer& pages, EventService& events,
               directory::OrganizationService& organizations) {
  // Not copyable (the page cache holds a mutex): made in place.
  Table table(router, std::shared_ptr<Context>(new Context{pages, events, organizations, {}}));
  AddEventRoutes(table);
  AddMeetingAndAgendaRoutes(table);
  AddApiRoutes(table);
}

std::vector<render::NavItem> Navigation() { return {{"/events", N_("Events")}}; }

}  // namespace entente::events
