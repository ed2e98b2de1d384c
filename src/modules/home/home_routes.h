#pragma once

#include <vector>

#include "core/http/router.h"
#include "core/render/page.h"
#include "modules/home/home_service.h"

namespace entente::home {

// The home page and the language switch.
void AddRoutes(http::Router& router, const render::PageRenderer& pages, HomeService& home, http::PublicScheme scheme);

std::vector<render::NavItem> Navigation();

}  // namespace entente::home
