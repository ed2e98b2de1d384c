#include "modules/events/event_store.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/auth/visibility.h"
#include "core/base/time.h"
#include "core/db/query.h"
#include "core/db/text_table.h"
#include "modules/directory/organization_store.h"

namespace entente::events {
namespace {

constexpr db::TextTable kEventTexts("event_texts");
constexpr db::TextTable kSeriesTexts("event_series_texts");
constexpr db::TextTable kSessionTexts("event_session_texts");
constexpr db::TextTable kAwardTexts("event_award_texts");
constexpr db::TextTable kOrganizationTexts("organization_texts");

const auth::VisibilityColumns kVisibility{
    .visibility = "e.visibility",
    .owner_organization = "e.owner_organization_id",
    .parties = {},
    .named_users = {},
};

i18n::LocalizedText Field(const std::map<long long, db::TextTable::Texts>& texts, long long owner,
                          std::string_view field) {
  auto it = texts.find(owner);
  if (it == texts.end()) return {};
  auto found = it->second.find(field);
  return found == it->second.end() ? i18n::LocalizedText() : found->second;
}

std::string UtcText(const WallTime& time) { return time.utc ? UtcTimestamp(*time.utc) : std::string(); }

// The stored local form and UTC instant back into a WallTime (both were checked on the way in).
WallTime Stored(const std::string& local, const std::string& utc) {
  WallTime time;
  if (local.size() < 10) return time;
  int year = std::stoi(local.substr(0, 4)), month = std::stoi(local.substr(5, 2)), day = std::stoi(local.substr(8, 2));
  time.day = std::chrono::year_month_day{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (local.size() >= 16) {
    time.time_of_day =
        std::chrono::hours(std::stoi(local.substr(11, 2))) + std::chrono::minutes(std::stoi(local.substr(14, 2)));
  }
  if (utc.size() >= 19) {
    std::chrono::year_month_day utc_day{std::chrono::year(std::stoi(utc.substr(0, 4))),
                                        std::chrono::month(std::stoi(utc.substr(5, 2))),
                                        std::chrono::day(std::stoi(utc.substr(8, 2)))};
    time.utc = std::chrono::sys_seconds(std::chrono::sys_days(utc_day)) +
               std::chrono::hours(std::stoi(utc.substr(11, 2))) + std::chrono::minutes(std::stoi(utc.substr(14, 2))) +
               std::chrono::seconds(std::stoi(utc.substr(17, 2)));
  }
  return time;
}

std::string DayText(const WallTime& time) { return time.day ? WallTime{time.day, {}, {}}.ToString() : std::string(); }

template <typename IdType>
std::pair<long long, soci::indicator> Nullable(const std::optional<IdType>& id) {
  return id ? std::pair{static_cast<long long>(id->value()), soci::i_ok} : std::pair{0LL, soci::i_null};
}

std::map<long long, i18n::LocalizedText> OrganizationNames(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, i18n::LocalizedText> names;
  for (auto& [id, texts] : kOrganizationTexts.Load(sql, ids)) {
    auto found = texts.find("name");
    if (found != texts.end()) names[id] = found->second;
  }
  return names;
}

// Rows of (owner, organization id, slug) completed with the organizations' names.
struct OrganizationRows {
  std::vector<std::pair<long long, NamedOrganization>> rows;
  void Fill(soci::session& sql) {
    std::vector<long long> ids;
    for (auto& [owner, organization] : rows) ids.push_back(organization.id.value());
    auto names = OrganizationNames(sql, ids);
    for (auto& [owner, organization] : rows) organization.name = names[organization.id.value()];
  }
};

OrganizationRows LoadOrganizations(soci::session& sql, const char* sql_text, long long key) {
  OrganizationRows result;
  // sql-fragment: `sql_text` is one of this file's literal statements, passed by its callers.
  db::Query query(sql_text);
  query.Bind(key);
  long long owner = 0, id = 0;
  std::string slug;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(owner));
    s.exchange(soci::into(id));
    s.exchange(soci::into(slug));
  });
  statement.execute(false);
  while (statement.fetch()) result.rows.push_back({owner, NamedOrganization{OrganizationId(id), slug, {}}});
  result.Fill(sql);
  return result;
}

std::optional<NamedPerson> Person(long long id, soci::indicator indicator, const std::string& slug,
                                  const std::string& name) {
  if (indicator != soci::i_ok) return std::nullopt;
  return NamedPerson{PersonId(id), slug, name};
}

std::optional<NamedOrganization> Organization(long long id, soci::indicator indicator, const std::string& slug,
                                              std::map<long long, i18n::LocalizedText>& names) {
  if (indicator != soci::i_ok) return std::nullopt;
  return NamedOrganization{OrganizationId(id), slug, names[id]};
}

constexpr const char* kInvitationSelect =
    "SELECT i.id, i.event_id, i.from_organization_id, COALESCE(fo.slug, ''), i.from_person_id, COALESCE(fp.slug, ''), "
    "COALESCE(fp.display_name, ''), i.to_organization_id, COALESCE(tor.slug, ''), i.to_person_id, "
    "COALESCE(tp.slug, ''), COALESCE(tp.display_name, ''), i.invited_count, i.language, i.status, i.sent_on, "
    "i.delegation_id, i.responded_at_utc FROM event_invitations i "
    "LEFT JOIN organizations fo ON fo.id = i.from_organization_id LEFT JOIN people fp ON fp.id = i.from_person_id "
    "LEFT JOIN organizations tor ON tor.id = i.to_organization_id LEFT JOIN people tp ON tp.id = i.to_person_id ";

std::vector<Invitation> LoadInvitations(soci::session& sql, const db::Query& query) {
  std::vector<Invitation> invitations;
  long long id = 0, event = 0, from_org = 0, from_person = 0, to_org = 0, to_person = 0, delegation = 0;
  int count = 0;
  soci::indicator from_org_i, from_person_i, to_org_i, to_person_i, count_i, delegation_i;
  std::string from_org_slug, from_person_slug, from_person_name, to_org_slug, to_person_slug, to_person_name, language,
      status, sent_on, responded;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(id));
    s.exchange(soci::into(event));
    s.exchange(soci::into(from_org, from_org_i));
    s.exchange(soci::into(from_org_slug));
    s.exchange(soci::into(from_person, from_person_i));
    s.exchange(soci::into(from_person_slug));
    s.exchange(soci::into(from_person_name));
    s.exchange(soci::into(to_org, to_org_i));
    s.exchange(soci::into(to_org_slug));
    s.exchange(soci::into(to_person, to_person_i));
    s.exchange(soci::into(to_person_slug));
    s.exchange(soci::into(to_person_name));
    s.exchange(soci::into(count, count_i));
    s.exchange(soci::into(language));
    s.exchange(soci::into(status));
    s.exchange(soci::into(sent_on));
    s.exchange(soci::into(delegation, delegation_i));
    s.exchange(soci::into(responded));
  });
  statement.execute(false);
  std::vector<long long> organizations;
  struct Raw {
    long long from_org, to_org;
    soci::indicator from_org_i, to_org_i;
    std::string from_org_slug, to_org_slug;
  };
  std::vector<Raw> raws;
  while (statement.fetch()) {
    Invitation invitation;
    invitation.id = InvitationId(id);
    invitation.event = EventId(event);
    invitation.from_person = Person(from_person, from_person_i, from_person_slug, from_person_name);
    invitation.to_person = Person(to_person, to_person_i, to_person_slug, to_person_name);
    if (count_i == soci::i_ok) invitation.invited_count = count;
    invitation.language = language;
    invitation.status = kInvitationStatuses.Parse(status).value_or(InvitationStatus::kPending);
    invitation.sent_on = PartialDate::Parse(sent_on).value_or(PartialDate());
    if (delegation_i == soci::i_ok) invitation.delegation = DelegationId(delegation);
    invitation.responded_at_utc = responded;
    invitations.push_back(std::move(invitation));
    raws.push_back({from_org, to_org, from_org_i, to_org_i, from_org_slug, to_org_slug});
    if (from_org_i == soci::i_ok) organizations.push_back(from_org);
    if (to_org_i == soci::i_ok) organizations.push_back(to_org);
  }
  auto names = OrganizationNames(sql, organizations);
  for (size_t i = 0; i < invitations.size(); ++i) {
    invitations[i].from_organization = Organization(raws[i].from_org, raws[i].from_org_i, raws[i].from_org_slug, names);
    invitations[i].to_organization = Organization(raws[i].to_org, raws[i].to_org_i, raws[i].to_org_slug, names);
  }
  return invitations;
}

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
  for (long long objective : record.objectives) {
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

}  // namespace

std::optional<EventId> EventStore::FindIdBySlug(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM events WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return EventId(id);
}

std::optional<PersonId> EventStore::FindPerson(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM people WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return PersonId(id);
}

std::optional<OrganizationId> EventStore::FindOrganization(soci::session& sql, const auth::Actor& viewer,
                                                           const std::string& slug) const {
  // The directory's lookup and visibility rule (an organization is its own owner).
  auto organization = directory::OrganizationStore().FindBySlug(sql, slug);
  if (!organization || !directory::MayView(viewer, *organization)) return std::nullopt;
  return organization->id;
}

bool EventStore::JurisdictionExists(soci::session& sql, const std::string& code) const {
  long long id = 0;
  sql << "SELECT id FROM jurisdictions WHERE code = :code", soci::use(code), soci::into(id);
  return sql.got_data();
}

std::vector<std::pair<long long, auth::Owners>> EventStore::ObjectiveOwners(soci::session& sql,
                                                                            const std::vector<long long>& ids) const {
  std::vector<std::pair<long long, auth::Owners>> found;
  if (ids.empty()) return found;
  db::Query query(
      "SELECT o.id, a.visibility, p.organization_id FROM agreement_objectives o "
      "JOIN agreements a ON a.id = o.agreement_id LEFT JOIN agreement_parties p ON p.agreement_id = a.id "
      "WHERE o.id IN (");
  query.BindList(ids).Append(") ORDER BY o.id");
  query.ForEachRow(sql, [&](const db::Row& row) {
    long long objective = row.Integer(0);
    if (found.empty() || found.back().first != objective) {
      auth::Owners owners;
      owners.visibility = auth::ParseVisibility(row.Text(1)).value_or(auth::Visibility::kParties);
      found.emplace_back(objective, std::move(owners));
    }
    if (!row.IsNull(2)) found.back().second.organizations.push_back(OrganizationId(row.Integer(2)));
  });
  return found;
}

std::optional<long long> EventStore::FindObjective(soci::session& sql, const std::string& agreement_slug,
                                                   int sequence) const {
  long long id = 0;
  sql << "SELECT o.id FROM agreement_objectives o JOIN agreements a ON a.id = o.agreement_id WHERE a.slug = :slug AND "
         "o.sequence = :sequence",
      soci::use(agreement_slug), soci::use(sequence), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

std::optional<PersonId> EventStore::PersonOfUser(soci::session& sql, UserId user) const {
  long long id = user.value(), person = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT person_id FROM users WHERE id = :id", soci::use(id), soci::into(person, indicator);
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
    item.title = Field(texts, item.id.value(), "title");
    item.description = Field(texts, item.id.value(), "description");
    item.recurrence = Field(texts, item.id.value(), "recurrence");
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

DelegationId EventStore::InsertDelegation(soci::session& sql, const auth::Permit<InvitationId>& invitation,
                                          EventId event, OrganizationId organization, std::optional<int> size) const {
  (void)invitation;  // the permit of the invitation being accepted, in the same transaction
  return InsertDelegationRow(sql, event, organization, std::nullopt, size, {});
}

DelegationId EventStore::InsertDelegation(soci::session& sql, const auth::Permit<EventId>& permit,
                                          OrganizationId organization, std::optional<PersonId> head,
                                          std::optional<int> size, const std::vector<PersonId>& members) const {
  return InsertDelegationRow(sql, permit.id(), organization, head, size, members);
}

DelegationId EventStore::InsertDelegationRow(soci::session& sql, EventId event, OrganizationId organization,
                                             std::optional<PersonId> head, std::optional<int> size,
                                             const std::vector<PersonId>& members) const {
  long long event_id = event.value(), organization_id = organization.value(), id = 0;
  auto [head_id, head_i] = Nullable(head);
  int size_value = size.value_or(0);
  soci::indicator size_i = size ? soci::i_ok : soci::i_null;
  std::string now = NowUtc();
  sql << "INSERT INTO event_delegations (event_id, organization_id, head_person_id, size, created_at_utc) "
         "VALUES (:e, :o, :h, :s, :now) RETURNING id",
      soci::use(event_id), soci::use(organization_id), soci::use(head_id, head_i), soci::use(size_value, size_i),
      soci::use(now), soci::into(id);
  for (PersonId member : members) {
    long long person = member.value();
    sql << "INSERT INTO event_delegation_members (delegation_id, person_id) VALUES (:d, :p)", soci::use(id),
        soci::use(person);
  }
  return DelegationId(id);
}

void EventStore::SetDelegationSize(soci::session& sql, DelegationId delegation, std::optional<int> size) const {
  long long id = delegation.value();
  int size_value = size.value_or(0);
  soci::indicator size_i = size ? soci::i_ok : soci::i_null;
  sql << "UPDATE event_delegations SET size = :s WHERE id = :id", soci::use(size_value, size_i), soci::use(id);
}

ParticipantId EventStore::InsertParticipant(soci::session& sql, const auth::Permit<EventId>& event,
                                            std::optional<PersonId> person, ParticipantRole role,
                                            ParticipantStatus status, bool consent,
                                            std::optional<DelegationId> delegation) const {
  return InsertParticipantRow(sql, event.id(), person, UserId(), role, status, consent, delegation);
}

ParticipantId EventStore::InsertRegistration(soci::session& sql, EventId event, UserId user,
                                             std::optional<PersonId> person, ParticipantStatus status,
                                             bool consent) const {
  return InsertParticipantRow(sql, event, person, user, ParticipantRole::kGuest, status, consent, std::nullopt);
}

ParticipantId EventStore::InsertParticipantRow(soci::session& sql, EventId event, std::optional<PersonId> person,
                                               UserId user, ParticipantRole role, ParticipantStatus status,
                                               bool consent, std::optional<DelegationId> delegation) const {
  long long event_id = event.value(), id = 0;
  auto [person_id, person_i] = Nullable(person);
  auto [delegation_id, delegation_i] = Nullable(delegation);
  long long user_id = user.value();
  soci::indicator user_i = user.valid() ? soci::i_ok : soci::i_null;
  std::string role_key(kParticipantRoles.Key(role)), status_key(kParticipantStatuses.Key(status)), now = NowUtc();
  int consent_value = consent ? 1 : 0;
  sql << "INSERT INTO event_participants (event_id, person_id, user_id, role, status, consent_to_list, delegation_id, "
         "created_at_utc) VALUES (:e, :p, :u, :r, :s, :c, :d, :now) RETURNING id",
      soci::use(event_id), soci::use(person_id, person_i), soci::use(user_id, user_i), soci::use(role_key),
      soci::use(status_key), soci::use(consent_value), soci::use(delegation_id, delegation_i), soci::use(now),
      soci::into(id);
  return ParticipantId(id);
}

void EventStore::SetParticipantStatus(soci::session& sql, const auth::Permit<EventId>& event, ParticipantId participant,
                                      ParticipantStatus status) const {
  long long event_id = event.id().value(), id = participant.value();
  std::string key(kParticipantStatuses.Key(status));
  sql << "UPDATE event_participants SET status = :s WHERE id = :id AND event_id = :e", soci::use(key), soci::use(id),
      soci::use(event_id);
}

void EventStore::SetParticipantConsent(soci::session& sql, const auth::Permit<ParticipantId>& participant,
                                       bool consent) const {
  long long id = participant.id().value();
  int consent_value = consent ? 1 : 0;
  sql << "UPDATE event_participants SET consent_to_list = :c WHERE id = :id", soci::use(consent_value), soci::use(id);
}

void EventStore::DeleteParticipant(soci::session& sql, const auth::Permit<EventId>& permit,
                                   ParticipantId participant) const {
  EventId event = permit.id();
  long long event_id = event.value(), id = participant.value();
  sql << "DELETE FROM event_participants WHERE id = :id AND event_id = :e", soci::use(id), soci::use(event_id);
}

std::optional<ParticipantId> EventStore::FindParticipantByUser(soci::session& sql, EventId event, UserId user) const {
  long long event_id = event.value(), user_id = user.value(), id = 0;
  sql << "SELECT id FROM event_participants WHERE event_id = :e AND user_id = :u", soci::use(event_id),
      soci::use(user_id), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return ParticipantId(id);
}

InvitationId EventStore::InsertInvitation(soci::session& sql, const auth::Permit<EventId>& event,
                                          std::optional<OrganizationId> from_organization,
                                          std::optional<PersonId> from_person,
                                          std::optional<OrganizationId> to_organization,
                                          std::optional<PersonId> to_person, std::optional<int> invited_count,
                                          const std::string& language, const PartialDate& sent_on) const {
  long long event_id = event.id().value(), id = 0;
  auto [from_org, from_org_i] = Nullable(from_organization);
  auto [from_p, from_p_i] = Nullable(from_person);
  auto [to_org, to_org_i] = Nullable(to_organization);
  auto [to_p, to_p_i] = Nullable(to_person);
  int count = invited_count.value_or(0);
  soci::indicator count_i = invited_count ? soci::i_ok : soci::i_null;
  std::string sent = sent_on.ToString(), now = NowUtc();
  sql << "INSERT INTO event_invitations (event_id, from_organization_id, from_person_id, to_organization_id, "
         "to_person_id, invited_count, language, sent_on, created_at_utc) VALUES (:e, :fo, :fp, :to, :tp, :c, :l, "
         ":sent, :now) RETURNING id",
      soci::use(event_id), soci::use(from_org, from_org_i), soci::use(from_p, from_p_i), soci::use(to_org, to_org_i),
      soci::use(to_p, to_p_i), soci::use(count, count_i), soci::use(language), soci::use(sent), soci::use(now),
      soci::into(id);
  return InvitationId(id);
}

std::optional<Invitation> EventStore::LoadInvitation(soci::session& sql, InvitationId id) const {
  // sql-fragment: kInvitationSelect is this file's literal statement head.
  db::Query query(kInvitationSelect);
  query.Append("WHERE i.id = ").Bind(static_cast<long long>(id.value()));
  auto invitations = LoadInvitations(sql, query);
  if (invitations.empty()) return std::nullopt;
  return invitations.front();
}

void EventStore::RespondToInvitation(soci::session& sql, InvitationId id, InvitationStatus status,
                                     std::optional<DelegationId> delegation, UserId user) const {
  long long invitation = id.value(), user_id = user.value();
  soci::indicator user_i = user.valid() ? soci::i_ok : soci::i_null;
  auto [delegation_id, delegation_i] = Nullable(delegation);
  std::string key(kInvitationStatuses.Key(status)), now = NowUtc();
  sql << "UPDATE event_invitations SET status = :s, delegation_id = :d, responded_by = :u, responded_at_utc = :now "
         "WHERE id = :id",
      soci::use(key), soci::use(delegation_id, delegation_i), soci::use(user_id, user_i), soci::use(now),
      soci::use(invitation);
}

std::vector<Invitation> EventStore::InvitationsTo(soci::session& sql,
                                                  const std::vector<OrganizationId>& organizations) const {
  std::vector<long long> ids;
  for (OrganizationId organization : organizations) ids.push_back(organization.value());
  // sql-fragment: kInvitationSelect is this file's literal statement head.
  db::Query query(kInvitationSelect);
  query.Append("WHERE i.to_organization_id IN (").BindList(ids).Append(") ORDER BY i.id DESC");
  return LoadInvitations(sql, query);
}

AwardId EventStore::InsertAward(soci::session& sql, const std::optional<auth::Permit<EventId>>& event,
                                const std::optional<auth::Permit<OrganizationId>>& platform,
                                std::optional<PersonId> presented_by, std::optional<PersonId> recipient,
                                const i18n::LocalizedText& title, const i18n::LocalizedText& citation,
                                const i18n::LocalizedText& recipient_role, const PartialDate& awarded_on) const {
  if (!event && !platform) throw std::logic_error("an award needs its event's permit or the platform's");
  auto [event_id, event_i] = Nullable(event ? std::optional<EventId>(event->id()) : std::nullopt);
  auto [by, by_i] = Nullable(presented_by);
  auto [to, to_i] = Nullable(recipient);
  std::string on = awarded_on.ToString(), now = NowUtc();
  long long id = 0;
  sql << "INSERT INTO event_awards (event_id, presented_by_person_id, recipient_person_id, awarded_on, created_at_utc) "
         "VALUES (:e, :b, :r, :on, :now) RETURNING id",
      soci::use(event_id, event_i), soci::use(by, by_i), soci::use(to, to_i), soci::use(on), soci::use(now),
      soci::into(id);
  kAwardTexts.Replace(sql, id, "title", title);
  kAwardTexts.Replace(sql, id, "citation", citation);
  kAwardTexts.Replace(sql, id, "recipient_role", recipient_role);
  return AwardId(id);
}

std::optional<Event> EventStore::Load(soci::session& sql, EventId event_id) const {
  long long id = event_id.value();
  Event event;
  std::string kind, visibility, registration, starts_local, ends_local, starts_utc, ends_utc;
  long long series = 0;
  int capacity = 0;
  soci::indicator series_i = soci::i_null, capacity_i = soci::i_null;
  sql << "SELECT slug, kind, visibility, series_id, country, time_zone, starts_local, ends_local, starts_at_utc, "
         "ends_at_utc, capacity, registration, updated_at_utc FROM events WHERE id = :id",
      soci::use(id), soci::into(event.slug), soci::into(kind), soci::into(visibility), soci::into(series, series_i),
      soci::into(event.country), soci::into(event.time_zone), soci::into(starts_local), soci::into(ends_local),
      soci::into(starts_utc), soci::into(ends_utc), soci::into(capacity, capacity_i), soci::into(registration),
      soci::into(event.updated_at_utc);
  if (!sql.got_data()) return std::nullopt;
  event.id = event_id;
  event.kind = kEventKinds.Parse(kind).value_or(EventKind::kOther);
  event.visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kPublic);
  event.registration = kRegistrations.Parse(registration).value_or(Registration::kClosed);
  event.starts = Stored(starts_local, starts_utc);
  event.ends = Stored(ends_local, ends_utc);
  if (capacity_i == soci::i_ok) event.capacity = capacity;
  auto texts = kEventTexts.Load(sql, {id});
  event.title = Field(texts, id, "title");
  event.description = Field(texts, id, "description");
  event.city = Field(texts, id, "city");
  event.venue = Field(texts, id, "venue");
  event.programme = Field(texts, id, "programme");
  event.dates_note = Field(texts, id, "dates_note");
  if (series_i == soci::i_ok) {
    for (auto& item : ListSeries(sql)) {
      if (item.id.value() == series) event.series = item;
    }
  }
  for (auto& [owner, organization] :
       LoadOrganizations(sql,
                         "SELECT eo.event_id, o.id, o.slug FROM event_organizers eo JOIN organizations o ON "
                         "o.id = eo.organization_id WHERE eo.event_id = ",
                         id)
           .rows) {
    event.organizers.push_back(organization);
  }
  {
    db::Query query("SELECT objective_id FROM event_objectives WHERE event_id = ");
    query.Bind(id).Append(" ORDER BY objective_id");
    event.objectives = query.Column<long long>(sql);
  }
  // Sessions: those with a day by day and start; those the source gives no day for last.
  {
    db::Query query(
        "SELECT id, kind, starts_local, ends_local, starts_at_utc, ends_at_utc, room FROM event_sessions "
        "WHERE event_id = ");
    query.Bind(id).Append(" ORDER BY CASE WHEN day = '' THEN 1 ELSE 0 END, day, starts_local, sequence, id");
    long long session_id = 0;
    std::string session_kind, s_local, e_local, s_utc, e_utc, room;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(session_id));
      s.exchange(soci::into(session_kind));
      s.exchange(soci::into(s_local));
      s.exchange(soci::into(e_local));
      s.exchange(soci::into(s_utc));
      s.exchange(soci::into(e_utc));
      s.exchange(soci::into(room));
    });
    statement.execute(false);
    std::vector<long long> ids;
    while (statement.fetch()) {
      Session session;
      session.id = SessionId(session_id);
      session.kind = kSessionKinds.Parse(session_kind).value_or(SessionKind::kConference);
      session.starts = Stored(s_local, s_utc);
      session.ends = Stored(e_local, e_utc);
      session.room = room;
      event.sessions.push_back(std::move(session));
      ids.push_back(session_id);
    }
    auto session_texts = kSessionTexts.Load(sql, ids);
    std::map<long long, Session*> by_id;
    for (auto& session : event.sessions) {
      session.title = Field(session_texts, session.id.value(), "title");
      session.description = Field(session_texts, session.id.value(), "description");
      by_id[session.id.value()] = &session;
    }
    db::Query people(
        "SELECT sp.session_id, p.id, p.slug, p.display_name, sp.role FROM event_session_people sp JOIN people p ON "
        "p.id = sp.person_id JOIN event_sessions s ON s.id = sp.session_id WHERE s.event_id = ");
    people.Bind(id).Append(" ORDER BY p.sort_key");
    long long owner = 0, person = 0;
    std::string slug, name, role;
    soci::statement people_statement = people.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(owner));
      s.exchange(soci::into(person));
      s.exchange(soci::into(slug));
      s.exchange(soci::into(name));
      s.exchange(soci::into(role));
    });
    people_statement.execute(false);
    while (people_statement.fetch()) {
      auto* session = by_id[owner];
      (role == "speaker" ? session->speakers : session->moderators).push_back({PersonId(person), slug, name});
    }
    for (auto& [owner_id, organization] :
         LoadOrganizations(sql,
                           "SELECT so.session_id, o.id, o.slug FROM event_session_organizations so JOIN organizations "
                           "o ON o.id = so.organization_id JOIN event_sessions s ON s.id = so.session_id WHERE "
                           "s.event_id = ",
                           id)
             .rows) {
      by_id[owner_id]->organizations_met.push_back(organization);
    }
  }
  // Delegations with their members.
  {
    db::Query query(
        "SELECT d.id, d.organization_id, o.slug, d.head_person_id, COALESCE(p.slug, ''), COALESCE(p.display_name, ''), "
        "d.size FROM event_delegations d JOIN organizations o ON o.id = d.organization_id LEFT JOIN people p ON "
        "p.id = d.head_person_id WHERE d.event_id = ");
    query.Bind(id).Append(" ORDER BY d.id");
    long long delegation = 0, organization = 0, head = 0;
    int size = 0;
    soci::indicator head_i = soci::i_null, size_i = soci::i_null;
    std::string slug, head_slug, head_name;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(delegation));
      s.exchange(soci::into(organization));
      s.exchange(soci::into(slug));
      s.exchange(soci::into(head, head_i));
      s.exchange(soci::into(head_slug));
      s.exchange(soci::into(head_name));
      s.exchange(soci::into(size, size_i));
    });
    statement.execute(false);
    std::vector<long long> organizations;
    while (statement.fetch()) {
      Delegation item;
      item.id = DelegationId(delegation);
      item.organization = {OrganizationId(organization), slug, {}};
      item.head = Person(head, head_i, head_slug, head_name);
      if (size_i == soci::i_ok) item.size = size;
      event.delegations.push_back(std::move(item));
      organizations.push_back(organization);
    }
    auto names = OrganizationNames(sql, organizations);
    for (auto& item : event.delegations) item.organization.name = names[item.organization.id.value()];
    db::Query members(
        "SELECT m.delegation_id, p.id, p.slug, p.display_name FROM event_delegation_members m JOIN people p ON "
        "p.id = m.person_id JOIN event_delegations d ON d.id = m.delegation_id WHERE d.event_id = ");
    members.Bind(id).Append(" ORDER BY p.sort_key");
    long long owner = 0, person = 0;
    std::string person_slug, name;
    soci::statement member_statement = members.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(owner));
      s.exchange(soci::into(person));
      s.exchange(soci::into(person_slug));
      s.exchange(soci::into(name));
    });
    member_statement.execute(false);
    while (member_statement.fetch()) {
      for (auto& item : event.delegations) {
        if (item.id.value() == owner) item.members.push_back({PersonId(person), person_slug, name});
      }
    }
  }
  // Participants.
  {
    db::Query query(
        "SELECT pa.id, pa.person_id, COALESCE(p.slug, ''), COALESCE(p.display_name, ''), pa.user_id, "
        "COALESCE(u.display_name, ''), pa.role, pa.status, pa.consent_to_list, pa.delegation_id FROM "
        "event_participants pa LEFT JOIN people p ON p.id = pa.person_id LEFT JOIN users u ON u.id = pa.user_id "
        "WHERE pa.event_id = ");
    query.Bind(id).Append(" ORDER BY pa.id");
    long long participant = 0, person = 0, user = 0, delegation = 0;
    soci::indicator person_i = soci::i_null, user_i = soci::i_null, delegation_i = soci::i_null;
    std::string slug, name, user_name, role, status;
    int consent = 0;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(participant));
      s.exchange(soci::into(person, person_i));
      s.exchange(soci::into(slug));
      s.exchange(soci::into(name));
      s.exchange(soci::into(user, user_i));
      s.exchange(soci::into(user_name));
      s.exchange(soci::into(role));
      s.exchange(soci::into(status));
      s.exchange(soci::into(consent));
      s.exchange(soci::into(delegation, delegation_i));
    });
    statement.execute(false);
    while (statement.fetch()) {
      Participant item;
      item.id = ParticipantId(participant);
      item.person = Person(person, person_i, slug, name);
      item.user_id = user_i == soci::i_ok ? user : 0;
      item.user_name = user_name;
      item.role = kParticipantRoles.Parse(role).value_or(ParticipantRole::kGuest);
      item.status = kParticipantStatuses.Parse(status).value_or(ParticipantStatus::kConfirmed);
      item.consent_to_list = consent != 0;
      if (delegation_i == soci::i_ok) item.delegation = DelegationId(delegation);
      event.participants.push_back(std::move(item));
    }
  }
  {
    // sql-fragment: kInvitationSelect is this file's literal statement head.
    db::Query query(kInvitationSelect);
    query.Append("WHERE i.event_id = ").Bind(id).Append(" ORDER BY i.id");
    event.invitations = LoadInvitations(sql, query);
  }
  // Awards.
  {
    db::Query query(
        "SELECT a.id, a.presented_by_person_id, COALESCE(b.slug, ''), COALESCE(b.display_name, ''), "
        "a.recipient_person_id, COALESCE(r.slug, ''), COALESCE(r.display_name, ''), a.awarded_on FROM event_awards a "
        "LEFT JOIN people b ON b.id = a.presented_by_person_id LEFT JOIN people r ON r.id = a.recipient_person_id "
        "WHERE a.event_id = ");
    query.Bind(id).Append(" ORDER BY a.awarded_on, a.id");
    long long award = 0, by = 0, to = 0;
    soci::indicator by_i = soci::i_null, to_i = soci::i_null;
    std::string by_slug, by_name, to_slug, to_name, on;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(award));
      s.exchange(soci::into(by, by_i));
      s.exchange(soci::into(by_slug));
      s.exchange(soci::into(by_name));
      s.exchange(soci::into(to, to_i));
      s.exchange(soci::into(to_slug));
      s.exchange(soci::into(to_name));
      s.exchange(soci::into(on));
    });
    statement.execute(false);
    std::vector<long long> ids;
    while (statement.fetch()) {
      Award item;
      item.id = AwardId(award);
      item.event = event_id;
      item.presented_by = Person(by, by_i, by_slug, by_name);
      item.recipient = Person(to, to_i, to_slug, to_name);
      item.awarded_on = PartialDate::Parse(on).value_or(PartialDate());
      event.awards.push_back(std::move(item));
      ids.push_back(award);
    }
    auto award_texts = kAwardTexts.Load(sql, ids);
    for (auto& item : event.awards) {
      item.title = Field(award_texts, item.id.value(), "title");
      item.citation = Field(award_texts, item.id.value(), "citation");
      item.recipient_role = Field(award_texts, item.id.value(), "recipient_role");
    }
  }
  // The objectives it serves, of public agreements (the link must not reveal a hidden one).
  if (!event.objectives.empty()) {
    db::Query query(
        "SELECT o.id, a.id, a.slug, o.sequence FROM agreement_objectives o JOIN agreements a ON a.id = o.agreement_id "
        "WHERE a.visibility = 'public' AND o.id IN (");
    query.BindList(event.objectives).Append(") ORDER BY a.id, o.sequence");
    long long objective = 0, agreement = 0;
    std::string slug;
    int sequence = 0;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(objective));
      s.exchange(soci::into(agreement));
      s.exchange(soci::into(slug));
      s.exchange(soci::into(sequence));
    });
    statement.execute(false);
    std::vector<long long> objective_ids, agreement_ids;
    std::vector<long long> owners;
    while (statement.fetch()) {
      event.served_objectives.push_back({objective, slug, {}, sequence, {}});
      objective_ids.push_back(objective);
      agreement_ids.push_back(agreement);
    }
    constexpr db::TextTable kObjectiveTexts("objective_texts");
    constexpr db::TextTable kAgreementTitles("agreement_texts");
    auto texts = kObjectiveTexts.Load(sql, objective_ids);
    auto titles = kAgreementTitles.Load(sql, agreement_ids);
    for (size_t i = 0; i < event.served_objectives.size(); ++i) {
      event.served_objectives[i].text = Field(texts, objective_ids[i], "text");
      event.served_objectives[i].agreement_title = Field(titles, agreement_ids[i], "title");
    }
  }
  // Agreements signed on the event's sidelines.
  {
    // Public agreements only: the link must not reveal an agreement its reader may not see.
    db::Query query("SELECT id, slug FROM agreements WHERE visibility = 'public' AND occasion_event_id = ");
    query.Bind(id).Append(" ORDER BY id");
    long long agreement = 0;
    std::string slug;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(agreement));
      s.exchange(soci::into(slug));
    });
    statement.execute(false);
    std::vector<std::pair<long long, std::string>> found;
    while (statement.fetch()) found.push_back({agreement, slug});
    std::vector<long long> ids;
    for (auto& [agreement_id, agreement_slug] : found) ids.push_back(agreement_id);
    constexpr db::TextTable kAgreementTexts("agreement_texts");
    auto titles = kAgreementTexts.Load(sql, ids);
    for (auto& [agreement_id, agreement_slug] : found) {
      event.signed_agreements.push_back({agreement_slug, Field(titles, agreement_id, "title")});
    }
  }
  return event;
}

Page<EventSummary> EventStore::List(soci::session& sql, const auth::Actor& actor, const EventFilter& filter,
                                    const PageRequest& page) const {
  auto conditions = [&](db::Query& query) {
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
          " AND EXISTS (SELECT 1 FROM event_organizers fo JOIN organizations o ON o.id = fo.organization_id "
          "WHERE fo.event_id = e.id AND o.slug = ");
      query.Bind(filter.organizer).Append(")");
    }
    if (!filter.series.empty()) {
      query.Append(" AND EXISTS (SELECT 1 FROM event_series fs WHERE fs.id = e.series_id AND fs.slug = ");
      query.Bind(filter.series).Append(")");
    }
  };
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
    item.title = Field(texts, item.id.value(), "title");
    item.city = Field(texts, item.id.value(), "city");
    if (auto it = series_of.find(item.id.value()); it != series_of.end()) {
      for (const auto& candidate : all_series) {
        if (candidate.id.value() == it->second) item.series = candidate;
      }
    }
  }
  return result;
}

MeetingBoard EventStore::LoadMeetings(soci::session& sql, EventId event) const {
  MeetingBoard board;
  long long event_id = event.value();
  {
    db::Query query(
        "SELECT id, starts_local, ends_local, starts_at_utc, ends_at_utc FROM event_meeting_slots WHERE event_id = ");
    query.Bind(event_id).Append(" ORDER BY starts_at_utc, id");
    long long id = 0;
    std::string s_local, e_local, s_utc, e_utc;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(id));
      s.exchange(soci::into(s_local));
      s.exchange(soci::into(e_local));
      s.exchange(soci::into(s_utc));
      s.exchange(soci::into(e_utc));
    });
    statement.execute(false);
    while (statement.fetch()) board.slots.push_back({SlotId(id), Stored(s_local, s_utc), Stored(e_local, e_utc)});
  }
  {
    db::Query query("SELECT id, name FROM event_meeting_rooms WHERE event_id = ");
    query.Bind(event_id).Append(" ORDER BY id");
    long long id = 0;
    std::string name;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(id));
      s.exchange(soci::into(name));
    });
    statement.execute(false);
    while (statement.fetch()) board.rooms.push_back({RoomId(id), name});
  }
  {
    db::Query query(
        "SELECT r.id, r.requester_delegation_id, COALESCE(dorg.slug, ''), r.requester_person_id, COALESCE(rp.slug, "
        "''), "
        "COALESCE(rp.display_name, ''), r.host_person_id, COALESCE(hp.slug, ''), COALESCE(hp.display_name, ''), "
        "r.host_organization_id, COALESCE(ho.slug, ''), r.priority, m.slot_id, m.room_id, COALESCE(m.pinned, 0) "
        "FROM event_meeting_requests r LEFT JOIN event_delegations d ON d.id = r.requester_delegation_id "
        "LEFT JOIN organizations dorg ON dorg.id = d.organization_id LEFT JOIN people rp ON rp.id = "
        "r.requester_person_id LEFT JOIN people hp ON hp.id = r.host_person_id LEFT JOIN organizations ho ON ho.id = "
        "r.host_organization_id LEFT JOIN event_meetings m ON m.request_id = r.id WHERE r.event_id = ");
    query.Bind(event_id).Append(" ORDER BY r.id");
    long long id = 0, delegation = 0, requester = 0, host_person = 0, host_org = 0, slot = 0, room = 0;
    soci::indicator delegation_i, requester_i, host_person_i, host_org_i, slot_i, room_i;
    std::string delegation_slug, requester_slug, requester_name, host_slug, host_name, host_org_slug;
    int priority = 1, pinned = 0;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(id));
      s.exchange(soci::into(delegation, delegation_i));
      s.exchange(soci::into(delegation_slug));
      s.exchange(soci::into(requester, requester_i));
      s.exchange(soci::into(requester_slug));
      s.exchange(soci::into(requester_name));
      s.exchange(soci::into(host_person, host_person_i));
      s.exchange(soci::into(host_slug));
      s.exchange(soci::into(host_name));
      s.exchange(soci::into(host_org, host_org_i));
      s.exchange(soci::into(host_org_slug));
      s.exchange(soci::into(priority));
      s.exchange(soci::into(slot, slot_i));
      s.exchange(soci::into(room, room_i));
      s.exchange(soci::into(pinned));
    });
    statement.execute(false);
    std::vector<long long> organizations;
    while (statement.fetch()) {
      MeetingRequest request;
      request.id = MeetingRequestId(id);
      if (delegation_i == soci::i_ok) request.requester_delegation = DelegationId(delegation);
      request.requester_label = delegation_slug;
      request.requester_person = Person(requester, requester_i, requester_slug, requester_name);
      request.host_person = Person(host_person, host_person_i, host_slug, host_name);
      if (host_org_i == soci::i_ok) {
        request.host_organization = NamedOrganization{OrganizationId(host_org), host_org_slug, {}};
        organizations.push_back(host_org);
      }
      request.priority = priority;
      if (slot_i == soci::i_ok) request.slot = SlotId(slot);
      if (room_i == soci::i_ok) request.room = RoomId(room);
      request.pinned = pinned != 0;
      board.requests.push_back(std::move(request));
    }
    auto names = OrganizationNames(sql, organizations);
    for (auto& request : board.requests) {
      if (request.host_organization) request.host_organization->name = names[request.host_organization->id.value()];
    }
  }
  {
    db::Query query("SELECT party, slot_id FROM event_meeting_availability WHERE event_id = ");
    query.Bind(event_id);
    std::string party;
    long long slot = 0;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(party));
      s.exchange(soci::into(slot));
    });
    statement.execute(false);
    while (statement.fetch()) board.availability[party].push_back(SlotId(slot));
  }
  return board;
}

SlotId EventStore::InsertSlot(soci::session& sql, const auth::Permit<EventId>& permit, const WallTime& starts,
                              const WallTime& ends) const {
  EventId event = permit.id();
  long long event_id = event.value(), id = 0;
  std::string s_local = starts.ToString(), e_local = ends.ToString(), s_utc = UtcText(starts), e_utc = UtcText(ends);
  sql << "INSERT INTO event_meeting_slots (event_id, starts_local, ends_local, starts_at_utc, ends_at_utc) VALUES "
         "(:e, :sl, :el, :su, :eu) RETURNING id",
      soci::use(event_id), soci::use(s_local), soci::use(e_local), soci::use(s_utc), soci::use(e_utc), soci::into(id);
  return SlotId(id);
}

RoomId EventStore::InsertRoom(soci::session& sql, const auth::Permit<EventId>& permit, const std::string& name) const {
  EventId event = permit.id();
  long long event_id = event.value(), id = 0;
  sql << "INSERT INTO event_meeting_rooms (event_id, name) VALUES (:e, :n) RETURNING id", soci::use(event_id),
      soci::use(name), soci::into(id);
  return RoomId(id);
}

MeetingRequestId EventStore::InsertMeetingRequest(soci::session& sql, EventId event,
                                                  std::optional<DelegationId> delegation,
                                                  std::optional<PersonId> requester,
                                                  std::optional<PersonId> host_person,
                                                  std::optional<OrganizationId> host_organization, int priority,
                                                  UserId user) const {
  long long event_id = event.value(), id = 0, user_id = user.value();
  soci::indicator user_i = user.valid() ? soci::i_ok : soci::i_null;
  auto [d, d_i] = Nullable(delegation);
  auto [r, r_i] = Nullable(requester);
  auto [hp, hp_i] = Nullable(host_person);
  auto [ho, ho_i] = Nullable(host_organization);
  std::string now = NowUtc();
  sql << "INSERT INTO event_meeting_requests (event_id, requester_delegation_id, requester_person_id, host_person_id, "
         "host_organization_id, priority, requested_by, created_at_utc) VALUES (:e, :d, :r, :hp, :ho, :p, :u, :now) "
         "RETURNING id",
      soci::use(event_id), soci::use(d, d_i), soci::use(r, r_i), soci::use(hp, hp_i), soci::use(ho, ho_i),
      soci::use(priority), soci::use(user_id, user_i), soci::use(now), soci::into(id);
  return MeetingRequestId(id);
}

void EventStore::SetAvailability(soci::session& sql, EventId event, const std::string& party,
                                 const std::vector<SlotId>& slots) const {
  long long event_id = event.value();
  sql << "DELETE FROM event_meeting_availability WHERE event_id = :e AND party = :p", soci::use(event_id),
      soci::use(party);
  for (SlotId slot : slots) {
    long long slot_id = slot.value();
    sql << "INSERT INTO event_meeting_availability (event_id, party, slot_id) VALUES (:e, :p, :s)", soci::use(event_id),
        soci::use(party), soci::use(slot_id);
  }
}

void EventStore::ReplaceSchedule(soci::session& sql, const auth::Permit<EventId>& event,
                                 const std::vector<Placed>& placed) const {
  long long event_id = event.id().value();
  sql << "DELETE FROM event_meetings WHERE event_id = :e AND pinned = 0", soci::use(event_id);
  for (const auto& item : placed) {
    if (item.pinned) continue;
    long long request = item.request.value(), slot = item.slot.value(), room = item.room.value();
    sql << "INSERT INTO event_meetings (request_id, event_id, slot_id, room_id, pinned) VALUES (:r, :e, :s, :m, 0)",
        soci::use(request), soci::use(event_id), soci::use(slot), soci::use(room);
  }
}

void EventStore::Pin(soci::session& sql, const auth::Permit<EventId>& permit, MeetingRequestId request, SlotId slot,
                     RoomId room) const {
  EventId event = permit.id();
  long long event_id = event.value(), request_id = request.value(), slot_id = slot.value(), room_id = room.value();
  sql << "DELETE FROM event_meetings WHERE request_id = :r", soci::use(request_id);
  sql << "INSERT INTO event_meetings (request_id, event_id, slot_id, room_id, pinned) VALUES (:r, :e, :s, :m, 1)",
      soci::use(request_id), soci::use(event_id), soci::use(slot_id), soci::use(room_id);
}

void EventStore::Unpin(soci::session& sql, const auth::Permit<EventId>& permit, MeetingRequestId request) const {
  EventId event = permit.id();
  long long event_id = event.value(), request_id = request.value();
  sql << "UPDATE event_meetings SET pinned = 0 WHERE request_id = :r AND event_id = :e", soci::use(request_id),
      soci::use(event_id);
}

std::vector<std::pair<long long, EventSummary>> EventStore::EventsServingObjectives(
    soci::session& sql, const std::vector<long long>& objectives) const {
  std::vector<std::pair<long long, EventSummary>> result;
  if (objectives.empty()) return result;
  db::Query query(
      "SELECT eo.objective_id, e.id, e.slug, e.kind, e.starts_local, e.ends_local FROM event_objectives eo JOIN "
      "events e ON e.id = eo.event_id WHERE eo.objective_id IN (");
  query.BindList(objectives).Append(") ORDER BY e.first_day, e.id");
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
    result.push_back({objective, std::move(item)});
    ids.push_back(id);
  }
  auto texts = kEventTexts.Load(sql, ids);
  for (auto& [objective_id, item] : result) {
    item.title = Field(texts, item.id.value(), "title");
    item.city = Field(texts, item.id.value(), "city");
  }
  return result;
}

void EventStore::SetAgreementOccasion(soci::session& sql, const std::string& agreement_slug, EventId event) const {
  long long event_id = event.value();
  sql << "UPDATE agreements SET occasion_event_id = :e WHERE slug = :slug", soci::use(event_id),
      soci::use(agreement_slug);
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
