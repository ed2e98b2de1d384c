#pragma once
// The rules of the events module that need no database: reading wall-clock times in a zone,
// the checks on an event's and a session's times, and what a registration becomes. Each failure
// is a FieldError whose message is an English msgid (the page translates it).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "modules/events/model.h"

namespace entente::events {

// Reads '' (unknown), 'YYYY-MM-DD' (a day, no hour) or 'YYYY-MM-DDTHH:MM' (also with a space)
// as a wall-clock time in `zone`, and finds its UTC instant. Field errors on `field` for a
// malformed value, a time that does not exist in the zone (skipped by a daylight-saving change)
// and an ambiguous one (repeated when clocks go back): the user must say which they mean.
// `zone` must be known (see i18n::IsKnownZone).
Result<WallTime> ReadWallTime(std::string_view text, std::string_view zone, std::string_view field);

// The event's times: both known or both unknown, the same precision, end not before start.
std::vector<FieldError> CheckEventTimes(const WallTime& starts, const WallTime& ends);

// A session's times against its event: within the event's days, end after start, the same
// precision. A session whose day is not given passes.
std::vector<FieldError> CheckSessionTimes(const WallTime& event_starts, const WallTime& event_ends,
                                          const WallTime& starts, const WallTime& ends);

// Whether two timed sessions overlap (half-open intervals); false when either has no hours.
bool Overlaps(const WallTime& a_starts, const WallTime& a_ends, const WallTime& b_starts, const WallTime& b_ends);

// What a registration becomes: closed → an error on "registration"; approval → pending;
// open → confirmed while `confirmed` < capacity, then the waiting list.
Result<ParticipantStatus> DecideRegistration(Registration registration, std::optional<int> capacity, int confirmed);

// Reads an optional positive count ('' → nullopt); a field error on `field` otherwise.
Result<std::optional<int>> ReadCount(std::string_view text, std::string_view field, int maximum = 100000);

// Lower-case letters, digits and '-', 2–80 characters.
bool IsSlug(std::string_view text);

}  // namespace entente::events
