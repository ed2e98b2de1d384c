#include "core/db/query.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "core/db/statement_cache.h"

namespace entente::db {

Query& Query::Bind(long long value) {
  sql_ += fmt::format(":p{}", values_.size());
  positional_sql_ += '?';
  values_.emplace_back(value);
  return *this;
}

Query& Query::Bind(std::string value) {
  sql_ += fmt::format(":p{}", values_.size());
  positional_sql_ += '?';
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
  if (soci_->get_indicator(column) == soci::i_null) return 0;
  switch (soci_->get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return soci_->get<int>(column);
    case soci::dt_long_long:
      return soci_->get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(soci_->get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<long long>(soci_->get<double>(column));
    default:
      return std::stoll(soci_->get<std::string>(column));
  }
}

std::string Row::Text(int column) const {
  if (sqlite_ != nullptr) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(sqlite_, column));
    return text == nullptr ? std::string()
                           : std::string(text, static_cast<size_t>(sqlite3_column_bytes(sqlite_, column)));
  }
  if (soci_->get_indicator(column) == soci::i_null) return {};
  switch (soci_->get_properties(column).get_data_type()) {
    case soci::dt_string:
      return soci_->get<std::string>(column);
    default:
      return std::to_string(Integer(column));
  }
}

bool Row::IsNull(int column) const {
  if (sqlite_ != nullptr) return sqlite3_column_type(sqlite_, column) == SQLITE_NULL;
  return soci_->get_indicator(column) == soci::i_null;
}

void Query::ForEachRow(soci::session& session, const std::function<void(const Row&)>& on_row) const {
  if (session.get_backend_name() != "sqlite3") {
    soci::row row;
    soci::statement statement = Prepare(session, [&](soci::statement& s) { s.exchange(soci::into(row)); });
    statement.execute(false);
    while (statement.fetch()) on_row(Row(&row));
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
