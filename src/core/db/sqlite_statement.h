#pragma once
// Bulk writes on SQLite through its C API, under a session that Database::Write gave: a
// statement prepared once and run once per row with its values bound in place (no copy, no
// re-parsing), and a larger page cache for the duration of an import. SOCI's own binding costs
// several allocations per value, which dominates when a million rows are written.
//
// Only for sessions opened on SQLite (db::Dialect::kSqlite). Failures throw soci::soci_error
// carrying SQLite's message ("UNIQUE constraint failed: …"), which DatabaseError maps as it maps
// SOCI's own errors.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <soci/soci.h>

#include "core/db/statement_cache.h"

namespace entente::db {

class SqliteStatement {
 public:
  // `text` is SQL written in the store, with ?1, ?2… placeholders.
  // The statement is taken from the connection's kept statements (core/db/statement_cache.h),
  // or prepared, and given back when this goes.
  SqliteStatement(soci::session& session, std::string_view text);

  // Binds parameter `index` (1-based). Text is not copied: it must stay valid until Run or
  // Next has returned.
  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& Bind(int index, long long value);

  // Runs the statement to its end and resets it for the next row (bindings are replaced by the
  // next Bind calls). Returns the number of rows it inserted, updated or deleted. `on_row` (if
  // given) sees each row the statement returns (a query's, or RETURNING's), through Integer and
  // Text.
  int Run(const std::function<void(const SqliteStatement&)>& on_row = {});
  // A column of the current row (0-based), while `on_row` runs.
  long long Integer(int column) const;
  std::string_view Text(int column) const;
  // Runs a query that returns at most one row: true and the row's first column in `value` when
  // there is one. Resets the statement.
  bool Scalar(long long& value);

  // The rowid of the last row this session inserted.
  long long LastInsertId() const;

 private:
  void Check(int code) const;

  sqlite3* connection_;
  CachedStatement statement_;
};

// Many rows into one table: "head (?, …), (?, …), … tail", prepared once for `rows_per_statement`
// rows and once for one row (for the rows left when Flush is called). One statement run per
// batch opens the table's and its indexes' cursors once, where a statement per row opens them
// for every row. Values are bound in place: text must stay valid until Flush has returned.
// One-column rows also make an IN list: "DELETE FROM t WHERE id IN (" … ")".
class SqliteInsert {
 public:
  // `head` ends with "VALUES "; `tail` (may be empty) is e.g. " ON CONFLICT DO NOTHING" or
  // " RETURNING id". Both are SQL written in the store. `on_row` sees the rows a RETURNING clause
  // returns, batch by batch (SQLite does not promise their order).
  SqliteInsert(soci::session& session, std::string_view head, size_t columns, std::string_view tail = {},
               std::function<void(const SqliteStatement&)> on_row = {}, size_t rows_per_statement = 256);

  // Appends a value to the current row; a batch runs once it is full.
  SqliteInsert& Add(std::string_view text) { return Push(text); }
  SqliteInsert& Add(long long value) { return Push(value); }
  // Runs the rows still waiting.
  void Flush();

 private:
  using Value = std::variant<std::string_view, long long>;
  SqliteInsert& Push(Value value);
  static void BindAll(SqliteStatement& statement, const Value* values, size_t count);

  size_t columns_;
  std::function<void(const SqliteStatement&)> on_row_;
  size_t rows_per_statement_;
  SqliteStatement batch_;
  SqliteStatement single_;
  std::vector<Value> values_;
};

// While alive, the session's page cache holds up to `kibibytes` KiB (PRAGMA cache_size), so that
// a large import's index pages stay in memory instead of spilling to the WAL and being read back;
// the previous size is restored afterwards. The memory is only used as pages are touched.
class SqlitePageCache {
 public:
  SqlitePageCache(soci::session& session, long long kibibytes);
  ~SqlitePageCache();
  SqlitePageCache(const SqlitePageCache&) = delete;
  SqlitePageCache& operator=(const SqlitePageCache&) = delete;

 private:
  soci::session& session_;
  long long previous_ = 0;
};

}  // namespace entente::db
