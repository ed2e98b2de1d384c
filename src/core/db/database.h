#pragma once
// The database: a pool of SOCI sessions on SQLite (the embedded default: one file, WAL) or
// PostgreSQL, with the same stores on both. Only stores (and migrations) use it; they receive a
// soci::session from Read() or Write() and never hold one beyond the call.

#include <soci/soci.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "core/base/error.h"

namespace entente::db {

enum class Dialect { kSqlite, kPostgres };

struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::filesystem::path sqlite_path;  // for SQLite
  std::string postgres_conninfo;      // for PostgreSQL: libpq keyword=value form
  std::string postgres_url;           // for PostgreSQL: as configured

  // "sqlite:///absolute/path.db", "sqlite://relative/path.db", "postgresql://…" or "postgres://…".
  static Result<DatabaseUrl> Parse(std::string_view url);
  // For logs: the path, or the URL without its password.
  std::string Describe() const;
};

// Maps a database exception to an Error: constraint violations → kConflict, the rest →
// kInternal with the detail for the log.
Error DatabaseError(const std::exception& error);

class Database {
 public:
  // Opens `pool_size` connections. SQLite connections get foreign_keys=ON, WAL, a busy timeout
  // and synchronous=NORMAL; the file's directory is created if missing.
  static Result<std::unique_ptr<Database>> Open(const DatabaseUrl& url, size_t pool_size);
  ~Database();

  Dialect dialect() const { return url_.dialect; }

  // The number of write transactions this process has committed. Read caches compare it to
  // notice local writes; writes by other processes on the same database are not counted, so
  // such caches also bound their age.
  std::uint64_t WriteGeneration() const { return write_generation_.load(std::memory_order_acquire); }
  const DatabaseUrl& url() const { return url_; }

  // Runs `body(session)` on a pooled connection, outside any explicit transaction.
  // `body` returns Result<T>; a database exception becomes an Error (see DatabaseError).
  // When the PostgreSQL connection was lost, `body` runs once more on a new one: build the
  // result inside `body`, rather than appending to the caller's variables.
  template <typename Body>
  auto Read(Body&& body) -> std::invoke_result_t<Body, soci::session&>;

  // Runs `body(session)` in a write transaction (BEGIN IMMEDIATE on SQLite, so a transaction
  // that reads before it writes cannot fail with SQLITE_BUSY). Commits when `body` returns a
  // value, rolls back when it returns an Error or throws. Nothing is acknowledged before COMMIT.
  template <typename Body>
  auto Write(Body&& body) -> std::invoke_result_t<Body, soci::session&>;

 private:
  explicit Database(DatabaseUrl url, size_t pool_size) : url_(std::move(url)), pool_(pool_size), size_(pool_size) {}

  class Lease {
   public:
    explicit Lease(soci::connection_pool& pool) : pool_(pool), index_(pool.lease()) {}
    ~Lease() { pool_.give_back(index_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& session() { return pool_.at(index_); }

   private:
    soci::connection_pool& pool_;
    size_t index_;
  };

  void Begin(soci::session& session);
  // After a failure: when the session's PostgreSQL connection is gone (the server restarted, or
  // the connection was cut), opens it again and says so; the pool then serves healthy sessions.
  bool Heal(soci::session& session);

  DatabaseUrl url_;
  std::atomic<std::uint64_t> write_generation_{0};
  std::atomic<std::int64_t> last_reconnect_failure_logged_{0};  // steady_clock ticks
  soci::connection_pool pool_;
  size_t size_;
};

template <typename Body>
auto Database::Read(Body&& body) -> std::invoke_result_t<Body, soci::session&> {
  Lease lease(pool_);
  try {
    return body(lease.session());
  } catch (const std::exception& error) {
    // A read on a lost connection is tried once more on a new one: reading twice changes nothing.
    if (!Heal(lease.session())) return Fail(DatabaseError(error));
  }
  try {
    return body(lease.session());
  } catch (const std::exception& error) {
    return Fail(DatabaseError(error));
  }
}

template <typename Body>
auto Database::Write(Body&& body) -> std::invoke_result_t<Body, soci::session&> {
  Lease lease(pool_);
  soci::session& session = lease.session();
  try {
    Begin(session);
  } catch (const std::exception& error) {
    // Nothing was done yet: on a lost connection, begin again on a new one.
    if (!Heal(session)) return Fail(DatabaseError(error));
    try {
      Begin(session);
    } catch (const std::exception& again) {
      return Fail(DatabaseError(again));
    }
  }
  try {
    auto result = body(session);
    if (result) {
      session << "COMMIT";
      write_generation_.fetch_add(1, std::memory_order_acq_rel);
    } else {
      session << "ROLLBACK";
    }
    return result;
  } catch (const std::exception& error) {
    try {
      session << "ROLLBACK";
    } catch (const std::exception&) {
      // The connection may be gone; the server rolls back an unfinished transaction anyway.
    }
    // Not retried: whether a lost COMMIT took effect is unknown. The next write gets a new
    // connection.
    Heal(session);
    return Fail(DatabaseError(error));
  }
}

}  // namespace entente::db
