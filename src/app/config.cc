#include "app/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <functional>

#include "core/base/text.h"
#include "core/http/client_address.h"

extern char** environ;

namespace entente::app {
namespace {

Status ParseBool(std::string_view name, std::string_view text, bool& out) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") {
    out = true;
  } else if (text == "0" || text == "false" || text == "no" || text == "off") {
    out = false;
  } else {
    return Fail(Error::InvalidArgument(fmt::format("{} must be true or false, not \"{}\"", name, text)));
  }
  return {};
}

Status ParseInt(std::string_view name, std::string_view text, int minimum, int maximum, int& out) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < minimum || value > maximum) {
    return Fail(Error::InvalidArgument(
        fmt::format("{} must be a whole number from {} to {}, not \"{}\"", name, minimum, maximum, text)));
  }
  out = value;
  return {};
}

// One setting: where it lives in the file and the environment, and how to parse it.
struct Setting {
  std::string_view table;
  std::string_view key;
  std::string_view variable;
  std::function<Status(Config&, std::string_view name, std::string_view text)> set;  // a Setter
};

using Setter = std::function<Status(Config&, std::string_view name, std::string_view text)>;

Setter TextSetting(std::string Config::*member) {
  return [member](Config& config, std::string_view, std::string_view value) -> Status {
    config.*member = std::string(value);
    return {};
  };
}

Setter PathSetting(std::filesystem::path Config::*member) {
  return [member](Config& config, std::string_view, std::string_view value) -> Status {
    config.*member = std::filesystem::path(std::string(value));
    return {};
  };
}

Setter IntegerSetting(int Config::*member, int minimum, int maximum) {
  return [=](Config& config, std::string_view name, std::string_view value) -> Status {
    return ParseInt(name, value, minimum, maximum, config.*member);
  };
}

Setter BooleanSetting(bool Config::*member) {
  return [=](Config& config, std::string_view name, std::string_view value) -> Status {
    return ParseBool(name, value, config.*member);
  };
}

// "127.0.0.1, 10.0.0.0/8": addresses or CIDR ranges, separated by commas, stored lower-case.
Setter AddressesSetting(std::vector<std::string> Config::*member) {
  return [member](Config& config, std::string_view name, std::string_view value) -> Status {
    std::vector<std::string> parsed = SplitList(value, ",");
    for (auto& entry : parsed) {
      for (char& c : entry) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (auto checked = http::AddressSet::Parse(parsed); !checked) {
      return Fail(Error::InvalidArgument(
          fmt::format("{} must list IP addresses or CIDR ranges: {}", name, checked.error().message())));
    }
    config.*member = std::move(parsed);
    return {};
  };
}

std::vector<Setting> Settings() {
  return {
      {"database", "url", "ENTENTE_DATABASE_URL", TextSetting(&Config::database_url)},
      {"database", "pool_size", "ENTENTE_DATABASE_POOL_SIZE", IntegerSetting(&Config::database_pool_size, 1, 256)},
      {"http", "listen", "ENTENTE_LISTEN", TextSetting(&Config::listen)},
      {"http", "threads", "ENTENTE_THREADS", IntegerSetting(&Config::threads, 0, 256)},
      {"http", "header_timeout_seconds", "ENTENTE_HEADER_TIMEOUT_SECONDS",
       IntegerSetting(&Config::header_timeout_seconds, 1, 600)},
      {"http", "body_timeout_seconds", "ENTENTE_BODY_TIMEOUT_SECONDS",
       IntegerSetting(&Config::body_timeout_seconds, 1, 3600)},
      {"http", "idle_timeout_seconds", "ENTENTE_IDLE_TIMEOUT_SECONDS",
       IntegerSetting(&Config::idle_timeout_seconds, 1, 3600)},
      {"http", "shutdown_grace_seconds", "ENTENTE_SHUTDOWN_GRACE_SECONDS",
       IntegerSetting(&Config::shutdown_grace_seconds, 0, 600)},
      {"http", "behind_tls", "ENTENTE_BEHIND_TLS", BooleanSetting(&Config::behind_tls)},
      {"http", "trusted_proxies", "ENTENTE_TRUSTED_PROXIES", AddressesSetting(&Config::trusted_proxies)},
      {"http", "uploads_per_address", "ENTENTE_UPLOADS_PER_ADDRESS",
       IntegerSetting(&Config::uploads_per_address, 1, 1000)},
      {"sessions", "idle_minutes", "ENTENTE_SESSION_IDLE_MINUTES",
       IntegerSetting(&Config::session_idle_minutes, 1, 10080)},
      {"sessions", "absolute_hours", "ENTENTE_SESSION_ABSOLUTE_HOURS",
       IntegerSetting(&Config::session_absolute_hours, 1, 720)},
      {"sessions", "sign_in_failures_before_delay", "ENTENTE_SIGN_IN_FAILURES_BEFORE_DELAY",
       IntegerSetting(&Config::sign_in_failures_before_delay, 1, 1000)},
      {"sessions", "sign_in_max_delay_seconds", "ENTENTE_SIGN_IN_MAX_DELAY_SECONDS",
       IntegerSetting(&Config::sign_in_max_delay_seconds, 1, 3600)},
      {"sessions", "sign_in_attempts_per_address", "ENTENTE_SIGN_IN_ATTEMPTS_PER_ADDRESS",
       IntegerSetting(&Config::sign_in_attempts_per_address, 1, 1000000)},
      {"log", "level", "ENTENTE_LOG_LEVEL", TextSetting(&Config::log_level)},
      {"log", "access", "ENTENTE_ACCESS_LOG", BooleanSetting(&Config::access_log)},
      {"metrics", "allow", "ENTENTE_METRICS_ALLOW", AddressesSetting(&Config::metrics_allow)},
      {"paths", "web", "ENTENTE_WEB_DIR", PathSetting(&Config::web_dir)},
      {"paths", "locale", "ENTENTE_LOCALE_DIR", PathSetting(&Config::locale_dir)},
      {"paths", "demo", "ENTENTE_DEMO_DIR", PathSetting(&Config::demo_dir)},
      {"paths", "temp", "ENTENTE_TEMP_DIR", PathSetting(&Config::temp_dir)},
  };
}

// What to do instead of a setting that no longer exists; nullopt for any other name.
std::optional<std::string_view> RemovedSetting(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kRemoved[] = {
      {"demo.on_first_start",
       "`serve` never loads the demo; run `entente seed demo` (or `make run`, which seeds a new database) instead"},
      {"sessions.sign_in_failures_per_account",
       "an account is no longer locked; see sessions.sign_in_failures_before_delay and "
       "sessions.sign_in_max_delay_seconds"},
      {"sessions.sign_in_failures_per_address", "see sessions.sign_in_attempts_per_address"},
  };
  for (const auto& [removed, instead] : kRemoved) {
    if (name == removed) return instead;
  }
  return std::nullopt;
}

// A TOML value as the text the environment would give, so both sources share one parser.
std::optional<std::string> TomlValueText(const toml::node& node) {
  // Check the node's own type: value<T>() converts between types (an integer reads as a bool).
  if (node.is_string()) return *node.value<std::string>();
  if (node.is_boolean()) return *node.value<bool>() ? "true" : "false";
  if (node.is_integer()) return std::to_string(*node.value<int64_t>());
  return std::nullopt;
}

}  // namespace

std::map<std::string, std::string> EntenteEnvironment() {
  std::map<std::string, std::string> variables;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view text(*entry);
    if (!text.starts_with("ENTENTE_")) continue;
    size_t eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    variables.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
  }
  return variables;
}

Result<Config> Config::Load(const std::optional<std::filesystem::path>& file,
                            const std::map<std::string, std::string>& environment) {
  Config config;
  auto settings = Settings();
  if (file) {
    toml::table table;
    try {
      table = toml::parse_file(file->string());
    } catch (const toml::parse_error& error) {
      return Fail(Error::InvalidArgument(
          fmt::format("{}:{}: {}", file->string(), error.source().begin.line, error.description())));
    }
    for (auto& [section_name, section] : table) {
      auto* section_table = section.as_table();
      if (!section_table) {
        return Fail(Error::InvalidArgument(fmt::format("{}: unknown setting {}", file->string(), section_name.str())));
      }
      for (auto& [key, node] : *section_table) {
        auto it = std::find_if(settings.begin(), settings.end(), [&](const Setting& setting) {
          return setting.table == section_name.str() && setting.key == key.str();
        });
        std::string name = fmt::format("{}.{}", section_name.str(), key.str());
        if (auto removed = RemovedSetting(name)) {
          return Fail(Error::InvalidArgument(fmt::format("{}: {} was removed: {}", file->string(), name, *removed)));
        }
        if (it == settings.end())
          return Fail(Error::InvalidArgument(fmt::format("{}: unknown setting {}", file->string(), name)));
        auto value = TomlValueText(node);
        if (!value)
          return Fail(
              Error::InvalidArgument(fmt::format("{}: {} has a value of the wrong type", file->string(), name)));
        if (auto set = it->set(config, name, *value); !set) return Fail(set.error());
      }
    }
  }
  for (const Setting& setting : settings) {
    auto it = environment.find(std::string(setting.variable));
    if (it == environment.end()) continue;
    if (auto set = setting.set(config, setting.variable, it->second); !set) return Fail(set.error());
  }
  if (auto listen = config.ListenAddress(); !listen) return Fail(listen.error());
  if (auto url = config.database_url;
      !(url.starts_with("sqlite://") || url.starts_with("postgresql://") || url.starts_with("postgres://"))) {
    return Fail(Error::InvalidArgument("database.url must start with sqlite:// or postgresql://"));
  }
  return config;
}

std::filesystem::path Config::TemporaryDirectory() const {
  if (!temp_dir.empty()) return temp_dir;
  std::error_code error;
  auto system = std::filesystem::temp_directory_path(error);
  return error ? std::filesystem::path("/tmp") : system;
}

Result<std::pair<std::string, std::uint16_t>> Config::ListenAddress() const {
  std::string_view text = listen;
  std::string_view host;
  std::string_view port;
  if (text.starts_with('[')) {
    size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return Fail(Error::InvalidArgument("http.listen must look like 127.0.0.1:8080 or [::1]:8080"));
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      return Fail(Error::InvalidArgument("http.listen must look like 127.0.0.1:8080 or [::1]:8080"));
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  int number = 0;
  if (auto parsed = ParseInt("the port of http.listen", port, 0, 65535, number); !parsed) return Fail(parsed.error());
  if (host.empty()) return Fail(Error::InvalidArgument("http.listen has no host"));
  return std::pair(std::string(host), static_cast<std::uint16_t>(number));
}

}  // namespace entente::app
