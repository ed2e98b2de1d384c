#pragma once

#include <filesystem>

#include "core/base/error.h"
#include "modules/accounts/accounts_service.h"

namespace entente::accounts {

// Loads data/demo/accounts/accounts.json: demo log-in accounts, marked as such (they sign in
// only where the database is marked as a demo). Safe to load twice. Returns how many.
Result<int> LoadDemo(AccountsService& accounts, const std::filesystem::path& demo_dir, const std::string& request_id);

}  // namespace entente::accounts
