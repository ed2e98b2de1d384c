#pragma once
// The directory's JSON shapes (docs/openapi/directory.yaml): records out, inputs in. Shared by
// the read and the write API.

#include <nlohmann/json.hpp>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/base/partial_date.h"
#include "core/i18n/localized_text.h"
#include "modules/directory/model.h"
#include "modules/directory/people_model.h"

namespace entente::directory {

nlohmann::json TextJson(const i18n::LocalizedText& text);
nlohmann::json DateJson(const PartialDate& date);
nlohmann::json OrganizationJson(const Organization& organization);
// The person as `viewer` may see them: contact details are filtered by their visibility.
nlohmann::json PersonJson(const Person& person, const auth::Actor& viewer);

// Inputs from a JSON body. A member of the wrong type is a field error (kInvalidArgument), never
// an exception; members not given are empty.
Result<OrganizationInput> OrganizationInputFromJson(const nlohmann::json& body);
Result<PersonInput> PersonInputFromJson(const nlohmann::json& body);
Result<MembershipInput> MembershipInputFromJson(const nlohmann::json& body);
Result<PositionInput> PositionInputFromJson(const nlohmann::json& body);

}  // namespace entente::directory
