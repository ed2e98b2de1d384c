#include "modules/training/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "core/base/text.h"
#include "core/i18n/languages.h"
#include "core/i18n/text_checks.h"

namespace entente::training {
namespace {

constexpr const char* kDateFormat = N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty.");
constexpr const char* kHoursFormat = N_("Give the hours as a number such as 3 or 1.5 (more than 0, at most 1,000).");

std::optional<PartialDate> ReadDate(const std::string& text, const char* field, std::vector<FieldError>& errors) {
  auto date = PartialDate::Parse(text);
  if (!date) {
    errors.push_back({field, kDateFormat});
    return std::nullopt;
  }
  return *date;
}

// The course's address, kind, format, language, visibility and texts.
void CheckIdentity(const CourseInput& input, std::vector<FieldError>& errors) {
  // "new" and "mine" are addresses of the module's own pages.
  if (!IsSlug(input.slug) || input.slug == "new" || input.slug == "mine") {
    errors.push_back({"slug", N_("Use lower-case letters, digits and hyphens (at most 100).")});
  }
  if (input.provider.empty()) errors.push_back({"provider", N_("Choose the training centre that gives it.")});
  if (!kCourseKinds.Parse(input.kind)) errors.push_back({"kind", N_("Choose a kind from the list.")});
  if (!kCourseFormats.Parse(input.format)) errors.push_back({"format", N_("Choose a format from the list.")});
  if (!input.language.empty() && !i18n::IsSupportedLanguage(input.language)) {
    errors.push_back({"language", N_("Choose English, French, Russian or Kazakh, or leave it unknown.")});
  }
  auto visibility = auth::ParseVisibility(input.visibility);
  if (!visibility || *visibility == auth::Visibility::kParties || *visibility == auth::Visibility::kPrivate) {
    errors.push_back({"visibility", N_("Choose who may see it from the list.")});
  }
  if (!i18n::HasText(input.title)) errors.push_back({"title", N_("Give the course a title.")});
  i18n::CheckText(input.title, "title", errors);
  i18n::CheckText(input.description, "description", errors);
}

// Hours, dates in order, topics.
void CheckContent(const CourseInput& input, std::vector<FieldError>& errors) {
  if (!input.nominal_hours.empty() && !ParseHours(input.nominal_hours))
    errors.push_back({"nominal_hours", kHoursFormat});
  auto starts = ReadDate(input.starts_on, "starts_on", errors);
  auto ends = ReadDate(input.ends_on, "ends_on", errors);
  if (starts && ends && starts->known() && ends->known() &&
      std::chrono::sys_days(ends->LastDay()) < std::chrono::sys_days(starts->FirstDay())) {
    errors.push_back({"ends_on", N_("The end cannot come before the start.")});
  }
  std::set<std::string> seen;
  for (const auto& topic : input.topics) {
    if (!kTopics.Parse(topic) || !seen.insert(topic).second) {
      errors.push_back({"topics", N_("Choose topics from the list, each once.")});
      break;
    }
  }
  bool practice_area = seen.contains("practice_area");
  if (practice_area && TrimSpaces(input.practice_area).empty()) {
    errors.push_back({"practice_area", N_("Name the practice area.")});
  } else if (!practice_area && !TrimSpaces(input.practice_area).empty()) {
    errors.push_back({"practice_area", N_("A practice area goes with the topic \"A practice area\" only.")});
  } else if (input.practice_area.size() > 200) {
    errors.push_back({"practice_area", N_("This is too long (at most 200 characters).")});
  }
}

void CheckAccreditations(const CourseInput& input, std::vector<FieldError>& errors) {
  std::set<std::string> jurisdictions;
  for (const auto& accreditation : input.accreditations) {
    if (accreditation.jurisdiction.empty() || !jurisdictions.insert(accreditation.jurisdiction).second) {
      errors.push_back({"accreditations", N_("Give each accrediting jurisdiction once.")});
      break;
    }
    if (accreditation.reference.size() > 200) {
      errors.push_back({"accreditations", N_("This is too long (at most 200 characters).")});
    }
    ReadDate(accreditation.approved_on, "accreditations", errors);
  }
}

}  // namespace

std::optional<int> ParseHours(std::string_view text) {
  text = TrimSpaces(text);
  if (text.empty() || text.size() > 10) return std::nullopt;
  long long whole = 0, hundredths = 0;
  size_t i = 0, digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) whole = whole * 10 + (text[i] - '0');
  if (digits == 0) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != '.' && text[i] != ',') return std::nullopt;
    size_t decimals = 0;
    for (++i; i < text.size(); ++i, ++decimals) {
      if (text[i] < '0' || text[i] > '9' || decimals == 2) return std::nullopt;
      hundredths += (text[i] - '0') * (decimals == 0 ? 10 : 1);
    }
    if (decimals == 0) return std::nullopt;
  }
  long long minutes = whole * 60 + (hundredths * 60 + 50) / 100;
  if (minutes <= 0 || minutes > kMaxMinutes) return std::nullopt;
  return static_cast<int>(minutes);
}

std::string HoursText(int minutes, std::string_view language) {
  long long hundredths = (static_cast<long long>(minutes) * 100 + 30) / 60;
  std::string text = std::to_string(hundredths / 100);
  if (long long fraction = hundredths % 100; fraction != 0) {
    std::string decimals = fmt::format("{:02}", fraction);
    if (decimals.back() == '0') decimals.pop_back();
    text += (language == "en" ? "." : ",") + decimals;
  }
  return text;
}

std::vector<FieldError> ValidateCourse(const CourseInput& input) {
  std::vector<FieldError> errors;
  CheckIdentity(input, errors);
  CheckContent(input, errors);
  CheckAccreditations(input, errors);
  std::vector<FieldError> unique;
  for (auto& error : errors) {
    if (std::find(unique.begin(), unique.end(), error) == unique.end()) unique.push_back(std::move(error));
  }
  return unique;
}

std::vector<FieldError> ValidateAttendance(const AttendanceInput& input, std::optional<int> nominal_minutes) {
  std::vector<FieldError> errors;
  if (!IsSlug(input.person)) errors.push_back({"person", N_("There is no such person in the directory.")});
  if (!kAttendanceRoles.Parse(input.role)) errors.push_back({"role", N_("Choose a role from the list.")});
  auto minutes = ParseHours(input.hours);
  if (!minutes) {
    errors.push_back({"hours", kHoursFormat});
  } else if (nominal_minutes && *minutes > *nominal_minutes) {
    errors.push_back({"hours", N_("No more hours than the course lasted.")});
  }
  return errors;
}

}  // namespace entente::training
