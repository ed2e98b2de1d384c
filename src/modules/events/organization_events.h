#pragma once
// The events an organization organizes, for its directory page and JSON.

#include "modules/directory/related_records.h"
#include "modules/events/event_service.h"

namespace entente::events {

// For OrganizationService::AddRelatedSource: the events `actor` may see with the organization
// among their organizers, as the event list orders them.
directory::RelatedSource OrganizationEvents(EventService& events);

}  // namespace entente::events
