#pragma once
// Who may use a route. Every route declares one: `Route` has no default for it, so a route
// table entry without `.access = …` does not compile.

#include <string_view>

namespace entente::http {

class Access {
 public:
  // Anyone, signed in or not. For public pages and machine endpoints (healthz, metrics).
  static constexpr Access Anyone() { return Access(Kind::kAnyone); }
  // TODO(#3): signed-in users, and roles on the organization a record belongs to.

  enum class Kind { kAnyone };
  constexpr Kind kind() const { return kind_; }
  std::string_view Describe() const;

 private:
  constexpr explicit Access(Kind kind) : kind_(kind) {}
  Kind kind_;
};

}  // namespace entente::http
