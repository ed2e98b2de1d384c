#pragma once
// The agreements module's JSON shapes (docs/openapi.yaml): what the API writes for an agreement
// and its parts, and what it reads from a body.

#include <nlohmann/json.hpp>

#include <chrono>

#include "core/base/error.h"
#include "core/http/json_reader.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

nlohmann::json ActivityJson(const Activity& activity);
nlohmann::json ReviewJson(const Review& review);
nlohmann::json FollowUpJson(const FollowUp& follow_up);
nlohmann::json SummaryJson(const AgreementSummary& agreement);
// The whole agreement, its objectives tracked as of `as_of`.
nlohmann::json AgreementJson(const Agreement& agreement, std::chrono::year_month_day as_of);

// What a body says, over `base` (absent members keep its values); the demo loader reads its
// data set with the same functions (agreements_demo.cc). An item in the wrong shape is a field
// error under its list's name (http::JsonReader).
AgreementInput ReadAgreement(http::JsonReader& read, AgreementInput base);
FollowUpInput ReadFollowUp(http::JsonReader& read);
// `objectives` are the ids of the agreement's objectives.
ActivityInput ReadActivity(http::JsonReader& read);

// A request's body read with the above: the input, or kInvalidArgument with every field error.
Result<AgreementInput> AgreementFromJson(const nlohmann::json& body, AgreementInput base);
Result<FollowUpInput> FollowUpFromJson(const nlohmann::json& body);
Result<ActivityInput> ActivityFromJson(const nlohmann::json& body);
Result<ReviewInput> ReviewFromJson(const nlohmann::json& body);

}  // namespace entente::agreements
