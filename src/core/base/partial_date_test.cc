#include "core/base/partial_date.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

using namespace std::chrono;

TEST(PartialDateTest, RoundTripsEveryStoredForm) {
  for (std::string_view text :
       {"", "2014", "2014-10", "2014-06-26", "2014-10-14/2014-10-15", "2014-12-10/2014-12-13", "2016-02-29"}) {
    auto parsed = PartialDate::Parse(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(parsed->ToString(), text);
  }
}

TEST(PartialDateTest, KnowsItsPrecision) {
  struct Case {
    std::string_view text;
    DatePrecision precision;
  };
  for (auto [text, precision] :
       {Case{"", DatePrecision::kUnknown}, Case{"2015", DatePrecision::kYear}, Case{"2015-12", DatePrecision::kMonth},
        Case{"2014-06-27", DatePrecision::kDay}, Case{"2014-10-14/2014-10-15", DatePrecision::kDayRange}}) {
    EXPECT_EQ(PartialDate::Parse(text)->precision(), precision) << text;
  }
}

TEST(PartialDateTest, RejectsMalformedAndImpossibleDates) {
  for (std::string_view text :
       {"14-10-2014", "2014-13", "2014-02-30", "2015-02-29", "2014-10-15/2014-10-14", "20140", "2014-1", "2014-10-1",
        "abcd", "2014-10-14/", "/2014-10-14", "2014-10-14/2014-10-15/2014-10-16", "２０１４"}) {
    auto parsed = PartialDate::Parse(text);
    EXPECT_FALSE(parsed.has_value()) << text;
    if (!parsed) EXPECT_EQ(parsed.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(PartialDateTest, BoundsCoverThePrecision) {
  auto month = *PartialDate::Parse("2016-02");
  EXPECT_EQ(month.FirstDay(), 2016y / February / 1d);
  EXPECT_EQ(month.LastDay(), 2016y / February / 29d);
  auto year = *PartialDate::Parse("2015");
  EXPECT_EQ(year.LastDay(), 2015y / December / 31d);
  auto range = *PartialDate::Parse("2014-10-14/2014-10-15");
  EXPECT_TRUE(range.MayContain(2014y / October / 15d));
  EXPECT_FALSE(range.MayContain(2014y / October / 16d));
  EXPECT_FALSE(PartialDate().MayContain(2014y / October / 15d));
}

TEST(PartialDateTest, OneDayRangeIsADay) {
  auto date = PartialDate::DayRange(2014y / June / 27d, 2014y / June / 27d);
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->precision(), DatePrecision::kDay);
  EXPECT_EQ(date->ToString(), "2014-06-27");
}

}  // namespace
}  // namespace entente
