#include "modules/events/organization_events.h"

#include "core/base/messages.h"

namespace entente::events {

directory::RelatedSource OrganizationEvents(EventService& events) {
  return [&events](const auth::Actor& actor, const std::string& slug) -> Result<directory::RelatedRecords> {
    EventFilter filter;
    filter.organizer = slug;
    auto page = events.List(actor, filter, PageRequest{1, directory::kMaxRelated});
    if (!page) return Fail(page.error());
    return directory::RelatedFrom({.key = "events",
                                   .heading = N_("Events"),
                                   .none = N_("No event organized by this organization is recorded."),
                                   .all_href = "/events?organizer=" + slug},
                                  *page, [](const EventSummary& event) {
                                    return directory::RelatedRecord{
                                        "/events/" + event.slug,
                                        event.title,
                                        event.starts.day ? PartialDate::Day(*event.starts.day) : PartialDate(),
                                        std::string(kEventKinds.Label(event.kind)),
                                        "",
                                        std::string(kEventKinds.Key(event.kind))};
                                  });
  };
}

}  // namespace entente::events
