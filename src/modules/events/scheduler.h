#pragma once
// The private-meeting scheduler: assigns each meeting request a slot and a room (a table) so
// that no party (a person, a delegation, an institution) and no room is booked twice in a slot,
// every meeting is in a slot where both sides are available, pinned meetings stay where they
// are, and as many requests as possible are met, then the highest total priority.
//
// Pure computation on indices: the service turns the stored slots, rooms, requests and
// availability into a Problem and the Schedule back into rows. It never fails: what it cannot
// place is returned with the reason.
//
// Method: pinned meetings first; then a greedy pass (highest priority first, the least flexible
// first among equals, each into its feasible slot with the most free rooms); then repair passes
// that place an unmet request by moving one or two meetings that block it to other slots, or
// by displacing a single lower-priority meeting that cannot move. Bounded by `time_budget`.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace entente::events {

struct ScheduleRequest {
  std::vector<int> parties;        // indices < Problem::party_count; none booked twice per slot
  int priority = 1;                // higher first
  std::vector<int> allowed_slots;  // where every party is available
  struct Pin {
    int slot = 0;
    int room = 0;
  };
  std::optional<Pin> pinned;
};

struct Problem {
  int slot_count = 0;
  int room_count = 0;
  int party_count = 0;
  std::vector<ScheduleRequest> requests;
  std::chrono::milliseconds time_budget{800};
};

enum class UnmetReason {
  kNoCommonAvailability,  // no slot where both sides are available (or no slots at all)
  kPartiesBooked,         // in every such slot one side already has a meeting
  kNoRoomFree,            // in some such slot both sides are free, but every room is taken
  kPinConflict,           // pinned where a party or the room was already booked by another pin
};

struct Placement {
  int slot = -1;  // -1: unmet
  int room = -1;
  std::optional<UnmetReason> reason;  // set when unmet
};

struct Schedule {
  std::vector<Placement> placements;  // one per request, in the problem's order
  int met = 0;
  long long total_priority = 0;
};

Schedule SolveSchedule(const Problem& problem);

// Checks a schedule against the problem's guarantees; the empty string when it holds, else the
// first broken rule (for tests and the benchmark).
std::string CheckSchedule(const Problem& problem, const Schedule& schedule);

}  // namespace entente::events
