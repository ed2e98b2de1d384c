#pragma once

#include <vector>

#include "core/http/router.h"
#include "core/render/page.h"
#include "modules/agreements/agreement_service.h"
#include "modules/directory/organization_service.h"

namespace entente::agreements {

// Agreements: list, page with tracker and timeline, forms, documents, and JSON.
void AddRoutes(http::Router& router, const render::PageRenderer& pages, AgreementService& agreements,
               directory::OrganizationService& organizations);

std::vector<render::NavItem> Navigation();

}  // namespace entente::agreements
