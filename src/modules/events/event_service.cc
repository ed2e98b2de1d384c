#include "modules/events/event_service.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/audit/audit_log.h"
#include "core/auth/visibility.h"
#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "core/i18n/time_zones.h"
#include "modules/agreements/agreement_links.h"
#include "modules/directory/lookup.h"
#include "modules/events/rules.h"

namespace entente::events {
namespace {

constexpr const char* kCorrect = N_("Please correct the fields below.");

Error Invalid(std::vector<FieldError> errors) { return Error::InvalidArgument(kCorrect, std::move(errors)); }

std::optional<OrganizationId> Owner(const Event& event) {
  if (event.organizers.empty()) return std::nullopt;
  return event.organizers.front().id;
}

bool MayView(const auth::Actor& actor, const Event& event) {
  return actor.IsPlatformAdmin() || auth::MayView(actor, event.visibility, Owner(event), {}, {});
}

bool Coordinates(const auth::Actor& actor, OrganizationId organization) {
  return actor.Holds(auth::Role::kCoordinator, organization);
}

void Audit(soci::session& sql, const auth::Actor& actor, const char* action, const char* entity, long long id,
           std::optional<OrganizationId> organization, nlohmann::json details = nlohmann::json::object()) {
  audit::Record(
      sql, actor,
      {action, entity, id, organization, details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

std::string Trim(std::string text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.erase(text.begin());
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.pop_back();
  }
  return text;
}

std::string Sha256Hex(std::string_view content) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// Checks and resolves an event's input.
// `served`: the objectives the event already serves (kept whoever linked them). A new link to an
// objective needs rights on both ends: the event's (the caller's check) and the agreement's — it
// must be visible to the actor, who coordinates one of its parties; any other objective is
// answered as one that does not exist.
Result<EventRecord> Resolve(soci::session& sql, const EventStore& store, const auth::Actor& actor,
                            const EventInput& input, std::optional<EventId> self,
                            const std::vector<agreements::ObjectiveId>& served = {}) {
  std::vector<FieldError> errors;
  EventRecord record;
  record.slug = Trim(input.slug);
  // "feed", "invitations" and "new" are pages of their own under /events/.
  if (!IsSlug(record.slug) || record.slug == "feed" || record.slug == "invitations" || record.slug == "new") {
    errors.push_back({"slug", N_("Use 2 to 80 lower-case letters, digits and hyphens.")});
  } else if (auto existing = store.FindIdBySlug(sql, record.slug); existing && existing != self) {
    errors.push_back({"slug", N_("This address is already taken.")});
  }
  if (auto kind = kEventKinds.Parse(input.kind)) {
    record.kind = *kind;
  } else {
    errors.push_back({"kind", N_("Choose a kind from the list.")});
  }
  auto visibility = auth::ParseVisibility(input.visibility);
  if (!visibility || *visibility == auth::Visibility::kParties || *visibility == auth::Visibility::kPrivate) {
    errors.push_back({"visibility", N_("Choose who may see it from the list.")});
  } else {
    record.visibility = *visibility;
  }
  if (auto registration = kRegistrations.Parse(input.registration)) {
    record.registration = *registration;
  } else {
    errors.push_back({"registration", N_("Choose a kind of registration from the list.")});
  }
  record.country = Trim(input.country);
  if (!record.country.empty() && !directory::JurisdictionExists(sql, record.country)) {
    errors.push_back({"country", N_("Choose a country from the list.")});
  }
  // A zone is needed for hours; an event known only by its days (or not at all) may lack one.
  record.time_zone = Trim(input.time_zone);
  bool zone_ok = record.time_zone.empty() || i18n::IsKnownZone(record.time_zone);
  if (!zone_ok) errors.push_back({"time_zone", N_("Choose a time zone from the list.")});
  if (zone_ok) {
    auto starts = ReadWallTime(input.starts, record.time_zone, "starts");
    auto ends = ReadWallTime(input.ends, record.time_zone, "ends");
    if (!starts) errors.insert(errors.end(), starts.error().fields().begin(), starts.error().fields().end());
    if (!ends) errors.insert(errors.end(), ends.error().fields().begin(), ends.error().fields().end());
    if (starts && ends) {
      record.starts = *starts;
      record.ends = *ends;
      auto problems = CheckEventTimes(*starts, *ends);
      errors.insert(errors.end(), problems.begin(), problems.end());
    }
  }
  if (auto capacity = ReadCount(input.capacity, "capacity")) {
    record.capacity = *capacity;
  } else {
    errors.insert(errors.end(), capacity.error().fields().begin(), capacity.error().fields().end());
  }
  record.title = input.title;
  if (record.title.empty()) errors.push_back({"title", N_("Give a title.")});
  record.description = input.description;
  record.city = input.city;
  record.venue = input.venue;
  record.programme = input.programme;
  record.dates_note = input.dates_note;
  if (!input.series.empty()) {
    record.series = store.FindSeries(sql, input.series);
    if (!record.series) errors.push_back({"series", N_("There is no such series.")});
  }
  for (const auto& slug : input.organizers) {
    auto organization = directory::VisibleOrganizationBySlug(sql, actor, slug);
    if (!organization) {
      errors.push_back({"organizers", N_("There is no such organization.")});
    } else if (std::find(record.organizers.begin(), record.organizers.end(), *organization) ==
               record.organizers.end()) {
      record.organizers.push_back(*organization);
    }
  }
  if (record.organizers.empty() && record.visibility == auth::Visibility::kOrganization) {
    errors.push_back({"visibility", N_("An event visible to its organization needs an organizer.")});
  }
  std::vector<agreements::ObjectiveId> objectives;
  for (const auto& [objective, owners] : agreements::ObjectiveOwners(sql, input.objectives)) {
    bool kept = std::find(served.begin(), served.end(), objective) != served.end();
    if (kept ||
        (auth::Policy::MayView(actor, owners) && auth::Policy::MayAct(actor, auth::Role::kCoordinator, owners))) {
      objectives.push_back(objective);
    }
  }
  if (objectives.size() != std::set<agreements::ObjectiveId>(input.objectives.begin(), input.objectives.end()).size()) {
    errors.push_back({"objectives", N_("There is no such agreement objective.")});
  }
  record.objectives = objectives;
  if (!errors.empty()) return Fail(Invalid(std::move(errors)));
  return record;
}

std::string PartyKey(const char* kind, long long id) { return std::string(kind) + ":" + std::to_string(id); }

}  // namespace

std::vector<OrganizationId> Event::OrganizerIds() const {
  std::vector<OrganizationId> ids;
  for (const auto& organizer : organizers) ids.push_back(organizer.id);
  return ids;
}

int Event::ConfirmedCount() const {
  int count = 0;
  for (const auto& participant : participants) {
    if (participant.status == ParticipantStatus::kConfirmed) ++count;
  }
  for (const auto& delegation : delegations) {
    int listed = 0;
    for (const auto& participant : participants) {
      if (participant.delegation == delegation.id && participant.status == ParticipantStatus::kConfirmed) ++listed;
    }
    if (delegation.size && *delegation.size > listed) count += *delegation.size - listed;
  }
  return count;
}

bool EventService::MayManage(const auth::Actor& actor, const Event& event) {
  if (actor.IsPlatformAdmin()) return true;
  for (const auto& organizer : event.organizers) {
    if (Coordinates(actor, organizer.id)) return true;
  }
  return false;
}

bool EventService::MayCreate(const auth::Actor& actor) { return actor.HoldsAnywhere(auth::Role::kCoordinator); }

bool EventService::MayAnswer(const auth::Actor& actor, const Invitation& invitation) {
  if (actor.IsPlatformAdmin()) return true;
  return invitation.to_organization && Coordinates(actor, invitation.to_organization->id);
}

Result<Page<EventSummary>> EventService::List(const auth::Actor& actor, EventFilter filter, const PageRequest& page) {
  if (!filter.kind.empty() && !kEventKinds.Parse(filter.kind)) {
    return Fail(Invalid({{"kind", N_("Choose a kind from the list.")}}));
  }
  if (filter.today.empty()) {
    filter.today = WallTime{
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())),
        {},
        {}}.ToString();
  }
  return database_.Read(
      [&](soci::session& sql) -> Result<Page<EventSummary>> { return store_.List(sql, actor, filter, page); });
}

Result<Event> EventService::Get(const auth::Actor& actor, const std::string& slug) {
  return database_.Read([&](soci::session& sql) -> Result<Event> {
    auto id = store_.FindIdBySlug(sql, slug);
    if (!id) return Fail(Error::NotFound());
    auto event = store_.Load(sql, *id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    return std::move(*event);
  });
}

Result<Event> EventService::Get(const auth::Actor& actor, EventId id) {
  return database_.Read([&](soci::session& sql) -> Result<Event> {
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    return std::move(*event);
  });
}

Result<std::vector<Series>> EventService::ListSeries() {
  return database_.Read([&](soci::session& sql) -> Result<std::vector<Series>> { return store_.ListSeries(sql); });
}

Result<std::optional<agreements::ObjectiveId>> EventService::FindObjective(const std::string& agreement_slug,
                                                                           int sequence) {
  return database_.Read([&](soci::session& sql) -> Result<std::optional<agreements::ObjectiveId>> {
    return agreements::ObjectiveByNumber(sql, agreement_slug, sequence);
  });
}

Result<bool> EventService::SlugTaken(const std::string& slug) {
  return database_.Read([&](soci::session& sql) -> Result<bool> { return store_.FindIdBySlug(sql, slug).has_value(); });
}

auth::Owners OwnersOf(const Event& event) {
  auth::Owners owners;
  owners.visibility = event.visibility;
  for (const auto& organizer : event.organizers) owners.organizations.push_back(organizer.id);
  return owners;
}

Result<EventService::Changing> EventService::LoadForChange(soci::session& sql, const auth::Actor& actor,
                                                           EventId id) const {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  auto event = store_.Load(sql, id);
  if (!event || !MayView(actor, *event))
    return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "event", id.value()));
  auto permit = auth::Policy::Change(actor, auth::Role::kCoordinator, "event", id, OwnersOf(*event),
                                     N_("Only the coordinators of the event's organizers may change it."));
  if (!permit) return Fail(permit.error());
  return Changing{std::move(*event), *permit};
}

Result<EventId> EventService::Create(const auth::Actor& actor, const EventInput& input) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<EventId> {
    auto record = Resolve(sql, store_, actor, input, std::nullopt);
    if (!record) return Fail(record.error());
    // For an organizer the actor coordinates; without organizers (the sources name none), only
    // a platform admin records an event.
    constexpr const char* kRefused = N_("You may create events only for organizations you coordinate.");
    std::optional<auth::Permit<OrganizationId>> organizer;
    for (OrganizationId candidate : record->organizers) {
      if (auto permit = auth::Policy::Change(actor, auth::Role::kCoordinator, "organization", candidate,
                                             {auth::Visibility::kPublic, {candidate}, {}})) {
        organizer = *permit;
        break;
      }
    }
    if (!organizer && record->organizers.empty()) {
      if (auto permit = auth::Policy::ForPlatform(actor)) organizer = *permit;
    }
    if (!organizer) return Fail(Error::PermissionDenied(kRefused));
    EventId id = store_.Insert(sql, *organizer, *record);
    std::optional<OrganizationId> owner;
    if (!record->organizers.empty()) owner = record->organizers.front();
    Audit(sql, actor, "event.create", "event", id.value(), owner, {{"slug", record->slug}});
    return id;
  });
}

Status EventService::Update(const auth::Actor& actor, EventId id, const EventInput& input) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    auto record = Resolve(sql, store_, actor, input, id, event->objectives);
    if (!record) return Fail(record.error());
    // Sessions already in the programme must stay within the new dates.
    for (const auto& session : event->sessions) {
      if (!CheckSessionTimes(record->starts, record->ends, session.starts, session.ends).empty()) {
        return Fail(Invalid({{"starts", N_("Some sessions of the programme would fall outside these dates.")}}));
      }
    }
    store_.Update(sql, event->permit, *record);
    Audit(sql, actor, "event.update", "event", id.value(), Owner(*event), {{"slug", record->slug}});
    return {};
  });
}

Result<SessionId> EventService::AddSession(const auth::Actor& actor, EventId id, const SessionInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<SessionId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    SessionRecord record;
    if (auto kind = kSessionKinds.Parse(input.kind)) {
      record.kind = *kind;
    } else {
      errors.push_back({"kind", N_("Choose a kind from the list.")});
    }
    auto starts = ReadWallTime(input.starts, event->time_zone, "starts");
    auto ends = ReadWallTime(input.ends, event->time_zone, "ends");
    if (!starts) errors.insert(errors.end(), starts.error().fields().begin(), starts.error().fields().end());
    if (!ends) errors.insert(errors.end(), ends.error().fields().begin(), ends.error().fields().end());
    record.room = Trim(input.room);
    if (starts && ends) {
      record.starts = *starts;
      record.ends = *ends;
      auto problems = CheckSessionTimes(event->starts, event->ends, *starts, *ends);
      errors.insert(errors.end(), problems.begin(), problems.end());
      if (problems.empty() && !record.room.empty()) {
        for (const auto& other : event->sessions) {
          if (other.room == record.room && Overlaps(other.starts, other.ends, record.starts, record.ends)) {
            errors.push_back({"room", N_("Another session uses this room at that time.")});
            break;
          }
        }
      }
    }
    record.title = input.title;
    if (record.title.empty()) errors.push_back({"title", N_("Give a title.")});
    record.description = input.description;
    for (auto [slugs, target, field] : {std::tuple{&input.speakers, &record.speakers, "speakers"},
                                        std::tuple{&input.moderators, &record.moderators, "moderators"}}) {
      for (const auto& slug : *slugs) {
        if (auto person = directory::PersonBySlug(sql, slug)) {
          target->push_back(*person);
        } else {
          errors.push_back({field, N_("There is no such person in the directory.")});
        }
      }
    }
    for (const auto& slug : input.organizations_met) {
      if (auto organization = directory::VisibleOrganizationBySlug(sql, actor, slug)) {
        record.organizations_met.push_back(*organization);
      } else {
        errors.push_back({"organizations_met", N_("There is no such organization.")});
      }
    }
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    SessionId session = store_.InsertSession(sql, event->permit, record);
    Audit(sql, actor, "event.session.create", "event_session", session.value(), Owner(*event),
          {{"event", event->slug}});
    return session;
  });
}

Status EventService::DeleteSession(const auth::Actor& actor, EventId id, SessionId session) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    bool found = std::any_of(event->sessions.begin(), event->sessions.end(),
                             [&](const Session& item) { return item.id == session; });
    if (!found) return Fail(Error::NotFound());
    store_.DeleteSession(sql, event->permit, session);
    Audit(sql, actor, "event.session.delete", "event_session", session.value(), Owner(*event),
          {{"event", event->slug}});
    return {};
  });
}

Result<DelegationId> EventService::AddDelegation(const auth::Actor& actor, EventId id, const DelegationInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<DelegationId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    auto organization = directory::VisibleOrganizationBySlug(sql, actor, input.organization);
    if (!organization) errors.push_back({"organization", N_("There is no such organization.")});
    // A delegation joins the event and an organization: the organizers record one for an
    // organization they invited, or its own coordinators do.
    if (organization && !Coordinates(actor, *organization) &&
        std::none_of(event->invitations.begin(), event->invitations.end(), [&](const Invitation& invitation) {
          return invitation.to_organization && invitation.to_organization->id == *organization &&
                 invitation.status != InvitationStatus::kDeclined;
        })) {
      errors.push_back({"organization", N_("Invite the organization first: a delegation comes from an invitation.")});
    }
    std::optional<PersonId> head;
    if (!input.head.empty()) {
      head = directory::PersonBySlug(sql, input.head);
      if (!head) errors.push_back({"head", N_("There is no such person in the directory.")});
    }
    auto size = ReadCount(input.size, "size", 1000);
    if (!size) errors.insert(errors.end(), size.error().fields().begin(), size.error().fields().end());
    std::vector<PersonId> members;
    for (const auto& slug : input.members) {
      if (auto person = directory::PersonBySlug(sql, slug)) {
        members.push_back(*person);
      } else {
        errors.push_back({"members", N_("There is no such person in the directory.")});
      }
    }
    if (size && *size && static_cast<int>(members.size()) > **size) {
      errors.push_back({"size", N_("The delegation has more members than its size.")});
    }
    if (size && *size && event->capacity && event->ConfirmedCount() + **size > *event->capacity) {
      errors.push_back({"size", N_("The event does not have room for so many people.")});
    }
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    DelegationId delegation = store_.InsertDelegation(sql, event->permit, *organization, head, *size, members);
    Audit(sql, actor, "event.delegation.create", "event_delegation", delegation.value(), Owner(*event),
          {{"event", event->slug}, {"organization", input.organization}});
    return delegation;
  });
}

Result<ParticipantId> EventService::AddParticipant(const auth::Actor& actor, EventId id,
                                                   const ParticipantInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<ParticipantId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    auto person = directory::PersonBySlug(sql, input.person);
    if (!person) errors.push_back({"person", N_("There is no such person in the directory.")});
    auto role = kParticipantRoles.Parse(input.role);
    if (!role) errors.push_back({"role", N_("Choose a role from the list.")});
    std::optional<DelegationId> delegation;
    if (!input.delegation.empty()) {
      delegation = DelegationId::Parse(input.delegation);
      bool own = delegation && std::any_of(event->delegations.begin(), event->delegations.end(),
                                           [&](const Delegation& item) { return item.id == *delegation; });
      if (!own) errors.push_back({"delegation", N_("This delegation is not one of the event's.")});
    }
    if (person && std::any_of(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.person && item.person->id == *person; })) {
      errors.push_back({"person", N_("This person already takes part in the event.")});
    }
    if (event->capacity && event->ConfirmedCount() >= *event->capacity) {
      errors.push_back({"person", N_("The event is full.")});
    }
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    ParticipantId participant =
        store_.InsertParticipant(sql, event->permit, person, *role, ParticipantStatus::kConfirmed,
                                 input.consent_to_list ? ListConsent::kListed : ListConsent::kUnlisted, delegation);
    Audit(sql, actor, "event.participant.create", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"person", input.person}, {"role", input.role}});
    return participant;
  });
}

Status EventService::SetParticipantConsent(const auth::Actor& actor, EventId id, ParticipantId participant,
                                           ListConsent listed) {
  bool consent = listed == ListConsent::kListed;  // for the rule and the audit entry
  return database_.Write([&](soci::session& sql) -> Status {
    if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) {
      return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "event", id.value()));
    }
    auto found = std::find_if(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.id == participant; });
    bool self = found != event->participants.end() && actor.signed_in() && found->user_id == actor.user().value();
    // Being listed is the participant's own choice. Organizers record the consent of the people
    // they add themselves (a speaker who agreed by letter), and may take any name off the list;
    // a registrant's consent (given through the site, on registering) only the registrant gives.
    auto permit = [&]() -> Result<auth::Permit<ParticipantId>> {
      if (self) {
        return auth::Policy::Change(actor, auth::Role::kMember, "event participant", participant,
                                    {auth::Visibility::kPrivate, {}, {actor.user()}});
      }
      auto organizer = auth::Policy::Change(actor, auth::Role::kCoordinator, "event", id, OwnersOf(*event),
                                            N_("Only the coordinators of the event's organizers may change it."));
      if (!organizer) return Fail(organizer.error());
      if (found == event->participants.end()) {
        return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "event participant", participant.value()));
      }
      if (consent && found->user_id != 0) {
        return Fail(auth::Policy::Refuse(actor,
                                         Error::PermissionDenied(N_("Only the registrant may agree to be listed.")),
                                         "event participant", participant.value()));
      }
      return auth::Policy::Change(actor, auth::Role::kCoordinator, "event participant", participant, OwnersOf(*event));
    }();
    if (!permit) return Fail(permit.error());
    store_.SetParticipantConsent(sql, *permit, listed);
    Audit(sql, actor, "event.participant.consent", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"consent_to_list", consent}});
    return {};
  });
}

Status EventService::RemoveParticipant(const auth::Actor& actor, EventId id, ParticipantId participant) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    auto found = std::find_if(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.id == participant; });
    if (found == event->participants.end()) return Fail(Error::NotFound());
    store_.DeleteParticipant(sql, event->permit, participant);
    Audit(sql, actor, "event.participant.delete", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug},
           {"person", found->person ? found->person->slug : ""},
           {"role", kParticipantRoles.Key(found->role)}});
    return {};
  });
}

Result<InvitationId> EventService::Invite(const auth::Actor& actor, EventId id, const InvitationInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<InvitationId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    auto find_organization = [&](const std::string& slug, const char* field) -> std::optional<OrganizationId> {
      if (slug.empty()) return std::nullopt;
      auto found = directory::VisibleOrganizationBySlug(sql, actor, slug);
      if (!found) errors.push_back({field, N_("There is no such organization.")});
      return found;
    };
    auto find_person = [&](const std::string& slug, const char* field) -> std::optional<PersonId> {
      if (slug.empty()) return std::nullopt;
      auto found = directory::PersonBySlug(sql, slug);
      if (!found) errors.push_back({field, N_("There is no such person in the directory.")});
      return found;
    };
    auto from_organization = find_organization(input.from_organization, "from_organization");
    auto from_person = find_person(input.from_person, "from_person");
    auto to_organization = find_organization(input.to_organization, "to_organization");
    auto to_person = find_person(input.to_person, "to_person");
    if (input.from_organization.empty() && input.from_person.empty()) {
      errors.push_back({"from_organization", N_("Say who invites: an organization or a person.")});
    }
    if (input.to_organization.empty() && input.to_person.empty()) {
      errors.push_back({"to_organization", N_("Say who is invited: an organization or a person.")});
    }
    auto count = ReadCount(input.invited_count, "invited_count", 1000);
    if (!count) errors.insert(errors.end(), count.error().fields().begin(), count.error().fields().end());
    if (!i18n::IsSupportedLanguage(input.language))
      errors.push_back({"language", N_("Choose a language from the list.")});
    auto sent_on = PartialDate::Parse(input.sent_on);
    if (!sent_on) errors.push_back({"sent_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    InvitationId invitation = store_.InsertInvitation(sql, event->permit, from_organization, from_person,
                                                      to_organization, to_person, *count, input.language, *sent_on);
    Audit(sql, actor, "event.invitation.create", "event_invitation", invitation.value(), Owner(*event),
          {{"event", event->slug}, {"to_organization", input.to_organization}, {"to_person", input.to_person}});
    return invitation;
  });
}

Result<Invitation> EventService::GetInvitation(const auth::Actor& actor, InvitationId id) {
  return database_.Read([&](soci::session& sql) -> Result<Invitation> {
    auto invitation = store_.LoadInvitation(sql, id);
    if (!invitation) return Fail(Error::NotFound());
    auto event = store_.Load(sql, invitation->event);
    // The letter is for those who sent it and those it is addressed to (docs/SECURITY.md 7: a 404
    // for anyone else, never the record).
    if (!event || !(MayAnswer(actor, *invitation) || MayManage(actor, *event))) return Fail(Error::NotFound());
    return std::move(*invitation);
  });
}

Result<InvitationId> EventService::Answer(const auth::Actor& actor, InvitationId id, InvitationAnswer answer,
                                          const std::string& delegation_size) {
  bool accept = answer == InvitationAnswer::kAccept;
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<InvitationId> {
    auto invitation = store_.LoadInvitation(sql, id);
    if (!invitation) return Fail(Error::NotFound());
    auto event = store_.Load(sql, invitation->event);
    if (!event) return Fail(Error::NotFound());
    if (!MayAnswer(actor, *invitation)) {
      if (!MayManage(actor, *event)) return Fail(Error::NotFound());
      return Fail(Error::PermissionDenied(N_("Only the coordinators of the invited organization may answer.")));
    }
    if (invitation->status != InvitationStatus::kPending) {
      return Fail(Error::Conflict(N_("This invitation has already been answered.")));
    }
    std::optional<DelegationId> delegation;
    if (accept && invitation->to_organization) {
      auto size = ReadCount(delegation_size, "delegation_size", 1000);
      if (!size) return Fail(size.error());
      std::optional<int> people = *size ? *size : invitation->invited_count;
      if (people && invitation->invited_count && *people > *invitation->invited_count) {
        return Fail(Invalid({{"delegation_size", N_("The invitation is for fewer people.")}}));
      }
      if (people && event->capacity && event->ConfirmedCount() + *people > *event->capacity) {
        return Fail(Invalid({{"delegation_size", N_("The event does not have room for so many people.")}}));
      }
      auto permit = auth::Policy::Change(actor, auth::Role::kCoordinator, "event invitation", id,
                                         {auth::Visibility::kPublic, {invitation->to_organization->id}, {}});
      if (!permit) return Fail(permit.error());
      delegation = store_.InsertDelegation(sql, *permit, event->id, invitation->to_organization->id, people);
    }
    store_.RespondToInvitation(sql, id, accept ? InvitationStatus::kAccepted : InvitationStatus::kDeclined, delegation,
                               actor.user());
    Audit(sql, actor, accept ? "event.invitation.accept" : "event.invitation.decline", "event_invitation", id.value(),
          invitation->to_organization ? std::optional(invitation->to_organization->id) : std::nullopt,
          {{"event", event->slug}, {"delegation_size", delegation_size}});
    return id;
  });
}

Result<std::vector<std::pair<Invitation, EventSummary>>> EventService::InvitationsForActor(const auth::Actor& actor) {
  return database_.Read([&](soci::session& sql) -> Result<std::vector<std::pair<Invitation, EventSummary>>> {
    std::vector<std::pair<Invitation, EventSummary>> result;
    auto organizations = actor.OrganizationsWhere(auth::Role::kCoordinator);
    if (organizations.empty()) return result;
    for (auto& invitation : store_.InvitationsTo(sql, organizations)) {
      auto event = store_.Load(sql, invitation.event);
      if (!event || !MayView(actor, *event)) continue;
      EventSummary summary;
      summary.id = event->id;
      summary.slug = event->slug;
      summary.kind = event->kind;
      summary.time_zone = event->time_zone;
      summary.starts = event->starts;
      summary.ends = event->ends;
      summary.title = event->title;
      summary.city = event->city;
      result.push_back({std::move(invitation), std::move(summary)});
    }
    return result;
  });
}

Result<ParticipantStatus> EventService::Register(const auth::Actor& actor, EventId id, ListConsent consent_to_list) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<ParticipantStatus> {
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    if (store_.FindParticipantByUser(sql, id, actor.user())) {
      return Fail(Error::Conflict(N_("You are already registered for this event.")));
    }
    // Counted inside the write transaction, so two registrations cannot both take the last place.
    auto status = DecideRegistration(event->registration, event->capacity, event->ConfirmedCount());
    if (!status) return Fail(status.error());
    auto person = store_.PersonOfUser(sql, actor.user());
    ParticipantId participant = store_.InsertRegistration(sql, id, actor.user(), person, *status, consent_to_list);
    Audit(sql, actor, "event.register", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"status", kParticipantStatuses.Key(*status)}});
    return *status;
  });
}

Result<ParticipantStatus> EventService::Decide(const auth::Actor& actor, EventId id, ParticipantId participant,
                                               Decision decision) {
  bool approve = decision == Decision::kApprove;
  return database_.Write([&](soci::session& sql) -> Result<ParticipantStatus> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    auto found = std::find_if(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.id == participant; });
    if (found == event->participants.end()) return Fail(Error::NotFound());
    ParticipantStatus status = ParticipantStatus::kDeclined;
    if (approve) {
      bool full = event->capacity && event->ConfirmedCount() >= *event->capacity;
      status = full ? ParticipantStatus::kWaiting : ParticipantStatus::kConfirmed;
      if (found->status == ParticipantStatus::kConfirmed) status = ParticipantStatus::kConfirmed;
    }
    store_.SetParticipantStatus(sql, event->permit, participant, status);
    Audit(sql, actor, "event.participant.decide", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"status", kParticipantStatuses.Key(status)}});
    return status;
  });
}

Result<AwardId> EventService::AddAward(const auth::Actor& actor, const AwardInput& input) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<AwardId> {
    std::optional<auth::Permit<EventId>> event_permit;
    std::optional<auth::Permit<OrganizationId>> platform_permit;
    std::optional<OrganizationId> owner;
    if (!input.event.empty()) {
      auto event_id = store_.FindIdBySlug(sql, input.event);
      if (!event_id) return Fail(Invalid({{"event", N_("There is no such event.")}}));
      auto event = LoadForChange(sql, actor, *event_id);
      if (!event) return Fail(event.error());
      owner = Owner(*event);
      event_permit = event->permit;
    } else {
      // An award given at no recorded event is the platform's to record.
      auto permit = auth::Policy::ForPlatform(actor);
      if (!permit) return Fail(permit.error());
      platform_permit = *permit;
    }
    std::vector<FieldError> errors;
    std::optional<PersonId> by, to;
    if (!input.presented_by.empty() && !(by = directory::PersonBySlug(sql, input.presented_by))) {
      errors.push_back({"presented_by", N_("There is no such person in the directory.")});
    }
    if (!input.recipient.empty() && !(to = directory::PersonBySlug(sql, input.recipient))) {
      errors.push_back({"recipient", N_("There is no such person in the directory.")});
    }
    if (input.recipient.empty() && input.recipient_role.empty()) {
      errors.push_back({"recipient", N_("Name the recipient, or the role they held.")});
    }
    if (input.title.empty()) errors.push_back({"title", N_("Give a title.")});
    auto on = PartialDate::Parse(input.awarded_on);
    if (!on) errors.push_back({"awarded_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    AwardId award = store_.InsertAward(sql, event_permit, platform_permit, by, to, input.title, input.citation,
                                       input.recipient_role, *on);
    Audit(sql, actor, "event.award.create", "event_award", award.value(), owner, {{"event", input.event}});
    return award;
  });
}

Result<SeriesId> EventService::EnsureSeries(const auth::Actor& actor, const Series& series) {
  if (!actor.IsPlatformAdmin() && !MayCreate(actor)) return Fail(Error::PermissionDenied());
  return database_.Write([&](soci::session& sql) -> Result<SeriesId> {
    if (auto existing = store_.FindSeries(sql, series.slug)) return *existing;
    if (!IsSlug(series.slug))
      return Fail(Invalid({{"slug", N_("Use 2 to 80 lower-case letters, digits and hyphens.")}}));
    SeriesId id = store_.InsertSeries(sql, series.slug, series.title, series.description, series.recurrence);
    Audit(sql, actor, "event.series.create", "event_series", id.value(), std::nullopt, {{"slug", series.slug}});
    return id;
  });
}

Status EventService::LinkAgreementOccasion(const auth::Actor& actor, const std::string& agreement_slug, EventId event) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto loaded = LoadForChange(sql, actor, event);
    if (!loaded) return Fail(loaded.error());
    agreements::SetOccasionEvent(sql, loaded->permit, agreement_slug);
    Audit(sql, actor, "event.agreement_occasion", "event", event.value(), Owner(*loaded),
          {{"agreement", agreement_slug}});
    return {};
  });
}

Result<std::vector<std::pair<agreements::ObjectiveId, EventSummary>>> EventService::EventsServing(
    const auth::Actor& actor, const std::vector<agreements::ObjectiveId>& objectives) {
  using Serving = std::vector<std::pair<agreements::ObjectiveId, EventSummary>>;
  return database_.Read([&](soci::session& sql) -> Result<Serving> {
    auto serving = store_.EventsServingObjectives(sql, objectives);
    std::erase_if(serving, [&](const auto& item) {
      auto event = store_.Load(sql, item.second.id);
      return !event || !MayView(actor, *event);
    });
    return serving;
  });
}

// --- Private meetings ---

Result<MeetingBoard> EventService::Meetings(const auth::Actor& actor, EventId id) {
  return database_.Read([&](soci::session& sql) -> Result<MeetingBoard> {
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    if (!MayManage(actor, *event)) return Fail(Error::PermissionDenied());
    return store_.LoadMeetings(sql, id);
  });
}

Result<SlotId> EventService::AddSlot(const auth::Actor& actor, EventId id, const std::string& starts,
                                     const std::string& ends) {
  return database_.Write([&](soci::session& sql) -> Result<SlotId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    auto from = ReadWallTime(starts, event->time_zone, "starts");
    auto to = ReadWallTime(ends, event->time_zone, "ends");
    if (!from) errors.insert(errors.end(), from.error().fields().begin(), from.error().fields().end());
    if (!to) errors.insert(errors.end(), to.error().fields().begin(), to.error().fields().end());
    if (from && to) {
      if (!from->has_time() || !to->has_time()) {
        errors.push_back({"starts", N_("A meeting slot needs a day and an hour.")});
      } else {
        auto problems = CheckSessionTimes(event->starts, event->ends, *from, *to);
        errors.insert(errors.end(), problems.begin(), problems.end());
      }
    }
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    SlotId slot = store_.InsertSlot(sql, event->permit, *from, *to);
    Audit(sql, actor, "event.meeting_slot.create", "event_meeting_slot", slot.value(), Owner(*event),
          {{"event", event->slug}});
    return slot;
  });
}

Result<RoomId> EventService::AddRoom(const auth::Actor& actor, EventId id, const std::string& name) {
  return database_.Write([&](soci::session& sql) -> Result<RoomId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::string trimmed = Trim(name);
    if (trimmed.empty() || trimmed.size() > 200) return Fail(Invalid({{"name", N_("Give the room or table a name.")}}));
    auto board = store_.LoadMeetings(sql, id);
    for (const auto& room : board.rooms) {
      if (room.name == trimmed) return Fail(Invalid({{"name", N_("There is already a room or table of this name.")}}));
    }
    RoomId room = store_.InsertRoom(sql, event->permit, trimmed);
    Audit(sql, actor, "event.meeting_room.create", "event_meeting_room", room.value(), Owner(*event),
          {{"event", event->slug}, {"name", trimmed}});
    return room;
  });
}

Result<MeetingRequestId> EventService::RequestMeeting(const auth::Actor& actor, EventId id,
                                                      const std::string& delegation, const std::string& requester,
                                                      const std::string& host_person,
                                                      const std::string& host_organization,
                                                      const std::string& priority) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<MeetingRequestId> {
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    std::vector<FieldError> errors;
    std::optional<DelegationId> delegation_id;
    std::optional<PersonId> requester_id;
    bool allowed = MayManage(actor, *event);
    if (!delegation.empty()) {
      delegation_id = DelegationId::Parse(delegation);
      auto found = std::find_if(event->delegations.begin(), event->delegations.end(),
                                [&](const Delegation& item) { return delegation_id && item.id == *delegation_id; });
      if (found == event->delegations.end()) {
        errors.push_back({"delegation", N_("This delegation is not one of the event's.")});
      } else {
        // A delegation's own coordinators ask for its meetings.
        allowed = allowed || Coordinates(actor, found->organization.id);
      }
    } else if (!requester.empty()) {
      requester_id = directory::PersonBySlug(sql, requester);
      auto own = store_.PersonOfUser(sql, actor.user());
      allowed = allowed || (own && requester_id && *own == *requester_id);
      bool present =
          requester_id &&
          std::any_of(event->participants.begin(), event->participants.end(), [&](const Participant& item) {
            return item.person && item.person->id == *requester_id && item.status == ParticipantStatus::kConfirmed;
          });
      if (!present) errors.push_back({"requester", N_("This person is not taking part in the event.")});
    } else {
      errors.push_back({"delegation", N_("Say who asks for the meeting: a delegation or a participant.")});
    }
    if (!allowed)
      return Fail(Error::PermissionDenied(N_("You may ask for meetings only for yourself or your delegation.")));
    std::optional<PersonId> host_person_id;
    std::optional<OrganizationId> host_organization_id;
    if (!host_person.empty()) {
      host_person_id = directory::PersonBySlug(sql, host_person);
      bool present =
          host_person_id &&
          std::any_of(event->participants.begin(), event->participants.end(), [&](const Participant& item) {
            return item.person && item.person->id == *host_person_id && item.status == ParticipantStatus::kConfirmed;
          });
      if (!present) errors.push_back({"host_person", N_("This person is not present at the event.")});
    } else if (!host_organization.empty()) {
      host_organization_id = directory::VisibleOrganizationBySlug(sql, actor, host_organization);
      bool present = false;
      if (host_organization_id) {
        for (const auto& organizer : event->organizers) present = present || organizer.id == *host_organization_id;
        for (const auto& item : event->delegations) present = present || item.organization.id == *host_organization_id;
        for (const auto& session : event->sessions) {
          for (const auto& met : session.organizations_met) present = present || met.id == *host_organization_id;
        }
      }
      if (!present) errors.push_back({"host_organization", N_("This organization is not present at the event.")});
    } else {
      errors.push_back({"host_person", N_("Say whom to meet: a participant or an organization present.")});
    }
    int priority_value = 3;
    if (!priority.empty()) {
      auto parsed = ReadCount(priority, "priority", 5);
      if (!parsed) {
        errors.push_back({"priority", N_("Give a priority from 1 to 5.")});
      } else {
        priority_value = **parsed;
      }
    }
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    MeetingRequestId request = store_.InsertMeetingRequest(sql, id, delegation_id, requester_id, host_person_id,
                                                           host_organization_id, priority_value, actor.user());
    Audit(sql, actor, "event.meeting_request.create", "event_meeting_request", request.value(), Owner(*event),
          {{"event", event->slug},
           {"host_person", host_person},
           {"host_organization", host_organization},
           {"priority", priority_value}});
    return request;
  });
}

Status EventService::SetAvailability(const auth::Actor& actor, EventId id, const std::string& party,
                                     const std::vector<SlotId>& slots) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::string key;
    if (party.starts_with("person:")) {
      if (auto person = directory::PersonBySlug(sql, party.substr(7))) key = PartyKey("person", person->value());
    } else if (party.starts_with("organization:")) {
      if (auto organization = directory::VisibleOrganizationBySlug(sql, actor, party.substr(13))) {
        key = PartyKey("organization", organization->value());
      }
    } else if (party.starts_with("delegation:")) {
      auto delegation = DelegationId::Parse(party.substr(11));
      for (const auto& item : event->delegations) {
        if (delegation && item.id == *delegation) key = PartyKey("delegation", item.id.value());
      }
    }
    if (key.empty()) return Fail(Invalid({{"party", N_("This participant is not taking part in the event.")}}));
    auto board = store_.LoadMeetings(sql, id);
    std::vector<long long> chosen;  // as the audit entry records them
    for (SlotId slot : slots) {
      bool own =
          std::any_of(board.slots.begin(), board.slots.end(), [&](const MeetingSlot& item) { return item.id == slot; });
      if (!own) return Fail(Invalid({{"slots", N_("This slot is not one of the event's.")}}));
      chosen.push_back(slot.value());
    }
    store_.SetAvailability(sql, id, key, slots);
    Audit(sql, actor, "event.meeting_availability.set", "event", id.value(), Owner(*event),
          {{"party", key}, {"slots", chosen}});
    return {};
  });
}

Problem BuildProblem(const MeetingBoard& board, const Event& event) {
  Problem problem;
  problem.slot_count = static_cast<int>(board.slots.size());
  problem.room_count = static_cast<int>(board.rooms.size());
  std::map<std::string, int> parties;
  auto party = [&](const std::string& key) {
    auto [it, inserted] = parties.try_emplace(key, static_cast<int>(parties.size()));
    return it->second;
  };
  std::map<long long, int> slot_index, room_index;
  for (size_t i = 0; i < board.slots.size(); ++i) slot_index[board.slots[i].id.value()] = static_cast<int>(i);
  for (size_t i = 0; i < board.rooms.size(); ++i) room_index[board.rooms[i].id.value()] = static_cast<int>(i);
  for (const auto& request : board.requests) {
    ScheduleRequest item;
    item.priority = request.priority;
    std::vector<std::string> keys;
    if (request.requester_delegation) {
      keys.push_back(PartyKey("delegation", request.requester_delegation->value()));
      // The delegation's head and members are booked with it.
      for (const auto& delegation : event.delegations) {
        if (delegation.id != *request.requester_delegation) continue;
        if (delegation.head) keys.push_back(PartyKey("person", delegation.head->id.value()));
        for (const auto& member : delegation.members) keys.push_back(PartyKey("person", member.id.value()));
      }
    }
    if (request.requester_person) keys.push_back(PartyKey("person", request.requester_person->id.value()));
    if (request.host_person) keys.push_back(PartyKey("person", request.host_person->id.value()));
    if (request.host_organization) keys.push_back(PartyKey("organization", request.host_organization->id.value()));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& key : keys) item.parties.push_back(party(key));
    for (const auto& slot : board.slots) {
      bool available = true;
      for (const auto& key : keys) {
        auto found = board.availability.find(key);
        if (found == board.availability.end()) continue;
        available = available && std::find(found->second.begin(), found->second.end(), slot.id) != found->second.end();
      }
      if (available) item.allowed_slots.push_back(slot_index[slot.id.value()]);
    }
    if (request.pinned && request.slot && request.room) {
      item.pinned = ScheduleRequest::Pin{slot_index[request.slot->value()], room_index[request.room->value()]};
    }
    problem.requests.push_back(std::move(item));
  }
  problem.party_count = static_cast<int>(parties.size());
  return problem;
}

Result<ScheduleOutcome> EventService::Schedule(const auth::Actor& actor, EventId id) {
  return database_.Write([&](soci::session& sql) -> Result<ScheduleOutcome> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    MeetingBoard board = store_.LoadMeetings(sql, id);
    Problem problem = BuildProblem(board, *event);
    auto schedule = SolveSchedule(problem);
    ScheduleOutcome outcome;
    outcome.requested = static_cast<int>(board.requests.size());
    outcome.met = schedule.met;
    std::vector<Placed> placed;
    for (size_t r = 0; r < board.requests.size(); ++r) {
      const auto& placement = schedule.placements[r];
      if (placement.slot < 0) {
        outcome.unmet.push_back({board.requests[r].id, placement.reason.value_or(UnmetReason::kPartiesBooked)});
        continue;
      }
      placed.push_back({board.requests[r].id, board.slots[placement.slot].id, board.rooms[placement.room].id,
                        board.requests[r].pinned});
    }
    store_.ReplaceSchedule(sql, event->permit, placed);
    Audit(sql, actor, "event.meetings.schedule", "event", id.value(), Owner(*event),
          {{"event", event->slug}, {"met", outcome.met}, {"requested", outcome.requested}});
    return outcome;
  });
}

Status EventService::Pin(const auth::Actor& actor, EventId id, MeetingRequestId request, SlotId slot, RoomId room) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    MeetingBoard board = store_.LoadMeetings(sql, id);
    auto found = std::find_if(board.requests.begin(), board.requests.end(),
                              [&](const MeetingRequest& item) { return item.id == request; });
    if (found == board.requests.end()) return Fail(Error::NotFound());
    bool slot_ok =
        std::any_of(board.slots.begin(), board.slots.end(), [&](const MeetingSlot& s) { return s.id == slot; });
    bool room_ok =
        std::any_of(board.rooms.begin(), board.rooms.end(), [&](const MeetingRoom& r) { return r.id == room; });
    if (!slot_ok) return Fail(Invalid({{"slot", N_("This slot is not one of the event's.")}}));
    if (!room_ok) return Fail(Invalid({{"room", N_("This room is not one of the event's.")}}));
    // The room, and every party of the meeting, must be free in that slot (other than itself).
    Problem problem = BuildProblem(board, *event);
    size_t index = static_cast<size_t>(found - board.requests.begin());
    for (size_t r = 0; r < board.requests.size(); ++r) {
      if (r == index || !board.requests[r].slot || *board.requests[r].slot != slot) continue;
      if (board.requests[r].room == room) return Fail(Invalid({{"room", N_("Another meeting uses this room then.")}}));
      for (int party : problem.requests[r].parties) {
        const auto& mine = problem.requests[index].parties;
        if (std::find(mine.begin(), mine.end(), party) != mine.end()) {
          return Fail(Invalid({{"slot", N_("One side already has another meeting then.")}}));
        }
      }
    }
    store_.Pin(sql, event->permit, request, slot, room);
    Audit(sql, actor, "event.meeting.pin", "event_meeting_request", request.value(), Owner(*event),
          {{"slot", slot.value()}, {"room", room.value()}});
    return {};
  });
}

Status EventService::Unpin(const auth::Actor& actor, EventId id, MeetingRequestId request) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    store_.Unpin(sql, event->permit, request);
    Audit(sql, actor, "event.meeting.unpin", "event_meeting_request", request.value(), Owner(*event));
    return {};
  });
}

namespace {

std::vector<AgendaItem> AgendaOf(const Event& event, const MeetingBoard& board, std::optional<DelegationId> delegation,
                                 std::optional<PersonId> person) {
  std::vector<AgendaItem> items;
  auto base = [&](AgendaItem::Kind kind) {
    AgendaItem item;
    item.kind = kind;
    item.event = event.id;
    item.event_slug = event.slug;
    item.time_zone = event.time_zone;
    item.event_title = event.title;
    return item;
  };
  if (person) {
    for (const auto& session : event.sessions) {
      bool mine = false;
      for (const auto& list : {&session.speakers, &session.moderators}) {
        for (const auto& someone : *list) mine = mine || someone.id == *person;
      }
      if (!mine) continue;
      AgendaItem item = base(AgendaItem::Kind::kSession);
      item.starts = session.starts;
      item.ends = session.ends;
      item.title = session.title;
      item.room = session.room;
      item.uid = session.id.value();
      items.push_back(std::move(item));
    }
  }
  std::map<long long, const MeetingSlot*> slots;
  std::map<long long, std::string> rooms;
  for (const auto& slot : board.slots) slots[slot.id.value()] = &slot;
  for (const auto& room : board.rooms) rooms[room.id.value()] = room.name;
  for (const auto& request : board.requests) {
    if (!request.slot) continue;
    bool as_requester = (delegation && request.requester_delegation == delegation) ||
                        (person && request.requester_person && request.requester_person->id == *person);
    bool as_host = person && request.host_person && request.host_person->id == *person;
    if (!as_requester && !as_host) continue;
    AgendaItem item = base(AgendaItem::Kind::kMeeting);
    const MeetingSlot* slot = slots[request.slot->value()];
    if (!slot) continue;
    item.starts = slot->starts;
    item.ends = slot->ends;
    item.room = request.room ? rooms[request.room->value()] : "";
    item.uid = request.id.value();
    if (as_requester) {
      if (request.host_person) item.with = request.host_person->name;
      if (request.host_organization) item.with_name = request.host_organization->name;
    } else if (request.requester_person) {
      item.with = request.requester_person->name;
    } else {
      // A delegation: by its organization's name.
      for (const auto& delegation : event.delegations) {
        if (request.requester_delegation && delegation.id == *request.requester_delegation) {
          item.with_name = delegation.organization.name;
        }
      }
      if (item.with_name.empty()) item.with = request.requester_label;
    }
    items.push_back(std::move(item));
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const AgendaItem& a, const AgendaItem& b) { return a.starts.ToString() < b.starts.ToString(); });
  return items;
}

}  // namespace

Result<std::vector<AgendaItem>> EventService::Agenda(const auth::Actor& actor, EventId id,
                                                     std::optional<DelegationId> delegation) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<std::vector<AgendaItem>> {
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    std::optional<PersonId> person;
    if (delegation) {
      auto found = std::find_if(event->delegations.begin(), event->delegations.end(),
                                [&](const Delegation& item) { return item.id == *delegation; });
      if (found == event->delegations.end()) return Fail(Error::NotFound());
      // The delegation's agenda is for its organization's people and the event's organizers.
      bool allowed = MayManage(actor, *event) || actor.IsPlatformAdmin();
      for (OrganizationId organization : actor.OrganizationsInScope()) {
        allowed = allowed || organization == found->organization.id;
      }
      if (!allowed) return Fail(Error::NotFound());
    } else {
      person = store_.PersonOfUser(sql, actor.user());
      if (!person) return std::vector<AgendaItem>();
    }
    return AgendaOf(*event, store_.LoadMeetings(sql, id), delegation, person);
  });
}

Result<std::string> EventService::NewFeedToken(const auth::Actor& actor) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  std::string token = hex;
  auto saved = database_.Write([&](soci::session& sql) -> Status {
    store_.SetFeedToken(sql, actor.user(), Sha256Hex(token));
    Audit(sql, actor, "event.feed_token.create", "user", actor.user().value(), std::nullopt);
    return {};
  });
  if (!saved) return Fail(saved.error());
  return token;
}

Result<std::vector<AgendaItem>> EventService::Feed(const std::string& token) {
  if (token.size() != 64) return Fail(Error::NotFound());
  return database_.Read([&](soci::session& sql) -> Result<std::vector<AgendaItem>> {
    auto user = store_.UserOfFeedToken(sql, Sha256Hex(token));
    if (!user) return Fail(Error::NotFound());
    auto person = store_.PersonOfUser(sql, *user);
    std::vector<AgendaItem> items;
    if (!person) return items;
    for (EventId id : store_.EventsOfPerson(sql, *person)) {
      auto event = store_.Load(sql, id);
      if (!event) continue;
      auto more = AgendaOf(*event, store_.LoadMeetings(sql, event->id), std::nullopt, person);
      items.insert(items.end(), more.begin(), more.end());
    }
    return items;
  });
}

EventInput InputFrom(const Event& event) {
  EventInput input;
  input.slug = event.slug;
  input.kind = kEventKinds.Key(event.kind);
  input.visibility = auth::VisibilityKey(event.visibility);
  input.country = event.country;
  input.time_zone = event.time_zone;
  input.starts = event.starts.ToString();
  input.ends = event.ends.ToString();
  input.capacity = event.capacity ? std::to_string(*event.capacity) : "";
  input.registration = kRegistrations.Key(event.registration);
  input.title = event.title;
  input.description = event.description;
  input.city = event.city;
  input.venue = event.venue;
  input.programme = event.programme;
  input.dates_note = event.dates_note;
  input.series = event.series ? event.series->slug : "";
  for (const auto& organizer : event.organizers) input.organizers.push_back(organizer.slug);
  input.objectives = event.objectives;
  return input;
}

}  // namespace entente::events
