#include "core/db/statement_cache.h"

#include <sqlite3.h>

#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace entente::db {
namespace {

// One connection's statements, the most recently used first.
struct Kept {
  std::list<std::pair<std::string, sqlite3_stmt*>> statements;
  std::unordered_map<std::string, std::list<std::pair<std::string, sqlite3_stmt*>>::iterator> by_sql;
};

// The lock covers the registry and every connection's statements: a lease takes or gives back a
// statement in a few hash lookups, and a connection's statements are used by one thread at a
// time anyway (the one holding the connection).
std::mutex registry_mutex;
std::unordered_map<sqlite3*, std::unique_ptr<Kept>>& Registry() {
  static auto* registry = new std::unordered_map<sqlite3*, std::unique_ptr<Kept>>();
  return *registry;
}

// Takes the kept statement for `sql` out of the cache (so that a nested use of the same SQL on
// the same connection prepares its own), or null.
sqlite3_stmt* Take(sqlite3* connection, const std::string& sql) {
  std::lock_guard lock(registry_mutex);
  auto kept = Registry().find(connection);
  if (kept == Registry().end()) return nullptr;
  auto found = kept->second->by_sql.find(sql);
  if (found == kept->second->by_sql.end()) return nullptr;
  sqlite3_stmt* statement = found->second->second;
  kept->second->statements.erase(found->second);
  kept->second->by_sql.erase(found);
  return statement;
}

// Keeps `statement` (reset) for `sql`, or finalizes it when its connection keeps nothing or
// already has one for that text.
void GiveBack(sqlite3* connection, const std::string& sql, sqlite3_stmt* statement) {
  sqlite3_stmt* finalize = statement;
  {
    std::lock_guard lock(registry_mutex);
    auto kept = Registry().find(connection);
    if (kept != Registry().end() && !kept->second->by_sql.contains(sql)) {
      Kept& cache = *kept->second;
      cache.statements.emplace_front(sql, statement);
      cache.by_sql.emplace(sql, cache.statements.begin());
      finalize = nullptr;
      if (cache.statements.size() > kKeptStatements) {
        finalize = cache.statements.back().second;
        cache.by_sql.erase(cache.statements.back().first);
        cache.statements.pop_back();
      }
    }
  }
  sqlite3_finalize(finalize);  // a no-op on null
}

}  // namespace

void KeepStatementsOf(sqlite3* connection) {
  std::lock_guard lock(registry_mutex);
  Registry().try_emplace(connection, std::make_unique<Kept>());
}

void ForgetStatementsOf(sqlite3* connection) {
  std::unique_ptr<Kept> kept;
  {
    std::lock_guard lock(registry_mutex);
    auto found = Registry().find(connection);
    if (found == Registry().end()) return;
    kept = std::move(found->second);
    Registry().erase(found);
  }
  for (auto& [sql, statement] : kept->statements) sqlite3_finalize(statement);
}

size_t KeptStatementCount(sqlite3* connection) {
  std::lock_guard lock(registry_mutex);
  auto found = Registry().find(connection);
  return found == Registry().end() ? 0 : found->second->statements.size();
}

CachedStatement::CachedStatement(sqlite3* connection, const std::string& sql) : connection_(connection), sql_(sql) {
  statement_ = Take(connection, sql);
  if (statement_ != nullptr) return;
  if (sqlite3_prepare_v3(connection, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement_,
                         nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(connection);
    sqlite3_finalize(statement_);
    statement_ = nullptr;
    throw SqliteError("sqlite3: " + message);
  }
}

CachedStatement::~CachedStatement() {
  if (statement_ == nullptr) return;
  // Reset ends the statement's read of the database; its error (the last step's) was reported.
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  GiveBack(connection_, sql_, statement_);
}

bool CachedStatement::Step() {
  int status = sqlite3_step(statement_);
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  throw SqliteError("sqlite3: " + std::string(sqlite3_errmsg(connection_)));
}

}  // namespace entente::db
