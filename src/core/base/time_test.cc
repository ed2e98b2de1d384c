#include "core/base/time.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(TimeTest, ParsesWhatItWrites) {
  auto instant = std::chrono::sys_days(std::chrono::year(2026) / 12 / 3) + std::chrono::hours(13) +
                 std::chrono::minutes(4) + std::chrono::seconds(5);
  EXPECT_EQ(UtcTimestamp(instant), "2026-12-03T13:04:05Z");
  EXPECT_EQ(ParseUtcTimestamp("2026-12-03T13:04:05Z"), instant);
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  EXPECT_EQ(ParseUtcTimestamp(UtcTimestamp(now)), now);
}

TEST(TimeTest, RefusesAnythingElse) {
  for (std::string_view text : {"", "2026-12-03", "2026-12-03 13:04:05Z", "2026-12-03T13:04:05", "2026-02-30T00:00:00Z",
                                "2026-12-03T24:00:00Z", "2026-12-03T13:60:00Z", "2026-1a-03T13:04:05Z",
                                "2026-12-03T13:04:05+01"}) {
    EXPECT_FALSE(ParseUtcTimestamp(text)) << text;
  }
}

}  // namespace
}  // namespace entente
