// EventStore::Load: the whole event, composed of one step per part (its row and texts, organizers
// and objectives, sessions, delegations, participants, invitations, awards, the agreements it links
// to). People and organizations are read through the directory's views, agreements through
// agreements/agreement_links.h.

#include "modules/events/event_store.h"

#include <map>

#include "core/auth/visibility.h"
#include "modules/agreements/agreement_links.h"
#include "modules/events/event_store_rows.h"

namespace entente::events {

using namespace store_rows;  // NOLINT(google-build-using-namespace): the store's own helpers

namespace {

// The event's own row and texts; false when there is none.
bool LoadEventRow(soci::session& sql, long long id, Event& event, std::optional<long long>& series_id) {
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
  if (!sql.got_data()) return false;
  event.id = EventId(id);
  event.kind = kEventKinds.Parse(kind).value_or(EventKind::kOther);
  event.visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kPublic);
  event.registration = kRegistrations.Parse(registration).value_or(Registration::kClosed);
  event.starts = Stored(starts_local, starts_utc);
  event.ends = Stored(ends_local, ends_utc);
  if (capacity_i == soci::i_ok) event.capacity = capacity;
  if (series_i == soci::i_ok) series_id = series;
  auto texts = kEventTexts.Load(sql, {id});
  event.title = db::TextOf(texts, id, "title");
  event.description = db::TextOf(texts, id, "description");
  event.city = db::TextOf(texts, id, "city");
  event.venue = db::TextOf(texts, id, "venue");
  event.programme = db::TextOf(texts, id, "programme");
  event.dates_note = db::TextOf(texts, id, "dates_note");
  return true;
}

void LoadOrganizers(soci::session& sql, long long id, Event& event) {
  for (auto& [owner, organization] :
       LoadOrganizations(sql,
                         "SELECT eo.event_id, o.id, o.slug FROM event_organizers eo JOIN directory_organizations o ON "
                         "o.id = eo.organization_id WHERE eo.event_id = ",
                         id)) {
    event.organizers.push_back(organization);
  }
}

void LoadObjectives(soci::session& sql, long long id, Event& event) {
  db::Query query("SELECT objective_id FROM event_objectives WHERE event_id = ");
  query.Bind(id).Append(" ORDER BY objective_id");
  for (long long objective : query.Column<long long>(sql))
    event.objectives.push_back(agreements::ObjectiveId(objective));
}

// Sessions: those with a day by day and start; those the source gives no day for last.
void LoadSessions(soci::session& sql, long long id, Event& event) {
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
  for (auto& session : event.sessions) {
    session.title = db::TextOf(session_texts, session.id.value(), "title");
    session.description = db::TextOf(session_texts, session.id.value(), "description");
  }
}

// The sessions' speakers, moderators and the organizations met.
void LoadSessionPeople(soci::session& sql, long long id, Event& event) {
  std::map<long long, Session*> by_id;
  for (auto& session : event.sessions) by_id[session.id.value()] = &session;
  db::Query people(
      "SELECT sp.session_id, p.id, p.slug, p.display_name, sp.role FROM event_session_people sp JOIN directory_people "
      "p ON "
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
  for (auto& [owner_id, organization] : LoadOrganizations(
           sql,
           "SELECT so.session_id, o.id, o.slug FROM event_session_organizations so JOIN directory_organizations "
           "o ON o.id = so.organization_id JOIN event_sessions s ON s.id = so.session_id WHERE "
           "s.event_id = ",
           id)) {
    by_id[owner_id]->organizations_met.push_back(organization);
  }
}

// Delegations with their members.
void LoadDelegations(soci::session& sql, long long id, Event& event) {
  db::Query query(
      "SELECT d.id, d.organization_id, o.slug, d.head_person_id, COALESCE(p.slug, ''), COALESCE(p.display_name, ''), "
      "d.size FROM event_delegations d JOIN directory_organizations o ON o.id = d.organization_id LEFT JOIN "
      "directory_people p ON "
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
      "SELECT m.delegation_id, p.id, p.slug, p.display_name FROM event_delegation_members m JOIN directory_people p ON "
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

void LoadParticipants(soci::session& sql, long long id, Event& event) {
  db::Query query(
      "SELECT pa.id, pa.person_id, COALESCE(p.slug, ''), COALESCE(p.display_name, ''), pa.user_id, "
      "COALESCE(u.display_name, ''), pa.role, pa.status, pa.consent_to_list, pa.delegation_id FROM "
      "event_participants pa LEFT JOIN directory_people p ON p.id = pa.person_id LEFT JOIN accounts_users u ON u.id = "
      "pa.user_id "
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
    if (user_i == soci::i_ok) item.user = UserId(user);
    item.user_name = user_name;
    item.role = kParticipantRoles.Parse(role).value_or(ParticipantRole::kGuest);
    item.status = kParticipantStatuses.Parse(status).value_or(ParticipantStatus::kConfirmed);
    item.consent_to_list = consent != 0;
    if (delegation_i == soci::i_ok) item.delegation = DelegationId(delegation);
    event.participants.push_back(std::move(item));
  }
}

void LoadAwards(soci::session& sql, long long id, Event& event) {
  db::Query query(
      "SELECT a.id, a.presented_by_person_id, COALESCE(b.slug, ''), COALESCE(b.display_name, ''), "
      "a.recipient_person_id, COALESCE(r.slug, ''), COALESCE(r.display_name, ''), a.awarded_on FROM event_awards a "
      "LEFT JOIN directory_people b ON b.id = a.presented_by_person_id LEFT JOIN directory_people r ON r.id = "
      "a.recipient_person_id "
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
    item.event = event.id;
    item.presented_by = Person(by, by_i, by_slug, by_name);
    item.recipient = Person(to, to_i, to_slug, to_name);
    item.awarded_on = PartialDate::Parse(on).value_or(PartialDate());
    event.awards.push_back(std::move(item));
    ids.push_back(award);
  }
  auto award_texts = kAwardTexts.Load(sql, ids);
  for (auto& item : event.awards) {
    item.title = db::TextOf(award_texts, item.id.value(), "title");
    item.citation = db::TextOf(award_texts, item.id.value(), "citation");
    item.recipient_role = db::TextOf(award_texts, item.id.value(), "recipient_role");
  }
}

}  // namespace

std::optional<Event> EventStore::Load(soci::session& sql, EventId event_id) const {
  long long id = event_id.value();
  Event event;
  std::optional<long long> series;
  if (!LoadEventRow(sql, id, event, series)) return std::nullopt;
  if (series) {
    for (auto& item : ListSeries(sql)) {
      if (item.id.value() == *series) event.series = item;
    }
  }
  LoadOrganizers(sql, id, event);
  LoadObjectives(sql, id, event);
  LoadSessions(sql, id, event);
  LoadSessionPeople(sql, id, event);
  LoadDelegations(sql, id, event);
  LoadParticipants(sql, id, event);
  event.invitations = InvitationsOfEvent(sql, event_id);
  LoadAwards(sql, id, event);
  event.served_objectives = agreements::PublicObjectives(sql, event.objectives);
  event.signed_agreements = agreements::PublicAgreementsSignedAt(sql, event_id);
  return event;
}

}  // namespace entente::events
