// AccountsService's API tokens: created with a scope and a lifetime, shown once, revoked.

#include "modules/accounts/accounts_service.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/auth/secrets.h"
#include "core/base/json_text.h"
#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/base/time.h"

namespace entente::accounts {

using auth::Actor;
using auth::Role;

Result<std::pair<ApiToken, std::string>> AccountsService::CreateApiToken(const Actor& actor,
                                                                         const NewApiToken& request) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  std::vector<FieldError> errors;
  std::string name(TrimSpaces(request.name));
  if (name.empty() || name.size() > 100) {
    errors.push_back({"name", N_("Name the token (1 to 100 characters), e.g. after the system that uses it.")});
  }
  auto scope = auth::ParseTokenScope(request.scope);
  if (!scope) {
    errors.push_back({"scope", N_("Choose what the token may do: read, write, or administer.")});
  } else if (actor.token() && !auth::Covers(actor.token()->scope, *scope)) {
    errors.push_back({"scope", N_("A token cannot make a token that may do more than itself.")});
  } else if (*scope == auth::TokenScope::kAdmin && !actor.HoldsAnywhere(Role::kBarAdmin)) {
    errors.push_back({"scope", N_("Only administrators can make a token that administers.")});
  }
  if (request.expires_in_days < 1 || request.expires_in_days > kMaxTokenDays) {
    errors.push_back({"expires_in_days", N_("A token lasts from 1 to 365 days.")});
  }
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));

  ApiToken created{.name = name,
                   .scope = *scope,
                   .created_at_utc = NowUtc(),
                   .expires_at_utc = UtcFromNow(std::chrono::days(request.expires_in_days))};
  // A token's token lives no longer than the one that made it.
  if (actor.token() && actor.token()->expires_at_utc < created.expires_at_utc) {
    created.expires_at_utc = actor.token()->expires_at_utc;
  }
  std::string token = auth::NewToken();
  return database_.Write([&](soci::session& sql) -> Result<std::pair<ApiToken, std::string>> {
    created.id = store_.InsertApiToken(sql, actor.user(), created, auth::HashToken(token));
    audit::Record(
        sql, actor,
        {"api_token.create", "api_token", created.id.value(), std::nullopt,
         JsonText({{"name", name},
                   {"scope", auth::TokenScopeKey(created.scope)},
                   {"expires_at", created.expires_at_utc},
                   {"by_token", actor.token() ? nlohmann::json(actor.token()->id) : nlohmann::json(nullptr)}})});
    return std::pair(created, token);
  });
}

Result<std::vector<ApiToken>> AccountsService::ApiTokens(const Actor& actor) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<ApiToken>> { return store_.ApiTokensOf(sql, actor.user()); });
}

Status AccountsService::RevokeApiToken(const Actor& actor, ApiTokenId token) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Status {
    // Another user's token is not found: ids of others' records reveal nothing.
    if (!store_.RevokeApiToken(sql, actor.user(), token, NowUtc())) return Fail(Error::NotFound());
    audit::Record(sql, actor, {"api_token.revoke", "api_token", token.value(), std::nullopt, "{}"});
    return {};
  });
}

}  // namespace entente::accounts
