#pragma once
// SQL assembled from fixed fragments with every value bound: filters, IN lists and pagination
// that depend on the request, without ever putting a value into the SQL text.
//
//   Query query("SELECT id FROM organizations WHERE 1 = 1");
//   if (city) query.Append(" AND city = ").Bind(*city);
//   query.Append(" AND id IN (").BindList(ids).Append(")");
//   auto ids = query.Column<long long>(sql);

#include <soci/soci.h>

#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

struct sqlite3_stmt;
struct pg_result;

namespace entente::db {

// One row of a query's result, read by column (from 0). NULL reads as 0 or "".
class Row {
 public:
  long long Integer(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

  template <typename T>
  T Get(int column) const {
    if constexpr (std::is_same_v<T, std::string>) {
      return Text(column);
    } else {
      static_assert(std::is_integral_v<T>, "a column reads as an integer or a string");
      return static_cast<T>(Integer(column));
    }
  }

 private:
  friend class Query;
  explicit Row(sqlite3_stmt* statement) : sqlite_(statement) {}
  Row(const pg_result* result, int row) : postgres_(result), row_(row) {}
  sqlite3_stmt* sqlite_ = nullptr;
  const pg_result* postgres_ = nullptr;  // with row_
  int row_ = 0;
};

class Query {
 public:
  explicit Query(std::string_view sql = {}) : sql_(sql), positional_sql_(sql), numbered_sql_(sql) {}

  // Appends SQL text: a fixed fragment written in the code, never input.
  Query& Append(std::string_view fragment) {
    sql_ += fragment;
    positional_sql_ += fragment;
    numbered_sql_ += fragment;
    return *this;
  }
  // Appends a placeholder bound to `value`.
  Query& Bind(long long value);
  Query& Bind(std::string value);
  // Appends "LIKE p ESCAPE '\\'" matching values that contain `text` (or start with it), with
  // the wildcards of `text` itself escaped: a substring search that works alike on both backends.
  Query& BindContains(std::string_view text);
  Query& BindStartsWith(std::string_view text);
  // Appends "p1, p2, …" bound to the values; "NULL" for an empty list (so `IN (NULL)` is false).
  Query& BindList(const std::vector<long long>& values);

  const std::string& sql() const { return sql_; }

  // Prepares the statement with every binding; `add_intos` adds the result columns first.
  soci::statement Prepare(soci::session& session, const std::function<void(soci::statement&)>& add_intos) const;

  // Runs the query and calls `on_row` with each row of the result. The statement is prepared once
  // per connection and kept (core/db/statement_cache.h, core/db/postgres_statements.h).
  void ForEachRow(soci::session& session, const std::function<void(const Row&)>& on_row) const;

  // Runs a statement whose rows, if any, are not needed (UPDATE, DELETE, INSERT).
  void Execute(soci::session& session) const {
    ForEachRow(session, [](const Row&) {});
  }

  // The first column of every row (T: long long or std::string).
  template <typename T>
  std::vector<T> Column(soci::session& session) const {
    std::vector<T> values;
    ForEachRow(session, [&](const Row& row) { values.push_back(row.Get<T>(0)); });
    return values;
  }
  // A single value (COUNT(*), …); `fallback` when there is no row.
  template <typename T>
  T Scalar(soci::session& session, T fallback = T{}) const {
    T value = fallback;
    bool first = true;
    ForEachRow(session, [&](const Row& row) {
      if (first) value = row.Get<T>(0);
      first = false;
    });
    return value;
  }

 private:
  std::string sql_;             // with :pN placeholders (SOCI on PostgreSQL, and for logs)
  std::string positional_sql_;  // with ? placeholders: SQLite looks named ones up linearly
  std::string numbered_sql_;    // with $1, $2, …: libpq
  // Stable addresses: soci::use keeps references until the statement runs.
  mutable std::deque<std::variant<long long, std::string>> values_;
};

}  // namespace entente::db
