#include "core/db/query.h"

#include <sqlite3.h>

#include <cstdlib>

#include <fmt/format.h>

#include "core/db/postgres_statements.h"
#include "core/db/statement_cache.h"

namespace entente::db {

Query& Query::Bind(long long value) {
  sql_ += fmt::format(":p{}", values_.size());
  positional_sql_ += '?';
  numbered_sql_ += fmt::format("${}", values_.size() + 1);
  values_.emplace_back(value);
  return *this;
}

Query& Query::Bind(std::string value) {
  sql_ += fmt::format(":p{}", values_.size());
  positional_sql_ += '?';
  numbered_sql_ += fmt::format("${}", values_.size() + 1);
  values_.emplace_back(std::move(value));
  return *this;
}

namespace {

std::string EscapeLike(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped.push_back('\\');
    escaped.push_back(c);
  }
  return escaped;
}

}  // namespace

Query& Query::BindContains(std::string_view text) {
  Append("LIKE ");
  Bind("%" + EscapeLike(text) + "%");
  return Append(" ESCAPE '\\'");
}

Query& Query::BindStartsWith(std::string_view text) {
  Append("LIKE ");
  Bind(EscapeLike(text) + "%");
  return Append(" ESCAPE '\\'");
}

Query& Query::BindList(const std::vector<long long>& values) {
  if (values.empty()) return Append("NULL");
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) Append(", ");
    Bind(values[i]);
  }
  return *this;
}

long long Row::Integer(int column) const {
  if (sqlite_ != nullptr) return sqlite3_column_int64(sqlite_, column);
  if (PQgetisnull(postgres_, row_, column)) return 0;
  const char* text = PQgetvalue(postgres_, row_, column);
  if (text[0] == 't' || text[0] == 'f') return text[0] == 't' ? 1 : 0;  // a boolean
  return std::strtoll(text, nullptr, 10);
}

std::string Row::Text(int column) const {
  if (sqlite_ != nullptr) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(sqlite_, column));
    return text == nullptr ? std::string()
                           : std::string(text, static_cast<size_t>(sqlite3_column_bytes(sqlite_, column)));
  }
  return std::string(PQgetvalue(postgres_, row_, column), static_cast<size_t>(PQgetlength(postgres_, row_, column)));
}

bool Row::IsNull(int column) const {
  if (sqlite_ != nullptr) return sqlite3_column_type(sqlite_, column) == SQLITE_NULL;
  return PQgetisnull(postgres_, row_, column) != 0;
}

void Query::ForEachRow(soci::session& session, const std::function<void(const Row&)>& on_row) const {
  if (session.get_backend_name() == "postgresql") {
    std::vector<std::string> texts;
    texts.reserve(values_.size());
    for (const auto& value : values_) {
      const auto* number = std::get_if<long long>(&value);
      texts.push_back(number != nullptr ? std::to_string(*number) : std::get<std::string>(value));
    }
    RunPostgres(PostgresConnection(session), numbered_sql_, texts, [&](const PGresult* result) {
      for (int row = 0, rows = PQntuples(result); row < rows; ++row) on_row(Row(result, row));
    });
    return;
  }
  CachedStatement statement(SqliteConnection(session), positional_sql_);
  int index = 0;
  for (const auto& value : values_) {
    ++index;
    if (const auto* number = std::get_if<long long>(&value)) {
      sqlite3_bind_int64(statement.get(), index, *number);
    } else {
      // The values outlive the statement's execution: SQLite need not copy them.
      const auto& text = std::get<std::string>(value);
      sqlite3_bind_text(statement.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    }
  }
  Row row(statement.get());
  while (statement.Step()) on_row(row);
}

soci::statement Query::Prepare(soci::session& session, const std::function<void(soci::statement&)>& add_intos) const {
  soci::statement statement(session);
  add_intos(statement);
  for (auto& value : values_) {
    if (auto* number = std::get_if<long long>(&value)) {
      statement.exchange(soci::use(*number));
    } else {
      statement.exchange(soci::use(std::get<std::string>(value)));
    }
  }
  statement.alloc();
  // Values are bound in order of appearance, so positional placeholders fit; SQLite's lookup of
  // named ones is linear in their number, which a multi-row insert makes quadratic.
  statement.prepare(session.get_backend_name() == "sqlite3" ? positional_sql_ : sql_);
  statement.define_and_bind();
  return statement;
}

}  // namespace entente::db
