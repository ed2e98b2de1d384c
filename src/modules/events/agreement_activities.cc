#include "modules/events/agreement_activities.h"

namespace entente::events {
namespace {

agreements::ActivityKind ActivityKindOf(EventKind kind) {
  switch (kind) {
    case EventKind::kRoundTable:
      return agreements::ActivityKind::kRoundTable;
    case EventKind::kTraining:
      return agreements::ActivityKind::kTraining;
    case EventKind::kStudyVisit:
      return agreements::ActivityKind::kVisit;
    case EventKind::kWorkshop:
    case EventKind::kConference:
    case EventKind::kMinisterialConference:
      return agreements::ActivityKind::kMeeting;
    default:
      return agreements::ActivityKind::kOther;
  }
}

// The event's days as the tracker dates activities; unknown when the sources give no day.
PartialDate DaysOf(const EventSummary& event) {
  if (!event.starts.day) return PartialDate();
  if (!event.ends.day || *event.ends.day == *event.starts.day) return PartialDate::Day(*event.starts.day);
  auto range = PartialDate::DayRange(*event.starts.day, *event.ends.day);
  return range ? *range : PartialDate::Day(*event.starts.day);
}

}  // namespace

agreements::ActivitySource AgreementActivities(EventService& events) {
  return [&events](const auth::Actor& actor, const std::vector<agreements::ObjectiveId>& objectives)
             -> Result<std::vector<agreements::LinkedActivity>> {
    auto serving = events.EventsServing(actor, objectives);
    if (!serving) return Fail(serving.error());
    std::vector<agreements::LinkedActivity> activities;
    for (const auto& [objective, event] : *serving) {
      activities.push_back(
          {objective, ActivityKindOf(event.kind), DaysOf(event), event.title, event.city, "/events/" + event.slug});
    }
    return activities;
  };
}

}  // namespace entente::events
