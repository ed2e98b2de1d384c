#include "core/db/sqlite_statement.h"

#include <sqlite3.h>

#include <string>

#include <fmt/format.h>

namespace entente::db {
namespace {

sqlite3* NativeConnection(soci::session& session) {
  // By name: SOCI's backend classes export no type information for dynamic_cast.
  if (session.get_backend_name() != "sqlite3") throw soci::soci_error("SqliteStatement needs a SQLite session");
  return SqliteConnection(session);
}

// "head (?, ?), (?, ?) tail": the statement's text from the caller's literals and placeholders.
std::string RowsStatement(std::string_view head, size_t columns, std::string_view tail, size_t rows) {
  std::string row = "(";
  for (size_t c = 0; c < columns; ++c) row += c ? ", ?" : "?";
  row += ")";
  std::string text(head);
  for (size_t r = 0; r < rows; ++r) text += (r ? ", " : "") + row;
  return text + std::string(tail);
}

}  // namespace

SqliteStatement::SqliteStatement(soci::session& session, std::string_view text)
    : connection_(NativeConnection(session)), statement_(connection_, std::string(text)) {}

void SqliteStatement::Check(int code) const {
  if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) return;
  throw soci::soci_error(std::string("sqlite: ") + sqlite3_errmsg(connection_));
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
  Check(sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, long long value) {
  Check(sqlite3_bind_int64(statement_.get(), index, value));
  return *this;
}

int SqliteStatement::Run(const std::function<void(const SqliteStatement&)>& on_row) {
  int code;
  while ((code = sqlite3_step(statement_.get())) == SQLITE_ROW) {
    if (on_row) on_row(*this);
  }
  sqlite3_reset(statement_.get());
  Check(code);
  return sqlite3_changes(connection_);
}

long long SqliteStatement::Integer(int column) const { return sqlite3_column_int64(statement_.get(), column); }

std::string_view SqliteStatement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_.get(), column));
  return text ? std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(statement_.get(), column)))
              : std::string_view();
}

bool SqliteStatement::Scalar(long long& value) {
  int code = sqlite3_step(statement_.get());
  bool found = code == SQLITE_ROW;
  if (found) value = sqlite3_column_int64(statement_.get(), 0);
  sqlite3_reset(statement_.get());
  Check(code);
  return found;
}

long long SqliteStatement::LastInsertId() const { return sqlite3_last_insert_rowid(connection_); }

SqliteInsert::SqliteInsert(soci::session& session, std::string_view head, size_t columns, std::string_view tail,
                           std::function<void(const SqliteStatement&)> on_row, size_t rows_per_statement)
    : columns_(columns),
      on_row_(std::move(on_row)),
      rows_per_statement_(rows_per_statement),
      // sql-fragment: the caller's literal head and tail around placeholders.
      batch_(session, RowsStatement(head, columns, tail, rows_per_statement)),
      // sql-fragment: the same, for one row.
      single_(session, RowsStatement(head, columns, tail, 1)) {
  values_.reserve(columns * rows_per_statement);
}

SqliteInsert& SqliteInsert::Push(Value value) {
  values_.push_back(value);
  if (values_.size() == columns_ * rows_per_statement_) {
    BindAll(batch_, values_.data(), values_.size());
    batch_.Run(on_row_);
    values_.clear();
  }
  return *this;
}

void SqliteInsert::BindAll(SqliteStatement& statement, const Value* values, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    std::visit([&](auto value) { statement.Bind(static_cast<int>(i + 1), value); }, values[i]);
  }
}

void SqliteInsert::Flush() {
  for (size_t begin = 0; begin + columns_ <= values_.size(); begin += columns_) {
    BindAll(single_, values_.data() + begin, columns_);
    single_.Run(on_row_);
  }
  values_.clear();
}

SqlitePageCache::SqlitePageCache(soci::session& session, long long kibibytes) : session_(session) {
  session_ << "PRAGMA cache_size", soci::into(previous_);
  // sql-fragment: a PRAGMA takes no bound value; the size is a number chosen by the code.
  session_ << fmt::format("PRAGMA cache_size = {}", -kibibytes);
}

SqlitePageCache::~SqlitePageCache() {
  try {
    // sql-fragment: the number read from PRAGMA cache_size above.
    session_ << fmt::format("PRAGMA cache_size = {}", previous_);
  } catch (const std::exception&) {
    // The connection keeps the larger cache: more memory, nothing wrong.
  }
}

}  // namespace entente::db
