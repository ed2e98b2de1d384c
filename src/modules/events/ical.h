#pragma once
// iCalendar (RFC 5545) output with libical: events, sessions, meetings and personal agendas.
//
// Timed entries carry DTSTART/DTEND with a TZID naming the IANA zone ("Europe/Paris"), and the
// calendar holds one VTIMEZONE per zone, built from the OS tz database (not libical's copy,
// whose TZIDs carry a "/freeassociation.sourceforge.net/" prefix) and holding only the
// transitions around the entries' dates. Day-precision entries are all-day (VALUE=DATE, DTEND
// the day after the last). Entries whose day is unknown are left out: a calendar cannot say
// "some day in December".

#include <string>
#include <string_view>
#include <vector>

#include "modules/events/model.h"

namespace entente::events {

struct CalendarEntry {
  std::string uid;  // globally unique and stable: "session-12@entente"
  std::string summary;
  std::string description;
  std::string location;
  std::string url;
  std::string time_zone;  // IANA
  WallTime starts, ends;
};

// A VCALENDAR with the entries, as CRLF-terminated folded text. `name` becomes X-WR-CALNAME.
std::string WriteCalendar(const std::vector<CalendarEntry>& entries, std::string_view name);

}  // namespace entente::events
