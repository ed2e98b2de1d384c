#pragma once

#include <vector>

#include "core/http/router.h"
#include "core/render/page.h"
#include "modules/directory/organization_service.h"
#include "modules/training/training_service.h"

namespace entente::training {

// Courses, their attendance, one's own training, and their JSON API.
void AddRoutes(http::Router& router, const render::PageRenderer& pages, TrainingService& training,
               directory::OrganizationService& organizations);
std::vector<render::NavItem> Navigation();

}  // namespace entente::training
