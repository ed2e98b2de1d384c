#include "core/i18n/time_zones.h"

#include <date/tz.h>

#include "core/base/messages.h"

namespace entente::i18n {
namespace {

const date::time_zone* Find(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::chrono::seconds ToStd(std::chrono::seconds value) { return value; }

}  // namespace

bool IsKnownZone(std::string_view zone) { return Find(zone) != nullptr; }

Result<LocalTime> ToLocal(std::chrono::sys_seconds instant, std::string_view zone) {
  const date::time_zone* time_zone = Find(zone);
  if (!time_zone) return Fail(Error::InvalidArgument(N_("Choose a time zone from the list.")));
  date::sys_info info = time_zone->get_info(date::sys_seconds(instant.time_since_epoch()));
  return LocalTime{std::chrono::local_seconds((instant + info.offset).time_since_epoch()), ToStd(info.offset),
                   info.abbrev};
}

Result<std::chrono::sys_seconds> ToUtc(std::chrono::local_seconds local, std::string_view zone) {
  const date::time_zone* time_zone = Find(zone);
  if (!time_zone) return Fail(Error::InvalidArgument(N_("Choose a time zone from the list.")));
  date::local_seconds wall(local.time_since_epoch());
  date::local_info info = time_zone->get_info(wall);
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:
      return std::chrono::sys_seconds((wall - info.first.offset).time_since_epoch());
    case date::local_info::nonexistent:
      // In the gap: the wall time after the change, the same distance past the transition.
      return std::chrono::sys_seconds((wall - info.first.offset).time_since_epoch());
  }
  return Fail(Error::Internal("unreachable time-zone case"));
}

}  // namespace entente::i18n
