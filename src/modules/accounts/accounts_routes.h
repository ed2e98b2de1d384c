#pragma once

#include "core/http/router.h"
#include "core/http/session_middleware.h"
#include "core/render/page.h"
#include "modules/accounts/accounts_service.h"
#include "modules/directory/organization_service.h"

namespace entente::accounts {

struct RouteDependencies {
  AccountsService& accounts;
  directory::OrganizationService& organizations;
  const render::PageRenderer& pages;
  http::SessionCookie cookie;
};

// Sign-in and sign-out, the user's own page, user and role administration, the audit log, and
// their JSON API.
void AddRoutes(http::Router& router, RouteDependencies dependencies);

}  // namespace entente::accounts
