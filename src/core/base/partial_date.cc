#include "core/base/partial_date.h"

#include <fmt/format.h>

#include <cassert>
#include <charconv>

#include "core/base/messages.h"

namespace entente {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

// Reads exactly `width` digits.
bool ReadNumber(std::string_view text, size_t width, int& value) {
  if (text.size() != width) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(text.data(), text.data() + text.size(), value);
  return true;
}

Result<year_month_day> ParseDay(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadNumber(text.substr(0, 4), 4, y) ||
      !ReadNumber(text.substr(5, 2), 2, m) || !ReadNumber(text.substr(8, 2), 2, d)) {
    return Fail(Error::InvalidArgument(N_("Enter a date as YYYY-MM-DD.")));
  }
  year_month_day value{year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
  if (!value.ok()) return Fail(Error::InvalidArgument(N_("This date does not exist.")));
  return value;
}

std::string FormatDay(year_month_day value) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(value.year()), static_cast<unsigned>(value.month()),
                     static_cast<unsigned>(value.day()));
}

}  // namespace

PartialDate PartialDate::Year(year value) {
  PartialDate date;
  date.precision_ = DatePrecision::kYear;
  date.first_ = value / std::chrono::January / 1;
  date.last_ = value / std::chrono::December / 31;
  return date;
}

PartialDate PartialDate::Month(year_month value) {
  PartialDate date;
  date.precision_ = DatePrecision::kMonth;
  date.first_ = value / 1;
  date.last_ = year_month_day(year_month_day_last(value.year(), std::chrono::month_day_last(value.month())));
  return date;
}

PartialDate PartialDate::Day(year_month_day value) {
  PartialDate date;
  date.precision_ = DatePrecision::kDay;
  date.first_ = value;
  date.last_ = value;
  return date;
}

Result<PartialDate> PartialDate::DayRange(year_month_day first, year_month_day last) {
  if (!first.ok() || !last.ok()) return Fail(Error::InvalidArgument(N_("This date does not exist.")));
  if (std::chrono::sys_days(last) < std::chrono::sys_days(first)) {
    return Fail(Error::InvalidArgument(N_("The end of a date range cannot come before its start.")));
  }
  if (first == last) return Day(first);
  PartialDate date;
  date.precision_ = DatePrecision::kDayRange;
  date.first_ = first;
  date.last_ = last;
  return date;
}

Result<PartialDate> PartialDate::Parse(std::string_view text) {
  if (text.empty()) return PartialDate();
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    auto first = ParseDay(text.substr(0, slash));
    if (!first) return Fail(first.error());
    auto last = ParseDay(text.substr(slash + 1));
    if (!last) return Fail(last.error());
    return DayRange(*first, *last);
  }
  int y = 0, m = 0;
  if (text.size() == 4) {
    if (!ReadNumber(text, 4, y)) return Fail(Error::InvalidArgument(N_("Enter a year as YYYY.")));
    return Year(year(y));
  }
  if (text.size() == 7) {
    if (text[4] != '-' || !ReadNumber(text.substr(0, 4), 4, y) || !ReadNumber(text.substr(5), 2, m) || m < 1 ||
        m > 12) {
      return Fail(Error::InvalidArgument(N_("Enter a month as YYYY-MM.")));
    }
    return Month(year(y) / month(static_cast<unsigned>(m)));
  }
  auto single = ParseDay(text);
  if (!single) return Fail(single.error());
  return Day(*single);
}

year_month_day PartialDate::FirstDay() const {
  assert(known());
  return first_;
}

year_month_day PartialDate::LastDay() const {
  assert(known());
  return last_;
}

std::string PartialDate::ToString() const {
  switch (precision_) {
    case DatePrecision::kUnknown:
      return "";
    case DatePrecision::kYear:
      return fmt::format("{:04}", static_cast<int>(first_.year()));
    case DatePrecision::kMonth:
      return fmt::format("{:04}-{:02}", static_cast<int>(first_.year()), static_cast<unsigned>(first_.month()));
    case DatePrecision::kDay:
      return FormatDay(first_);
    case DatePrecision::kDayRange:
      return FormatDay(first_) + "/" + FormatDay(last_);
  }
  return "";
}

bool PartialDate::MayContain(year_month_day value) const {
  if (!known()) return false;
  auto days = std::chrono::sys_days(value);
  return std::chrono::sys_days(first_) <= days && days <= std::chrono::sys_days(last_);
}

}  // namespace entente
