#pragma once
// Bulk inserts as multi-row INSERT statements: "INSERT … VALUES (…), (…), … [suffix]", a few
// hundred rows per statement and every value bound. One round trip per statement on both
// backends (SOCI's vector binding runs row by row on PostgreSQL).

#include <string>
#include <variant>
#include <vector>

#include <soci/soci.h>

namespace entente::db {

class RowsInsert {
 public:
  using Value = std::variant<long long, std::string>;

  // `prefix` ends with "VALUES "; `suffix` (may be empty) is e.g. " ON CONFLICT DO NOTHING".
  // Both are SQL written in the store, never input.
  RowsInsert(std::string prefix, std::string suffix, size_t columns);

  // Adds a row (of `columns` values); runs a statement when enough rows are waiting.
  void Add(soci::session& sql, std::vector<Value> row);
  // Runs the waiting rows.
  void Flush(soci::session& sql);

 private:
  std::string prefix_;
  std::string suffix_;
  size_t columns_;
  size_t rows_per_statement_;
  std::vector<std::vector<Value>> rows_;
};

}  // namespace entente::db
