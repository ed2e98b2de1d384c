#include "modules/accounts/accounts_json.h"

#include "modules/accounts/accounts_handlers.h"

namespace entente::accounts {

using nlohmann::json;

namespace {

// A time or null when it never happened.
json TimeOrNull(const std::string& at_utc) { return at_utc.empty() ? json(nullptr) : json(at_utc); }

json IdOrNull(long long id) { return id ? json(id) : json(nullptr); }

}  // namespace

json UserJson(const User& user) {
  return {{"id", user.id.value()},
          {"email", user.email},
          {"display_name", user.display_name},
          {"preferred_language", user.preferred_language},
          {"demo", user.is_demo},
          {"created_at", user.created_at_utc},
          {"last_seen_at", TimeOrNull(user.last_seen_at_utc)}};
}

json GrantJson(const GrantView& grant) {
  return {{"id", grant.id.value()},
          {"user_id", grant.user.value()},
          {"role", auth::RoleKey(grant.role)},
          {"organization_id", grant.organization ? json(grant.organization->value()) : json(nullptr)},
          {"granted_at", grant.granted_at_utc}};
}

json TokenJson(const ApiToken& token) {
  return {{"id", token.id.value()},
          {"name", token.name},
          {"scope", auth::TokenScopeKey(token.scope)},
          {"created_at", token.created_at_utc},
          {"expires_at", token.expires_at_utc},
          {"expired", Expired(token)},
          {"last_used_at", TimeOrNull(token.last_used_at_utc)}};
}

json AuditEntryJson(const audit::LoggedEntry& entry) {
  return {{"id", entry.id},
          {"at", entry.at_utc},
          {"user_id", IdOrNull(entry.user_id)},
          {"organization_id", IdOrNull(entry.organization_id)},
          {"action", entry.action},
          {"entity_type", entry.entity_type},
          {"entity_id", IdOrNull(entry.entity_id)},
          {"request_id", entry.request_id},
          {"details", json::parse(entry.details, nullptr, false)}};
}

json TwoFactorStatusJson(const TwoFactorStatus& status) {
  return {{"enrolled", status.enrolled},
          {"enrolled_at", TimeOrNull(status.enrolled_at_utc)},
          {"recovery_codes_left", status.recovery_codes_left},
          {"pending", status.pending},
          {"required", status.required}};
}

}  // namespace entente::accounts
