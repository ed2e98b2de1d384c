#pragma once

#include <vector>

#include "core/http/router.h"
#include "core/render/page.h"
#include "modules/directory/organization_service.h"
#include "modules/events/event_service.h"

namespace entente::events {

// Events: list, event page with its timetable, registration, invitations and their letters,
// delegations, private meetings and agendas, iCalendar, and JSON.
void AddRoutes(http::Router& router, const render::PageRenderer& pages, EventService& events,
               directory::OrganizationService& organizations);

std::vector<render::NavItem> Navigation();

}  // namespace entente::events
