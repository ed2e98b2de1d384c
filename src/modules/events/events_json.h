#pragma once
// Events as JSON (docs/openapi.yaml), and the bodies of the API read into the service's inputs
// with http::JsonReader: a member of the wrong type, an unknown language or a bad item is a field
// error under its name (422), never an exception.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "modules/events/event_service.h"
#include "modules/events/model.h"

namespace entente::events {

// Who reads a participant: everyone sees its person and role, the event's managers also its
// status, consent and delegation.
enum class ParticipantAudience { kPublic, kManagers };

nlohmann::json WallJson(const WallTime& time);
nlohmann::json OrganizationJson(const NamedOrganization& organization);
nlohmann::json PersonJson(const std::optional<NamedPerson>& person);
nlohmann::json SummaryJson(const EventSummary& event);
nlohmann::json InvitationJson(const Invitation& invitation);
nlohmann::json ParticipantJson(const Participant& participant, ParticipantAudience audience);
nlohmann::json DelegationJson(const Delegation& delegation);
nlohmann::json AwardJson(const Award& award);
// The whole event as `actor` may see it (participants and invitations as for the page).
nlohmann::json EventJson(const Event& event, const auth::Actor& actor);
nlohmann::json BoardJson(const MeetingBoard& board);
nlohmann::json ScheduleJson(const ScheduleOutcome& outcome);

// Members absent keep `base` (a create passes an empty input, an update the stored event).
// `default_original`: the original language when the body does not say (the demo files: "en").
Result<EventInput> EventInputFromJson(const nlohmann::json& body, EventInput base,
                                      const std::string& default_original = "");
Result<SessionInput> SessionInputFromJson(const nlohmann::json& body, const std::string& default_original = "");
Result<InvitationInput> InvitationInputFromJson(const nlohmann::json& body);
Result<ParticipantInput> ParticipantInputFromJson(const nlohmann::json& body);
Result<DelegationInput> DelegationInputFromJson(const nlohmann::json& body);
// `event`: the slug of the event the award is given at.
Result<AwardInput> AwardInputFromJson(const nlohmann::json& body, const std::string& event,
                                      const std::string& default_original = "");

}  // namespace entente::events
