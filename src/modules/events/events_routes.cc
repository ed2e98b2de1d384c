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

namespace {

const Access anyone = Access::Anyone();
const Access signed_in = Access::SignedIn();

// Adds routes bound to the handlers' Context.
class Table {
 public:
  Table(http::Router& router, std::shared_ptr<Context> deps) : router_(router), deps_(std::move(deps)) {}

  // For the handlers bound by hand (those with optional arguments).
  const std::shared_ptr<Context>& deps() const { return deps_; }

  void add(Method method, std::string pattern, Access access, http::Handler handler) {
    router_.Add({.method = method, .pattern = std::move(pattern), .access = access, .handler = std::move(handler)});
  }
  template <typename Handler>
  http::Handler bind(Handler handler) const {
    return [deps = deps_, handler](RequestContext& context) { return handler(context, *deps); };
  }
  template <typename Handler>
  void get(std::string pattern, Access access, Handler handler) {
    add(Method::kGet, std::move(pattern), access, bind(handler));
  }
  // Every POST needs a signed-in user; the service checks the roles.
  template <typename Handler>
  void post(std::string pattern, Handler handler) {
    add(Method::kPost, std::move(pattern), signed_in, bind(handler));
  }

 private:
  http::Router& router_;
  std::shared_ptr<Context> deps_;
};

// The pages of events: the list, an event and the forms on it, invitations, the feed.
void AddEventRoutes(Table& table) {
  // The first route that matches wins: the literal paths (/events/new, /events/invitations,
  // /events/feed) come before /events/{slug}.

  // The list, creating and editing an event.
  table.get("/events", anyone, ListPage);
  table.get("/events/new", signed_in, NewEventPage);
  table.post("/events", CreateEvent);
  table.get("/events/{slug:slug}/edit", signed_in, EditEventPage);
  table.post("/events/{slug:slug}/edit", UpdateEvent);

  // Invitations to the organizations one coordinates.
  table.get("/events/invitations", signed_in, InvitationsPage);
  table.post("/events/invitations/{id:id}/answer", AnswerInvitation);
  table.get("/events/invitations/{id:id}/letter.pdf", signed_in, InvitationLetter);

  // The personal calendar feed. The feed's token is its own authority (calendar applications
  // send no cookie).
  table.add(Method::kGet, "/events/feed", signed_in,
            [deps = table.deps()](RequestContext& context) { return FeedPage(context, *deps); });
  table.post("/events/feed", NewFeed);
  table.get("/events/feed/{file}", anyone, Feed);

  // An event: its page (cached for anonymous visitors), its calendar files.
  table.add(Method::kGet, "/events/{slug:slug}", anyone,
            [deps = table.deps()](RequestContext& context) { return CachedEventPage(context, *deps); });
  table.get("/events/{slug:slug}/calendar.ics", anyone, EventCalendar);
  table.get("/events/{slug:slug}/sessions/{id:id}/calendar.ics", anyone, SessionCalendar);

  // The forms on an event's page: programme, delegations, invitations, registration,
  // participants, awards.
  table.post("/events/{slug:slug}/sessions", AddSession);
  table.post("/events/{slug:slug}/delegations", AddDelegation);
  table.post("/events/{slug:slug}/invitations", Invite);
  table.post("/events/{slug:slug}/register", Register);
  table.post("/events/{slug:slug}/participants", AddParticipant);
  table.post("/events/{slug:slug}/participants/decide", DecideParticipant);
  table.post("/events/{slug:slug}/participants/{id:id}/consent", SetParticipantConsent);
  table.post("/events/{slug:slug}/participants/{id:id}/remove", RemoveParticipant);
  table.post("/events/{slug:slug}/awards", AddAward);
}

void AddMeetingAndAgendaRoutes(Table& table) {
  // Private meetings: requests, slots × tables, availability, the scheduler, pins.
  table.add(Method::kGet, "/events/{slug:slug}/meetings", signed_in,
            [deps = table.deps()](RequestContext& context) { return MeetingsPage(context, *deps); });
  table.post("/events/{slug:slug}/meetings/requests", RequestMeeting);
  table.post("/events/{slug:slug}/meetings/availability", SetAvailability);
  table.post("/events/{slug:slug}/meetings/slots", AddSlot);
  table.post("/events/{slug:slug}/meetings/rooms", AddRoom);
  table.post("/events/{slug:slug}/meetings/schedule", RunSchedule);
  table.post("/events/{slug:slug}/meetings/{id:id}/pin", PinMeeting);

  // Agendas: the user's own, a delegation's; as pages, iCalendar and PDF.
  table.get("/events/{slug:slug}/agenda", signed_in, MyAgendaPage);
  table.get("/events/{slug:slug}/agenda.pdf", signed_in, MyAgendaPdf);
  table.get("/events/{slug:slug}/delegations/{id:id}/agenda", signed_in, AgendaPage);
  table.get("/events/{slug:slug}/delegations/{id:id}/agenda.ics", signed_in, AgendaCalendar);
  table.get("/events/{slug:slug}/delegations/{id:id}/agenda.pdf", signed_in, AgendaPdf);
}

void AddApiRoutes(Table& table) {
  // JSON (docs/openapi.yaml).
  table.get("/api/v1/events", anyone, ApiList);
  table.post("/api/v1/events", ApiCreate);
  table.get("/api/v1/events/{id:id}", anyone, ApiGet);
  table.add(Method::kPut, "/api/v1/events/{id:id}", signed_in, table.bind(ApiUpdate));
  table.post("/api/v1/events/{id:id}/sessions", ApiAddSession);
  table.post("/api/v1/events/{id:id}/registrations", ApiRegister);
  table.post("/api/v1/events/{id:id}/participants", ApiAddParticipant);
  table.add(Method::kPatch, "/api/v1/events/{id:id}/participants/{participant:id}", signed_in,
            table.bind(ApiUpdateParticipant));
  table.add(Method::kDelete, "/api/v1/events/{id:id}/participants/{participant:id}", signed_in,
            table.bind(ApiRemoveParticipant));
  table.post("/api/v1/events/{id:id}/participants/{participant:id}/decision", ApiDecide);
  table.post("/api/v1/events/{id:id}/delegations", ApiAddDelegation);
  table.post("/api/v1/events/{id:id}/awards", ApiAddAward);
  table.post("/api/v1/events/{id:id}/invitations", ApiInvite);
  table.post("/api/v1/events/invitations/{id:id}/answer", ApiAnswer);
  table.get("/api/v1/events/{id:id}/meetings", signed_in, ApiMeetings);
  table.post("/api/v1/events/{id:id}/meetings/schedule", ApiSchedule);
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
