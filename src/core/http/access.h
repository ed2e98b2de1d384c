#pragma once
// Who may use a route. Every route declares one: `Route` has no default for it, so a route
// table entry without `.access = …` does not compile.

#include <string_view>

namespace entente::http {

class Access {
 public:
  // Anyone, signed in or not. For public pages and machine endpoints (healthz, metrics).
  static constexpr Access Anyone() { return Access(Kind::kAnyone); }
  // Any signed-in user; what they may see or change is then the service's to check.
  static constexpr Access SignedIn() { return Access(Kind::kSignedIn); }
  // A platform admin, or a bar admin of some organization (the service checks which).
  static constexpr Access Admin() { return Access(Kind::kAdmin); }
  // Platform admins only.
  static constexpr Access PlatformAdmin() { return Access(Kind::kPlatformAdmin); }

  enum class Kind { kAnyone, kSignedIn, kAdmin, kPlatformAdmin };
  constexpr Kind kind() const { return kind_; }
  std::string_view Describe() const;

 private:
  constexpr explicit Access(Kind kind) : kind_(kind) {}
  Kind kind_;
};

}  // namespace entente::http
