#pragma once
// The request pipeline: what the server calls for every request. It gives the request an id,
// settles the client's address (X-Forwarded-For from trusted proxies only), runs the middleware chain (outermost
// first), finds the route, checks its access rule, calls the handler, maps an Error to a response in one place, and
// records metrics and the access log.
//
//   Server ─► Pipeline::Handle ─► middleware … ─► route + access ─► handler ─► Result<Response>

#include <functional>
#include <string>
#include <vector>

#include "core/http/client_address.h"
#include "core/http/error_response.h"
#include "core/http/metrics.h"
#include "core/http/router.h"
#include "core/http/server.h"

namespace entente::http {

using Next = std::function<Response(RequestContext&)>;
using Middleware = std::function<Response(RequestContext&, const Next&)>;

struct PipelineOptions {
  bool access_log = true;
  // Peers whose X-Forwarded-For is believed (http.trusted_proxies); see ClientAddress.
  AddressSet trusted_proxies;
};

class Pipeline final : public Dispatcher {
 public:
  Pipeline(const Router& router, const ErrorPresenter& presenter, Metrics& metrics, PipelineOptions options);

  // Appends a middleware; the first one added runs outermost.
  void Use(Middleware middleware);

  size_t MaxBodyBytes(Method method, std::string_view path) const override;
  Response Handle(Request& request) override;
  Response Reject(int status, Request& request) override;

 private:
  // Runs the middleware around `innermost`; `route` is the route the request matched, or nullptr.
  Response Run(Request& request, const Next& innermost, const Route* route);
  Response Dispatch(RequestContext& context, const Router::Match& match);
  // Logs and counts a refused state-changing request (refused_writes in /metrics).
  void NoteRefusal(const RequestContext& context, const Error& error);

  const Router& router_;
  const ErrorPresenter& presenter_;
  Metrics& metrics_;
  PipelineOptions options_;
  std::vector<Middleware> middleware_;
};

// A random request id (16 hex digits), shown on error pages and written to every log line.
std::string NewRequestId();

// Content-Security-Policy without inline script, frame-ancestors, nosniff, Referrer-Policy, and
// HSTS when the public scheme is HTTPS (docs/SECURITY.md 11).
Middleware SecurityHeaders(PublicScheme scheme);

// Sets context.language: the `lang` cookie, else the signed-in user's preference, else
// Accept-Language, else English. Runs after authentication.
Middleware ChooseLanguage();

// kUnauthenticated or kPermissionDenied when `actor` may not use a route with `access`.
std::optional<Error> CheckAccess(const Access& access, const auth::Actor& actor);

}  // namespace entente::http
