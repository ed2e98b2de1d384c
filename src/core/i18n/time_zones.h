#pragma once
// Time-zone arithmetic on the operating system's tz database (date-tz with USE_OS_TZDB), never
// ICU's built-in zones, which are stale (ICU 72 still puts Asia/Almaty at +06; Kazakhstan moved
// to +05 on 2024-03-01).

#include <chrono>
#include <string>
#include <string_view>

#include "core/base/error.h"

namespace entente::i18n {

struct LocalTime {
  std::chrono::local_seconds time;
  std::chrono::seconds offset;  // from UTC
  std::string abbreviation;     // "CET", "+05"
};

// kInvalidArgument for a name that is not an IANA zone of the OS database.
Result<LocalTime> ToLocal(std::chrono::sys_seconds instant, std::string_view zone);

// A wall-clock time in a zone to UTC. A time skipped by a DST change is moved forward; an
// ambiguous one takes the earlier instant.
Result<std::chrono::sys_seconds> ToUtc(std::chrono::local_seconds local, std::string_view zone);

bool IsKnownZone(std::string_view zone);

}  // namespace entente::i18n
