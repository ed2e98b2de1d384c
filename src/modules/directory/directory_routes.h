#pragma once

#include <vector>

#include "core/http/router.h"
#include "core/render/page.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/people_service.h"
#include "modules/directory/roll_imports.h"
#include "modules/directory/roll_service.h"

namespace entente::directory {

// Find a lawyer, people, organizations: pages and JSON.
void AddRoutes(http::Router& router, const render::PageRenderer& pages, OrganizationService& organizations,
               PeopleService& people, RollService& roll, RollImports& imports);

std::vector<render::NavItem> Navigation();

}  // namespace entente::directory
