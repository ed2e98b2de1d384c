#pragma once
// A date as precise as its source (docs/ARCHITECTURE.md, "Facts with their precision"): a day, a range of
// days ("14–15 October 2014"), a month, a year, or unknown. Never filled in beyond what is known.
//
// Stored as text in one column, in an ISO 8601 form that sorts by its first day:
//   ""                         unknown
//   "2014"                     a year
//   "2014-10"                  a month
//   "2014-10-14"               a day
//   "2014-10-14/2014-10-15"    a range of days (first <= last)

#include <chrono>
#include <string>
#include <string_view>

#include "core/base/error.h"

namespace entente {

enum class DatePrecision { kUnknown, kYear, kMonth, kDay, kDayRange };

class PartialDate {
 public:
  // Unknown.
  PartialDate() = default;

  static PartialDate Year(std::chrono::year year);
  static PartialDate Month(std::chrono::year_month month);
  static PartialDate Day(std::chrono::year_month_day day);
  // Fails unless both days are valid and first <= last; a one-day range is a Day.
  static Result<PartialDate> DayRange(std::chrono::year_month_day first, std::chrono::year_month_day last);

  // Parses the stored form above. Fails with kInvalidArgument on anything else.
  static Result<PartialDate> Parse(std::string_view text);

  DatePrecision precision() const { return precision_; }
  bool known() const { return precision_ != DatePrecision::kUnknown; }

  // The first and last day the value may stand for: 2014-10 → 2014-10-01 … 2014-10-31.
  // Meaningless (and asserted against) when unknown.
  std::chrono::year_month_day FirstDay() const;
  std::chrono::year_month_day LastDay() const;

  // The stored form; ToString(Parse(s)) == s for every valid s.
  std::string ToString() const;

  // Whether `day` may fall within this value (false when unknown).
  bool MayContain(std::chrono::year_month_day day) const;

  bool operator==(const PartialDate&) const = default;

 private:
  DatePrecision precision_ = DatePrecision::kUnknown;
  std::chrono::year_month_day first_{};
  std::chrono::year_month_day last_{};
};

}  // namespace entente
