#include "core/db/query.h"

#include <fmt/format.h>

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
