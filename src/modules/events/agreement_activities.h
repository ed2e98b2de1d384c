#pragma once
// The events serving an agreement's objectives, as activities of its implementation tracker:
// an event names the objectives it serves, and the agreement's tracker shows it under them.

#include "modules/agreements/agreement_service.h"
#include "modules/events/event_service.h"

namespace entente::events {

// For AgreementService::AddActivitySource: each event `actor` may see that serves one of the
// objectives, dated by its days, titled by its title, linked to its page.
agreements::ActivitySource AgreementActivities(EventService& events);

}  // namespace entente::events
