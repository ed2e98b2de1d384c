#pragma once
// The URL table. Each module adds its routes from one `<module>_routes.cc` (docs/STYLE.md, point 1).
// Patterns are literal segments and typed parameters:
//   /organizations/{id:id}   a positive decimal id (Id<Tag>::Parse)
//   /lang/{code:slug}        lower-case letters, digits and '-'
//   /static/{path:rest}      the rest of the path (only as the last segment)
// A request whose segment does not fit the type does not match the route (404).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "core/http/access.h"
#include "core/http/context.h"
#include "core/http/request.h"

namespace entente::http {

inline constexpr size_t kDefaultMaxBodyBytes = 1 << 20;  // JSON and forms
inline constexpr size_t kCsvMaxBodyBytes = 10 << 20;     // CSV imports
inline constexpr size_t kUploadMaxBodyBytes = 50 << 20;  // document uploads
inline constexpr size_t kAnonymousMaxBodyBytes = 64 << 10;  // a request without credentials

// The most of a request's body the server reads: the route's limit, or at most
// kAnonymousMaxBodyBytes for a request that carries neither a session cookie nor an
// Authorization header, so that nobody unknown makes the server read megabytes (an upload, a
// roll) that only a signed-in user may send. Decided from the headers, before any body is read.
size_t BodyLimitFor(size_t route_limit, std::string_view cookie_header, std::string_view authorization_header);

using Handler = std::function<Result<Response>(RequestContext&)>;

struct Route {
  Method method;
  std::string pattern;
  Access access;
  Handler handler;
  size_t max_body_bytes = kDefaultMaxBodyBytes;
};

class Router {
 public:
  // Adds a route; aborts on a malformed pattern or a duplicate (method, pattern): both are bugs
  // found at start-up.
  void Add(Route route);

  struct Match {
    const Route* route = nullptr;  // set when found
    PathParams params;
    std::vector<Method> allowed;  // when the path matched but the method did not
  };
  // HEAD matches GET routes.
  Match Find(Method method, std::string_view path) const;

  // The body limit for the route a request will reach, known once its header is read.
  size_t MaxBodyBytes(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  enum class SegmentKind { kLiteral, kId, kSlug, kAny, kRest };
  struct Segment {
    SegmentKind kind;
    std::string text;  // literal text, or parameter name
  };
  struct Compiled {
    std::vector<Segment> segments;
  };
  static std::optional<Compiled> Compile(std::string_view pattern);
  // `parts` is the path split at '/', once per lookup; `path` is the whole path (for rest).
  static bool MatchSegments(const Compiled& compiled, std::string_view path, const std::vector<std::string_view>& parts,
                            PathParams& params);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

}  // namespace entente::http
