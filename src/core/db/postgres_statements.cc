#include "core/db/postgres_statements.h"

#include <soci/postgresql/soci-postgresql.h>

#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "core/db/statement_cache.h"

namespace entente::db {
namespace {

// One connection's statement names by SQL text, the most recently used first.
struct Kept {
  std::list<std::pair<std::string, std::string>> statements;  // (sql, name)
  std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> by_sql;
  unsigned long long next_name = 0;
};

std::mutex registry_mutex;
std::unordered_map<PGconn*, std::unique_ptr<Kept>>& Registry() {
  static auto* registry = new std::unordered_map<PGconn*, std::unique_ptr<Kept>>();
  return *registry;
}

using ResultPointer = std::unique_ptr<PGresult, decltype(&PQclear)>;

[[noreturn]] void ThrowFailure(PGconn* connection, const PGresult* result) {
  std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  while (!message.empty() && message.back() == '\n') message.pop_back();
  throw soci::postgresql_soci_error(message, state != nullptr && std::string(state).size() == 5 ? state : "XX000");
}

bool Succeeded(const PGresult* result) {
  if (result == nullptr) return false;
  ExecStatusType status = PQresultStatus(result);
  return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
}

// The name of the statement prepared for `sql` on `connection`, preparing it when needed; empty
// when the connection keeps no statements.
std::string PreparedName(PGconn* connection, const std::string& sql, int parameters) {
  std::string name, evicted;
  {
    std::lock_guard lock(registry_mutex);
    auto kept = Registry().find(connection);
    if (kept == Registry().end()) return {};
    Kept& cache = *kept->second;
    if (auto found = cache.by_sql.find(sql); found != cache.by_sql.end()) {
      cache.statements.splice(cache.statements.begin(), cache.statements, found->second);
      return found->second->second;
    }
    name = "entente_" + std::to_string(++cache.next_name);
  }
  ResultPointer prepared(PQprepare(connection, name.c_str(), sql.c_str(), parameters, nullptr), &PQclear);
  if (!Succeeded(prepared.get())) ThrowFailure(connection, prepared.get());
  {
    std::lock_guard lock(registry_mutex);
    auto kept = Registry().find(connection);
    if (kept != Registry().end()) {
      Kept& cache = *kept->second;
      cache.statements.emplace_front(sql, name);
      cache.by_sql[sql] = cache.statements.begin();
      if (cache.statements.size() > kKeptStatements) {
        evicted = cache.statements.back().second;
        cache.by_sql.erase(cache.statements.back().first);
        cache.statements.pop_back();
      }
    }
  }
  if (!evicted.empty()) {
    // In a failed transaction this fails too: the statement then stays until the connection
    // closes, which does no harm.
    // sql-fragment: `evicted` is a statement name made here ("entente_" and a number).
    ResultPointer released(PQexec(connection, ("DEALLOCATE " + evicted).c_str()), &PQclear);
  }
  return name;
}

}  // namespace

void KeepPostgresStatementsOf(PGconn* connection) {
  std::lock_guard lock(registry_mutex);
  Registry().try_emplace(connection, std::make_unique<Kept>());
}

void ForgetPostgresStatementsOf(PGconn* connection) {
  std::lock_guard lock(registry_mutex);
  Registry().erase(connection);
}

size_t KeptPostgresStatementCount(PGconn* connection) {
  std::lock_guard lock(registry_mutex);
  auto found = Registry().find(connection);
  return found == Registry().end() ? 0 : found->second->statements.size();
}

void RunPostgres(PGconn* connection, const std::string& sql, const std::vector<std::string>& values,
                 const std::function<void(const PGresult*)>& on_result) {
  std::vector<const char*> texts;
  texts.reserve(values.size());
  for (const auto& value : values) texts.push_back(value.c_str());
  int count = static_cast<int>(values.size());
  std::string name = PreparedName(connection, sql, count);
  ResultPointer result(name.empty()
                           ? PQexecParams(connection, sql.c_str(), count, nullptr, texts.data(), nullptr, nullptr, 0)
                           : PQexecPrepared(connection, name.c_str(), count, texts.data(), nullptr, nullptr, 0),
                       &PQclear);
  if (!Succeeded(result.get())) ThrowFailure(connection, result.get());
  on_result(result.get());
}

}  // namespace entente::db
