#include "modules/agreements/tracker.h"

#include <algorithm>
#include <tuple>

namespace entente::agreements {
namespace {

using std::chrono::sys_days;

bool Linked(const Activity& activity, ObjectiveId objective) {
  return std::find(activity.objectives.begin(), activity.objectives.end(), objective) != activity.objectives.end();
}

}  // namespace

std::chrono::year_month_day QuietWindowStart(std::chrono::year_month_day as_of) {
  // The day after the same day twelve months earlier; 29 February falls back to the 28th.
  std::chrono::year_month_day earlier = as_of - std::chrono::months(kQuietMonths);
  if (!earlier.ok()) earlier = earlier.year() / earlier.month() / std::chrono::last;
  return std::chrono::year_month_day(sys_days(earlier) + std::chrono::days(1));
}

std::vector<ObjectiveProgress> TrackObjectives(const Agreement& agreement, std::chrono::year_month_day as_of) {
  sys_days window_start(QuietWindowStart(as_of));
  sys_days window_end(as_of);
  // The promises run from the signing: before it (or for a draft) nothing is flagged.
  bool running = agreement.status != AgreementStatus::kDraft &&
                 (!agreement.signed_on.known() || sys_days(agreement.signed_on.FirstDay()) <= window_end);
  std::vector<ObjectiveProgress> progress;
  for (const auto& objective : agreement.objectives) {
    ObjectiveProgress item;
    item.objective = &objective;
    bool recent = false;
    for (const auto& activity : agreement.activities) {
      if (!Linked(activity, objective.id)) continue;
      item.activities.push_back(&activity);
      if (!activity.happened_on.known()) continue;
      // Only what may have happened by the "as of" day counts, and is shown as the latest.
      if (sys_days(activity.happened_on.FirstDay()) > window_end) continue;
      if (sys_days(activity.happened_on.LastDay()) >= window_start) recent = true;
      if (!item.last_activity.known() ||
          sys_days(activity.happened_on.LastDay()) > sys_days(item.last_activity.LastDay())) {
        item.last_activity = activity.happened_on;
      }
    }
    std::stable_sort(item.activities.begin(), item.activities.end(), [](const Activity* a, const Activity* b) {
      if (a->happened_on.known() != b->happened_on.known()) return a->happened_on.known();
      if (!a->happened_on.known()) return false;
      return sys_days(a->happened_on.FirstDay()) < sys_days(b->happened_on.FirstDay());
    });
    item.quiet = running && !recent;
    progress.push_back(std::move(item));
  }
  return progress;
}

std::vector<TimelineEntry> BuildTimeline(const Agreement& agreement) {
  struct Keyed {
    int phase;
    sys_days day;
    int order;
    TimelineEntry entry;
  };
  std::vector<Keyed> keyed;
  // Entries sort by the last day their date may stand for, so that "December 2014" comes after
  // "10–13 December 2014", which it contains.
  auto last_day = [](const PartialDate& date) { return sys_days(date.LastDay()); };
  int order = 0;
  sys_days signing = agreement.signed_on.known() ? last_day(agreement.signed_on) : sys_days();
  if (agreement.signed_on.known() || agreement.status != AgreementStatus::kDraft) {
    keyed.push_back({1, signing, order++, {TimelineKind::kSignature, agreement.signed_on, nullptr, nullptr}});
  }
  // Activities in the order they were recorded: an undated one comes after the one recorded
  // before it, and after whatever else is dated like that one.
  constexpr int kUndated = 1 << 20;
  std::vector<const Activity*> activities;
  for (const auto& activity : agreement.activities) {
    if (activity.link.empty()) activities.push_back(&activity);  // another module's: tracker only
  }
  std::sort(activities.begin(), activities.end(),
            [](const Activity* a, const Activity* b) { return a->id.value() < b->id.value(); });
  sys_days previous = signing;
  for (const Activity* activity : activities) {
    bool background = activity->kind == ActivityKind::kBackground;
    bool dated = activity->happened_on.known();
    sys_days day = dated ? last_day(activity->happened_on) : previous;
    if (!background) previous = day;
    int phase = background ? 0 : 2;
    keyed.push_back(
        {phase,
         background && !dated ? sys_days() : day,
         (dated ? 0 : kUndated) + order++,
         {background ? TimelineKind::kBackground : TimelineKind::kActivity, activity->happened_on, activity, nullptr}});
  }
  for (const auto& follow_up : agreement.follow_ups) {
    bool dated = follow_up.entry_on.known();
    sys_days day = dated ? last_day(follow_up.entry_on) : previous;
    keyed.push_back(
        {2, day, (dated ? 0 : kUndated) + order++, {TimelineKind::kFollowUp, follow_up.entry_on, nullptr, &follow_up}});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.phase, a.day, a.order) < std::tie(b.phase, b.day, b.order);
  });
  std::vector<TimelineEntry> timeline;
  for (auto& item : keyed) timeline.push_back(item.entry);
  return timeline;
}

}  // namespace entente::agreements
