#pragma once
// Bulk writes on PostgreSQL: `COPY table (columns) FROM STDIN` on the session's libpq
// connection, rows sent in COPY's text format in large pieces. Values travel as data, never as
// SQL, so nothing is bound and nothing needs quoting beyond COPY's own escapes. Several times
// faster than multi-row INSERTs, which the server must parse and plan.
//
// Only for sessions opened on PostgreSQL (db::Dialect::kPostgres), inside the caller's
// transaction. Failures throw soci::soci_error with the server's message; after a failure the
// transaction is aborted and must be rolled back (Database::Write does).

#include <string>
#include <string_view>

#include <soci/soci.h>

struct pg_conn;
struct pg_result;

namespace entente::db {

class PostgresCopy {
 public:
  // `statement` is a COPY … FROM STDIN written in the store.
  PostgresCopy(soci::session& session, std::string_view statement);
  // Ends an unfinished COPY with an error (the transaction then fails).
  ~PostgresCopy();
  PostgresCopy(const PostgresCopy&) = delete;
  PostgresCopy& operator=(const PostgresCopy&) = delete;

  // Appends one value to the current row.
  PostgresCopy& Add(std::string_view text);
  PostgresCopy& Add(long long value);
  // Ends the current row.
  void EndRow();
  // Sends what is left and ends the COPY.
  void Finish();

 private:
  void Send();
  [[noreturn]] void Fail(const std::string& what);
  // Throws with the result's message and SQLSTATE; clears `result`.
  [[noreturn]] void Fail(pg_result* result);

  pg_conn* connection_;
  std::string buffer_;
  bool row_started_ = false;
  bool finished_ = false;
};

}  // namespace entente::db
