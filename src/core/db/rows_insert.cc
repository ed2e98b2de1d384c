#include "core/db/rows_insert.h"

#include <algorithm>

#include "core/db/query.h"

namespace entente::db {

RowsInsert::RowsInsert(std::string prefix, std::string suffix, size_t columns)
    : prefix_(std::move(prefix)),
      suffix_(std::move(suffix)),
      columns_(columns),
      // SQLite allows 32,766 bound values per statement; stay well below.
      rows_per_statement_(std::max<size_t>(1, 4000 / columns)) {}

void RowsInsert::Add(soci::session& sql, std::vector<Value> row) {
  rows_.push_back(std::move(row));
  if (rows_.size() >= rows_per_statement_) Flush(sql);
}

void RowsInsert::Flush(soci::session& sql) {
  if (rows_.empty()) return;
  // sql-fragment-begin: the statement's head and tail are the caller's literals; values are bound.
  Query query(prefix_);
  for (size_t r = 0; r < rows_.size(); ++r) {
    query.Append(r == 0 ? "(" : ", (");
    for (size_t c = 0; c < columns_; ++c) {
      if (c) query.Append(", ");
      std::visit([&](auto& value) { query.Bind(std::move(value)); }, rows_[r][c]);
    }
    query.Append(")");
  }
  query.Append(suffix_);
  // sql-fragment-end
  query.Prepare(sql, [](soci::statement&) {}).execute(true);
  rows_.clear();
}

}  // namespace entente::db
