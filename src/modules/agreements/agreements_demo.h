#pragma once

#include <filesystem>
#include <string>

#include "core/base/error.h"
#include "modules/agreements/agreement_service.h"

namespace entente::agreements {

// Loads data/demo/agreements/agreements.json through the service, after the directory demo
// (parties and signatories are its organizations and people). Safe to load twice: an agreement
// whose slug exists is left as it is. Returns the number of agreements created.
Result<int> LoadDemo(AgreementService& agreements, const std::filesystem::path& demo_dir,
                     const std::string& request_id);

}  // namespace entente::agreements
