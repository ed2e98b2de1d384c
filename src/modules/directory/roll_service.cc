#include "modules/directory/roll_service.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/audit/audit_log.h"
#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/csv/csv.h"
#include "core/db/query.h"
#include "modules/directory/organization_service.h"

namespace entente::directory {
namespace {

constexpr size_t kMaxRows = 2'000'000;

std::string JoinList(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : "; ") + item;
  return text;
}

// A person's slug from the bar and the roll number: stable across imports, readable, and
// distinct for distinct roll numbers (a short hash of the exact roll number ends it, since
// "A-1" and "a 1" read alike).
std::string SlugFor(const std::string& bar, const std::string& roll_number) {
  unsigned char hash[4];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(roll_number.data()), roll_number.size(),
                     nullptr, 0);
  std::string slug = bar + "-roll-";
  for (unsigned char c : roll_number) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      slug.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!slug.ends_with('-')) {
      slug.push_back('-');
    }
  }
  if (!slug.ends_with('-')) slug.push_back('-');
  return slug + fmt::format("{:02x}{:02x}{:02x}{:02x}", hash[0], hash[1], hash[2], hash[3]);
}

struct ParsedRow {
  size_t line = 0;
  std::string roll_number;
  PersonInput person;
  PartialDate admitted_on;
  MembershipStatus status = MembershipStatus::kActive;
  PartialDate status_since;
};

// Leave to change or read `bar_slug`'s roll: its administrators (and platform admins). A bar
// the actor may not see is as unknown as one that does not exist.
Result<auth::Permit<OrganizationId>> RollPermit(soci::session& sql, const OrganizationStore& organizations,
                                                const auth::Actor& actor, const std::string& bar_slug,
                                                const char* refusal) {
  auto permit = AdminPermit(sql, organizations, actor, bar_slug, refusal);
  if (!permit && permit.error().code() == ErrorCode::kNotFound)
    return Fail(Error::NotFound(N_("There is no such bar.")));
  return permit;
}

// The header's known columns by name; unknown ones are reported as ignored, a doubled or
// missing required one as a problem.
std::map<std::string, size_t> ReadHeader(const csv::Document& document, RollImportReport& report) {
  for (const auto& problem : document.problems) report.problems.push_back({problem.line, "", problem.message});
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < document.header.size(); ++i) {
    std::string name = document.header[i];
    if (std::find(kRollColumns.begin(), kRollColumns.end(), name) == kRollColumns.end()) {
      report.ignored_columns.push_back(name);
    } else if (!column.emplace(name, i).second) {
      report.problems.push_back({1, name, N_("This column appears twice.")});
    }
  }
  for (const char* required : {"roll_number", "name"}) {
    if (document.problems.empty() && !column.contains(required)) {
      report.problems.push_back({1, required, N_("This required column is missing.")});
    }
  }
  if (document.rows.size() > kMaxRows) report.problems.push_back({0, "", N_("The file has too many rows.")});
  return column;
}

// The person's fields of a row: names, gender, city, languages, practice areas.
void ReadPerson(const std::function<std::string(const char*)>& cell,
                const std::function<void(const char*, const std::string&)>& problem, PersonInput& person) {
  std::string name = cell("name");
  if (name.empty() || name.size() > 300) problem("name", N_("A name must have between 1 and 300 characters."));
  person.names.push_back({name, DetectScript(name), NameKind::kAsWritten, "", ""});
  for (auto& other : SplitList(cell("other_names"), ";")) {
    person.names.push_back({other, DetectScript(other), NameKind::kTransliterated, "", ""});
  }
  person.gender = cell("gender");
  if (!person.gender.empty() && person.gender != "female" && person.gender != "male" && person.gender != "other") {
    problem("gender", N_("Use female, male, other, or leave it empty."));
  }
  person.city = cell("city");
  person.languages = SplitList(cell("languages"), ";");
  for (const auto& language : person.languages) {
    if (language.size() < 2 || language.size() > 3 ||
        !std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      problem("languages", N_("Give languages as ISO codes: fr, ru, kk, en."));
      break;
    }
  }
  person.practice_areas = SplitList(cell("practice_areas"), ";");
}

// One row, its problems added to the report; `seen` holds the roll numbers of earlier lines.
std::optional<ParsedRow> ReadRow(const csv::Document& document, const csv::Row& row,
                                 const std::map<std::string, size_t>& column, const std::string& bar_slug,
                                 std::map<std::string, size_t>& seen, RollImportReport& report) {
  auto cell = [&](const char* name) -> std::string {
    auto it = column.find(name);
    return it == column.end() || it->second >= row.fields.size() ? std::string() : row.fields[it->second];
  };
  auto problem = [&](const char* name, const std::string& message) {
    report.problems.push_back({row.line, name, message});
  };
  if (row.fields.size() != document.header.size()) {
    report.problems.push_back({row.line, "", N_("This line does not have as many fields as the header.")});
    return std::nullopt;
  }
  ParsedRow parsed;
  parsed.line = row.line;
  parsed.roll_number = cell("roll_number");
  if (parsed.roll_number.empty() || parsed.roll_number.size() > 50) {
    problem("roll_number", N_("Give a roll number of 1 to 50 characters."));
  } else if (auto [it, inserted] = seen.emplace(parsed.roll_number, row.line); !inserted) {
    problem("roll_number", N_("This roll number appears on an earlier line."));
  }
  ReadPerson(cell, problem, parsed.person);
  auto admitted = PartialDate::Parse(cell("admitted_on"));
  if (admitted) {
    parsed.admitted_on = *admitted;
  } else {
    problem("admitted_on", admitted.error().message());  // "This date does not exist.", or the format
  }
  std::string status = cell("status").empty() ? "active" : cell("status");
  if (auto parsed_status = ParseStatus(status)) {
    parsed.status = *parsed_status;
  } else {
    problem("status", N_("Use active, suspended, honorary or former."));
  }
  auto since = PartialDate::Parse(cell("status_since"));
  if (since) {
    parsed.status_since = *since;
  } else {
    problem("status_since", since.error().message());
  }
  parsed.person.slug = SlugFor(bar_slug, parsed.roll_number);
  return parsed;
}

constexpr const char* kOnlyAdminsChange = N_("Only the bar's administrators may change its roll.");

}  // namespace

Result<RollImportReport> RollService::Import(const auth::Actor& actor, const std::string& bar_slug,
                                             std::string_view csv_text, ImportMode mode,
                                             const std::function<void(size_t, size_t)>& progress) {
  auto bar = database_.Read([&](soci::session& sql) -> Result<auth::Permit<OrganizationId>> {
    return RollPermit(sql, organizations_, actor, bar_slug, kOnlyAdminsChange);
  });
  if (!bar) return Fail(bar.error());

  RollImportReport report;
  csv::Document document = csv::Parse(csv_text);
  std::map<std::string, size_t> column = ReadHeader(document, report);
  if (!report.problems.empty()) return report;

  std::vector<ParsedRow> rows;
  rows.reserve(document.rows.size());
  std::map<std::string, size_t> seen;
  for (const auto& row : document.rows) {
    if (auto parsed = ReadRow(document, row, column, bar_slug, seen, report)) rows.push_back(std::move(*parsed));
  }
  report.rows = document.rows.size();
  if (!report.problems.empty()) return report;

  // Which roll numbers are already on the roll, and whose they are.
  auto existing = database_.Read([&](soci::session& sql) -> Result<std::map<std::string, PeopleStore::RollHolder>> {
    return people_.RollNumbers(sql, bar->id());
  });
  if (!existing) return Fail(existing.error());
  for (const auto& row : rows) (existing->contains(row.roll_number) ? report.updated : report.created) += 1;
  if (mode == ImportMode::kCheckOnly) return report;

  auto written = database_.Write([&](soci::session& sql) -> Status {
    std::vector<PeopleStore::RollEntry> entries;
    entries.reserve(rows.size());
    for (auto& row : rows) {
      // A roll number already held keeps its person (whatever their slug); a new one gets one.
      if (auto it = existing->find(row.roll_number); it != existing->end()) row.person.slug = it->second.slug;
      entries.push_back({std::move(row.person), row.roll_number, row.admitted_on, row.status, row.status_since});
    }
    people_.BulkUpsert(sql, *bar, entries, progress);
    audit::Record(
        sql, actor,
        {"roll.import", "organization", bar->id().value(), bar->id(),
         nlohmann::json({{"rows", rows.size()}, {"created", report.created}, {"updated", report.updated}}).dump()});
    return {};
  });
  if (!written) return Fail(written.error());
  report.written = true;
  RefreshStatisticsAfter(rows.size());
  return report;
}

void RollService::RefreshStatisticsAfter(size_t rows) {
  if (rows < 1000) return;
  auto refreshed = database_.Read([&](soci::session& sql) -> Status {
    people_.RefreshStatistics(sql);
    return {};
  });
  if (!refreshed) spdlog::warn("statistics not refreshed after an import: {}", refreshed.error().message());
}

Status RollService::Write(const auth::Actor& actor, const std::string& bar_slug,
                          std::vector<PeopleStore::RollEntry> entries,
                          const std::function<void(size_t, size_t)>& progress) {
  size_t count = entries.size();
  auto written = database_.Write([&](soci::session& sql) -> Status {
    auto bar = RollPermit(sql, organizations_, actor, bar_slug, kOnlyAdminsChange);
    if (!bar) return Fail(bar.error());
    people_.BulkUpsert(sql, *bar, entries, progress);
    audit::Record(
        sql, actor,
        {"roll.write", "organization", bar->id().value(), bar->id(), nlohmann::json({{"rows", count}}).dump()});
    return {};
  });
  if (written) RefreshStatisticsAfter(count);
  return written;
}

Status RollService::Authorize(const auth::Actor& actor, const std::string& bar_slug) {
  auto bar = database_.Read([&](soci::session& sql) -> Result<auth::Permit<OrganizationId>> {
    return RollPermit(sql, organizations_, actor, bar_slug, kOnlyAdminsChange);
  });
  if (!bar) return Fail(bar.error());
  return {};
}

Result<std::string> RollService::Export(const auth::Actor& actor, const std::string& bar_slug) {
  return database_.Read([&](soci::session& sql) -> Result<std::string> {
    auto bar =
        RollPermit(sql, organizations_, actor, bar_slug, N_("Only the bar's administrators may export its roll."));
    if (!bar) return Fail(bar.error());
    std::string out = csv::FormatRow(kRollColumns);
    for (const auto& row : people_.RollRows(sql, bar->id())) {
      std::vector<std::string> others(row.names.size() > 1 ? row.names.begin() + 1 : row.names.end(), row.names.end());
      out += csv::FormatRow({row.roll_number, row.names.empty() ? "" : row.names.front(), JoinList(others), row.gender,
                             row.city, JoinList(row.languages), JoinList(row.practice_areas), row.admitted_on,
                             row.status, row.status_since});
    }
    return out;
  });
}

}  // namespace entente::directory
