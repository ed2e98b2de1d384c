#include <sodium.h>

#include "core/audit/audit_log.h"
#include "core/auth/visibility.h"
#include "core/base/json_text.h"
#include "core/base/messages.h"
#include "modules/events/event_service_rules.h"

namespace entente::events::service_rules {

Error Invalid(std::vector<FieldError> errors) {
  return Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors));
}

std::optional<OrganizationId> Owner(const Event& event) {
  if (event.organizers.empty()) return std::nullopt;
  return event.organizers.front().id;
}

bool MayView(const auth::Actor& actor, const Event& event) {
  return actor.IsPlatformAdmin() || auth::MayView(actor, event.visibility, Owner(event), {}, {});
}

bool Coordinates(const auth::Actor& actor, OrganizationId organization) {
  return actor.Holds(auth::Role::kCoordinator, organization);
}

void Audit(soci::session& sql, const auth::Actor& actor, const char* action, const char* entity, long long id,
           std::optional<OrganizationId> organization, nlohmann::json details) {
  audit::Record(sql, actor, {action, entity, id, organization, JsonText(details)});
}

auth::Owners OwnersOf(const Event& event) {
  auth::Owners owners;
  owners.visibility = event.visibility;
  for (const auto& organizer : event.organizers) owners.organizations.push_back(organizer.id);
  return owners;
}

std::string Trim(std::string text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.erase(text.begin());
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.pop_back();
  }
  return text;
}

std::string Sha256Hex(std::string_view content) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string PartyKey(const char* kind, long long id) { return std::string(kind) + ":" + std::to_string(id); }

}  // namespace entente::events::service_rules
