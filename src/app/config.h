#pragma once
// Settings: defaults, then the TOML file, then environment variables (ENTENTE_*), each later
// source overriding the earlier. Every setting, its key, variable and default is listed in
// entente.example.toml and in the README.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/http/request.h"

namespace entente::app {

struct Config {
  // [database]
  std::string database_url = "sqlite://var/entente.db";  // ENTENTE_DATABASE_URL
  int database_pool_size = 4;                            // ENTENTE_DATABASE_POOL_SIZE
  // [http]
  std::string listen = "127.0.0.1:8080";  // ENTENTE_LISTEN, host:port ([v6]:port)
  int threads = 0;                        // ENTENTE_THREADS, 0 = one per core
  int header_timeout_seconds = 10;        // ENTENTE_HEADER_TIMEOUT_SECONDS
  int body_timeout_seconds = 30;          // ENTENTE_BODY_TIMEOUT_SECONDS
  int idle_timeout_seconds = 60;          // ENTENTE_IDLE_TIMEOUT_SECONDS
  int shutdown_grace_seconds = 25;        // ENTENTE_SHUTDOWN_GRACE_SECONDS
  bool behind_tls = false;                // ENTENTE_BEHIND_TLS
  http::PublicScheme scheme() const { return behind_tls ? http::PublicScheme::kHttps : http::PublicScheme::kHttp; }
  // Proxies whose X-Forwarded-For names the client (ENTENTE_TRUSTED_PROXIES, comma-separated
  // addresses or CIDR ranges); empty: the peer is the client.
  std::vector<std::string> trusted_proxies;
  int uploads_per_address = 2;            // ENTENTE_UPLOADS_PER_ADDRESS: large bodies read at once per client
  // [sessions]
  int session_idle_minutes = 30;           // ENTENTE_SESSION_IDLE_MINUTES
  int session_absolute_hours = 12;         // ENTENTE_SESSION_ABSOLUTE_HOURS
  int sign_in_failures_before_delay = 5;   // ENTENTE_SIGN_IN_FAILURES_BEFORE_DELAY (per account, per hour)
  int sign_in_max_delay_seconds = 60;      // ENTENTE_SIGN_IN_MAX_DELAY_SECONDS (the longest wait after them)
  int sign_in_attempts_per_address = 300;  // ENTENTE_SIGN_IN_ATTEMPTS_PER_ADDRESS (per hour)
  // [log]
  std::string log_level = "info";  // ENTENTE_LOG_LEVEL: trace, debug, info, warn, error
  bool access_log = true;          // ENTENTE_ACCESS_LOG
  // [metrics]
  // Client addresses or CIDR ranges besides loopback that may read /metrics (ENTENTE_METRICS_ALLOW,
  // comma-separated).
  std::vector<std::string> metrics_allow;
  // [paths]
  std::filesystem::path web_dir = ENTENTE_DEFAULT_WEB_DIR;        // ENTENTE_WEB_DIR
  std::filesystem::path locale_dir = ENTENTE_DEFAULT_LOCALE_DIR;  // ENTENTE_LOCALE_DIR
  std::filesystem::path demo_dir = ENTENTE_DEFAULT_DEMO_DIR;      // ENTENTE_DEMO_DIR
  // Removed settings (demo.on_first_start, sessions.sign_in_failures_per_account and
  // …_per_address) are refused with a message that says what replaced them.
  // Where large request bodies are received (ENTENTE_TEMP_DIR); empty: the system's temporary
  // directory (TMPDIR, else /tmp). See TemporaryDirectory().
  std::filesystem::path temp_dir;

  // Reads `file` (skipped when nullopt) and then `environment`. Fails with kInvalidArgument
  // naming the key or variable that is wrong.
  static Result<Config> Load(const std::optional<std::filesystem::path>& file,
                             const std::map<std::string, std::string>& environment);

  // host and port of `listen`.
  Result<std::pair<std::string, std::uint16_t>> ListenAddress() const;
  // `temp_dir`, or the system's temporary directory when it is empty.
  std::filesystem::path TemporaryDirectory() const;
};

// The process environment's ENTENTE_* variables.
std::map<std::string, std::string> EntenteEnvironment();

}  // namespace entente::app
