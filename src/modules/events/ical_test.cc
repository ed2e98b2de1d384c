#include "modules/events/ical.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "modules/events/rules.h"

namespace entente::events {
namespace {

WallTime Read(const char* text, const char* zone) { return ReadWallTime(text, zone, "starts").value(); }

std::vector<CalendarEntry> Entries() {
  return {
      {"session-1@entente", "Meeting with the President of the Paris Bar", "Private meeting", "Maison du Barreau",
       "https://entente.example/events/rentree-2014", "Europe/Paris", Read("2014-12-11T10:00", "Europe/Paris"),
       Read("2014-12-11T10:30", "Europe/Paris")},
      {"event-2@entente", "Rentrée du Barreau de Paris 2014", "", "Paris", "", "Europe/Paris",
       Read("2014-12-10", "Europe/Paris"), Read("2014-12-13", "Europe/Paris")},
      {"session-3@entente", "Вечер в Алматы, «кавычки», точка с запятой; и запятая", "", "", "", "Asia/Almaty",
       Read("2026-03-02T18:00", "Asia/Almaty"), Read("2026-03-02T19:00", "Asia/Almaty")},
      // A date the source does not give: left out.
      {"session-4@entente", "Unknown day", "", "", "", "Europe/Paris", WallTime{}, WallTime{}},
  };
}

TEST(IcalTest, LibicalParsesItBack) {
  std::string text = WriteCalendar(Entries(), "Agenda");
  ASSERT_NE(text.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(text.find("\r\n"), std::string::npos);
  EXPECT_EQ(text.find("freeassociation"), std::string::npos);
  icalcomponent* calendar = icalparser_parse_string(text.c_str());
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT), 3);
  EXPECT_EQ(icalcomponent_count_components(calendar, ICAL_VTIMEZONE_COMPONENT), 2);
  // The Paris session: 10:00 local with TZID Europe/Paris, 09:00 UTC.
  for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    std::string uid = icalcomponent_get_uid(event);
    icalproperty* start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (uid == "session-1@entente") {
      icalparameter* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
      ASSERT_NE(tzid, nullptr);
      EXPECT_STREQ(icalparameter_get_tzid(tzid), "Europe/Paris");
      icaltimetype time = icalproperty_get_dtstart(start);
      EXPECT_EQ(time.hour, 10);
      EXPECT_EQ(time.day, 11);
    } else if (uid == "event-2@entente") {
      icaltimetype first = icalproperty_get_dtstart(start);
      EXPECT_TRUE(first.is_date);
      icaltimetype end = icalcomponent_get_dtend(event);
      EXPECT_EQ(end.day, 14);  // exclusive: the day after the 13th
    } else {
      EXPECT_EQ(uid, "session-3@entente");
      EXPECT_STREQ(icalcomponent_get_summary(event), "Вечер в Алматы, «кавычки», точка с запятой; и запятая");
    }
  }
  icalcomponent_free(calendar);
}

TEST(IcalTest, VtimezoneHoldsTheRightOffsets) {
  std::string text = WriteCalendar(Entries(), "Agenda");
  // Paris in December 2014: CET +0100; Almaty since March 2024: +0500.
  EXPECT_NE(text.find("TZID:Europe/Paris"), std::string::npos);
  EXPECT_NE(text.find("TZOFFSETTO:+0100"), std::string::npos);
  EXPECT_NE(text.find("TZID:Asia/Almaty"), std::string::npos);
  EXPECT_NE(text.find("TZOFFSETTO:+0500"), std::string::npos);
}

// The same output through an independent parser (Debian's python3-icalendar): the instants it
// computes from TZID and VTIMEZONE must be the UTC instants we stored.
TEST(IcalTest, PythonIcalendarParsesItBack) {
  std::string text = WriteCalendar(Entries(), "Agenda");
  auto path = std::filesystem::temp_directory_path() / "entente-ical-test.ics";
  std::ofstream(path, std::ios::binary) << text;
  std::string script =
      "import sys, icalendar, datetime\n"
      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
      "tzs = {}\n"
      "for tz in cal.walk('VTIMEZONE'):\n"
      "    tzs[str(tz['TZID'])] = tz.to_tz()\n"
      "for ev in cal.walk('VEVENT'):\n"
      "    start = ev.decoded('DTSTART')\n"
      "    if isinstance(start, datetime.datetime):\n"
      "        tzid = ev['DTSTART'].params['TZID']\n"
      "        if start.tzinfo is None: start = tzs[tzid].localize(start)\n"
      "        print(ev['UID'], start.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'))\n"
      "    else:\n"
      "        print(ev['UID'], start.isoformat(), ev.decoded('DTEND').isoformat())\n";
  auto script_path = std::filesystem::temp_directory_path() / "entente-ical-test.py";
  std::ofstream(script_path) << script;
  // Debian's interpreter, where python3-icalendar lives (a user-installed python3 may lack it).
  std::string command = "/usr/bin/python3 " + script_path.string() + " " + path.string() + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
  int status = pclose(pipe);
  ASSERT_EQ(status, 0) << output;
  EXPECT_NE(output.find("session-1@entente 2014-12-11T09:00"), std::string::npos) << output;
  EXPECT_NE(output.find("event-2@entente 2014-12-10 2014-12-14"), std::string::npos) << output;
  EXPECT_NE(output.find("session-3@entente 2026-03-02T13:00"), std::string::npos) << output;
}

}  // namespace
}  // namespace entente::events
