#pragma once

#include <filesystem>

#include "core/base/error.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/people_service.h"

namespace entente::directory {

struct DemoCounts {
  int jurisdictions = 0;
  int organizations = 0;
  int people = 0;
};

// Loads data/demo/directory/{jurisdictions,organizations,people}.json through the services.
// Safe to load twice (everything is keyed by code or slug).
Result<DemoCounts> LoadDemo(OrganizationService& organizations, PeopleService& people,
                            const std::filesystem::path& demo_dir, const std::string& request_id);

}  // namespace entente::directory
