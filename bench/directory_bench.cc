// Find a lawyer and roll import at scale (docs/PERFORMANCE.md).
//
//   entente_directory_bench --database URL [--members N] [--queries Q] [--load csv|entries] [--baseline-trgm]
//
// On an empty database: migrates, loads the demo, then `--members` synthetic lawyers, and reports
// the import rate: by default the roll written as CSV files and imported by the CSV importer
// (RollService::Import, timed from the text); with `--load entries`, ready-made entries through
// the same code as `entente seed synthetic`. Then runs a mix of
// queries in process — exact, partial, other script, one typo, with a filter — and reports
// p50/p95/p99 latency per kind and the typo recall (the intended name among the results).
// With --baseline-trgm (PostgreSQL only): the same names searched the way most applications do,
// pg_trgm similarity over every row, for comparison.

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/app.h"
#include "core/auth/actor.h"
#include "core/csv/csv.h"
#include "core/search/name_folding.h"
#include "modules/directory/synthetic.h"

namespace {

using Clock = std::chrono::steady_clock;

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t index = std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())));
  return values[index];
}

// CPU time of this thread (user and system), in milliseconds: unlike wall time, not lengthened
// while other processes hold the cores.
double ThreadCpuMilliseconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

long PeakKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Drops one letter (a whole UTF-8 sequence) in the middle of the first Latin word longer than
// four bytes: a typo.
std::string WithTypo(const std::string& name) {
  std::string out = name;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find(' ', start);
    if (end == std::string::npos) end = out.size();
    if (end - start > 4 && static_cast<unsigned char>(out[start]) < 0x80) {
      size_t at = start + (end - start) / 2;
      while (at > start && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;  // a letter's first byte
      size_t length = 1;
      while (at + length < end && (static_cast<unsigned char>(out[at + length]) & 0xC0) == 0x80) ++length;
      out.erase(at, length);
      return out;
    }
    start = end + 1;
  }
  return out;
}

// Whether every folded word of `typed` is the same as, the beginning of, or (with 4 letters or
// more) one edit from a folded word of `intended`: the typos the search promises to find. A
// letter dropped before folding can be two edits after it ("Suleymenov" without its m folds to
// "suleenov", two from "suleimenov"), or leave a word too short for typos ("Noël" to "nol").
bool OneEditAfterFolding(const std::string& typed, const std::string& intended) {
  auto intended_words = entente::search::FoldWords(intended);
  for (const auto& word : entente::search::FoldWords(typed)) {
    bool near = false;
    for (const auto& other : intended_words) {
      near = near || other.starts_with(word) || (word.size() >= 4 && entente::search::WithinOneEdit(word, other));
    }
    if (!near) return false;
  }
  return true;
}

// The synthetic roll as each bar's CSV file (docs/ROLL_CSV.md), written before the clock starts,
// then imported through RollService::Import — the CSV importer itself: parsing, checks, the
// lookup of existing roll numbers, and the writes in one transaction.
bool ImportCsv(entente::app::App& app, size_t members) {
  using entente::directory::kRollColumns;
  if (auto bars = entente::directory::SeedSynthetic(app.organizations(), app.roll(), 0); !bars) {
    fmt::print(stderr, "{}\n", bars.error().message());
    return false;
  }
  std::map<std::string, std::string> files;
  for (const char* bar : {"synthetic-bar-kz", "synthetic-bar-fr"}) files[bar] = entente::csv::FormatRow(kRollColumns);
  for (size_t i = 0; i < members; ++i) {
    auto entry = entente::directory::SyntheticEntry(i);
    const auto& names = entry.person.names;
    std::string others;
    for (size_t n = 1; n < names.size(); ++n) others += (n > 1 ? "; " : "") + names[n].full_name;
    std::string languages, areas;
    for (const auto& language : entry.person.languages) languages += (languages.empty() ? "" : "; ") + language;
    for (const auto& area : entry.person.practice_areas) areas += (areas.empty() ? "" : "; ") + area;
    files[i % 3 != 0 ? "synthetic-bar-kz" : "synthetic-bar-fr"] += entente::csv::FormatRow(
        {entry.roll_number, names.front().full_name, others, entry.person.gender, entry.person.city, languages, areas,
         entry.admitted_on.ToString(), std::string(entente::directory::StatusKey(entry.status)),
         entry.status_since.ToString()});
  }
  auto actor = entente::auth::Actor::System("directory-bench");
  double total = 0;
  for (const auto& [bar, file] : files) {
    auto started = Clock::now();
    auto report = app.roll().Import(actor, bar, file, entente::directory::ImportMode::kWrite);
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (!report || !report->written) {
      fmt::print(stderr, "import into {} failed: {}\n", bar,
                 !report ? report.error().message() : report->problems.front().message);
      return false;
    }
    total += seconds;
    fmt::print("import (CSV, RollService::Import) into {}: {} rows, {:.1f} MB in {:.1f} s = {:.0f} rows/s\n", bar,
               report->rows, static_cast<double>(file.size()) / 1e6, seconds,
               static_cast<double>(report->rows) / seconds);
  }
  fmt::print("import (CSV, RollService::Import): {} lawyers in {:.1f} s = {:.0f} rows/s\n", members, total,
             static_cast<double>(members) / total);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Find a lawyer benchmark"};
  std::string url;
  size_t members = 100000, queries = 400;
  bool baseline = false;
  size_t slowest = 0;
  bool misses = false;
  std::string load = "csv";
  cli.add_option("--database", url, "sqlite:///path or postgresql://…")->required();
  cli.add_option("--members", members, "Synthetic lawyers to load into an empty database")->capture_default_str();
  cli.add_option("--queries", queries, "Queries per kind")->capture_default_str();
  cli.add_option("--slowest", slowest, "Also list the slowest queries, with their text");
  cli.add_flag("--misses", misses, "List the queries whose intended name is not on the first page");
  cli.add_option("--load", load,
                 "How to load the synthetic roll: csv (RollService::Import of the roll as CSV files, timed from "
                 "the text) or entries (ready-made entries, as `entente seed synthetic`)")
      ->check(CLI::IsMember({"csv", "entries"}))
      ->capture_default_str();
  cli.add_flag("--baseline-trgm", baseline, "Also time pg_trgm similarity over every row (PostgreSQL)");
  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::warn);

  auto config = entente::app::Config::Load(std::nullopt, {});
  config->database_url = url;
  config->access_log = false;
  config->listen = "127.0.0.1:0";
  auto app = entente::app::App::Create(*config);
  if (!app) {
    fmt::print(stderr, "{}\n", app.error().message());
    return 1;
  }
  auto& people = (*app)->people();
  auto summary = (*app)->organizations().Summary();
  if (summary && summary->organizations == 0) {
    if (auto seeded = (*app)->SeedDemo(); !seeded) return 1;
    if (load == "entries") {
      auto started = Clock::now();
      auto seeded = entente::directory::SeedSynthetic((*app)->organizations(), (*app)->roll(), members);
      if (!seeded) {
        fmt::print(stderr, "{}\n", seeded.error().message());
        return 1;
      }
      double seconds = std::chrono::duration<double>(Clock::now() - started).count();
      fmt::print("import (entries, as `entente seed synthetic`): {} lawyers in {:.1f} s = {:.0f} rows/s\n", members,
                 seconds, static_cast<double>(members) / seconds);
    } else if (!ImportCsv(**app, members)) {
      return 1;
    }
  }

  // The query mix, from people known to exist.
  struct Query {
    std::string kind;
    std::string text;
    std::string bar;
    // The intended person's family name, folded, in each of their names' spellings ("Ghabdullin"
    // and "Ғабдуллин" fold apart): a result with any of them is the name asked for.
    std::vector<std::string> intended;
  };
  std::vector<Query> mix;
  for (size_t i = 0; i < queries; ++i) {
    auto entry = entente::directory::SyntheticEntry((i * 7919) % members);
    const std::string& written = entry.person.names.front().full_name;
    std::string family = written.substr(written.rfind(' ') + 1);
    std::vector<std::string> family_key;
    for (const auto& name : entry.person.names) {
      auto words = entente::search::FoldWords(name.full_name);
      if (!words.empty()) family_key.push_back(words.back());
    }
    std::string other = entry.person.names.size() > 1 ? entry.person.names[1].full_name : written;
    mix.push_back({"exact", written, "", family_key});
    mix.push_back({"partial", family.substr(0, std::min<size_t>(family.size(), family[0] & 0x80 ? 8 : 4)), "", {}});
    mix.push_back({"other script", other, "", family_key});
    std::string typo = WithTypo(written);
    mix.push_back({"one typo", typo, "", family_key});
    if (OneEditAfterFolding(typo, written))
      mix.push_back({"one typo (promised: one edit after folding)", typo, "", family_key});
    mix.push_back({"filtered", family, entry.roll_number.starts_with("KZ") ? "synthetic-bar-kz" : "synthetic-bar-fr",
                   family_key});
  }
  auto IsIntended = [](const Query& query, const std::string& word) {
    return std::find(query.intended.begin(), query.intended.end(), word) != query.intended.end();
  };
  std::map<std::string, std::vector<double>> latency, cpu;
  std::map<std::string, std::pair<int, int>> recall;  // found, asked
  std::vector<std::pair<double, const Query*>> timed;
  for (const auto& query : mix) {
    entente::directory::LawyerQuery request;
    request.text = query.text;
    request.bar = query.bar;
    auto started = Clock::now();
    double cpu_started = ThreadCpuMilliseconds();
    auto found = people.FindLawyers(request, "en");
    cpu[query.kind].push_back(ThreadCpuMilliseconds() - cpu_started);
    double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    latency[query.kind].push_back(elapsed);
    timed.push_back({elapsed, &query});
    if (!found || query.intended.empty()) continue;
    bool hit = false;
    for (const auto& item : found->items) {
      for (const auto& word : entente::search::FoldWords(item.display_name)) hit = hit || IsIntended(query, word);
      for (const auto& other : item.other_names) {
        for (const auto& word : entente::search::FoldWords(other)) hit = hit || IsIntended(query, word);
      }
    }
    if (!hit && misses) {
      fmt::print("miss: {} \"{}\" (intended {})\n", query.kind, query.text, fmt::join(query.intended, " or "));
    }
    recall[query.kind].first += hit ? 1 : 0;
    recall[query.kind].second += 1;
  }
  fmt::print(
      "\n| query kind | queries | p50 ms | p95 ms | p99 ms | CPU p50 ms | CPU p95 ms | intended name found |\n"
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  std::vector<double> all, all_cpu;
  for (const auto& [kind, values] : latency) {
    all.insert(all.end(), values.begin(), values.end());
    all_cpu.insert(all_cpu.end(), cpu[kind].begin(), cpu[kind].end());
    auto [found, asked] = recall[kind];
    fmt::print("| {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {} |\n", kind, values.size(),
               Percentile(values, 0.5), Percentile(values, 0.95), Percentile(values, 0.99), Percentile(cpu[kind], 0.5),
               Percentile(cpu[kind], 0.95), asked ? fmt::format("{}/{}", found, asked) : std::string("—"));
  }
  fmt::print("| all | {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | |\n", all.size(), Percentile(all, 0.5),
             Percentile(all, 0.95), Percentile(all, 0.99), Percentile(all_cpu, 0.5), Percentile(all_cpu, 0.95));
  fmt::print("\npeak memory of this process: {} MiB\n", PeakKilobytes() / 1024);
  if (slowest > 0) {
    std::sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    fmt::print("\nslowest queries:\n");
    for (size_t i = 0; i < std::min(slowest, timed.size()); ++i) {
      fmt::print("  {:.2f} ms  {}  \"{}\"{}\n", timed[i].first, timed[i].second->kind, timed[i].second->text,
                 timed[i].second->bar.empty() ? "" : " bar=" + timed[i].second->bar);
    }
  }

  if (baseline) {
    auto& database = (*app)->database();
    if (database.dialect() != entente::db::Dialect::kPostgres) {
      fmt::print(stderr, "--baseline-trgm needs PostgreSQL\n");
      return 1;
    }
    std::vector<double> times;
    int found_count = 0;
    for (size_t i = 0; i < std::min<size_t>(queries, 20); ++i) {
      const auto& query = mix[i * 5 + 3];  // the typo queries
      auto started = Clock::now();
      auto ids = database.Read([&](soci::session& sql) -> entente::Result<std::vector<std::string>> {
        sql << "CREATE EXTENSION IF NOT EXISTS pg_trgm";
        std::vector<std::string> names(50);
        std::string text = query.text;
        sql << "SELECT display_name FROM people ORDER BY similarity(display_name, :q) DESC LIMIT 50", soci::use(text),
            soci::into(names);
        return names;
      });
      times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
      if (ids) {
        for (const auto& name : *ids) {
          for (const auto& word : entente::search::FoldWords(name)) found_count += IsIntended(query, word) ? 1 : 0;
        }
      }
    }
    fmt::print("\npg_trgm similarity over every row (typo queries): {} queries, p50 {:.1f} ms, p95 {:.1f} ms\n",
               times.size(), Percentile(times, 0.5), Percentile(times, 0.95));
  }
  return 0;
}
