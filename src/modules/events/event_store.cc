// EventStore: events, their series and sessions, lists, the events of a person or an objective,
// calendar feed tokens. Loading one event is in event_store_load.cc; delegations and participants
// in participant_store.cc; invitations and awards in invitation_store.cc; meetings in
// meeting_store.cc.

#include "modules/events/event_store.h"

#include <map>

#include "core/auth/visibility.h"
#include "core/base/time.h"
#include "modules/events/event_store_rows.h"

namespace entente::events {

using namespace store_rows;  // NOLINT(google-build-using-namespace): the store's own helpers

namespace {

const auth::VisibilityColumns kVisibility{
    .visibility = "e.visibility",
    .owner_organization = "e.owner_organization_id",
    .parties = {},
    .named_users = {},
};

void WriteEvent(soci::session& sql, long long id, const EventRecord& record) {
  kEventTexts.Replace(sql, id, "title", record.title);
  kEventTexts.Replace(sql, id, "description", record.description);
  kEventTexts.Replace(sql, id, "city", record.city);
  kEventTexts.Replace(sql, id, "venue", record.venue);
  kEventTexts.Replace(sql, id, "programme", record.programme);
  kEventTexts.Replace(sql, id, "dates_note", record.dates_note);
  sql << "DELETE FROM event_organizers WHERE event_id = :id", soci::use(id);
  int sequence = 0;
  for (OrganizationId organization : record.organizers) {
    long long organization_id = organization.value();
    ++sequence;
    sql << "INSERT INTO event_organizers (event_id, organization_id, sequence) VALUES (:e, :o, :s)", soci::use(id),
        soci::use(organization_id), soci::use(sequence);
  }
  sql << "DELETE FROM event_objectives WHERE event_id = :id", soci::use(id);
  for (agreements::ObjectiveId objective_id : record.objectives) {
    long long objective = objective_id.value();
    sql << "INSERT INTO event_objectives (event_id, objective_id) VALUES (:e, :o)", soci::use(id), soci::use(objective);
  }
}

// The bound columns of an event row, shared by insert and update.
struct Bound {
  explicit Bound(const EventRecord& record)
      : kind(kEventKinds.Key(record.kind)),
        visibility(auth::VisibilityKey(record.visibility)),
        registration(kRegistrations.Key(record.registration)),
        starts_local(record.starts.ToString()),
        ends_local(record.ends.ToString()),
        starts_utc(UtcText(record.starts)),
        ends_utc(UtcText(record.ends)),
        first_day(DayText(record.starts)),
        last_day(DayText(record.ends)) {
    std::tie(series, series_i) = Nullable(record.series);
    if (!record.organizers.empty()) std::tie(owner, owner_i) = Nullable(std::optional(record.organizers.front()));
    if (record.capacity) {
      capacity = *record.capacity;
      capacity_i = soci::i_ok;
    }
  }
  std::string kind, visibility, registration, starts_local, ends_local, starts_utc, ends_utc, first_day, last_day;
  long long series = 0, owner = 0;
  int capacity = 0;
  soci::indicator series_i = soci::i_null, owner_i = soci::i_null, capacity_i = soci::i_null;
};

// The conditions of a list: what `actor` may see, and the filter.
void AppendConditions(db::Query& query, const auth::Actor& actor, const EventFilter& filter) {
  query.Append(" AND ");
  auth::AppendVisibleTo(query, actor, kVisibility);
  if (filter.when == When::kUpcoming) {
    query.Append(" AND e.last_day <> '' AND e.last_day >= ").Bind(filter.today);
  } else if (filter.when == When::kPast) {
    query.Append(" AND e.last_day <> '' AND e.last_day < ").Bind(filter.today);
  }
  if (!filter.kind.empty()) query.Append(" AND e.kind = ").Bind(filter.kind);
  if (!filter.country.empty()) query.Append(" AND e.country = ").Bind(filter.country);
  if (!filter.organizer.empty()) {
    query.Append(
        " AND EXISTS (SELECT 1 FROM event_organizers fo JOIN directory_organizations o ON o.id = fo.organization_id "
        "WHERE fo.event_id = e.id AND o.slug = ");
    query.Bind(filter.organizer).Append(")");
  }
  if (!filter.series.empty()) {
    query.Append(" AND EXISTS (SELECT 1 FROM event_series fs WHERE fs.id = e.series_id AND fs.slug = ");
    query.Bind(filter.series).Append(")");
  }
}

}  // namespace

std::optional<EventId> EventStore::FindIdBySlug(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM events WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return EventId(id);
}

std::optional<PersonId> EventStore::PersonOfUser(soci::session& sql, UserId user) const {
  long long id = user.value(), person = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT person_id FROM accounts_users WHERE id = :id", soci::use(id), soci::into(person, indicator);
  if (!sql.got_data() || indicator != soci::i_ok) return std::nullopt;
  return PersonId(person);
}

std::optional<SeriesId> EventStore::FindSeries(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM event_series WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return SeriesId(id);
}

SeriesId EventStore::InsertSeries(soci::session& sql, const std::string& slug, const i18n::LocalizedText& title,
                                  const i18n::LocalizedText& description, const i18n::LocalizedText& recurrence) const {
  long long id = 0;
  std::string now = NowUtc();
  sql << "INSERT INTO event_series (slug, created_at_utc) VALUES (:slug, :now) RETURNING id", soci::use(slug),
      soci::use(now), soci::into(id);
  kSeriesTexts.Replace(sql, id, "title", title);
  kSeriesTexts.Replace(sql, id, "description", description);
  kSeriesTexts.Replace(sql, id, "recurrence", recurrence);
  return SeriesId(id);
}

std::vector<Series> EventStore::ListSeries(soci::session& sql) const {
  std::vector<Series> series;
  db::Query query("SELECT id, slug FROM event_series ORDER BY slug");
  long long id = 0;
  std::string slug;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(id));
    s.exchange(soci::into(slug));
  });
  statement.execute(false);
  std::vector<long long> ids;
  while (statement.fetch()) {
    series.push_back({SeriesId(id), slug, {}, {}, {}});
    ids.push_back(id);
  }
  auto texts = kSeriesTexts.Load(sql, ids);
  for (auto& item : series) {
    item.title = db::TextOf(texts, item.id.value(), "title");
    item.description = db::TextOf(texts, item.id.value(), "description");
    item.recurrence = db::TextOf(texts, item.id.value(), "recurrence");
  }
  return series;
}

EventId EventStore::Insert(soci::session& sql, const auth::Permit<OrganizationId>& organizer,
                           const EventRecord& record) const {
  (void)organizer;  // the record names the organizers; the permit proves the actor acts for one
  Bound bound(record);
  long long id = 0;
  std::string now = NowUtc();
  sql << "INSERT INTO events (slug, kind, visibility, owner_organization_id, series_id, country, time_zone, "
         "starts_local, ends_local, starts_at_utc, ends_at_utc, first_day, last_day, capacity, registration, "
         "created_at_utc, updated_at_utc) VALUES (:slug, :kind, :visibility, :owner, :series, :country, :zone, "
         ":starts_local, :ends_local, :starts_utc, :ends_utc, :first_day, :last_day, :capacity, :registration, :now, "
         ":now2) RETURNING id",
      soci::use(record.slug), soci::use(bound.kind), soci::use(bound.visibility), soci::use(bound.owner, bound.owner_i),
      soci::use(bound.series, bound.series_i), soci::use(record.country), soci::use(record.time_zone),
      soci::use(bound.starts_local), soci::use(bound.ends_local), soci::use(bound.starts_utc),
      soci::use(bound.ends_utc), soci::use(bound.first_day), soci::use(bound.last_day),
      soci::use(bound.capacity, bound.capacity_i), soci::use(bound.registration), soci::use(now), soci::use(now),
      soci::into(id);
  WriteEvent(sql, id, record);
  return EventId(id);
}

void EventStore::Update(soci::session& sql, const auth::Permit<EventId>& permit, const EventRecord& record) const {
  EventId event = permit.id();
  Bound bound(record);
  long long id = event.value();
  std::string now = NowUtc();
  sql << "UPDATE events SET slug = :slug, kind = :kind, visibility = :visibility, owner_organization_id = :owner, "
         "series_id = :series, country = :country, time_zone = :zone, starts_local = :starts_local, "
         "ends_local = :ends_local, starts_at_utc = :starts_utc, ends_at_utc = :ends_utc, first_day = :first_day, "
         "last_day = :last_day, capacity = :capacity, registration = :registration, updated_at_utc = :now "
         "WHERE id = :id",
      soci::use(record.slug), soci::use(bound.kind), soci::use(bound.visibility), soci::use(bound.owner, bound.owner_i),
      soci::use(bound.series, bound.series_i), soci::use(record.country), soci::use(record.time_zone),
      soci::use(bound.starts_local), soci::use(bound.ends_local), soci::use(bound.starts_utc),
      soci::use(bound.ends_utc), soci::use(bound.first_day), soci::use(bound.last_day),
      soci::use(bound.capacity, bound.capacity_i), soci::use(bound.registration), soci::use(now), soci::use(id);
  WriteEvent(sql, id, record);
}

SessionId EventStore::InsertSession(soci::session& sql, const auth::Permit<EventId>& permit,
                                    const SessionRecord& record) const {
  EventId event = permit.id();
  long long event_id = event.value(), id = 0;
  std::string kind(kSessionKinds.Key(record.kind)), starts = record.starts.ToString(), ends = record.ends.ToString(),
                                                    starts_utc = UtcText(record.starts),
                                                    ends_utc = UtcText(record.ends), day = DayText(record.starts);
  int sequence = 0;
  sql << "SELECT COUNT(*) FROM event_sessions WHERE event_id = :id", soci::use(event_id), soci::into(sequence);
  ++sequence;
  sql << "INSERT INTO event_sessions (event_id, kind, starts_local, ends_local, starts_at_utc, ends_at_utc, day, room, "
         "sequence) VALUES (:event, :kind, :starts, :ends, :starts_utc, :ends_utc, :day, :room, :sequence) RETURNING "
         "id",
      soci::use(event_id), soci::use(kind), soci::use(starts), soci::use(ends), soci::use(starts_utc),
      soci::use(ends_utc), soci::use(day), soci::use(record.room), soci::use(sequence), soci::into(id);
  kSessionTexts.Replace(sql, id, "title", record.title);
  kSessionTexts.Replace(sql, id, "description", record.description);
  for (auto [people, role] : {std::pair{&record.speakers, "speaker"}, std::pair{&record.moderators, "moderator"}}) {
    for (PersonId person : *people) {
      long long person_id = person.value();
      std::string role_key = role;
      sql << "INSERT INTO event_session_people (session_id, person_id, role) VALUES (:s, :p, :r)", soci::use(id),
          soci::use(person_id), soci::use(role_key);
    }
  }
  for (OrganizationId organization : record.organizations_met) {
    long long organization_id = organization.value();
    sql << "INSERT INTO event_session_organizations (session_id, organization_id) VALUES (:s, :o)", soci::use(id),
        soci::use(organization_id);
  }
  std::string now = NowUtc();
  sql << "UPDATE events SET updated_at_utc = :now WHERE id = :id", soci::use(now), soci::use(event_id);
  return SessionId(id);
}

void EventStore::DeleteSession(soci::session& sql, const auth::Permit<EventId>& permit, SessionId session) const {
  EventId event = permit.id();
  long long event_id = event.value(), session_id = session.value();
  sql << "DELETE FROM event_sessions WHERE id = :s AND event_id = :e", soci::use(session_id), soci::use(event_id);
}

Page<EventSummary> EventStore::List(soci::session& sql, const auth::Actor& actor, const EventFilter& filter,
                                    const PageRequest& page) const {
  auto conditions = [&](db::Query& query) { AppendConditions(query, actor, filter); };
  Page<EventSummary> result;
  result.page = page.page;
  result.per_page = page.per_page;
  db::Query count("SELECT COUNT(*) FROM events e WHERE 1 = 1");
  conditions(count);
  result.total = count.Scalar<long long>(sql, 0);
  db::Query query(
      "SELECT e.id, e.slug, e.kind, e.visibility, e.time_zone, e.country, e.starts_local, e.ends_local, "
      "e.starts_at_utc, e.ends_at_utc, e.series_id FROM events e WHERE 1 = 1");
  conditions(query);
  if (filter.when == When::kUpcoming) {
    query.Append(" ORDER BY e.first_day, e.id");
  } else {
    query.Append(" ORDER BY CASE WHEN e.first_day = '' THEN 1 ELSE 0 END, e.first_day DESC, e.id DESC");
  }
  query.Append(" LIMIT ").Bind(static_cast<long long>(page.per_page)).Append(" OFFSET ").Bind(page.offset());
  long long id = 0, series = 0;
  soci::indicator series_i = soci::i_null;
  std::string slug, kind, visibility, zone, country, s_local, e_local, s_utc, e_utc;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(id));
    s.exchange(soci::into(slug));
    s.exchange(soci::into(kind));
    s.exchange(soci::into(visibility));
    s.exchange(soci::into(zone));
    s.exchange(soci::into(country));
    s.exchange(soci::into(s_local));
    s.exchange(soci::into(e_local));
    s.exchange(soci::into(s_utc));
    s.exchange(soci::into(e_utc));
    s.exchange(soci::into(series, series_i));
  });
  statement.execute(false);
  std::vector<long long> ids;
  std::map<long long, long long> series_of;
  while (statement.fetch()) {
    EventSummary item;
    item.id = EventId(id);
    item.slug = slug;
    item.kind = kEventKinds.Parse(kind).value_or(EventKind::kOther);
    item.visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kPublic);
    item.time_zone = zone;
    item.country = country;
    item.starts = Stored(s_local, s_utc);
    item.ends = Stored(e_local, e_utc);
    if (series_i == soci::i_ok) series_of[id] = series;
    result.items.push_back(std::move(item));
    ids.push_back(id);
  }
  auto texts = kEventTexts.Load(sql, ids);
  std::vector<Series> all_series = series_of.empty() ? std::vector<Series>() : ListSeries(sql);
  for (auto& item : result.items) {
    item.title = db::TextOf(texts, item.id.value(), "title");
    item.city = db::TextOf(texts, item.id.value(), "city");
    if (auto it = series_of.find(item.id.value()); it != series_of.end()) {
      for (const auto& candidate : all_series) {
        if (candidate.id.value() == it->second) item.series = candidate;
      }
    }
  }
  return result;
}

std::vector<std::pair<agreements::ObjectiveId, EventSummary>> EventStore::EventsServingObjectives(
    soci::session& sql, const std::vector<agreements::ObjectiveId>& objectives) const {
  std::vector<std::pair<agreements::ObjectiveId, EventSummary>> result;
  if (objectives.empty()) return result;
  db::Query query(
      "SELECT eo.objective_id, e.id, e.slug, e.kind, e.starts_local, e.ends_local FROM event_objectives eo JOIN "
      "events e ON e.id = eo.event_id WHERE eo.objective_id IN (");
  std::vector<long long> objective_ids;
  for (auto objective : objectives) objective_ids.push_back(objective.value());
  query.BindList(objective_ids).Append(") ORDER BY e.first_day, e.id");
  long long objective = 0, id = 0;
  std::string slug, kind, starts, ends;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(objective));
    s.exchange(soci::into(id));
    s.exchange(soci::into(slug));
    s.exchange(soci::into(kind));
    s.exchange(soci::into(starts));
    s.exchange(soci::into(ends));
  });
  statement.execute(false);
  std::vector<long long> ids;
  while (statement.fetch()) {
    EventSummary item;
    item.id = EventId(id);
    item.slug = slug;
    item.kind = kEventKinds.Parse(kind).value_or(EventKind::kOther);
    item.starts = Stored(starts, "");
    item.ends = Stored(ends, "");
    result.push_back({agreements::ObjectiveId(objective), std::move(item)});
    ids.push_back(id);
  }
  auto texts = kEventTexts.Load(sql, ids);
  for (auto& [objective_id, item] : result) {
    item.title = db::TextOf(texts, item.id.value(), "title");
    item.city = db::TextOf(texts, item.id.value(), "city");
  }
  return result;
}

std::vector<EventId> EventStore::EventsOfPerson(soci::session& sql, PersonId person) const {
  db::Query query(
      "SELECT DISTINCT e.id FROM events e WHERE e.visibility IN ('public', 'members') AND (EXISTS (SELECT 1 FROM "
      "event_participants p WHERE p.event_id = e.id AND p.person_id = ");
  query.Bind(person.value());
  query.Append(
      ") OR EXISTS (SELECT 1 FROM event_sessions s JOIN event_session_people sp ON sp.session_id = s.id "
      "WHERE s.event_id = e.id AND sp.person_id = ");
  query.Bind(person.value());
  query.Append(") OR EXISTS (SELECT 1 FROM event_meeting_requests r WHERE r.event_id = e.id AND (r.host_person_id = ");
  query.Bind(person.value()).Append(" OR r.requester_person_id = ").Bind(person.value()).Append(")))");
  std::vector<EventId> events;
  for (long long id : query.Column<long long>(sql)) events.push_back(EventId(id));
  return events;
}

void EventStore::SetFeedToken(soci::session& sql, UserId user, const std::string& token_sha256_hex) const {
  long long user_id = user.value();
  std::string now = NowUtc();
  sql << "DELETE FROM event_feed_tokens WHERE user_id = :u", soci::use(user_id);
  sql << "INSERT INTO event_feed_tokens (user_id, token_sha256_hex, created_at_utc) VALUES (:u, :t, :now)",
      soci::use(user_id), soci::use(token_sha256_hex), soci::use(now);
}

std::optional<UserId> EventStore::UserOfFeedToken(soci::session& sql, const std::string& token_sha256_hex) const {
  long long user_id = 0;
  sql << "SELECT user_id FROM event_feed_tokens WHERE token_sha256_hex = :t", soci::use(token_sha256_hex),
      soci::into(user_id);
  if (!sql.got_data()) return std::nullopt;
  return UserId(user_id);
}

}  // namespace entente::events
