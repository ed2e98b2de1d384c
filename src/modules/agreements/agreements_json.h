#pragma once
// The agreements module's JSON shapes (docs/openapi.yaml): what the API writes for an agreement
// and its parts, and what it reads from a body.

#include <nlohmann/json.hpp>

#include <chrono>

#include "core/base/error.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

nlohmann::json ActivityJson(const Activity& activity);
nlohmann::json ReviewJson(const Review& review);
nlohmann::json FollowUpJson(const FollowUp& follow_up);
nlohmann::json SummaryJson(const AgreementSummary& agreement);
// The whole agreement, its objectives tracked as of `as_of`.
nlohmann::json AgreementJson(const Agreement& agreement, std::chrono::year_month_day as_of);

Error BadShape();
i18n::LocalizedText TextFromJson(const nlohmann::json& value);
std::string StringOr(const nlohmann::json& body, const char* key, const std::string& fallback);
// Fields absent from `body` keep their value in `base`.
Result<AgreementInput> InputFromJson(const nlohmann::json& body, AgreementInput base);

}  // namespace entente::agreements
