#pragma once
// SQLite statements prepared once per connection and kept. A search runs the same few statement
// shapes again and again, and SQLite's parsing and planning of a UNION of index reads costs more
// than running it. Statements are kept by their SQL text (the text holds no value: every value
// is bound), at most kKeptStatements per connection, the least recently used finalized first.
//
// Only connections registered by their owner (Database::Open) keep statements, and the owner
// forgets them before closing the connection, since SQLite cannot close a connection whose
// statements are not finalized. Other connections prepare and finalize each time.
//
//   CachedStatement statement(connection, sql);  // taken from the cache, or prepared
//   sqlite3_bind_int64(statement.get(), 1, 42);
//   while (statement.Step()) …;                  // then reset and given back when it goes

#include <soci/soci.h>

#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace entente::db {

// An error SQLite reported, with its message (which never holds bound values).
class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr size_t kKeptStatements = 128;

// The SQLite connection of a SOCI session on SQLite.
sqlite3* SqliteConnection(soci::session& session);

// Starts keeping statements for `connection`.
void KeepStatementsOf(sqlite3* connection);
// Finalizes the statements kept for `connection` and stops keeping them.
void ForgetStatementsOf(sqlite3* connection);

// How many statements `connection` keeps now (for tests).
size_t KeptStatementCount(sqlite3* connection);

// A statement leased from its connection's cache for one execution.
class CachedStatement {
 public:
  // Throws SqliteError when the SQL does not prepare.
  CachedStatement(sqlite3* connection, const std::string& sql);
  ~CachedStatement();
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  sqlite3_stmt* get() const { return statement_; }
  // The next row: true while there is one; throws SqliteError on an error.
  bool Step();

 private:
  sqlite3* connection_;
  std::string sql_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace entente::db
