// EventStore: private meetings (slots, rooms, requests, availability, the schedule).

#include "modules/events/event_store.h"

#include "core/base/time.h"

#include "modules/events/event_store_rows.h"

namespace entente::events {

using namespace store_rows;  // NOLINT(google-build-using-namespace): the store's own helpers

namespace {

// The slots, by start.
void LoadSlots(soci::session& sql, long long event_id, MeetingBoard& board) {
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

// The rooms or tables, in the order added.
void LoadRooms(soci::session& sql, long long event_id, MeetingBoard& board) {
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

// The requests with their place in the schedule, when they have one.
void LoadRequests(soci::session& sql, long long event_id, MeetingBoard& board) {
  db::Query query(
      "SELECT r.id, r.requester_delegation_id, COALESCE(dorg.slug, ''), r.requester_person_id, COALESCE(rp.slug, "
      "''), "
      "COALESCE(rp.display_name, ''), r.host_person_id, COALESCE(hp.slug, ''), COALESCE(hp.display_name, ''), "
      "r.host_organization_id, COALESCE(ho.slug, ''), r.priority, m.slot_id, m.room_id, COALESCE(m.pinned, 0) "
      "FROM event_meeting_requests r LEFT JOIN event_delegations d ON d.id = r.requester_delegation_id "
      "LEFT JOIN directory_organizations dorg ON dorg.id = d.organization_id LEFT JOIN directory_people rp ON rp.id = "
      "r.requester_person_id LEFT JOIN directory_people hp ON hp.id = r.host_person_id LEFT JOIN "
      "directory_organizations ho ON ho.id = "
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

// Each party's slots (a party without rows is available in every slot).
void LoadAvailability(soci::session& sql, long long event_id, MeetingBoard& board) {
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

}  // namespace

MeetingBoard EventStore::LoadMeetings(soci::session& sql, EventId event) const {
  MeetingBoard board;
  long long event_id = event.value();
  LoadSlots(sql, event_id, board);
  LoadRooms(sql, event_id, board);
  LoadRequests(sql, event_id, board);
  LoadAvailability(sql, event_id, board);
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

}  // namespace entente::events
