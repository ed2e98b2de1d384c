#pragma once
// Two-factor sign-in's pages and JSON API (their rows are in accounts_routes.cc's URL table).

#include <memory>
#include <string>

#include "modules/accounts/accounts_routes.h"

namespace entente::accounts {

void AddTwoFactorRoutes(http::Router& router, std::shared_ptr<RouteDependencies> dependencies);

// The cookie of a pending second-factor step at sign-in: its own random token, HttpOnly,
// SameSite=Strict, 5 minutes; `__Host-` and Secure behind TLS, like the session cookie.
std::string ChallengeCookieName(const http::SessionCookie& session_cookie);
std::string SetChallengeCookie(const http::SessionCookie& session_cookie, const std::string& token);
std::string ClearChallengeCookie(const http::SessionCookie& session_cookie);

}  // namespace entente::accounts
