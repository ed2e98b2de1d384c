#include "core/db/backup.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

extern char** environ;

namespace entente::db {
namespace {

Status FsyncPath(const std::filesystem::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Fail(Error::Internal(fmt::format("open {}: {}", path.string(), std::strerror(errno))));
  int result = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  if (result != 0) return Fail(Error::Internal(fmt::format("fsync {}: {}", path.string(), std::strerror(saved))));
  return {};
}

// Makes `temporary` durable, then renames it over `destination` and makes the rename durable.
Result<BackupReport> Publish(const std::filesystem::path& temporary, const std::filesystem::path& destination) {
  if (auto synced = FsyncPath(temporary, O_RDONLY); !synced) return Fail(synced.error());
  std::error_code error;
  std::filesystem::rename(temporary, destination, error);
  if (error) return Fail(Error::Internal(fmt::format("rename to {}: {}", destination.string(), error.message())));
  auto directory = destination.parent_path().empty() ? std::filesystem::path(".") : destination.parent_path();
  if (auto synced = FsyncPath(directory, O_RDONLY | O_DIRECTORY); !synced) return Fail(synced.error());
  return BackupReport{destination, std::filesystem::file_size(destination)};
}

Status RunPgDump(const std::string& conninfo, const std::filesystem::path& output) {
  std::vector<std::string> arguments = {"pg_dump", "--format=custom", "--file=" + output.string(),
                                        "--dbname=" + conninfo};
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ);
  if (spawned != 0) return Fail(Error::Internal(fmt::format("cannot run pg_dump: {}", std::strerror(spawned))));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Fail(Error::Internal(fmt::format("pg_dump failed (status {})", status)));
  }
  return {};
}

}  // namespace

Result<BackupReport> Backup(Database& database, const std::filesystem::path& destination) {
  auto directory = destination.parent_path();
  std::error_code error;
  if (!directory.empty()) std::filesystem::create_directories(directory, error);
  auto temporary = destination;
  temporary += fmt::format(".partial-{}", ::getpid());
  std::filesystem::remove(temporary, error);

  if (database.dialect() == Dialect::kSqlite) {
    auto vacuumed = database.Read([&](soci::session& sql) -> Status {
      std::string target = temporary.string();
      sql << "VACUUM INTO :target", soci::use(target);
      return {};
    });
    if (!vacuumed) {
      std::filesystem::remove(temporary, error);
      return Fail(vacuumed.error());
    }
  } else {
    if (auto dumped = RunPgDump(database.url().postgres_conninfo, temporary); !dumped) {
      std::filesystem::remove(temporary, error);
      return Fail(dumped.error());
    }
  }
  return Publish(temporary, destination);
}

}  // namespace entente::db
