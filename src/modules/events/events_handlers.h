#pragma once
// The events module's handlers, as the route table (events_routes.cc) binds them, and what they
// share: the Context they run with and a few helpers. Internal to the module: other modules go
// through EventService.
//
// Each handler is a plain function of the request and the Context; the files hold them by
// sub-resource: event_pages.cc (the list, an event), event_forms.cc (creating and editing an
// event, the forms on its page), invitation_pages.cc, meeting_pages.cc, agenda_pages.cc,
// calendar_pages.cc (iCalendar and the personal feed), events_api.cc (JSON).

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/http/context.h"
#include "core/http/request.h"
#include "core/render/forms.h"
#include "core/render/page.h"
#include "modules/directory/organization_service.h"
#include "modules/events/event_service.h"
#include "modules/events/ical.h"

namespace entente::events {

using http::RequestContext;
using http::Response;

// Rendered event pages as an anonymous visitor sees them, by URL and language. An entry is
// used only while the database's write generation is the one it was built at (every write of
// this process invalidates it) and for at most kPageCacheAge (writes of other processes on the
// same database).
class PageCache {
 public:
  static constexpr auto kPageCacheAge = std::chrono::seconds(5);
  static constexpr size_t kMaxEntries = 2000;

  std::optional<Response> Find(const std::string& key, std::uint64_t generation);
  void Store(const std::string& key, std::uint64_t generation, const Response& response);

 private:
  struct Entry {
    std::uint64_t generation = 0;
    std::chrono::steady_clock::time_point built_at;
    Response response;
  };
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

// What every handler runs with (not copyable: the page cache holds a mutex).
struct Context {
  const render::PageRenderer& pages;
  EventService& events;
  directory::OrganizationService& organizations;
  PageCache event_pages;
};

// --- Shared by the handlers (events_handlers.cc) ---

std::string OrganizationName(const NamedOrganization& organization, const std::string& language);
std::string StatusText(const Context& deps, const RequestContext& context, ParticipantStatus status);
// Who sent an invitation and to whom: the person's name, the organization's, or both.
std::string InvitationFrom(const Invitation& invitation, const std::string& language);
std::string InvitationTo(const Invitation& invitation, const std::string& language);
// ?when=&kind=&organizer=&country=&series= of the list and the JSON list.
Result<EventFilter> ReadFilter(const http::Request& request);
// The event of the path's {slug}, as the actor may see it.
Result<Event> EventOfPath(const RequestContext& context, const Context& deps);
// kPermissionDenied unless the actor may run `event` (the service checks again when it writes).
Result<Event> Managed(const RequestContext& context, Result<Event> event);
// kPermissionDenied unless the actor may create events.
Status CheckMayCreate(const RequestContext& context);
Response CalendarResponse(std::string body, const std::string& file_name);
Response PdfResponse(std::string body, const std::string& file_name);
// The entries of an enum's table as select options: its keys, their labels translated.
template <typename Table>
std::vector<render::Option> EnumOptions(const Table& table, const Context& deps, const RequestContext& context) {
  std::vector<render::Option> options;
  for (const auto& entry : table.entries()) {
    options.push_back({std::string(entry.key), deps.pages.Translate(context, entry.label)});
  }
  return options;
}
// Public, members, organization.
std::vector<render::Option> VisibilityOptions(const Context& deps, const RequestContext& context);
// The event's delegations, by id, named by their organization.
std::vector<render::Option> DelegationOptions(const Event& event, const std::string& language);
// What an agenda item is: the session's title, or "Meeting with …".
std::string AgendaWhat(const Context& deps, const std::string& language, const AgendaItem& item);
// Agenda items (sessions, meetings) as iCalendar entries in `language`.
std::vector<CalendarEntry> AgendaEntries(const std::vector<AgendaItem>& items, const Context& deps,
                                         const std::string& language);

// --- The list and an event (event_pages.cc) ---

Result<Response> ListPage(RequestContext& context, const Context& deps);
// The event page; with `form_error` and its status when a form posted on it was refused.
Result<Response> EventPage(RequestContext& context, const Context& deps, std::optional<Error> form_error = {},
                           int status = 200);
Result<Response> CachedEventPage(RequestContext& context, Context& deps);

// --- Creating and editing an event, the forms on its page (event_forms.cc) ---

Result<Response> NewEventPage(RequestContext& context, const Context& deps);
Result<Response> CreateEvent(RequestContext& context, const Context& deps);
Result<Response> EditEventPage(RequestContext& context, const Context& deps);
Result<Response> UpdateEvent(RequestContext& context, const Context& deps);
Result<Response> AddSession(RequestContext& context, const Context& deps);
Result<Response> AddDelegation(RequestContext& context, const Context& deps);
Result<Response> Invite(RequestContext& context, const Context& deps);
Result<Response> Register(RequestContext& context, const Context& deps);
Result<Response> DecideParticipant(RequestContext& context, const Context& deps);
Result<Response> AddParticipant(RequestContext& context, const Context& deps);
Result<Response> SetParticipantConsent(RequestContext& context, const Context& deps);
Result<Response> RemoveParticipant(RequestContext& context, const Context& deps);
Result<Response> AddAward(RequestContext& context, const Context& deps);

// --- Invitations (invitation_pages.cc) ---

Result<Response> InvitationsPage(RequestContext& context, const Context& deps);
Result<Response> AnswerInvitation(RequestContext& context, const Context& deps);
Result<Response> InvitationLetter(RequestContext& context, const Context& deps);

// --- Private meetings (meeting_pages.cc) ---

Result<Response> MeetingsPage(RequestContext& context, const Context& deps, std::optional<Error> form_error = {},
                              int status = 200, std::optional<ScheduleOutcome> outcome = {});
Result<Response> RequestMeeting(RequestContext& context, const Context& deps);
Result<Response> SetAvailability(RequestContext& context, const Context& deps);
Result<Response> AddSlot(RequestContext& context, const Context& deps);
Result<Response> AddRoom(RequestContext& context, const Context& deps);
Result<Response> RunSchedule(RequestContext& context, const Context& deps);
Result<Response> PinMeeting(RequestContext& context, const Context& deps);

// --- Agendas (agenda_pages.cc) ---

Result<Response> MyAgendaPage(RequestContext& context, const Context& deps);
Result<Response> MyAgendaPdf(RequestContext& context, const Context& deps);
Result<Response> AgendaPage(RequestContext& context, const Context& deps);
Result<Response> AgendaCalendar(RequestContext& context, const Context& deps);
Result<Response> AgendaPdf(RequestContext& context, const Context& deps);

// --- iCalendar and the personal feed (calendar_pages.cc) ---

Result<Response> EventCalendar(RequestContext& context, const Context& deps);
Result<Response> SessionCalendar(RequestContext& context, const Context& deps);
Result<Response> FeedPage(RequestContext& context, const Context& deps, const std::string& token = "");
Result<Response> NewFeed(RequestContext& context, const Context& deps);
Result<Response> Feed(RequestContext& context, const Context& deps);

// --- JSON (events_api.cc) ---

Result<Response> ApiList(RequestContext& context, const Context& deps);
Result<Response> ApiGet(RequestContext& context, const Context& deps);
Result<Response> ApiCreate(RequestContext& context, const Context& deps);
Result<Response> ApiUpdate(RequestContext& context, const Context& deps);
Result<Response> ApiAddSession(RequestContext& context, const Context& deps);
Result<Response> ApiRegister(RequestContext& context, const Context& deps);
Result<Response> ApiInvite(RequestContext& context, const Context& deps);
Result<Response> ApiAnswer(RequestContext& context, const Context& deps);
Result<Response> ApiAddParticipant(RequestContext& context, const Context& deps);
Result<Response> ApiUpdateParticipant(RequestContext& context, const Context& deps);
Result<Response> ApiRemoveParticipant(RequestContext& context, const Context& deps);
Result<Response> ApiDecide(RequestContext& context, const Context& deps);
Result<Response> ApiAddDelegation(RequestContext& context, const Context& deps);
Result<Response> ApiAddAward(RequestContext& context, const Context& deps);
Result<Response> ApiMeetings(RequestContext& context, const Context& deps);
Result<Response> ApiSchedule(RequestContext& context, const Context& deps);

}  // namespace entente::events
