#include "core/i18n/time_zones.h"

#include <gtest/gtest.h>

namespace entente::i18n {
namespace {

using namespace std::chrono;

sys_seconds Utc(year_month_day day, hours hour) { return sys_days(day) + hour; }

TEST(TimeZonesTest, UsesTheOperatingSystemsRulesNotIcus) {
  struct Case {
    std::string zone;
    sys_seconds instant;
    seconds offset;
  };
  for (const auto& [zone, instant, offset] : std::vector<Case>{
           // The Rentrée 2014 in Paris (winter time) and the ministerial conference in Astana.
           {"Europe/Paris", Utc(2014y / December / 10d, 9h), hours(1)},
           {"Europe/Paris", Utc(2015y / July / 1d, 9h), hours(2)},
           {"Asia/Almaty", Utc(2014y / October / 14d, 4h), hours(6)},
           // Kazakhstan moved to a single zone, UTC+5, on 1 March 2024.
           {"Asia/Almaty", Utc(2025y / June / 1d, 4h), hours(5)},
       }) {
    auto local = ToLocal(instant, zone);
    ASSERT_TRUE(local) << zone;
    EXPECT_EQ(local->offset, offset) << zone << " at " << instant.time_since_epoch().count();
    EXPECT_EQ(local->time.time_since_epoch(), (instant + offset).time_since_epoch());
  }
}

TEST(TimeZonesTest, WallClockToUtcAcrossChanges) {
  // 10:00 in Paris on 10 December 2014 is 09:00 UTC.
  auto utc = ToUtc(local_days(2014y / December / 10d) + 10h, "Europe/Paris");
  ASSERT_TRUE(utc);
  EXPECT_EQ(*utc, Utc(2014y / December / 10d, 9h));
  // 02:30 on 29 March 2015 does not exist in Paris; it is taken as 01:30 UTC (03:30 CEST).
  auto skipped = ToUtc(local_days(2015y / March / 29d) + 2h + 30min, "Europe/Paris");
  ASSERT_TRUE(skipped);
  EXPECT_EQ(*skipped, Utc(2015y / March / 29d, 1h) + 30min);
}

TEST(TimeZonesTest, UnknownZonesAreRefused) {
  EXPECT_FALSE(IsKnownZone("Mars/Olympus"));
  EXPECT_TRUE(IsKnownZone("Asia/Almaty"));
  auto refused = ToLocal(sys_seconds(), "Mars/Olympus");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace entente::i18n
