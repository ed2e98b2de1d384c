#pragma once
// Authentication and CSRF protection (docs/SECURITY.md 3, 8), as middleware.
//
// Authenticate: an API bearer token (under /api/ only) or the session cookie becomes
// context.actor; a stale session cookie is cleared. A wrong bearer token is refused (401), never
// taken as anonymous.
//
// ProtectForms: every POST/PUT/PATCH/DELETE not made with an API token must carry a CSRF token
// (form field `csrf_token` or header `X-CSRF-Token`) bound to the session — or, for anonymous
// forms such as sign-in, to a random `entente_csrf` cookie (signed double-submit: no database
// write) — and a foreign Origin is refused (403). The cookie is only set on pages that embed a
// token.

#include <string>

#include "core/auth/authenticator.h"
#include "core/auth/secrets.h"
#include "core/http/error_response.h"
#include "core/http/pipeline.h"

namespace entente::http {

struct SessionCookie {
  std::string name;  // "entente_session", or "__Host-entente_session" behind TLS
  bool secure = false;
  int max_age_seconds = 12 * 3600;

  static SessionCookie For(PublicScheme scheme, int absolute_hours);
  std::string Set(const std::string& token) const;
  std::string Clear() const;
};

Middleware Authenticate(auth::Authenticator& authenticator, SessionCookie cookie, const ErrorPresenter& presenter);

Middleware ProtectForms(const auth::CsrfTokens& tokens, PublicScheme scheme, const ErrorPresenter& presenter);

}  // namespace entente::http
