#include "modules/events/rules.h"

#include <gtest/gtest.h>

namespace entente::events {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

WallTime Read(const char* text, const char* zone = "Europe/Paris") {
  auto time = ReadWallTime(text, zone, "starts");
  EXPECT_TRUE(time.has_value()) << text;
  return time.value_or(WallTime{});
}

std::string FirstFieldMessage(const Result<WallTime>& result) {
  if (result) return "";
  return result.error().fields().empty() ? "" : result.error().fields()[0].message;
}

TEST(ReadWallTimeTest, ReadsDaysAndTimesInTheZone) {
  WallTime unknown = Read("");
  EXPECT_FALSE(unknown.known());
  WallTime day = Read("2014-12-10");
  EXPECT_TRUE(day.known());
  EXPECT_FALSE(day.has_time());
  EXPECT_EQ(day.ToString(), "2014-12-10");
  WallTime time = Read("2014-12-10T09:30");
  ASSERT_TRUE(time.utc);
  // Paris is at +01 in December.
  EXPECT_EQ(*time.utc, sys_days(std::chrono::year(2014) / 12 / 10) + 8h + 30min);
  EXPECT_EQ(time.ToString(), "2014-12-10T09:30");
  WallTime astana = Read("2014-10-14 10:00", "Asia/Almaty");
  EXPECT_EQ(*astana.utc, sys_days(std::chrono::year(2014) / 10 / 14) + 4h);  // +06 in 2014
}

TEST(ReadWallTimeTest, RefusesMalformedAndImpossibleValues) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"10/12/2014", "Enter a date as YYYY-MM-DD, with a time as YYYY-MM-DDTHH:MM."},
      {"2014-02-30", "This date does not exist."},
      {"2014-12-10T25:00", "This time does not exist."},
      {"2014-12-10T9:00", "Enter a date as YYYY-MM-DD, with a time as YYYY-MM-DDTHH:MM."},
      {"2014-12-10Tab:cd", "This time does not exist."},
  };
  for (const auto& item : cases) {
    auto result = ReadWallTime(item.text, "Europe/Paris", "starts");
    ASSERT_FALSE(result.has_value()) << item.text;
    EXPECT_EQ(result.error().fields().at(0).field, "starts");
    EXPECT_EQ(FirstFieldMessage(result), item.message) << item.text;
  }
}

TEST(ReadWallTimeTest, RefusesATimeInADaylightSavingGap) {
  // 30 March 2014: Paris clocks went from 02:00 to 03:00.
  auto result = ReadWallTime("2014-03-30T02:30", "Europe/Paris", "starts");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(FirstFieldMessage(result), "This time does not exist in the event's time zone: the clocks skip it.");
  EXPECT_TRUE(ReadWallTime("2014-03-30T03:30", "Europe/Paris", "starts").has_value());
}

TEST(ReadWallTimeTest, RefusesAnAmbiguousTime) {
  // 26 October 2014: Paris clocks went back from 03:00 to 02:00, so 02:30 happened twice.
  auto result = ReadWallTime("2014-10-26T02:30", "Europe/Paris", "ends");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().fields().at(0).field, "ends");
  EXPECT_NE(FirstFieldMessage(result).find("occurs twice"), std::string::npos);
}

TEST(CheckTimesTest, EventTimes) {
  EXPECT_TRUE(CheckEventTimes(Read(""), Read("")).empty());
  EXPECT_TRUE(CheckEventTimes(Read("2014-12-10"), Read("2014-12-13")).empty());
  EXPECT_TRUE(CheckEventTimes(Read("2014-06-26"), Read("2014-06-26")).empty());
  EXPECT_EQ(CheckEventTimes(Read("2014-12-13"), Read("2014-12-10")).at(0).field, "ends");
  EXPECT_EQ(CheckEventTimes(Read("2014-12-10"), Read("")).at(0).field, "ends");
  EXPECT_EQ(CheckEventTimes(Read("2014-12-10T09:00"), Read("2014-12-13")).at(0).field, "ends");
  EXPECT_FALSE(CheckEventTimes(Read("2014-12-10T09:00"), Read("2014-12-10T09:00")).empty());
}

TEST(CheckTimesTest, SessionMustBeWithinTheEvent) {
  WallTime first = Read("2014-12-10"), last = Read("2014-12-13");
  EXPECT_TRUE(CheckSessionTimes(first, last, Read("2014-12-11T10:00"), Read("2014-12-11T12:00")).empty());
  EXPECT_TRUE(CheckSessionTimes(first, last, Read(""), Read("")).empty());  // day not given
  EXPECT_TRUE(CheckSessionTimes(first, last, Read("2014-12-12"), Read("2014-12-12")).empty());
  auto outside = CheckSessionTimes(first, last, Read("2014-12-14T10:00"), Read("2014-12-14T11:00"));
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_EQ(outside[0].message, "The session must take place within the event's dates.");
  EXPECT_FALSE(CheckSessionTimes(first, last, Read("2014-12-11T12:00"), Read("2014-12-11T10:00")).empty());
  WallTime timed_first = Read("2014-12-10T09:00"), timed_last = Read("2014-12-13T18:00");
  EXPECT_FALSE(CheckSessionTimes(timed_first, timed_last, Read("2014-12-10T08:00"), Read("2014-12-10T09:30")).empty());
}

TEST(CheckTimesTest, Overlaps) {
  EXPECT_TRUE(
      Overlaps(Read("2014-12-11T10:00"), Read("2014-12-11T12:00"), Read("2014-12-11T11:00"), Read("2014-12-11T13:00")));
  EXPECT_FALSE(
      Overlaps(Read("2014-12-11T10:00"), Read("2014-12-11T12:00"), Read("2014-12-11T12:00"), Read("2014-12-11T13:00")));
  EXPECT_FALSE(Overlaps(Read("2014-12-11"), Read("2014-12-11"), Read("2014-12-11T12:00"), Read("2014-12-11T13:00")));
}

TEST(DecideRegistrationTest, CapacityAndModes) {
  EXPECT_FALSE(DecideRegistration(Registration::kClosed, std::nullopt, 0).has_value());
  EXPECT_EQ(*DecideRegistration(Registration::kApproval, 10, 0), ParticipantStatus::kPending);
  EXPECT_EQ(*DecideRegistration(Registration::kOpen, std::nullopt, 5000), ParticipantStatus::kConfirmed);
  EXPECT_EQ(*DecideRegistration(Registration::kOpen, 2, 1), ParticipantStatus::kConfirmed);
  EXPECT_EQ(*DecideRegistration(Registration::kOpen, 2, 2), ParticipantStatus::kWaiting);
}

TEST(ReadCountTest, Counts) {
  EXPECT_EQ(*ReadCount("", "size"), std::nullopt);
  EXPECT_EQ(*ReadCount(" 2 ", "size"), 2);
  EXPECT_FALSE(ReadCount("0", "size").has_value());
  EXPECT_FALSE(ReadCount("-1", "size").has_value());
  EXPECT_FALSE(ReadCount("two", "size").has_value());
  EXPECT_FALSE(ReadCount("99999999999", "size").has_value());
}

}  // namespace
}  // namespace entente::events
