#pragma once
// What a handler knows about its request. Passed explicitly: handlers read nothing from hidden
// per-thread state.

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "core/auth/actor.h"
#include "core/base/ids.h"
#include "core/http/request.h"

namespace entente::http {

class PathParams {
 public:
  void Set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }

  // The raw (decoded) value; empty when the pattern has no such parameter.
  std::string_view Get(std::string_view name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::string_view() : std::string_view(it->second);
  }
  // A typed id. The router has already checked the {name:id} segment, so this cannot fail for a
  // parameter of that type; for any other it yields an invalid (zero) id.
  template <typename IdType>
  IdType GetId(std::string_view name) const {
    return IdType::Parse(Get(name)).value_or(IdType());
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

struct RequestContext {
  RequestContext(const Request& request, std::string request_id)
      : request(request), request_id(std::move(request_id)) {}

  const Request& request;
  std::string request_id;
  // One of en, fr, ru, kk, chosen by the locale middleware.
  std::string language = "en";
  PathParams params;
  // The route's pattern ("/organizations/{id:id}"), for metrics and logs; empty when none matched.
  std::string route_pattern;
  // Whether a route matched the path and method (found before the middleware runs, so that
  // middleware such as CSRF protection guards only real routes).
  bool route_found = false;
  // Who is calling (anonymous until the authentication middleware says otherwise).
  auth::Actor actor = auth::Actor::Anonymous();
  // The session cookie's token when signed in through one (for sign-out); empty otherwise.
  std::string session_token;
  // Signed in with an API bearer token: no cookies, no CSRF.
  bool api_token = false;
  // The CSRF token that forms on this page must carry, made on first use (it costs a random
  // value and an HMAC, which a page without forms need not pay). Empty when no CSRF middleware
  // runs.
  const std::string& CsrfToken() {
    if (!csrf_token_made_) {
      csrf_token_ = make_csrf_token ? make_csrf_token() : std::string();
      csrf_token_made_ = true;
    }
    return csrf_token_;
  }
  bool CsrfTokenMade() const { return csrf_token_made_; }
  // Set by the CSRF middleware.
  std::function<std::string()> make_csrf_token;

  std::string csrf_token_;
  bool csrf_token_made_ = false;

  // Whether the client wants JSON (API routes) rather than a page.
  bool WantsJson() const { return request.path.starts_with("/api/"); }
};

}  // namespace entente::http
