#pragma once
// Events: reading them as visibility allows, and running them as roles allow.
//
// Who may see an event: its visibility (public / members / organization, the organization being
// its first organizer), decided in SQL for lists and by MayView() for one event; an event the
// actor may not see is kNotFound. Who may run it (programme, delegations, invitations,
// registrations, meetings): a coordinator or bar admin of one of its organizers (a role on the
// organizer or above it), or a platform admin; others who can see it get kPermissionDenied.
// Who may answer an invitation: a coordinator or bar admin of the invited organization.
// Every change is one transaction with its audit entry; on any error nothing is written.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/db/database.h"
#include "modules/events/event_store.h"
#include "modules/events/model.h"
#include "modules/events/scheduler.h"

namespace entente::events {

struct UnmetRequest {
  MeetingRequestId request;
  UnmetReason reason = UnmetReason::kNoCommonAvailability;
};

struct ScheduleOutcome {
  int met = 0;
  int requested = 0;
  std::vector<UnmetRequest> unmet;
};

// A meeting as one participant sees it in their agenda.
struct AgendaItem {
  enum class Kind { kSession, kMeeting } kind = Kind::kSession;
  EventId event;
  std::string event_slug;
  std::string time_zone;
  i18n::LocalizedText event_title;
  WallTime starts, ends;
  i18n::LocalizedText title;      // the session's title
  std::string with;               // the meeting's other side, as a name or slug
  i18n::LocalizedText with_name;  // an organization's name, when the other side is one
  std::string room;
  long long uid = 0;  // stable per item (session or request id)
};

class EventService {
 public:
  explicit EventService(db::Database& database) : database_(database) {}

  Result<Page<EventSummary>> List(const auth::Actor& actor, EventFilter filter, const PageRequest& page);
  Result<Event> Get(const auth::Actor& actor, const std::string& slug);
  Result<Event> Get(const auth::Actor& actor, EventId id);
  Result<std::vector<Series>> ListSeries();

  // The database's write generation, for caches of what the service returns (see
  // db::Database::WriteGeneration).
  std::uint64_t Generation() const { return database_.WriteGeneration(); }

  static bool MayManage(const auth::Actor& actor, const Event& event);
  static bool MayCreate(const auth::Actor& actor);
  // Whether `actor` may answer `invitation` (coordinator of the invited organization).
  static bool MayAnswer(const auth::Actor& actor, const Invitation& invitation);

  // kInvalidArgument with field errors: unknown kind, visibility, zone, country, organizer,
  // series or objective; malformed, skipped (DST gap) or ambiguous times; end before start;
  // a slug taken. kPermissionDenied unless the actor coordinates one of the organizers.
  Result<EventId> Create(const auth::Actor& actor, const EventInput& input);
  Status Update(const auth::Actor& actor, EventId id, const EventInput& input);

  // Adds a session to the programme. Refuses a session outside the event's dates and one in a
  // room already used at an overlapping time.
  Result<SessionId> AddSession(const auth::Actor& actor, EventId id, const SessionInput& input);
  Status DeleteSession(const auth::Actor& actor, EventId id, SessionId session);

  Result<DelegationId> AddDelegation(const auth::Actor& actor, EventId id, const DelegationInput& input);
  // Adds a directory person with a role from the vocabulary, confirmed. kInvalidArgument: no such
  // person, an unknown role, a delegation not the event's, a person taking part already, a full
  // event.
  Result<ParticipantId> AddParticipant(const auth::Actor& actor, EventId id, const ParticipantInput& input);
  // Records whether the participant agreed to be listed publicly. kNotFound when `participant`
  // is not one of the event's.
  Status SetParticipantConsent(const auth::Actor& actor, EventId id, ParticipantId participant, ListConsent consent);
  // Removes a participant (a person added by the organizers or a registration). kNotFound when
  // `participant` is not one of the event's.
  Status RemoveParticipant(const auth::Actor& actor, EventId id, ParticipantId participant);
  Result<InvitationId> Invite(const auth::Actor& actor, EventId id, const InvitationInput& input);
  // Accepting for an organization creates its delegation (of `delegation_size`, or the size
  // invited); declining records the answer. An invitation answered already is kConflict.
  Result<InvitationId> Answer(const auth::Actor& actor, InvitationId invitation, InvitationAnswer answer,
                              const std::string& delegation_size);
  // The invitations addressed to organizations the actor coordinates (with each event's title).
  Result<std::vector<std::pair<Invitation, EventSummary>>> InvitationsForActor(const auth::Actor& actor);
  Result<Invitation> GetInvitation(const auth::Actor& actor, InvitationId invitation);

  // A signed-in user registers: confirmed, pending approval, or on the waiting list when the
  // event is full; closed registration and a second registration are errors.
  Result<ParticipantStatus> Register(const auth::Actor& actor, EventId id, ListConsent consent_to_list);
  // Approves (confirmed, or waiting list when full) or declines a registration.
  Result<ParticipantStatus> Decide(const auth::Actor& actor, EventId id, ParticipantId participant, Decision decision);

  // Records an award: at an event (`input.event`, a slug) by its organizers' coordinators, or with
  // no event by a platform admin. kInvalidArgument: no title, no recipient (person or role),
  // unknown people, a malformed date.
  Result<AwardId> AddAward(const auth::Actor& actor, const AwardInput& input);

  // Private meetings.
  Result<MeetingBoard> Meetings(const auth::Actor& actor, EventId id);
  Result<SlotId> AddSlot(const auth::Actor& actor, EventId id, const std::string& starts, const std::string& ends);
  Result<RoomId> AddRoom(const auth::Actor& actor, EventId id, const std::string& name);
  // The requester is a delegation of the event (by id) or a person taking part (slug); the host
  // a person or an organization present (a participant, a delegation's organization, an
  // organizer, an organization met in a session). Priority 1–5.
  Result<MeetingRequestId> RequestMeeting(const auth::Actor& actor, EventId id, const std::string& delegation,
                                          const std::string& requester, const std::string& host_person,
                                          const std::string& host_organization, const std::string& priority);
  // `party`: 'person:<slug>', 'organization:<slug>' or 'delegation:<id>'; empty `slots`: every slot.
  Status SetAvailability(const auth::Actor& actor, EventId id, const std::string& party,
                         const std::vector<SlotId>& slots);
  // Runs the scheduler over the unpinned requests and saves the schedule.
  Result<ScheduleOutcome> Schedule(const auth::Actor& actor, EventId id);
  Status Pin(const auth::Actor& actor, EventId id, MeetingRequestId request, SlotId slot, RoomId room);
  Status Unpin(const auth::Actor& actor, EventId id, MeetingRequestId request);

  // The agenda of a delegation (its meetings) or, when `delegation` is empty, of the actor's
  // person (sessions they speak at or moderate, and their meetings).
  Result<std::vector<AgendaItem>> Agenda(const auth::Actor& actor, EventId id, std::optional<DelegationId> delegation);

  // Personal calendar feed: a new token for the actor (replacing the old one), returned once.
  Result<std::string> NewFeedToken(const auth::Actor& actor);
  // Every session and meeting of the feed token's user in events they may see.
  Result<std::vector<AgendaItem>> Feed(const std::string& token);

  // For the agreement tracker: the events serving each objective, those `actor` may see.
  Result<std::vector<std::pair<agreements::ObjectiveId, EventSummary>>> EventsServing(
      const auth::Actor& actor, const std::vector<agreements::ObjectiveId>& objectives);
  // Demo loader: links the agreement to the event it was signed at.
  Status LinkAgreementOccasion(const auth::Actor& actor, const std::string& agreement_slug, EventId event);
  Result<bool> SlugTaken(const std::string& slug);
  // The id of an agreement's objective by its number (for loaders); nullopt when there is none.
  Result<std::optional<agreements::ObjectiveId>> FindObjective(const std::string& agreement_slug, int sequence);
  Result<SeriesId> EnsureSeries(const auth::Actor& actor, const Series& series);

 private:
  // An event loaded to be changed by its organizers, with the policy's permit to change it.
  struct Changing : Event {
    auth::Permit<EventId> permit;
  };
  // kNotFound if the actor may not see it; kPermissionDenied unless they coordinate an organizer.
  Result<Changing> LoadForChange(soci::session& sql, const auth::Actor& actor, EventId id) const;

  db::Database& database_;
  EventStore store_;
};

// The input that would save `event` as it is: the starting point of an edit form.
EventInput InputFrom(const Event& event);

// The schedule problem of a board: parties are persons, organizations and delegations (a
// delegation's meetings also block its head and members).
Problem BuildProblem(const MeetingBoard& board, const Event& event);

}  // namespace entente::events
