#include "modules/events/scheduler.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace entente::events {
namespace {

std::vector<int> AllSlots(int count) {
  std::vector<int> slots(count);
  for (int i = 0; i < count; ++i) slots[i] = i;
  return slots;
}

// A random instance: `people` requesters and `hosts` hosts with Zipf-like demand, each party
// available in a random 70% of the slots.
Problem Generate(unsigned seed, int slots, int rooms, int people, int hosts, int requests) {
  std::mt19937 random(seed);
  Problem problem{.slot_count = slots, .room_count = rooms, .party_count = people + hosts};
  std::vector<std::vector<bool>> available(problem.party_count, std::vector<bool>(slots));
  std::bernoulli_distribution coin(0.7);
  for (auto& row : available) {
    for (int s = 0; s < slots; ++s) row[s] = coin(random);
  }
  std::vector<double> weights;
  for (int h = 0; h < hosts; ++h) weights.push_back(1.0 / (h + 1));
  std::discrete_distribution<int> host(weights.begin(), weights.end());
  std::uniform_int_distribution<int> person(0, people - 1), priority(1, 5);
  std::set<std::pair<int, int>> seen;
  while (static_cast<int>(problem.requests.size()) < requests) {
    int a = person(random), b = people + host(random);
    if (!seen.insert({a, b}).second) continue;
    ScheduleRequest request{.parties = {a, b}, .priority = priority(random)};
    for (int s = 0; s < slots; ++s) {
      if (available[a][s] && available[b][s]) request.allowed_slots.push_back(s);
    }
    problem.requests.push_back(std::move(request));
  }
  return problem;
}

TEST(SchedulerTest, GeneratedInstancesKeepEveryGuarantee) {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    Problem problem = Generate(seed, 16, 1 + seed % 5, 30, 12, 150);
    // Pin a few meetings where they fit by themselves.
    for (int r = 0; r < 5; ++r) {
      if (!problem.requests[r].allowed_slots.empty()) {
        problem.requests[r].pinned = ScheduleRequest::Pin{problem.requests[r].allowed_slots[0], r % problem.room_count};
      }
    }
    Schedule schedule = SolveSchedule(problem);
    EXPECT_EQ(CheckSchedule(problem, schedule), "") << "seed " << seed;
    int met = 0;
    for (size_t r = 0; r < problem.requests.size(); ++r) {
      const auto& placement = schedule.placements[r];
      if (placement.slot >= 0) {
        ++met;
        EXPECT_FALSE(placement.reason);
      } else {
        EXPECT_TRUE(placement.reason) << "an unmet request says why";
      }
    }
    EXPECT_EQ(met, schedule.met);
  }
}

TEST(SchedulerTest, PinnedMeetingsStayWhereTheyAre) {
  Problem problem = Generate(7, 8, 2, 10, 4, 40);
  Schedule first = SolveSchedule(problem);
  ASSERT_EQ(CheckSchedule(problem, first), "");
  // Pin every meeting of the first run, add requests, run again: the pins do not move.
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    if (first.placements[r].slot >= 0) {
      problem.requests[r].pinned = ScheduleRequest::Pin{first.placements[r].slot, first.placements[r].room};
    }
  }
  problem.requests.push_back({.parties = {0, 10}, .priority = 5, .allowed_slots = AllSlots(8)});
  Schedule second = SolveSchedule(problem);
  EXPECT_EQ(CheckSchedule(problem, second), "");
  for (size_t r = 0; r < first.placements.size(); ++r) {
    if (first.placements[r].slot < 0) continue;
    EXPECT_EQ(second.placements[r].slot, first.placements[r].slot);
    EXPECT_EQ(second.placements[r].room, first.placements[r].room);
  }
}

TEST(SchedulerTest, UnmetRequestsSayWhy) {
  Problem problem{.slot_count = 2, .room_count = 1, .party_count = 4};
  problem.requests.push_back({.parties = {0, 1}, .priority = 3, .allowed_slots = {}});
  problem.requests.push_back({.parties = {0, 2}, .priority = 3, .allowed_slots = {0}});
  problem.requests.push_back({.parties = {0, 3}, .priority = 1, .allowed_slots = {0}});  // party 0 busy
  problem.requests.push_back({.parties = {2, 3}, .priority = 1, .allowed_slots = {1}});
  problem.requests.push_back({.parties = {1, 3}, .priority = 1, .allowed_slots = {1}});  // the table is taken
  Schedule schedule = SolveSchedule(problem);
  ASSERT_EQ(CheckSchedule(problem, schedule), "");
  EXPECT_EQ(schedule.placements[0].reason, UnmetReason::kNoCommonAvailability);
  EXPECT_EQ(schedule.placements[1].slot, 0);
  EXPECT_EQ(schedule.placements[2].reason, UnmetReason::kPartiesBooked);
  EXPECT_EQ(schedule.met, 2);
  EXPECT_EQ(schedule.placements[4].reason.has_value() + schedule.placements[3].reason.has_value(), 1);
}

TEST(SchedulerTest, MovesABlockingMeetingToMeetMore) {
  // Greedy puts the high-priority flexible meeting in slot 0 (most free rooms first), which
  // blocks the low-priority one that only fits there; the repair moves it to slot 1.
  Problem problem{.slot_count = 2, .room_count = 1, .party_count = 3};
  problem.requests.push_back({.parties = {0, 1}, .priority = 5, .allowed_slots = {0, 1}});
  problem.requests.push_back({.parties = {0, 2}, .priority = 1, .allowed_slots = {0}});
  Schedule schedule = SolveSchedule(problem);
  EXPECT_EQ(CheckSchedule(problem, schedule), "");
  EXPECT_EQ(schedule.met, 2);
}

TEST(SchedulerTest, NoSlotsOrRoomsIsNotACrash) {
  Problem problem{.slot_count = 0, .room_count = 0, .party_count = 2};
  problem.requests.push_back({.parties = {0, 1}, .priority = 1, .allowed_slots = {}});
  Schedule schedule = SolveSchedule(problem);
  EXPECT_EQ(schedule.met, 0);
  EXPECT_EQ(schedule.placements[0].reason, UnmetReason::kNoCommonAvailability);
}

TEST(SchedulerTest, PinsThatClashAreReportedNotMoved) {
  Problem problem{.slot_count = 2, .room_count = 2, .party_count = 3};
  problem.requests.push_back({.parties = {0, 1}, .priority = 1, .allowed_slots = {0, 1}, .pinned = {{0, 0}}});
  problem.requests.push_back({.parties = {0, 2}, .priority = 1, .allowed_slots = {0, 1}, .pinned = {{0, 1}}});
  Schedule schedule = SolveSchedule(problem);
  EXPECT_EQ(CheckSchedule(problem, schedule), "");
  EXPECT_EQ(schedule.placements[0].slot, 0);
  EXPECT_EQ(schedule.placements[1].reason, UnmetReason::kPinConflict);
}

}  // namespace
}  // namespace entente::events
