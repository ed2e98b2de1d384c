#pragma once

#include <fmt/chrono.h>

#include <chrono>
#include <string>

namespace entente {

// "2026-11-27T07:18:07Z": how instants are stored (columns named *_at_utc) and logged.
inline std::string UtcTimestamp(std::chrono::system_clock::time_point instant) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(instant));
}

inline std::string NowUtc() { return UtcTimestamp(std::chrono::system_clock::now()); }

}  // namespace entente
