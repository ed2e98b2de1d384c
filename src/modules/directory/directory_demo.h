#pragma once

#include <filesystem>

#include "core/base/error.h"
#include "modules/directory/organization_service.h"

namespace entente::directory {

// Loads data/demo/directory/organizations.json through the service. Safe to load twice
// (organizations are keyed by slug). Returns the number of organizations saved.
Result<int> LoadDemo(OrganizationService& organizations, const std::filesystem::path& demo_dir);

}  // namespace entente::directory
