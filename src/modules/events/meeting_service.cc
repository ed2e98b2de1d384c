// EventService: private meetings (slots, rooms, requests, availability, the scheduler, pins).

#include "modules/events/event_service.h"

#include <algorithm>
#include <map>
#include <set>
#include "core/auth/visibility.h"
#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "modules/directory/lookup.h"
#include "modules/events/event_service_rules.h"
#include "modules/events/rules.h"

namespace entente::events {

using namespace service_rules;  // NOLINT(google-build-using-namespace): the service's own rules

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

}  // namespace entente::events
