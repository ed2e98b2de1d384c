#pragma once
// The accounts module's records as the JSON API writes them (docs/openapi.yaml).

#include <nlohmann/json.hpp>

#include "core/audit/audit_log.h"
#include "modules/accounts/model.h"

namespace entente::accounts {

nlohmann::json UserJson(const User& user);
nlohmann::json GrantJson(const GrantView& grant);
nlohmann::json TokenJson(const ApiToken& token);
nlohmann::json AuditEntryJson(const audit::LoggedEntry& entry);
nlohmann::json TwoFactorStatusJson(const TwoFactorStatus& status);

}  // namespace entente::accounts
