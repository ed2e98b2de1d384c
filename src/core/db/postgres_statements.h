#pragma once
// PostgreSQL statements prepared once per connection and kept, as core/db/statement_cache.h does
// for SQLite: each search statement is then planned from its prepared form and runs in one round
// trip, rather than being prepared, run and released in several. Statements are kept by their
// SQL text ($1, $2, … placeholders; every value bound), at most kKeptStatements per connection.
// A connection that is not registered (KeepPostgresStatementsOf) prepares each time.

#include <libpq-fe.h>

#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace entente::db {

// The libpq connection of a SOCI session on PostgreSQL.
PGconn* PostgresConnection(soci::session& session);

void KeepPostgresStatementsOf(PGconn* connection);
// Stops keeping statements for `connection` (before it closes or after it was lost); nothing is
// sent to the server.
void ForgetPostgresStatementsOf(PGconn* connection);
size_t KeptPostgresStatementCount(PGconn* connection);

// Runs `sql` with `values` (as text) and calls `on_result` with the result of a
// command that succeeded. Throws soci::postgresql_soci_error (with the SQLSTATE) otherwise.
void RunPostgres(PGconn* connection, const std::string& sql, const std::vector<std::string>& values,
                 const std::function<void(const PGresult*)>& on_result);

}  // namespace entente::db
