#pragma once
// Online backups (docs/SECURITY.md 22). SQLite: `VACUUM INTO` a temporary file next to the
// destination (it finishes under steady writes, unlike the incremental backup API), then fsync
// and rename, so the destination is always either absent or complete. PostgreSQL: `pg_dump -Fc`
// into a temporary file, then fsync and rename.

#include <cstdint>
#include <filesystem>

#include "core/base/error.h"
#include "core/db/database.h"

namespace entente::db {

struct BackupReport {
  std::filesystem::path path;
  std::uintmax_t bytes = 0;
};

Result<BackupReport> Backup(Database& database, const std::filesystem::path& destination);

}  // namespace entente::db
