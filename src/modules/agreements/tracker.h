#pragma once
// The implementation tracker and the timeline of an agreement: pure functions of a loaded
// Agreement, so that a page, the API and a test compute them the same way.

#include <chrono>
#include <string>
#include <vector>

#include "modules/agreements/model.h"

namespace entente::agreements {

// The window of the flag: an objective is flagged when no activity linked to it may have taken
// place in the 12 months before the "as of" day.
inline constexpr int kQuietMonths = 12;

struct ObjectiveProgress {
  const Objective* objective = nullptr;
  std::vector<const Activity*> activities;  // linked to it, oldest first (undated last)
  // No dated activity overlaps (as_of - 12 months, as_of]. Never set before the signing (the
  // agreement's promises do not run yet) nor for an agreement that is not signed.
  bool quiet = false;
  PartialDate last_activity;  // the latest dated one, unknown if none
};

// `as_of` is a day; activities with an unknown date never count as recent.
std::vector<ObjectiveProgress> TrackObjectives(const Agreement& agreement, std::chrono::year_month_day as_of);

// The first day of the window that ends on `as_of`: 31 December 2016 → 1 January 2016.
std::chrono::year_month_day QuietWindowStart(std::chrono::year_month_day as_of);

enum class TimelineKind { kBackground, kSignature, kActivity, kFollowUp };

struct TimelineEntry {
  TimelineKind kind = TimelineKind::kActivity;
  PartialDate date;
  const Activity* activity = nullptr;  // for kBackground and kActivity
  const FollowUp* follow_up = nullptr;
};

// Background entries first (they precede the signing even when undated), then the signature,
// then activities and follow-ups by date. An undated entry after the signing keeps its place
// after the entry recorded before it.
std::vector<TimelineEntry> BuildTimeline(const Agreement& agreement);

}  // namespace entente::agreements
