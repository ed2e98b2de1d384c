#include "core/db/migrations.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>

#include "core/base/time.h"

namespace entente::db {
namespace {

int ModuleRank(std::string_view module) {
  auto it = std::find(kModuleOrder.begin(), kModuleOrder.end(), module);
  return it == kModuleOrder.end() ? -1 : static_cast<int>(it - kModuleOrder.begin());
}

}  // namespace

Result<std::vector<Migration>> CollectMigrations(const std::vector<EmbeddedFile>& files, Dialect dialect) {
  std::string_view prefix = dialect == Dialect::kSqlite ? "sqlite/" : "postgres/";
  std::vector<Migration> migrations;
  std::set<std::pair<std::string, int>> seen;
  for (const auto& file : files) {
    if (!file.path.starts_with(prefix)) continue;
    std::string_view rest = file.path.substr(prefix.size());
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos)
      return Fail(Error::Internal(fmt::format("migration {} is not in a module folder", file.path)));
    std::string_view module = rest.substr(0, slash);
    std::string_view filename = rest.substr(slash + 1);
    if (ModuleRank(module) < 0)
      return Fail(Error::Internal(fmt::format("migration {}: unknown module {}", file.path, module)));
    int version = 0;
    auto [end, error] =
        std::from_chars(filename.data(), filename.data() + std::min<size_t>(4, filename.size()), version);
    if (filename.size() < 10 || error != std::errc() || end != filename.data() + 4 || filename[4] != '_' ||
        !filename.ends_with(".sql") || version <= 0) {
      return Fail(Error::Internal(fmt::format("migration {}: name it NNNN_name.sql", file.path)));
    }
    if (!seen.emplace(std::string(module), version).second) {
      return Fail(
          Error::Internal(fmt::format("migration {}: number {} is used twice in {}", file.path, version, module)));
    }
    migrations.push_back({std::string(module), version, std::string(filename.substr(5, filename.size() - 9)),
                          std::string(file.content)});
  }
  std::sort(migrations.begin(), migrations.end(), [](const Migration& a, const Migration& b) {
    return std::pair(ModuleRank(a.module), a.version) < std::pair(ModuleRank(b.module), b.version);
  });
  return migrations;
}

std::vector<std::string> SplitStatements(std::string_view sql) {
  std::vector<std::string> statements;
  std::string current;
  auto flush = [&] {
    auto first = current.find_first_not_of(" \t\r\n");
    if (first != std::string::npos) {
      auto last = current.find_last_not_of(" \t\r\n");
      statements.push_back(current.substr(first, last - first + 1));
    }
    current.clear();
  };
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end;
      continue;
    }
    if (c == '\'' || c == '"') {
      size_t end = i + 1;
      while (end < sql.size()) {
        if (sql[end] == c) {
          if (end + 1 < sql.size() && sql[end + 1] == c) {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
      current.append(sql.substr(i, std::min(end + 1, sql.size()) - i));
      i = end + 1;
      continue;
    }
    if (c == '$') {
      // A dollar-quoted body: $$ … $$ or $tag$ … $tag$.
      size_t close = sql.find('$', i + 1);
      if (close != std::string_view::npos) {
        std::string_view tag = sql.substr(i, close - i + 1);
        bool is_tag = std::all_of(tag.begin() + 1, tag.end() - 1,
                                  [](char t) { return std::isalnum(static_cast<unsigned char>(t)) || t == '_'; });
        if (is_tag) {
          size_t end = sql.find(tag, close + 1);
          size_t stop = end == std::string_view::npos ? sql.size() : end + tag.size();
          current.append(sql.substr(i, stop - i));
          i = stop;
          continue;
        }
      }
    }
    if (c == ';') {
      flush();
      ++i;
      continue;
    }
    current.push_back(c);
    ++i;
  }
  flush();
  return statements;
}

Result<MigrationReport> Migrate(Database& database) {
  auto migrations = CollectMigrations(EmbeddedMigrationFiles(), database.dialect());
  if (!migrations) return Fail(migrations.error());

  auto created = database.Write([&](soci::session& sql) -> Status {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations ("
           "module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, "
           "applied_at_utc TEXT NOT NULL, PRIMARY KEY (module, version))";
    return {};
  });
  if (!created) return Fail(created.error());

  MigrationReport report;
  for (const Migration& migration : *migrations) {
    auto applied = database.Write([&](soci::session& sql) -> Result<bool> {
      if (database.dialect() == Dialect::kPostgres) {
        // Serialises concurrent `entente migrate` runs; SQLite's BEGIN IMMEDIATE already does.
        sql << "LOCK TABLE schema_migrations IN EXCLUSIVE MODE";
      }
      int count = 0;
      sql << "SELECT COUNT(*) FROM schema_migrations WHERE module = :module AND version = :version",
          soci::use(migration.module), soci::use(migration.version), soci::into(count);
      if (count > 0) return false;
      // sql-fragment: the migration files compiled into the binary.
      for (const std::string& statement : SplitStatements(migration.sql)) sql << statement;
      std::string now = NowUtc();
      sql << "INSERT INTO schema_migrations (module, version, name, applied_at_utc) "
             "VALUES (:module, :version, :name, :applied)",
          soci::use(migration.module), soci::use(migration.version), soci::use(migration.name), soci::use(now);
      return true;
    });
    if (!applied) {
      return Fail(Error::Internal(fmt::format("migration {}/{:04}_{} failed: {}", migration.module, migration.version,
                                              migration.name, applied.error().message())));
    }
    if (*applied) {
      spdlog::info("migration applied: {}/{:04}_{}", migration.module, migration.version, migration.name);
      ++report.applied;
    } else {
      ++report.already_applied;
    }
  }
  return report;
}

}  // namespace entente::db
