#include "modules/events/rules.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <charconv>

namespace entente::events {
namespace {

std::optional<int> Digits(std::string_view text) {
  int value = 0;
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Error Invalid(std::string_view field, const char* message) {
  return Error::InvalidArgument(N_("Please correct the fields below."), {{std::string(field), message}});
}

std::chrono::local_seconds LocalSeconds(const WallTime& time) {
  return std::chrono::local_days(*time.day) + *time.time_of_day;
}

}  // namespace

std::string WallTime::ToString() const {
  if (!day) return "";
  std::string text = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day->year()),
                                 static_cast<unsigned>(day->month()), static_cast<unsigned>(day->day()));
  if (time_of_day) {
    auto minutes = time_of_day->count();
    text += fmt::format("T{:02}:{:02}", minutes / 60, minutes % 60);
  }
  return text;
}

Result<WallTime> ReadWallTime(std::string_view text, std::string_view zone, std::string_view field) {
  WallTime result;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return result;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return Fail(Invalid(field, N_("Enter a date as YYYY-MM-DD, with a time as YYYY-MM-DDTHH:MM.")));
  }
  auto year = Digits(text.substr(0, 4));
  auto month = Digits(text.substr(5, 2));
  auto day = Digits(text.substr(8, 2));
  if (!year || !month || !day) {
    return Fail(Invalid(field, N_("Enter a date as YYYY-MM-DD, with a time as YYYY-MM-DDTHH:MM.")));
  }
  std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(*month), std::chrono::day(*day)};
  if (!date.ok() || *year < 1900 || *year > 2200) return Fail(Invalid(field, N_("This date does not exist.")));
  result.day = date;
  if (text.size() == 10) return result;
  if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
    return Fail(Invalid(field, N_("Enter a date as YYYY-MM-DD, with a time as YYYY-MM-DDTHH:MM.")));
  }
  auto hour = Digits(text.substr(11, 2));
  auto minute = Digits(text.substr(14, 2));
  if (!hour || !minute || *hour > 23 || *minute > 59) return Fail(Invalid(field, N_("This time does not exist.")));
  result.time_of_day = std::chrono::hours(*hour) + std::chrono::minutes(*minute);
  const date::time_zone* time_zone = nullptr;
  try {
    time_zone = date::locate_zone(zone);
  } catch (const std::exception&) {
    return Fail(Invalid("time_zone", N_("Choose a time zone from the list.")));
  }
  date::local_seconds wall(LocalSeconds(result).time_since_epoch());
  date::local_info info = time_zone->get_info(wall);
  if (info.result == date::local_info::nonexistent) {
    return Fail(Invalid(field, N_("This time does not exist in the event's time zone: the clocks skip it.")));
  }
  if (info.result == date::local_info::ambiguous) {
    return Fail(Invalid(field, N_("This time occurs twice in the event's time zone (the clocks go back): "
                                  "choose another.")));
  }
  result.utc = std::chrono::sys_seconds((wall - info.first.offset).time_since_epoch());
  return result;
}

std::vector<FieldError> CheckEventTimes(const WallTime& starts, const WallTime& ends) {
  std::vector<FieldError> errors;
  if (starts.known() != ends.known()) {
    errors.push_back({starts.known() ? "ends" : "starts", N_("Give both the start and the end, or neither.")});
    return errors;
  }
  if (!starts.known()) return errors;
  if (starts.has_time() != ends.has_time()) {
    errors.push_back({"ends", N_("Give hours for both the start and the end, or for neither.")});
    return errors;
  }
  bool before = starts.has_time() ? *ends.utc <= *starts.utc
                                  : std::chrono::sys_days(*ends.day) < std::chrono::sys_days(*starts.day);
  if (before) errors.push_back({"ends", N_("The end must come after the start.")});
  return errors;
}

std::vector<FieldError> CheckSessionTimes(const WallTime& event_starts, const WallTime& event_ends,
                                          const WallTime& starts, const WallTime& ends) {
  std::vector<FieldError> errors;
  if (!starts.known() && !ends.known()) return errors;
  if (!starts.known() || !ends.known()) {
    errors.push_back({starts.known() ? "ends" : "starts", N_("Give both the start and the end, or neither.")});
    return errors;
  }
  if (starts.has_time() != ends.has_time()) {
    errors.push_back({"ends", N_("Give hours for both the start and the end, or for neither.")});
    return errors;
  }
  if (starts.has_time() ? *ends.utc <= *starts.utc
                        : std::chrono::sys_days(*ends.day) < std::chrono::sys_days(*starts.day)) {
    errors.push_back({"ends", N_("The end must come after the start.")});
  }
  if (event_starts.known() && event_ends.known()) {
    auto first = std::chrono::sys_days(*event_starts.day);
    auto last = std::chrono::sys_days(*event_ends.day);
    bool outside = std::chrono::sys_days(*starts.day) < first || std::chrono::sys_days(*ends.day) > last;
    // With hours on both sides, the instants decide (a session may not begin before the event).
    if (!outside && starts.has_time() && event_starts.has_time()) {
      outside = *starts.utc < *event_starts.utc || *ends.utc > *event_ends.utc;
    }
    if (outside) errors.push_back({"starts", N_("The session must take place within the event's dates.")});
  }
  return errors;
}

bool Overlaps(const WallTime& a_starts, const WallTime& a_ends, const WallTime& b_starts, const WallTime& b_ends) {
  if (!a_starts.utc || !a_ends.utc || !b_starts.utc || !b_ends.utc) return false;
  return *a_starts.utc < *b_ends.utc && *b_starts.utc < *a_ends.utc;
}

Result<ParticipantStatus> DecideRegistration(Registration registration, std::optional<int> capacity, int confirmed) {
  switch (registration) {
    case Registration::kClosed:
      return Fail(Error::InvalidArgument(N_("Registration for this event is closed."),
                                         {{"registration", N_("Registration for this event is closed.")}}));
    case Registration::kApproval:
      return ParticipantStatus::kPending;
    case Registration::kOpen:
      if (capacity && confirmed >= *capacity) return ParticipantStatus::kWaiting;
      return ParticipantStatus::kConfirmed;
  }
  return Fail(Error::Internal("unknown registration mode"));
}

Result<std::optional<int>> ReadCount(std::string_view text, std::string_view field, int maximum) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::optional<int>();
  auto value = text.size() <= 7 ? Digits(text) : std::nullopt;
  if (!value || *value < 1 || *value > maximum) return Fail(Invalid(field, N_("Enter a whole number of at least 1.")));
  return std::optional<int>(*value);
}

bool IsSlug(std::string_view text) {
  if (text.size() < 2 || text.size() > 80) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return text.front() != '-' && text.back() != '-';
}

}  // namespace entente::events
