#pragma once
// A bar's roll as CSV: import (with a dry run) and export, in one documented format
// (docs/ROLL_CSV.md):
//
//   roll_number,name,other_names,gender,city,languages,practice_areas,admitted_on,status,status_since
//
// Required: roll_number and name. Lists (other_names, languages, practice_areas) are separated
// by ";". Columns not listed here are ignored (an import cannot set what it does not document).
// Rows are upserted by (bar, roll number); a file with any problem writes nothing.

#include <functional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/db/database.h"
#include "modules/directory/organization_store.h"
#include "modules/directory/people_store.h"

namespace entente::directory {

inline const std::vector<std::string> kRollColumns = {"roll_number", "name",        "other_names",    "gender",
                                                      "city",        "languages",   "practice_areas", "admitted_on",
                                                      "status",      "status_since"};

struct RollProblem {
  size_t line = 0;
  std::string column;   // empty for the whole line or file
  std::string message;  // English msgid
};

struct RollImportReport {
  size_t rows = 0;
  size_t created = 0;  // new roll numbers
  size_t updated = 0;  // roll numbers already on the roll
  bool written = false;
  std::vector<std::string> ignored_columns;
  std::vector<RollProblem> problems;  // when not empty, nothing was written
};

// Whether an import writes the roll or only checks the file.
enum class ImportMode { kCheckOnly, kWrite };

class RollService {
 public:
  explicit RollService(db::Database& database) : database_(database) {}

  // Checks every line, then (in ImportMode::kWrite, and only when no line has a problem) writes
  // all of them in one transaction. `progress(done, total)` is called as rows are written.
  // kPermissionDenied unless the actor administers the bar; kNotFound for an unknown bar.
  Result<RollImportReport> Import(const auth::Actor& actor, const std::string& bar_slug, std::string_view csv_text,
                                  ImportMode mode, const std::function<void(size_t, size_t)>& progress = {});

  // Writes already-checked entries to the bar's roll in one transaction (the synthetic roll
  // uses this; Import does after its checks). Entries must have distinct roll numbers.
  Status Write(const auth::Actor& actor, const std::string& bar_slug, std::vector<PeopleStore::RollEntry> entries,
               const std::function<void(size_t, size_t)>& progress = {});

  // Whether the actor may work on the bar's roll: kNotFound for a bar the actor may not see (or
  // none), kPermissionDenied for a visible bar the actor does not administer.
  Status Authorize(const auth::Actor& actor, const std::string& bar_slug);

  // The bar's roll in the same format, ordered by roll number.
  Result<std::string> Export(const auth::Actor& actor, const std::string& bar_slug);

 private:
  void RefreshStatisticsAfter(size_t rows);

  db::Database& database_;
  PeopleStore people_;
  OrganizationStore organizations_;
};

}  // namespace entente::directory
