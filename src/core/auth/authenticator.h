#pragma once
// How the HTTP layer learns who is calling, without knowing the accounts module: a session
// cookie's token or an API bearer token in, an Actor (or nobody) out.

#include <optional>
#include <string>

#include "core/auth/actor.h"
#include "core/base/error.h"

namespace entente::auth {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // nullopt for an unknown, revoked or expired token.
  virtual Result<std::optional<Actor>> AuthenticateSession(const std::string& token, const std::string& request_id) = 0;
  virtual Result<std::optional<Actor>> AuthenticateApiToken(const std::string& token,
                                                            const std::string& request_id) = 0;
};

}  // namespace entente::auth
