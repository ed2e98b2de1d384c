#pragma once
// Bulk writes on SQLite through its C API, under a session that Database::Write gave: a
// statement prepared once and run once per row with its values bound in place (no copy, no
// re-parsing), and a larger page cache for the duration of an import. SOCI's own binding costs
// several allocations per value, which dominates when a million rows are written.
//
// Only for sessions opened on SQLite (db::Dialect::kSqlite). Failures throw soci::soci_error
// carrying SQLite's message ("UNIQUE constraint failed: …"), which DatabaseError maps as it maps
// SOCI's own errors.

#include <string_view>

#include <soci/soci.h>

namespace sqlite_api {
struct sqlite3;
struct sqlite3_stmt;
}  // namespace sqlite_api

namespace entente::db {

class SqliteStatement {
 public:
  // `text` is SQL written in the store, with ?1, ?2… placeholders.
  SqliteStatement(soci::session& session, std::string_view text);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Binds parameter `index` (1-based). Text is not copied: it must stay valid until Run or
  // Next has returned.
  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& Bind(int index, long long value);

  // Runs the statement to its end and resets it for the next row (bindings are replaced by the
  // next Bind calls).
  void Run();
  // Runs a query that returns at most one row: true and the row's first column in `value` when
  // there is one. Resets the statement.
  bool Scalar(long long& value);

  // The rowid of the last row this session inserted.
  long long LastInsertId() const;

 private:
  void Check(int code) const;

  sqlite_api::sqlite3* connection_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
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
