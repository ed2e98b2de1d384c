#include "core/db/database.h"

#include <libpq-fe.h>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <chrono>
#include <mutex>

#include "core/db/postgres_statements.h"
#include "core/db/statement_cache.h"

namespace entente::db {
namespace {

void LogPostgresNotice(void*, const char* message) {
  std::string_view text(message);
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  spdlog::debug("postgresql: {}", text);
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

Result<DatabaseUrl> DatabaseUrl::Parse(std::string_view url) {
  DatabaseUrl parsed;
  if (url.starts_with("sqlite://")) {
    std::string_view path = url.substr(9);
    if (path.empty()) return Fail(Error::InvalidArgument("The SQLite URL has no path: use sqlite:///path/to/file.db"));
    parsed.dialect = Dialect::kSqlite;
    parsed.sqlite_path = std::filesystem::path(std::string(path));
    return parsed;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    // SOCI mangles URIs, so hand it libpq's keyword=value form, parsed by libpq itself.
    char* problem = nullptr;
    PQconninfoOption* options = PQconninfoParse(std::string(url).c_str(), &problem);
    if (!options) {
      std::string detail = problem ? problem : "unreadable";
      PQfreemem(problem);
      return Fail(Error::InvalidArgument("The PostgreSQL URL is not valid: " + detail));
    }
    std::string conninfo;
    for (PQconninfoOption* option = options; option->keyword; ++option) {
      if (!option->val || !*option->val) continue;
      std::string value;
      for (const char* c = option->val; *c; ++c) {
        if (*c == '\\' || *c == '\'') value.push_back('\\');
        value.push_back(*c);
      }
      if (!conninfo.empty()) conninfo.push_back(' ');
      conninfo += std::string(option->keyword) + "='" + value + "'";
    }
    PQconninfoFree(options);
    parsed.dialect = Dialect::kPostgres;
    parsed.postgres_conninfo = std::move(conninfo);
    parsed.postgres_url = std::string(url);
    return parsed;
  }
  return Fail(Error::InvalidArgument("The database URL must start with sqlite:// or postgresql://"));
}

std::string DatabaseUrl::Describe() const {
  if (dialect == Dialect::kSqlite) return "sqlite:" + sqlite_path.string();
  // Hide a password in postgresql://user:password@host/…
  std::string text = postgres_url;
  size_t scheme = text.find("://");
  size_t at = text.find('@');
  if (scheme != std::string::npos && at != std::string::npos) {
    size_t colon = text.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
  }
  return text;
}

Error DatabaseError(const std::exception& error) {
  std::string_view message = error.what();
  if (auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    std::string state = postgres->sqlstate();
    if (state.starts_with("23")) return Error::Conflict("This change conflicts with existing data.");
  }
  // SQLite errors carry no category in SOCI: recognise constraint failures by their text.
  if (Contains(message, "constraint failed") || Contains(message, "UNIQUE constraint")) {
    return Error::Conflict("This change conflicts with existing data.");
  }
  // SOCI appends the bound values (`… with :email="…"`): they may be passwords or personal data,
  // and must never reach the log (docs/SECURITY.md 16).
  if (size_t values = message.find("\" with :"); values != std::string_view::npos)
    message = message.substr(0, values + 1);
  return Error::Internal(std::string("database: ") + std::string(message));
}

Result<std::unique_ptr<Database>> Database::Open(const DatabaseUrl& url, size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  std::unique_ptr<Database> database(new Database(url, pool_size));
  if (url.dialect == Dialect::kSqlite) {
    // Before SQLite's first use: no global count of allocated memory, whose lock every
    // allocation of every connection takes. Refused (and harmless) once SQLite is in use.
    static std::once_flag configured;
    std::call_once(configured, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  }
  try {
    if (url.dialect == Dialect::kSqlite) {
      std::error_code ignored;
      if (url.sqlite_path.has_parent_path())
        std::filesystem::create_directories(url.sqlite_path.parent_path(), ignored);
    }
    for (size_t i = 0; i < pool_size; ++i) {
      soci::session& session = database->pool_.at(i);
      if (url.dialect == Dialect::kSqlite) {
        session.open(*soci::factory_sqlite3(), "db=\"" + url.sqlite_path.string() + "\" timeout=10");
        session << "PRAGMA foreign_keys = ON";
        session << "PRAGMA journal_mode = WAL";
        // An application crash never loses a commit in WAL with NORMAL (docs/ARCHITECTURE.md ("Libraries")).
        session << "PRAGMA synchronous = NORMAL";
        session << "PRAGMA busy_timeout = 10000";
        // Read the file through a memory map (the kernel's page cache, shared by every
        // connection) rather than copying each page into each connection's cache: searches read
        // many pages of large indexes. 0x7fff0000 is SQLite's own bound (SQLITE_MAX_MMAP_SIZE);
        // beyond it, and for pages in the WAL, it reads as before.
        session << "PRAGMA mmap_size = 2147418112";
        KeepStatementsOf(SqliteConnection(session));
        int foreign_keys = 0;
        session << "PRAGMA foreign_keys", soci::into(foreign_keys);
        if (foreign_keys != 1) return Fail(Error::Internal("SQLite refused foreign_keys=ON"));
      } else {
        session.open(*soci::factory_postgresql(), url.postgres_conninfo);
        auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
        PQsetNoticeProcessor(backend->conn_, LogPostgresNotice, nullptr);
        session << "SET client_min_messages TO WARNING";
        KeepPostgresStatementsOf(backend->conn_);
      }
    }
  } catch (const std::exception& error) {
    return Fail(Error::Internal(fmt::format("cannot open {}: {}", url.Describe(), error.what())));
  }
  return database;
}

Database::~Database() {
  for (size_t i = 0; i < size_; ++i) {
    soci::session& session = pool_.at(i);
    if (session.get_backend() == nullptr) continue;
    // SQLite closes no connection whose statements are not finalized.
    if (url_.dialect == Dialect::kSqlite) ForgetStatementsOf(SqliteConnection(session));
    if (url_.dialect == Dialect::kPostgres) ForgetPostgresStatementsOf(PostgresConnection(session));
  }
}

PGconn* PostgresConnection(soci::session& session) {
  return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

sqlite3* SqliteConnection(soci::session& session) {
  // SOCI declares SQLite's types in a namespace of its own; the connection is the same object.
  return reinterpret_cast<sqlite3*>(static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_);
}

bool Database::Heal(soci::session& session) {
  if (url_.dialect != Dialect::kPostgres) return false;  // a SQLite file has no connection to lose
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  // No backend: an earlier attempt to reconnect failed (the server was still down); try again.
  if (backend != nullptr && PQstatus(backend->conn_) != CONNECTION_BAD) return false;
  // The statements prepared on the lost connection went with it.
  if (backend != nullptr) ForgetPostgresStatementsOf(backend->conn_);
  try {
    session.reconnect();
    backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PQsetNoticeProcessor(backend->conn_, LogPostgresNotice, nullptr);
    session << "SET client_min_messages TO WARNING";
    KeepPostgresStatementsOf(backend->conn_);
    spdlog::warn("database connection lost and opened again ({})", url_.Describe());
    return true;
  } catch (const std::exception& error) {
    // While the server is down every request tries and fails: say so once a second at most.
    auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    auto last = last_reconnect_failure_logged_.load(std::memory_order_relaxed);
    if (now - last > std::chrono::steady_clock::duration(std::chrono::seconds(1)).count() &&
        last_reconnect_failure_logged_.compare_exchange_strong(last, now)) {
      spdlog::error("database connection lost; reconnecting failed: {}", DatabaseError(error).message());
    }
    return false;
  }
}

void Database::Begin(soci::session& session) {
  if (url_.dialect == Dialect::kSqlite) {
    session << "BEGIN IMMEDIATE";
  } else {
    session << "BEGIN";
  }
}

}  // namespace entente::db
