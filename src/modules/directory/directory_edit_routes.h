#pragma once

#include "core/http/router.h"
#include "core/render/page.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/people_service.h"

namespace entente::directory {

// Forms and the write API for organizations and people (called by AddRoutes).
void AddEditRoutes(http::Router& router, const render::PageRenderer& pages, OrganizationService& organizations,
                   PeopleService& people);

}  // namespace entente::directory
