#pragma once

#include <fmt/chrono.h>

#include <charconv>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace entente {

// "2026-11-27T07:18:07Z": how instants are stored (columns named *_at_utc) and logged.
inline std::string UtcTimestamp(std::chrono::system_clock::time_point instant) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(instant));
}

inline std::string NowUtc() { return UtcTimestamp(std::chrono::system_clock::now()); }

// The stored form of the instant `offset` from now: UtcFromNow(std::chrono::days(90)) for a
// lifetime's end, UtcFromNow(-std::chrono::minutes(15)) for the start of a window.
inline std::string UtcFromNow(std::chrono::seconds offset) {
  return UtcTimestamp(std::chrono::system_clock::now() + offset);
}

// The instant a stored "2026-11-27T07:18:07Z" names; nullopt for any other text.
inline std::optional<std::chrono::system_clock::time_point> ParseUtcTimestamp(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  auto number = [&](size_t at, size_t length) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data() + at, text.data() + at + length, value);
    return error == std::errc() && end == text.data() + at + length ? value : -1;
  };
  int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                   std::chrono::day(static_cast<unsigned>(day))};
  if (year < 0 || month < 0 || day < 0 || !date.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 60) {
    return std::nullopt;
  }
  return std::chrono::sys_days(date) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

}  // namespace entente
