#pragma once
// The training module's rules that need no database: checking what a user typed, and hours as
// people type and read them. Field errors carry English msgids that the page or JSON layer
// translates.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "modules/training/model.h"

namespace entente::training {

// A course or an attendance lasts at most this long (a training year): 1,000 hours.
inline constexpr int kMaxMinutes = 1000 * 60;

// Hours as typed: "3", "1.5", "1,5" (a decimal comma, as French, Russian and Kazakh write it),
// at most two decimals, more than 0 and at most kMaxMinutes; in whole minutes (1.5 → 90).
// nullopt for anything else.
std::optional<int> ParseHours(std::string_view text);
// Minutes as hours in `language`: "1.5" (en) or "1,5" (fr, ru, kk), "3" for whole hours, at
// most two decimals.
std::string HoursText(int minutes, std::string_view language);

// Every problem of `input` that can be seen without the database: slug, kind, format, language,
// hours, dates and their order, topics, texts, accreditations. Empty when acceptable so far.
std::vector<FieldError> ValidateCourse(const CourseInput& input);
// `nominal_minutes`: the course's length when known; an attendance may not last longer.
std::vector<FieldError> ValidateAttendance(const AttendanceInput& input, std::optional<int> nominal_minutes);

}  // namespace entente::training
