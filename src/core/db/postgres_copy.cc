#include "core/db/postgres_copy.h"

#include <libpq-fe.h>

#include <soci/postgresql/soci-postgresql.h>

namespace entente::db {
namespace {

constexpr size_t kSendBytes = 256 * 1024;

PGconn* NativeConnection(soci::session& session) {
  // By name: SOCI's backend classes export no type information for dynamic_cast.
  if (session.get_backend_name() != "postgresql") throw soci::soci_error("PostgresCopy needs a PostgreSQL session");
  return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

}  // namespace

PostgresCopy::PostgresCopy(soci::session& session, std::string_view statement)
    : connection_(NativeConnection(session)) {
  PGresult* result = PQexec(connection_, std::string(statement).c_str());
  bool started = PQresultStatus(result) == PGRES_COPY_IN;
  if (!started) {
    finished_ = true;
    Fail(result);
  }
  PQclear(result);
  buffer_.reserve(kSendBytes + 4096);
}

PostgresCopy::~PostgresCopy() {
  if (finished_) return;
  // Unwinding: abandon the COPY so that the connection is usable for the ROLLBACK.
  PQputCopyEnd(connection_, "import abandoned");
  while (PGresult* result = PQgetResult(connection_)) PQclear(result);
}

void PostgresCopy::Fail(const std::string& what) { throw soci::soci_error("postgresql COPY: " + what); }

void PostgresCopy::Fail(PGresult* result) {
  // With the SQLSTATE, so that DatabaseError maps a constraint violation as it does SOCI's.
  std::string message = PQresultErrorMessage(result);
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  std::string sqlstate = state ? state : "XX000";
  PQclear(result);
  throw soci::postgresql_soci_error("postgresql COPY: " + message, sqlstate.c_str());
}

PostgresCopy& PostgresCopy::Add(std::string_view text) {
  if (row_started_) buffer_.push_back('\t');
  row_started_ = true;
  for (char c : text) {
    switch (c) {
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      default:
        buffer_.push_back(c);
    }
  }
  return *this;
}

PostgresCopy& PostgresCopy::Add(long long value) { return Add(std::to_string(value)); }

void PostgresCopy::EndRow() {
  buffer_.push_back('\n');
  row_started_ = false;
  if (buffer_.size() >= kSendBytes) Send();
}

void PostgresCopy::Send() {
  if (buffer_.empty()) return;
  if (PQputCopyData(connection_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    Fail(PQerrorMessage(connection_));
  }
  buffer_.clear();
}

void PostgresCopy::Finish() {
  Send();
  finished_ = true;
  if (PQputCopyEnd(connection_, nullptr) != 1) Fail(PQerrorMessage(connection_));
  PGresult* failed = nullptr;
  while (PGresult* result = PQgetResult(connection_)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && failed == nullptr) {
      failed = result;
    } else {
      PQclear(result);
    }
  }
  if (failed) Fail(failed);
}

}  // namespace entente::db
