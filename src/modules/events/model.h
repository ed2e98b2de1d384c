#pragma once
// Events (docs/ARCHITECTURE.md, module 3): workshops, conferences, celebrations such as the Paris Bar's
// Rentrée, with a programme of sessions in the event's own time zone, participants, delegations,
// invitations, registration, awards and private meetings.
//
// Times are wall-clock times in the event's IANA zone (what the programme shows), kept with
// their UTC instant when hours are known. What the source does not give stays unknown: an event
// may know only its days, a session may know neither day nor hour, a delegation only its size.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/visibility.h"
#include "core/base/enum_table.h"
#include "core/base/ids.h"
#include "core/base/messages.h"
#include "core/base/partial_date.h"
#include "core/i18n/localized_text.h"
#include "modules/agreements/agreement_links.h"

namespace entente::events {

using EventId = entente::EventId;
using SeriesId = Id<struct SeriesIdTag>;
using SessionId = Id<struct SessionIdTag>;
using ParticipantId = Id<struct ParticipantIdTag>;
using DelegationId = Id<struct DelegationIdTag>;
using InvitationId = Id<struct InvitationIdTag>;
using AwardId = Id<struct AwardIdTag>;
using SlotId = Id<struct SlotIdTag>;
using RoomId = Id<struct RoomIdTag>;
using MeetingRequestId = Id<struct MeetingRequestIdTag>;

enum class EventKind {
  kWorkshop,
  kConference,
  kMinisterialConference,
  kRoundTable,
  kCelebration,
  kStudyVisit,
  kTraining,
  kAwardCeremony,
  kOther
};
enum class SessionKind {
  kConference,
  kSpeech,
  kRoundTable,
  kMootCourt,
  kInstitutionMeeting,
  kPrivateMeeting,
  kVisit,
  kReception
};
enum class ParticipantRole { kOrganizer, kSpeaker, kResearcher, kDelegate, kGuest, kHost, kAwardRecipient };
// confirmed: taking part; pending: awaiting the organizers' approval; waiting: on the waiting
// list (the event was full); declined: refused or withdrawn.
enum class ParticipantStatus { kConfirmed, kPending, kWaiting, kDeclined };
enum class InvitationStatus { kPending, kAccepted, kDeclined };
// closed: no registration through the site; open: first come, first served up to the capacity,
// then the waiting list; approval: every registration waits for an organizer.
enum class Registration { kClosed, kOpen, kApproval };

inline constexpr EnumTable<EventKind, 9> kEventKinds{{{
    {EventKind::kWorkshop, "workshop", N_("Workshop")},
    {EventKind::kConference, "conference", N_("Conference")},
    {EventKind::kMinisterialConference, "ministerial_conference", N_("Ministerial conference")},
    {EventKind::kRoundTable, "round_table", N_("Round-table")},
    {EventKind::kCelebration, "celebration", N_("Celebration")},
    {EventKind::kStudyVisit, "study_visit", N_("Study visit")},
    {EventKind::kTraining, "training", N_("Training")},
    {EventKind::kAwardCeremony, "award_ceremony", N_("Award ceremony")},
    {EventKind::kOther, "other", N_("Other event")},
}}};
inline constexpr EnumTable<SessionKind, 8> kSessionKinds{{{
    {SessionKind::kConference, "conference", N_("Conference")},
    {SessionKind::kSpeech, "speech", N_("Speech")},
    {SessionKind::kRoundTable, "round_table", N_("Round-table")},
    {SessionKind::kMootCourt, "moot_court", N_("Moot court")},
    {SessionKind::kInstitutionMeeting, "institution_meeting", N_("Meeting with an institution")},
    {SessionKind::kPrivateMeeting, "private_meeting", N_("Private meeting")},
    {SessionKind::kVisit, "visit", N_("Visit")},
    {SessionKind::kReception, "reception", N_("Reception")},
}}};
inline constexpr EnumTable<ParticipantRole, 7> kParticipantRoles{{{
    {ParticipantRole::kOrganizer, "organizer", N_("Organizer")},
    {ParticipantRole::kSpeaker, "speaker", N_("Speaker")},
    {ParticipantRole::kResearcher, "researcher", N_("Researcher")},
    {ParticipantRole::kDelegate, "delegate", N_("Delegate")},
    {ParticipantRole::kGuest, "guest", N_("Guest")},
    {ParticipantRole::kHost, "host", N_("Host")},
    {ParticipantRole::kAwardRecipient, "award_recipient", N_("Award recipient")},
}}};
inline constexpr EnumTable<ParticipantStatus, 4> kParticipantStatuses{{{
    {ParticipantStatus::kConfirmed, "confirmed", N_("Confirmed")},
    {ParticipantStatus::kPending, "pending", N_("Awaiting approval")},
    {ParticipantStatus::kWaiting, "waiting", N_("On the waiting list")},
    {ParticipantStatus::kDeclined, "declined", N_("Declined")},
}}};
inline constexpr EnumTable<InvitationStatus, 3> kInvitationStatuses{{{
    {InvitationStatus::kPending, "pending", N_("Awaiting an answer")},
    {InvitationStatus::kAccepted, "accepted", N_("Accepted")},
    {InvitationStatus::kDeclined, "declined", N_("Declined")},
}}};
inline constexpr EnumTable<Registration, 3> kRegistrations{{{
    {Registration::kClosed, "closed", N_("Registration closed")},
    {Registration::kOpen, "open", N_("Registration open")},
    {Registration::kApproval, "approval", N_("Registration with the organizers' approval")},
}}};

// A wall-clock time in the event's zone as stored: a day ('2014-12-10'), a day and time
// ('2014-12-10T09:00'), or unknown (''). With its UTC instant when the hour is known.
struct WallTime {
  std::optional<std::chrono::year_month_day> day;
  std::optional<std::chrono::minutes> time_of_day;  // nullopt: the day only
  std::optional<std::chrono::sys_seconds> utc;      // set when time_of_day is

  bool known() const { return day.has_value(); }
  bool has_time() const { return time_of_day.has_value(); }
  std::string ToString() const;  // the stored local form
};

struct NamedOrganization {
  OrganizationId id;
  std::string slug;
  i18n::LocalizedText name;
};

struct NamedPerson {
  PersonId id;
  std::string slug;
  std::string name;  // as written
};

struct Session {
  SessionId id;
  SessionKind kind = SessionKind::kConference;
  WallTime starts, ends;
  std::string room;
  i18n::LocalizedText title, description;
  std::vector<NamedPerson> speakers, moderators;
  std::vector<NamedOrganization> organizations_met;
};

struct Delegation {
  DelegationId id;
  NamedOrganization organization;
  std::optional<NamedPerson> head;
  std::optional<int> size;  // unknown when absent
  std::vector<NamedPerson> members;
};

struct Participant {
  ParticipantId id;
  std::optional<NamedPerson> person;
  std::optional<UserId> user;  // the account that registered, for registrations through the site
  std::string user_name;       // the account's display name, for registrations through the site
  ParticipantRole role = ParticipantRole::kGuest;
  ParticipantStatus status = ParticipantStatus::kConfirmed;
  bool consent_to_list = false;
  std::optional<DelegationId> delegation;
};

struct Invitation {
  InvitationId id;
  EventId event;
  std::optional<NamedOrganization> from_organization, to_organization;
  std::optional<NamedPerson> from_person, to_person;
  std::optional<int> invited_count;
  std::string language = "en";
  InvitationStatus status = InvitationStatus::kPending;
  PartialDate sent_on;
  std::optional<DelegationId> delegation;
  std::string responded_at_utc;
};

struct Award {
  AwardId id;
  std::optional<EventId> event;
  std::optional<NamedPerson> presented_by, recipient;
  i18n::LocalizedText title, citation, recipient_role;
  PartialDate awarded_on;
};

struct Series {
  SeriesId id;
  std::string slug;
  i18n::LocalizedText title, description, recurrence;
};

struct Event {
  EventId id;
  std::string slug;
  EventKind kind = EventKind::kOther;
  auth::Visibility visibility = auth::Visibility::kPublic;
  std::string country;
  std::string time_zone;
  WallTime starts, ends;
  std::optional<int> capacity;
  Registration registration = Registration::kClosed;
  i18n::LocalizedText title, description, city, venue, programme, dates_note;
  std::optional<Series> series;
  std::vector<NamedOrganization> organizers;
  std::vector<agreements::ObjectiveId> objectives;
  std::vector<Session> sessions;  // by day, then start
  std::vector<Participant> participants;
  std::vector<Delegation> delegations;
  std::vector<Invitation> invitations;
  std::vector<Award> awards;
  // The agreement objectives it serves, as shown (public agreements only).
  std::vector<agreements::ObjectiveLink> served_objectives;
  // Agreements signed on the event's sidelines (public ones only).
  std::vector<agreements::AgreementLink> signed_agreements;
  std::string updated_at_utc;

  std::vector<OrganizationId> OrganizerIds() const;
  // Confirmed participants, plus the delegations' sizes when their members are not listed.
  int ConfirmedCount() const;
};

struct EventSummary {
  EventId id;
  std::string slug;
  EventKind kind = EventKind::kOther;
  auth::Visibility visibility = auth::Visibility::kPublic;
  std::string time_zone, country;
  WallTime starts, ends;
  i18n::LocalizedText title, city;
  std::optional<Series> series;
};

enum class When { kAll, kUpcoming, kPast };

struct EventFilter {
  When when = When::kAll;
  std::string kind;       // kind key, or empty
  std::string organizer;  // organization slug
  std::string country;    // jurisdiction code
  std::string series;     // series slug
  std::string today;      // 'YYYY-MM-DD' splitting upcoming from past (the service sets it)
};

// --- Input as typed (the service parses and checks it) ---

struct EventInput {
  std::string slug;
  std::string kind = "other";
  std::string visibility = "public";
  std::string country;
  std::string time_zone;
  std::string starts, ends;  // 'YYYY-MM-DD', 'YYYY-MM-DDTHH:MM' or ''
  std::string capacity;      // '' no limit
  std::string registration = "closed";
  i18n::LocalizedText title, description, city, venue, programme, dates_note;
  std::string series;                   // series slug, or ''
  std::vector<std::string> organizers;  // organization slugs
  std::vector<agreements::ObjectiveId> objectives;
};

struct SessionInput {
  std::string kind = "conference";
  std::string starts, ends;  // as for events; both '' when the day is not given
  std::string room;
  i18n::LocalizedText title, description;
  std::vector<std::string> speakers, moderators;  // person slugs
  std::vector<std::string> organizations_met;     // organization slugs
};

struct DelegationInput {
  std::string organization;          // slug
  std::string head;                  // person slug, or ''
  std::string size;                  // '' unknown
  std::vector<std::string> members;  // person slugs
};

struct InvitationInput {
  std::string from_organization, from_person;  // slugs; at least one
  std::string to_organization, to_person;      // slugs; at least one
  std::string invited_count;                   // '' unknown
  std::string language = "en";
  std::string sent_on;  // PartialDate
};

struct AwardInput {
  std::string event;                    // event slug, or ''
  std::string presented_by, recipient;  // person slugs
  i18n::LocalizedText title, citation, recipient_role;
  std::string awarded_on;
};

// Whether a participant agreed to be listed on the event's public page.
enum class ListConsent { kUnlisted, kListed };
// An organizer's decision on a registration.
enum class Decision { kApprove, kDecline };
// An invitee's answer to an invitation.
enum class InvitationAnswer { kAccept, kDecline };

struct ParticipantInput {
  std::string person;  // slug
  std::string role = "guest";
  bool consent_to_list = false;
  std::string delegation;  // delegation id, or ''
};

}  // namespace entente::events
