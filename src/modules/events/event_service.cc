// EventService: reading events, creating and changing them, their programme and series, and
// the links other modules read (objectives served, occasions of agreements). Delegations and
// participants: participant_service.cc; invitations: invitation_service.cc; meetings:
// meeting_service.cc; agendas and feeds: agenda_service.cc.

#include "modules/events/event_service.h"

#include <algorithm>
#include <map>
#include <set>
#include "core/auth/visibility.h"
#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "core/i18n/time_zones.h"
#include "modules/agreements/agreement_links.h"
#include "modules/directory/lookup.h"
#include "modules/events/event_service_rules.h"
#include "modules/events/rules.h"

namespace entente::events {

using namespace service_rules;  // NOLINT(google-build-using-namespace): the service's own rules

namespace {

// The zone, the start and the end (a zone is needed for hours), the capacity.
void ResolveTimes(const EventInput& input, EventRecord& record, std::vector<FieldError>& errors) {
  // An event known only by its days (or not at all) may lack a zone.
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
}

void ResolveOrganizers(soci::session& sql, const auth::Actor& actor, const EventInput& input, EventRecord& record,
                       std::vector<FieldError>& errors) {
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
}

// A new link to an objective needs rights on both ends: the event's (the caller's check) and the
// agreement's — it must be visible to the actor, who coordinates one of its parties; any other
// objective is answered as one that does not exist. Those in `served` are kept whoever linked them.
void ResolveObjectives(soci::session& sql, const auth::Actor& actor, const EventInput& input,
                       const std::vector<agreements::ObjectiveId>& served, EventRecord& record,
                       std::vector<FieldError>& errors) {
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
}

// Checks and resolves an event's input (`self`: the event being changed, whose slug it may keep;
// `served`: the objectives it already serves).
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
  ResolveTimes(input, record, errors);
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
  ResolveOrganizers(sql, actor, input, record, errors);
  ResolveObjectives(sql, actor, input, served, record, errors);
  if (!errors.empty()) return Fail(Invalid(std::move(errors)));
  return record;
}

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
