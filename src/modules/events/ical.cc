#include "modules/events/ical.h"

#include <date/tz.h>
#include <libical/ical.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

namespace entente::events {
namespace {

struct ComponentDeleter {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

icaltimetype Date(std::chrono::year_month_day day) {
  icaltimetype time = icaltime_null_date();
  time.year = static_cast<int>(day.year());
  time.month = static_cast<int>(static_cast<unsigned>(day.month()));
  time.day = static_cast<int>(static_cast<unsigned>(day.day()));
  time.is_date = 1;
  return time;
}

// A floating local date-time (the TZID parameter says which zone).
icaltimetype LocalTime(std::chrono::local_seconds local) {
  auto days = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day day{days};
  std::chrono::hh_mm_ss<std::chrono::seconds> clock(local - days);
  icaltimetype time = Date(day);
  time.is_date = 0;
  time.hour = static_cast<int>(clock.hours().count());
  time.minute = static_cast<int>(clock.minutes().count());
  time.second = static_cast<int>(clock.seconds().count());
  return time;
}

std::chrono::local_seconds Local(const WallTime& time) {
  return std::chrono::local_days(*time.day) + time.time_of_day.value_or(std::chrono::minutes(0));
}

icalproperty* TimeProperty(bool start, const WallTime& time, const std::string& zone) {
  if (!time.has_time()) {
    icaltimetype value = Date(*time.day);
    if (!start) value = icaltime_add(value, icaldurationtype_from_int(24 * 3600));  // DTEND is exclusive
    icalproperty* property = start ? icalproperty_new_dtstart(value) : icalproperty_new_dtend(value);
    return property;
  }
  icaltimetype value = LocalTime(Local(time));
  icalproperty* property = start ? icalproperty_new_dtstart(value) : icalproperty_new_dtend(value);
  icalproperty_add_parameter(property, icalparameter_new_tzid(zone.c_str()));
  return property;
}

// A VTIMEZONE for `zone` covering [from, to]: the offset in force at `from` and every
// transition up to `to`, each as its own observance (no RRULE, so nothing is extrapolated).
icalcomponent* TimeZone(const std::string& zone, std::chrono::sys_seconds from, std::chrono::sys_seconds to) {
  const date::time_zone* time_zone = date::locate_zone(zone);
  icalcomponent* component = icalcomponent_new_vtimezone();
  icalcomponent_add_property(component, icalproperty_new_tzid(zone.c_str()));
  date::sys_seconds cursor(from.time_since_epoch());
  date::sys_info info = time_zone->get_info(cursor);
  std::chrono::seconds previous_offset = info.offset;
  // The observance in force at `from` starts at its own beginning (or 1970 when older).
  date::sys_seconds begin = std::max(info.begin, date::sys_seconds(std::chrono::seconds(0)));
  for (int guard = 0; guard < 64; ++guard) {
    bool daylight = info.save != std::chrono::minutes(0);
    icalcomponent* observance = daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
    std::chrono::local_seconds onset((begin + previous_offset).time_since_epoch());
    icalcomponent_add_property(observance, icalproperty_new_dtstart(LocalTime(onset)));
    icalcomponent_add_property(observance, icalproperty_new_tzoffsetfrom(static_cast<int>(previous_offset.count())));
    icalcomponent_add_property(observance, icalproperty_new_tzoffsetto(static_cast<int>(info.offset.count())));
    icalcomponent_add_property(observance, icalproperty_new_tzname(info.abbrev.c_str()));
    icalcomponent_add_component(component, observance);
    if (info.end >= date::sys_seconds(to.time_since_epoch()) || info.end == date::sys_seconds::max()) break;
    previous_offset = info.offset;
    begin = info.end;
    info = time_zone->get_info(info.end);
  }
  return component;
}

}  // namespace

std::string WriteCalendar(const std::vector<CalendarEntry>& entries, std::string_view name) {
  std::unique_ptr<icalcomponent, ComponentDeleter> calendar(icalcomponent_new_vcalendar());
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Entente//Events//EN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  std::string calendar_name(name);
  icalproperty* calendar_name_property = icalproperty_new_x(calendar_name.c_str());
  icalproperty_set_x_name(calendar_name_property, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), calendar_name_property);

  // Each zone's span, for its VTIMEZONE.
  std::map<std::string, std::pair<std::chrono::sys_seconds, std::chrono::sys_seconds>> spans;
  for (const auto& entry : entries) {
    if (!entry.starts.has_time() || !entry.ends.has_time() || !entry.starts.utc || !entry.ends.utc) continue;
    auto [it, inserted] = spans.try_emplace(entry.time_zone, *entry.starts.utc, *entry.ends.utc);
    it->second.first = std::min(it->second.first, *entry.starts.utc);
    it->second.second = std::max(it->second.second, *entry.ends.utc);
  }
  for (const auto& [zone, span] : spans) {
    try {
      icalcomponent_add_component(calendar.get(), TimeZone(zone, span.first, span.second));
    } catch (const std::exception&) {
      // A zone unknown to the OS was refused on input; nothing to describe.
    }
  }

  icaltimetype now = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
  for (const auto& entry : entries) {
    if (!entry.starts.known() || !entry.ends.known()) continue;
    if (entry.starts.has_time() && !spans.contains(entry.time_zone)) continue;
    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(entry.uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(now));
    icalcomponent_add_property(event, TimeProperty(true, entry.starts, entry.time_zone));
    icalcomponent_add_property(event, TimeProperty(false, entry.ends, entry.time_zone));
    icalcomponent_add_property(event, icalproperty_new_summary(entry.summary.c_str()));
    if (!entry.description.empty()) {
      icalcomponent_add_property(event, icalproperty_new_description(entry.description.c_str()));
    }
    if (!entry.location.empty()) icalcomponent_add_property(event, icalproperty_new_location(entry.location.c_str()));
    // Only absolute URIs (RFC 5545, 3.3.13); a path alone would not be one.
    if (entry.url.starts_with("http")) icalcomponent_add_property(event, icalproperty_new_url(entry.url.c_str()));
    icalcomponent_add_component(calendar.get(), event);
  }
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string result(text ? text : "");
  free(text);
  return result;
}

}  // namespace entente::events
