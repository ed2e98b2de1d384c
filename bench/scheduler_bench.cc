// The private-meeting scheduler on generated instances, beside the exact optimum of the same
// instance: the tool writes it as a MIP (CPLEX LP format) and runs Debian's CBC on it (never at
// run time). Figures in docs/PERFORMANCE.md.
//
//   entente_scheduler_bench --instance table-bound  [--cbc-seconds 300] [--seed 1]
//   entente_scheduler_bench --instance people-bound
//
// table-bound:  300 participants, 150 institutions and committees, 4 days x 16 slots, 30 tables,
//               3,000 requests with Zipf-skewed demand for hosts.
// people-bound: 150 participants x 150 hosts, 4 x 16 slots, 60 tables, 6,000 requests.
//
// The MIP: x[r,s] = 1 when request r meets in slot s (only slots where both sides are free);
// each request at most once; each party at most once per slot; at most `tables` meetings per
// slot (tables as a capacity per slot); maximize 100000 x (requests met) + total priority, so
// that meeting more requests always comes first, as in the scheduler.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>

#include "modules/events/scheduler.h"

namespace {

using entente::events::Problem;
using entente::events::ScheduleRequest;

constexpr long long kMetWeight = 100000;

Problem Generate(const std::string& kind, unsigned seed) {
  bool table_bound = kind == "table-bound";
  int participants = table_bound ? 300 : 150;
  int hosts = 150;
  int slots = 4 * 16;
  int tables = table_bound ? 30 : 60;
  int requests = table_bound ? 3000 : 6000;
  std::mt19937 random(seed);
  Problem problem{.slot_count = slots, .room_count = tables, .party_count = participants + hosts};
  // Availability: a participant misses about a quarter of the slots (random half-days); a host
  // receives on about three half-days of the eight.
  std::vector<std::vector<bool>> available(problem.party_count, std::vector<bool>(slots, true));
  std::bernoulli_distribution misses(0.25), receives(0.375);
  for (int p = 0; p < problem.party_count; ++p) {
    for (int half_day = 0; half_day < 8; ++half_day) {
      bool free = p < participants ? !misses(random) : receives(random);
      for (int s = half_day * 8; s < half_day * 8 + 8; ++s) available[p][s] = free;
    }
  }
  std::vector<double> weights;
  for (int h = 0; h < hosts; ++h) weights.push_back(1.0 / (h + 1));  // Zipf, exponent 1
  std::discrete_distribution<int> host(weights.begin(), weights.end());
  std::uniform_int_distribution<int> participant(0, participants - 1), priority(1, 5);
  std::set<std::pair<int, int>> seen;
  while (static_cast<int>(problem.requests.size()) < requests) {
    int a = participant(random), b = participants + host(random);
    if (!seen.insert({a, b}).second) continue;
    ScheduleRequest request{.parties = {a, b}, .priority = priority(random)};
    for (int s = 0; s < slots; ++s) {
      if (available[a][s] && available[b][s]) request.allowed_slots.push_back(s);
    }
    problem.requests.push_back(std::move(request));
  }
  return problem;
}

void WriteLp(const Problem& problem, const std::filesystem::path& path) {
  std::ofstream out(path);
  out << "Maximize\n obj:";
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    for (int s : problem.requests[r].allowed_slots) {
      out << fmt::format(" + {} x{}_{}", kMetWeight + problem.requests[r].priority, r, s);
    }
    out << "\n";
  }
  out << "Subject To\n";
  std::vector<std::vector<std::string>> by_party_slot(static_cast<size_t>(problem.party_count) * problem.slot_count);
  std::vector<std::vector<std::string>> by_slot(problem.slot_count);
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    const auto& request = problem.requests[r];
    if (request.allowed_slots.empty()) continue;
    out << " once" << r << ":";
    for (int s : request.allowed_slots) {
      std::string name = fmt::format("x{}_{}", r, s);
      out << " + " << name;
      by_slot[s].push_back(name);
      for (int p : request.parties) by_party_slot[static_cast<size_t>(p) * problem.slot_count + s].push_back(name);
    }
    out << " <= 1\n";
  }
  for (size_t i = 0; i < by_party_slot.size(); ++i) {
    if (by_party_slot[i].size() < 2) continue;
    out << " party" << i << ":";
    for (const auto& name : by_party_slot[i]) out << " + " << name;
    out << " <= 1\n";
  }
  for (int s = 0; s < problem.slot_count; ++s) {
    if (static_cast<int>(by_slot[s].size()) <= problem.room_count) continue;
    out << " tables" << s << ":";
    for (const auto& name : by_slot[s]) out << " + " << name;
    out << " <= " << problem.room_count << "\n";
  }
  out << "Binary\n";
  for (size_t r = 0; r < problem.requests.size(); ++r) {
    for (int s : problem.requests[r].allowed_slots) out << fmt::format(" x{}_{}\n", r, s);
  }
  out << "End\n";
}

std::string Run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
  pclose(pipe);
  return output;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Meeting scheduler benchmark against CBC"};
  std::string instance = "table-bound";
  int cbc_seconds = 300;
  unsigned seed = 1;
  bool skip_cbc = false;
  app.add_option("--instance", instance)->check(CLI::IsMember({"table-bound", "people-bound"}));
  app.add_option("--cbc-seconds", cbc_seconds);
  app.add_option("--seed", seed);
  app.add_flag("--skip-cbc", skip_cbc);
  CLI11_PARSE(app, argc, argv);

  Problem problem = Generate(instance, seed);
  problem.time_budget = std::chrono::milliseconds(900);
  auto started = std::chrono::steady_clock::now();
  auto schedule = entente::events::SolveSchedule(problem);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string broken = entente::events::CheckSchedule(problem, schedule);
  long long objective = kMetWeight * schedule.met + schedule.total_priority;
  fmt::print("instance {} (seed {}): {} requests, {} slots, {} tables\n", instance, seed, problem.requests.size(),
             problem.slot_count, problem.room_count);
  fmt::print("scheduler: {:.3f} s, met {}, total priority {}, objective {}, guarantees {}\n", seconds, schedule.met,
             schedule.total_priority, objective, broken.empty() ? "hold" : broken);
  if (skip_cbc) return broken.empty() ? 0 : 1;

  auto lp = std::filesystem::temp_directory_path() / fmt::format("entente-schedule-{}-{}.lp", instance, seed);
  WriteLp(problem, lp);
  auto cbc_started = std::chrono::steady_clock::now();
  std::string output = Run(fmt::format("cbc {} sec {} solve 2>&1", lp.string(), cbc_seconds));
  double cbc_seconds_taken = std::chrono::duration<double>(std::chrono::steady_clock::now() - cbc_started).count();
  std::smatch match;
  double lp_bound = 0, best = 0;
  if (std::regex_search(output, match, std::regex("Continuous objective value is ([-0-9.e+]+)"))) {
    lp_bound = std::stod(match[1]);
  }
  bool optimal = output.find("Result - Optimal solution found") != std::string::npos;
  if (std::regex_search(output, match, std::regex("Objective value:\\s+([-0-9.e+]+)"))) best = std::stod(match[1]);
  long long best_met = static_cast<long long>(best) / kMetWeight;
  long long best_priority = static_cast<long long>(best) % kMetWeight;
  fmt::print("cbc: {:.1f} s, {}, objective {:.0f} (met {}, priority {})\n", cbc_seconds_taken,
             optimal ? "optimal" : "stopped (best found)", best, best_met, best_priority);
  // CBC's "continuous objective" is that of its preprocessed model: printed for reference only.
  if (lp_bound > 0) fmt::print("cbc continuous objective (after preprocessing): {:.0f}\n", lp_bound);
  if (best > 0) {
    fmt::print("scheduler / CBC: requests met {:.2f}%, total priority {:.2f}%\n", 100.0 * schedule.met / best_met,
               100.0 * schedule.total_priority / best_priority);
  }
  return broken.empty() ? 0 : 1;
}
