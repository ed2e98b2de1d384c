#pragma once
// Ordered schema migrations, per dialect and module:
//   migrations/<sqlite|postgres>/<module>/NNNN_name.sql
// compiled into the binary (cmake/EmbedMigrations.cmake). Modules are applied in the fixed order
// of kModuleOrder (so a module may reference the tables of the modules before it), and within a
// module by number. Each migration runs in its own transaction with its row in
// schema_migrations; applying them again does nothing.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "core/db/database.h"

namespace entente::db {

struct EmbeddedFile {
  std::string_view path;  // relative to migrations/, e.g. "sqlite/core/0001_settings.sql"
  std::string_view content;
};
// Defined in the generated embedded_migrations.cc.
const std::vector<EmbeddedFile>& EmbeddedMigrationFiles();

inline constexpr std::array<std::string_view, 9> kModuleOrder = {
    "core", "directory", "accounts", "agreements", "events", "training", "library", "requests", "reports"};

struct Migration {
  std::string module;
  int version = 0;
  std::string name;
  std::string sql;
};

// The migrations of one dialect from `files`, in the order they apply. Fails on a file whose
// path does not follow the layout, an unknown module, or two files with one number.
Result<std::vector<Migration>> CollectMigrations(const std::vector<EmbeddedFile>& files, Dialect dialect);

// Splits a migration into statements at semicolons outside quotes, comments and
// dollar-quoted bodies. Empty statements are dropped.
std::vector<std::string> SplitStatements(std::string_view sql);

struct MigrationReport {
  int applied = 0;
  int already_applied = 0;
};

// Applies the pending embedded migrations. Safe to run concurrently from several processes.
Result<MigrationReport> Migrate(Database& database);

}  // namespace entente::db
