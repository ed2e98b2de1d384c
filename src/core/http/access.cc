#include "core/http/access.h"

namespace entente::http {

std::string_view Access::Describe() const {
  switch (kind_) {
    case Kind::kAnyone:
      return "anyone";
    case Kind::kSignedIn:
      return "signed-in";
    case Kind::kAdmin:
      return "admin";
    case Kind::kPlatformAdmin:
      return "platform-admin";
  }
  return "unknown";
}

}  // namespace entente::http
