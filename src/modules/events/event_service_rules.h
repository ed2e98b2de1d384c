#pragma once
// What the files of EventService share (event_service.cc, participant_service.cc,
// invitation_service.cc, meeting_service.cc, agenda_service.cc): who owns and may see an event,
// the audit entry, field errors. Internal to the service.

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/actor.h"
#include "core/auth/policy.h"
#include "core/base/error.h"
#include "modules/events/model.h"

namespace entente::events::service_rules {

// kInvalidArgument "Please correct the fields below." with `errors`.
Error Invalid(std::vector<FieldError> errors);
// The event's first organizer, who owns it.
std::optional<OrganizationId> Owner(const Event& event);
bool MayView(const auth::Actor& actor, const Event& event);
bool Coordinates(const auth::Actor& actor, OrganizationId organization);
// Who owns the event for the policy: its visibility and organizers.
auth::Owners OwnersOf(const Event& event);
void Audit(soci::session& sql, const auth::Actor& actor, const char* action, const char* entity, long long id,
           std::optional<OrganizationId> organization, nlohmann::json details = nlohmann::json::object());
std::string Trim(std::string text);
std::string Sha256Hex(std::string_view content);
// A meeting party's key: 'person:12', 'organization:3', 'delegation:5'.
std::string PartyKey(const char* kind, long long id);

}  // namespace entente::events::service_rules
