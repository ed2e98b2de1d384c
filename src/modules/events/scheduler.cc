#include "modules/events/scheduler.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <unordered_set>

namespace entente::events {
namespace {

class Board {
 public:
  explicit Board(const Problem& problem)
      : problem_(problem),
        slot_of_(problem.requests.size(), -1),
        busy_(static_cast<size_t>(problem.party_count) * problem.slot_count, -1),
        rooms_used_(problem.slot_count, 0),
        allowed_(problem.requests.size()) {
    for (size_t r = 0; r < problem.requests.size(); ++r) {
      allowed_[r].assign(problem.slot_count, false);
      for (int slot : problem.requests[r].allowed_slots) {
        if (slot >= 0 && slot < problem.slot_count) allowed_[r][slot] = true;
      }
    }
  }

  int SlotOf(int r) const { return slot_of_[r]; }
  bool Allowed(int r, int slot) const { return allowed_[r][slot]; }
  bool RoomFree(int slot) const { return rooms_used_[slot] < problem_.room_count; }
  int FreeRooms(int slot) const { return problem_.room_count - rooms_used_[slot]; }
  int Busy(int party, int slot) const { return busy_[static_cast<size_t>(party) * problem_.slot_count + slot]; }

  // Whether `r` could go into `slot` as the board stands.
  bool Fits(int r, int slot) const {
    if (!allowed_[r][slot] || !RoomFree(slot)) return false;
    for (int party : problem_.requests[r].parties) {
      if (Busy(party, slot) != -1) return false;
    }
    return true;
  }

  void Place(int r, int slot) {
    slot_of_[r] = slot;
    ++rooms_used_[slot];
    for (int party : problem_.requests[r].parties) Cell(party, slot) = r;
  }

  void Remove(int r) {
    int slot = slot_of_[r];
    if (slot < 0) return;
    --rooms_used_[slot];
    for (int party : problem_.requests[r].parties) {
      if (Cell(party, slot) == r) Cell(party, slot) = -1;
    }
    slot_of_[r] = -1;
  }

  const std::vector<int>& Slots() const { return slot_of_; }

  // The placed requests sharing a party with `r` in `slot`.
  std::vector<int> Blockers(int r, int slot) const {
    std::vector<int> blockers;
    for (int party : problem_.requests[r].parties) {
      int other = Busy(party, slot);
      if (other != -1 && std::find(blockers.begin(), blockers.end(), other) == blockers.end()) {
        blockers.push_back(other);
      }
    }
    return blockers;
  }

 private:
  int& Cell(int party, int slot) { return busy_[static_cast<size_t>(party) * problem_.slot_count + slot]; }

  const Problem& problem_;
  std::vector<int> slot_of_;
  std::vector<int> busy_;
  std::vector<int> rooms_used_;
  std::vector<std::vector<bool>> allowed_;
};

class Solver {
 public:
  explicit Solver(const Problem& problem)
      : problem_(problem),
        board_(problem),
        pinned_(problem.requests.size(), false),
        deadline_(std::chrono::steady_clock::now() + problem.time_budget) {}

  Schedule Run() {
    Schedule schedule;
    schedule.placements.resize(problem_.requests.size());
    PlacePins(schedule);
    Greedy();
    Repair();
    Perturb();
    AssignRooms(schedule);
    return schedule;
  }

 private:
  bool OutOfTime() const { return std::chrono::steady_clock::now() > deadline_; }

  void PlacePins(Schedule& schedule) {
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      const auto& pin = problem_.requests[r].pinned;
      if (!pin) continue;
      bool room_ok = pin->slot >= 0 && pin->slot < problem_.slot_count && pin->room >= 0 &&
                     pin->room < problem_.room_count && !pinned_room_.contains(Key(pin->slot, pin->room));
      bool parties_ok = room_ok;
      if (room_ok) {
        for (int party : problem_.requests[r].parties) parties_ok = parties_ok && board_.Busy(party, pin->slot) == -1;
      }
      if (!parties_ok) {
        schedule.placements[r].reason = UnmetReason::kPinConflict;
        pinned_[r] = true;  // neither moved nor placed elsewhere: the organizers decide
        continue;
      }
      board_.Place(static_cast<int>(r), pin->slot);
      pinned_[r] = true;
      pinned_room_.insert(Key(pin->slot, pin->room));
    }
  }

  static long long Key(int slot, int room) { return static_cast<long long>(slot) * 1000003 + room; }

  std::vector<int> Order() const {
    std::vector<int> order;
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      if (!pinned_[r]) order.push_back(static_cast<int>(r));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const auto& ra = problem_.requests[a];
      const auto& rb = problem_.requests[b];
      if (ra.priority != rb.priority) return ra.priority > rb.priority;
      return ra.allowed_slots.size() < rb.allowed_slots.size();
    });
    return order;
  }

  void Greedy() {
    for (int r : Order()) {
      int best = -1;
      for (int slot : problem_.requests[r].allowed_slots) {
        if (slot < 0 || slot >= problem_.slot_count || !board_.Fits(r, slot)) continue;
        if (best == -1 || board_.FreeRooms(slot) > board_.FreeRooms(best)) best = slot;
      }
      if (best != -1) board_.Place(r, best);
    }
  }

  // Moves `m` from its slot to another one where it fits, if any (not `avoid`).
  bool Relocate(int m, int avoid) {
    if (pinned_[m]) return false;
    int from = board_.SlotOf(m);
    board_.Remove(m);
    for (int slot : problem_.requests[m].allowed_slots) {
      if (slot == from || slot == avoid || slot < 0 || slot >= problem_.slot_count) continue;
      if (board_.Fits(m, slot)) {
        board_.Place(m, slot);
        return true;
      }
    }
    board_.Place(m, from);
    return false;
  }

  // Tries to place unmet `r` in `slot` by moving its blockers (at most two) or, when every room
  // is taken, one meeting of that slot; undoes everything on failure.
  bool PlaceByMoving(int r, int slot) {
    std::vector<int> blockers = board_.Blockers(r, slot);
    if (blockers.size() > 2) return false;
    std::vector<std::pair<int, int>> moved;  // (meeting, slot it came from)
    auto undo = [&] {
      for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
        board_.Remove(it->first);
        board_.Place(it->first, it->second);
      }
    };
    for (int blocker : blockers) {
      int from = board_.SlotOf(blocker);
      if (!Relocate(blocker, slot)) {
        undo();
        return false;
      }
      moved.push_back({blocker, from});
    }
    if (!board_.RoomFree(slot)) {
      bool freed = false;
      for (size_t m = 0; m < problem_.requests.size() && !freed; ++m) {
        if (board_.SlotOf(static_cast<int>(m)) != slot || pinned_[m]) continue;
        if (Relocate(static_cast<int>(m), slot)) {
          moved.push_back({static_cast<int>(m), slot});
          freed = true;
        }
      }
      if (!freed) {
        undo();
        return false;
      }
    }
    if (!board_.Fits(r, slot)) {
      undo();
      return false;
    }
    board_.Place(r, slot);
    return true;
  }

  // Places unmet `r` in `slot` instead of one lower-priority meeting that blocks it alone.
  bool Displace(int r, int slot) {
    std::vector<int> blockers = board_.Blockers(r, slot);
    int victim = -1;
    if (blockers.size() == 1 && board_.RoomFree(slot)) {
      victim = blockers[0];
    } else if (blockers.empty() && !board_.RoomFree(slot)) {
      // Every room taken: the lowest-priority meeting of the slot.
      for (size_t m = 0; m < problem_.requests.size(); ++m) {
        if (board_.SlotOf(static_cast<int>(m)) != slot || pinned_[m]) continue;
        if (victim == -1 || problem_.requests[m].priority < problem_.requests[victim].priority) {
          victim = static_cast<int>(m);
        }
      }
    }
    if (victim == -1 || pinned_[victim]) return false;
    if (problem_.requests[victim].priority >= problem_.requests[r].priority) return false;
    board_.Remove(victim);
    if (!board_.Fits(r, slot)) {
      board_.Place(victim, slot);
      return false;
    }
    board_.Place(r, slot);
    // The displaced meeting may still fit elsewhere, as it is or by moving one or two others.
    bool replaced = false;
    for (int other : problem_.requests[victim].allowed_slots) {
      if (other >= 0 && other < problem_.slot_count && board_.Fits(victim, other)) {
        board_.Place(victim, other);
        replaced = true;
        break;
      }
    }
    for (size_t i = 0; !replaced && i < problem_.requests[victim].allowed_slots.size(); ++i) {
      int other = problem_.requests[victim].allowed_slots[i];
      if (other >= 0 && other < problem_.slot_count && other != slot) replaced = PlaceByMoving(victim, other);
    }
    return true;
  }

  void Repair() {
    for (int pass = 0; pass < 50 && !OutOfTime(); ++pass) {
      bool changed = false;
      for (int r : Order()) {
        if (board_.SlotOf(r) != -1) continue;
        if (OutOfTime()) return;
        bool placed = false;
        for (int slot : problem_.requests[r].allowed_slots) {
          if (slot < 0 || slot >= problem_.slot_count) continue;
          if (board_.Fits(r, slot)) {
            board_.Place(r, slot);
            placed = true;
            break;
          }
        }
        for (size_t i = 0; !placed && i < problem_.requests[r].allowed_slots.size(); ++i) {
          int slot = problem_.requests[r].allowed_slots[i];
          if (slot >= 0 && slot < problem_.slot_count) placed = PlaceByMoving(r, slot);
        }
        for (size_t i = 0; !placed && i < problem_.requests[r].allowed_slots.size(); ++i) {
          int slot = problem_.requests[r].allowed_slots[i];
          if (slot >= 0 && slot < problem_.slot_count) placed = Displace(r, slot);
        }
        changed = changed || placed;
      }
      if (!changed) return;
    }
  }

  // met × (1 + total priority bound) + priority: meeting more requests always comes first.
  long long Objective() const {
    long long met = 0, priority = 0;
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      if (board_.SlotOf(static_cast<int>(r)) < 0) continue;
      ++met;
      priority += problem_.requests[r].priority;
    }
    return met * 1000000007LL + priority;
  }

  void Restore(const std::vector<int>& slots) {
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      if (!pinned_[r]) board_.Remove(static_cast<int>(r));
    }
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      if (!pinned_[r] && slots[r] >= 0) board_.Place(static_cast<int>(r), slots[r]);
    }
  }

  // Iterated local search within the remaining time: force an unmet request into one of its
  // slots (ejecting what blocks it), try to place the ejected ones again, and keep the result
  // when the objective does not get worse (equal moves let the search cross plateaus).
  void Perturb() {
    std::mt19937 random(12345);  // deterministic: the same instance gives the same schedule
    long long best = Objective();
    std::vector<int> best_slots = board_.Slots();
    int since_improvement = 0;
    for (int iteration = 0; iteration < 1000000 && since_improvement < 100000; ++iteration, ++since_improvement) {
      if ((iteration & 63) == 0 && OutOfTime()) break;
      std::vector<int> unmet;
      for (size_t r = 0; r < problem_.requests.size(); ++r) {
        if (!pinned_[r] && board_.SlotOf(static_cast<int>(r)) < 0 && !problem_.requests[r].allowed_slots.empty()) {
          unmet.push_back(static_cast<int>(r));
        }
      }
      if (unmet.empty()) return;
      int r = unmet[std::uniform_int_distribution<size_t>(0, unmet.size() - 1)(random)];
      const auto& allowed = problem_.requests[r].allowed_slots;
      int slot = allowed[std::uniform_int_distribution<size_t>(0, allowed.size() - 1)(random)];
      if (slot < 0 || slot >= problem_.slot_count) continue;
      std::vector<int> ejected = board_.Blockers(r, slot);
      bool blocked_by_pin = false;
      for (int m : ejected) blocked_by_pin = blocked_by_pin || pinned_[m];
      if (blocked_by_pin) continue;
      for (int m : ejected) board_.Remove(m);
      if (!board_.RoomFree(slot)) {
        int victim = -1;
        for (size_t m = 0; m < problem_.requests.size(); ++m) {
          if (board_.SlotOf(static_cast<int>(m)) != slot || pinned_[m]) continue;
          if (victim == -1 || problem_.requests[m].priority < problem_.requests[victim].priority)
            victim = static_cast<int>(m);
        }
        if (victim == -1) {
          Restore(best_slots);
          continue;
        }
        board_.Remove(victim);
        ejected.push_back(victim);
      }
      board_.Place(r, slot);
      for (int m : ejected) {
        bool placed = false;
        for (int other : problem_.requests[m].allowed_slots) {
          if (other >= 0 && other < problem_.slot_count && board_.Fits(m, other)) {
            board_.Place(m, other);
            placed = true;
            break;
          }
        }
        for (size_t i = 0; !placed && i < problem_.requests[m].allowed_slots.size(); ++i) {
          int other = problem_.requests[m].allowed_slots[i];
          if (other >= 0 && other < problem_.slot_count) placed = PlaceByMoving(m, other);
        }
      }
      long long value = Objective();
      if (value >= best) {
        if (value > best) since_improvement = 0;
        best = value;
        best_slots = board_.Slots();
      } else {
        Restore(best_slots);
      }
    }
    Restore(best_slots);
  }

  UnmetReason WhyUnmet(int r) const {
    bool any_allowed = false;
    bool parties_free_somewhere = false;
    for (int slot : problem_.requests[r].allowed_slots) {
      if (slot < 0 || slot >= problem_.slot_count) continue;
      any_allowed = true;
      if (board_.Blockers(r, slot).empty()) parties_free_somewhere = true;
    }
    if (!any_allowed) return UnmetReason::kNoCommonAvailability;
    return parties_free_somewhere ? UnmetReason::kNoRoomFree : UnmetReason::kPartiesBooked;
  }

  void AssignRooms(Schedule& schedule) {
    std::vector<std::vector<bool>> taken(problem_.slot_count, std::vector<bool>(problem_.room_count, false));
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      const auto& pin = problem_.requests[r].pinned;
      if (pinned_[r] && pin && !schedule.placements[r].reason) {
        schedule.placements[r] = {pin->slot, pin->room, std::nullopt};
        taken[pin->slot][pin->room] = true;
      }
    }
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      if (pinned_[r]) continue;
      int slot = board_.SlotOf(static_cast<int>(r));
      if (slot < 0) {
        schedule.placements[r] = {-1, -1, WhyUnmet(static_cast<int>(r))};
        continue;
      }
      int room = 0;
      while (taken[slot][room]) ++room;  // the board never over-fills a slot
      taken[slot][room] = true;
      schedule.placements[r] = {slot, room, std::nullopt};
    }
    for (size_t r = 0; r < problem_.requests.size(); ++r) {
      if (schedule.placements[r].slot < 0) continue;
      ++schedule.met;
      schedule.total_priority += problem_.requests[r].priority;
    }
  }

  const Problem& problem_;
  Board board_;
  std::vector<bool> pinned_;
  std::unordered_set<long long> pinned_room_;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace

Schedule SolveSchedule(const Problem& problem) {
  if (problem.slot_count <= 0 || problem.room_count <= 0) {
    Schedule schedule;
    schedule.placements.assign(problem.requests.size(), Placement{-1, -1, UnmetReason::kNoCommonAvailability});
    return schedule;
  }
  return Solver(problem).Run();
}

std::string CheckSchedule(const Problem& problem, const Schedule& schedule) {
  if (schedule.placements.size() != problem.requests.size()) return "one placement per request";
  std::vector<int> party_use(static_cast<size_t>(problem.party_count) * std::max(problem.slot_count, 1), -1);
  std::vector<int> room_use(static_cast<size_t>(problem.slot_count) * std::max(problem.room_count, 1), -1);
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    const auto& placement = schedule.placements[r];
    const auto& request = problem.requests[r];
    if (request.pinned && placement.slot >= 0 &&
        (placement.slot != request.pinned->slot || placement.room != request.pinned->room)) {
      return fmt::format("request {} was pinned but moved", r);
    }
    if (placement.slot < 0) continue;
    if (placement.room < 0 || placement.room >= problem.room_count) return fmt::format("request {} has no room", r);
    if (!request.pinned && std::find(request.allowed_slots.begin(), request.allowed_slots.end(), placement.slot) ==
                               request.allowed_slots.end()) {
      return fmt::format("request {} is outside its availability", r);
    }
    int& room = room_use[static_cast<size_t>(placement.slot) * problem.room_count + placement.room];
    if (room != -1) return fmt::format("room {} booked twice in slot {}", placement.room, placement.slot);
    room = static_cast<int>(r);
    for (int party : request.parties) {
      int& use = party_use[static_cast<size_t>(party) * problem.slot_count + placement.slot];
      if (use != -1) return fmt::format("party {} booked twice in slot {}", party, placement.slot);
      use = static_cast<int>(r);
    }
  }
  return "";
}

}  // namespace entente::events
