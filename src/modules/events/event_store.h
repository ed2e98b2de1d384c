#pragma once
// The only place with SQL for events (event_store.cc lists the files of each part). Functions take the session of a
// Database::Read or Database::Write call and throw soci errors, which those calls turn into Errors. Writes expect to
// run inside the caller's transaction; ids and slugs are already resolved by the service.

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/auth/policy.h"
#include "core/base/pagination.h"
#include "modules/events/model.h"

namespace entente::events {

// An event's own row and texts.
struct EventRecord {
  std::string slug;
  EventKind kind = EventKind::kOther;
  auth::Visibility visibility = auth::Visibility::kPublic;
  std::string country, time_zone;
  WallTime starts, ends;
  std::optional<int> capacity;
  Registration registration = Registration::kClosed;
  i18n::LocalizedText title, description, city, venue, programme, dates_note;
  std::optional<SeriesId> series;
  std::vector<OrganizationId> organizers;
  std::vector<agreements::ObjectiveId> objectives;
};

struct SessionRecord {
  SessionKind kind = SessionKind::kConference;
  WallTime starts, ends;
  std::string room;
  i18n::LocalizedText title, description;
  std::vector<PersonId> speakers, moderators;
  std::vector<OrganizationId> organizations_met;
};

// A private-meeting request with what the scheduler needs.
struct MeetingRequest {
  MeetingRequestId id;
  std::optional<DelegationId> requester_delegation;
  std::optional<NamedPerson> requester_person;
  std::optional<NamedPerson> host_person;
  std::optional<NamedOrganization> host_organization;
  std::string requester_label;  // the delegation's organization slug, for pages
  int priority = 1;
  // Its place in the schedule, when it has one.
  std::optional<SlotId> slot;
  std::optional<RoomId> room;
  bool pinned = false;
};

struct MeetingSlot {
  SlotId id;
  WallTime starts, ends;
};

struct MeetingRoom {
  RoomId id;
  std::string name;
};

struct MeetingBoard {
  std::vector<MeetingSlot> slots;
  std::vector<MeetingRoom> rooms;
  std::vector<MeetingRequest> requests;
  // party key ('person:12', 'organization:3', 'delegation:5') → the slots it is available in;
  // a party without rows is available in every slot.
  std::map<std::string, std::vector<SlotId>> availability;
};

struct Placed {
  MeetingRequestId request;
  SlotId slot;
  RoomId room;
  bool pinned = false;
};

class EventStore {
 public:
  std::optional<EventId> FindIdBySlug(soci::session& sql, const std::string& slug) const;
  // The whole event (organizers, sessions, participants, delegations, invitations, awards);
  // nullopt when there is none. Does not check visibility.
  std::optional<Event> Load(soci::session& sql, EventId id) const;
  // The events `actor` may see matching `filter`: upcoming soonest first, past latest first;
  // visibility is part of the SQL.
  Page<EventSummary> List(soci::session& sql, const auth::Actor& actor, const EventFilter& filter,
                          const PageRequest& page) const;
  std::vector<Series> ListSeries(soci::session& sql) const;
  std::optional<SeriesId> FindSeries(soci::session& sql, const std::string& slug) const;
  SeriesId InsertSeries(soci::session& sql, const std::string& slug, const i18n::LocalizedText& title,
                        const i18n::LocalizedText& description, const i18n::LocalizedText& recurrence) const;

  // The organizers' writes take the policy's permit for the event (core/auth/policy.h); a new
  // event the permit to act for one of its organizers (or the platform's, for one without).
  EventId Insert(soci::session& sql, const auth::Permit<OrganizationId>& organizer, const EventRecord& record) const;
  void Update(soci::session& sql, const auth::Permit<EventId>& event, const EventRecord& record) const;
  SessionId InsertSession(soci::session& sql, const auth::Permit<EventId>& event, const SessionRecord& record) const;
  void DeleteSession(soci::session& sql, const auth::Permit<EventId>& event, SessionId session) const;

  DelegationId InsertDelegation(soci::session& sql, const auth::Permit<EventId>& event, OrganizationId organization,
                                std::optional<PersonId> head, std::optional<int> size,
                                const std::vector<PersonId>& members) const;
  // The delegation of the organization an accepted invitation was addressed to (its own
  // coordinators answer), without head or members yet.
  DelegationId InsertDelegation(soci::session& sql, const auth::Permit<InvitationId>& invitation, EventId event,
                                OrganizationId organization, std::optional<int> size) const;
  void SetDelegationSize(soci::session& sql, DelegationId delegation, std::optional<int> size) const;
  // A participant the organizers add.
  ParticipantId InsertParticipant(soci::session& sql, const auth::Permit<EventId>& event,
                                  std::optional<PersonId> person, ParticipantRole role, ParticipantStatus status,
                                  ListConsent consent, std::optional<DelegationId> delegation) const;
  // A user registering themselves (as a guest) for an event they may see: the service checks the
  // visibility and the registration rules; the row names the user.
  ParticipantId InsertRegistration(soci::session& sql, EventId event, UserId user, std::optional<PersonId> person,
                                   ParticipantStatus status, ListConsent consent) const;
  void SetParticipantStatus(soci::session& sql, const auth::Permit<EventId>& event, ParticipantId participant,
                            ParticipantStatus status) const;
  void SetParticipantConsent(soci::session& sql, const auth::Permit<ParticipantId>& participant,
                             ListConsent consent) const;
  void DeleteParticipant(soci::session& sql, const auth::Permit<EventId>& event, ParticipantId participant) const;
  std::optional<ParticipantId> FindParticipantByUser(soci::session& sql, EventId event, UserId user) const;
  InvitationId InsertInvitation(soci::session& sql, const auth::Permit<EventId>& event,
                                std::optional<OrganizationId> from_organization, std::optional<PersonId> from_person,
                                std::optional<OrganizationId> to_organization, std::optional<PersonId> to_person,
                                std::optional<int> invited_count, const std::string& language,
                                const PartialDate& sent_on) const;
  std::optional<Invitation> LoadInvitation(soci::session& sql, InvitationId id) const;
  void RespondToInvitation(soci::session& sql, InvitationId id, InvitationStatus status,
                           std::optional<DelegationId> delegation, UserId user) const;
  // Invitations addressed to any of `organizations`, newest first.
  std::vector<Invitation> InvitationsTo(soci::session& sql, const std::vector<OrganizationId>& organizations) const;
  // An award given at an event (its organizers' permit) or at none (the platform's permit).
  AwardId InsertAward(soci::session& sql, const std::optional<auth::Permit<EventId>>& event,
                      const std::optional<auth::Permit<OrganizationId>>& platform, std::optional<PersonId> presented_by,
                      std::optional<PersonId> recipient, const i18n::LocalizedText& title,
                      const i18n::LocalizedText& citation, const i18n::LocalizedText& recipient_role,
                      const PartialDate& awarded_on) const;

  // Private meetings.
  MeetingBoard LoadMeetings(soci::session& sql, EventId event) const;
  SlotId InsertSlot(soci::session& sql, const auth::Permit<EventId>& event, const WallTime& starts,
                    const WallTime& ends) const;
  RoomId InsertRoom(soci::session& sql, const auth::Permit<EventId>& event, const std::string& name) const;
  MeetingRequestId InsertMeetingRequest(soci::session& sql, EventId event, std::optional<DelegationId> delegation,
                                        std::optional<PersonId> requester, std::optional<PersonId> host_person,
                                        std::optional<OrganizationId> host_organization, int priority,
                                        UserId user) const;
  void SetAvailability(soci::session& sql, EventId event, const std::string& party,
                       const std::vector<SlotId>& slots) const;
  // Replaces the unpinned meetings of the event with `placed` (pinned rows stay).
  void ReplaceSchedule(soci::session& sql, const auth::Permit<EventId>& event, const std::vector<Placed>& placed) const;
  // Places one meeting by hand and pins it (replacing its previous place).
  void Pin(soci::session& sql, const auth::Permit<EventId>& event, MeetingRequestId request, SlotId slot,
           RoomId room) const;
  void Unpin(soci::session& sql, const auth::Permit<EventId>& event, MeetingRequestId request) const;

  // The person a user's account is linked to (the accounts' view), if any.
  std::optional<PersonId> PersonOfUser(soci::session& sql, UserId user) const;
  // The events that serve an agreement objective (for the agreement's tracker).
  std::vector<std::pair<agreements::ObjectiveId, EventSummary>> EventsServingObjectives(
      soci::session& sql, const std::vector<agreements::ObjectiveId>& objectives) const;
  // The public and members' events `person` takes part in, speaks at or meets in (the feed).
  std::vector<EventId> EventsOfPerson(soci::session& sql, PersonId person) const;

  // Personal calendar feeds: one token per user (its SHA-256 stored).
  void SetFeedToken(soci::session& sql, UserId user, const std::string& token_sha256_hex) const;
  std::optional<UserId> UserOfFeedToken(soci::session& sql, const std::string& token_sha256_hex) const;

 private:
  ParticipantId InsertParticipantRow(soci::session& sql, EventId event, std::optional<PersonId> person, UserId user,
                                     ParticipantRole role, ParticipantStatus status, ListConsent consent,
                                     std::optional<DelegationId> delegation) const;
  DelegationId InsertDelegationRow(soci::session& sql, EventId event, OrganizationId organization,
                                   std::optional<PersonId> head, std::optional<int> size,
                                   const std::vector<PersonId>& members) const;
};

}  // namespace entente::events
