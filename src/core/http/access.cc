#include "core/http/access.h"

namespace entente::http {

std::string_view Access::Describe() const {
  switch (kind_) {
    case Kind::kAnyone: return "anyone";
  }
  return "unknown";
}

}  // namespace entente::http
