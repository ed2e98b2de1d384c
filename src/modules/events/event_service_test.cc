#include "modules/events/event_service.h"

#include <gtest/gtest.h>

#include "modules/events/rules.h"

namespace entente::events {
namespace {

WallTime At(const char* text) { return ReadWallTime(text, "Europe/Paris", "starts").value(); }

// A delegation's meetings also book its head and members: a member cannot be in another meeting
// at the same time, and availability of either side narrows the slots.
TEST(BuildProblemTest, DelegationBooksItsPeopleAndAvailabilityNarrowsSlots) {
  Event event;
  Delegation delegation;
  delegation.id = DelegationId(5);
  delegation.members = {{PersonId(11), "member-a", "A"}};
  event.delegations.push_back(delegation);

  MeetingBoard board;
  board.slots = {{SlotId(1), At("2014-12-11T10:00"), At("2014-12-11T10:30")},
                 {SlotId(2), At("2014-12-11T10:30"), At("2014-12-11T11:00")}};
  board.rooms = {{RoomId(1), "Table 1"}, {RoomId(2), "Table 2"}};
  MeetingRequest by_delegation;
  by_delegation.id = MeetingRequestId(100);
  by_delegation.requester_delegation = DelegationId(5);
  by_delegation.host_person = NamedPerson{PersonId(20), "host", "Host"};
  MeetingRequest by_member;
  by_member.id = MeetingRequestId(101);
  by_member.requester_person = NamedPerson{PersonId(11), "member-a", "A"};
  by_member.host_organization = NamedOrganization{OrganizationId(30), "committee", {}};
  board.requests = {by_delegation, by_member};
  // The host receives only in the first slot; the committee too.
  board.availability["person:20"] = {SlotId(1)};
  board.availability["organization:30"] = {SlotId(1)};

  Problem problem = BuildProblem(board, event);
  ASSERT_EQ(problem.requests.size(), 2u);
  EXPECT_EQ(problem.requests[0].allowed_slots, std::vector<int>{0});
  EXPECT_EQ(problem.requests[1].allowed_slots, std::vector<int>{0});
  Schedule schedule = SolveSchedule(problem);
  EXPECT_EQ(CheckSchedule(problem, schedule), "");
  // Two tables are free, but member A cannot be in both meetings at 10:00.
  EXPECT_EQ(schedule.met, 1);

  // Without the member in the delegation, both meetings fit at 10:00 at two tables.
  event.delegations[0].members.clear();
  Schedule apart = SolveSchedule(BuildProblem(board, event));
  EXPECT_EQ(apart.met, 2);
  EXPECT_NE(apart.placements[0].room, apart.placements[1].room);
}

TEST(BuildProblemTest, PinnedMeetingsAreKept) {
  Event event;
  MeetingBoard board;
  board.slots = {{SlotId(1), At("2014-12-11T10:00"), At("2014-12-11T10:30")},
                 {SlotId(2), At("2014-12-11T10:30"), At("2014-12-11T11:00")}};
  board.rooms = {{RoomId(7), "Table 1"}};
  MeetingRequest pinned;
  pinned.id = MeetingRequestId(1);
  pinned.requester_person = NamedPerson{PersonId(1), "a", "A"};
  pinned.host_person = NamedPerson{PersonId(2), "b", "B"};
  pinned.slot = SlotId(2);
  pinned.room = RoomId(7);
  pinned.pinned = true;
  board.requests = {pinned};
  Problem problem = BuildProblem(board, event);
  ASSERT_TRUE(problem.requests[0].pinned);
  Schedule schedule = SolveSchedule(problem);
  EXPECT_EQ(schedule.placements[0].slot, 1);
  EXPECT_EQ(schedule.placements[0].room, 0);
}

}  // namespace
}  // namespace entente::events
