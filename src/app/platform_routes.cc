// The platform's own URL table.
//
//   GET /healthz              200 "ok" when the database answers, 503 otherwise
//   GET /metrics              Prometheus text format, to loopback and metrics.allow clients only
//   GET /static/{path}        CSS, scripts and fonts

#include "app/app.h"

#include "core/http/client_address.h"

namespace entente::app {

using http::Method;
using http::RequestContext;
using http::Response;

bool MayReadMetrics(std::string_view address, const http::AddressSet& allowed) {
  static const http::AddressSet loopback = *http::AddressSet::Parse({"127.0.0.0/8", "::1"});
  return loopback.Contains(address) || allowed.Contains(address);
}

void AddPlatformRoutes(http::Router& router, db::Database& database, const http::Metrics& metrics,
                       const http::StaticFiles& static_files, http::AddressSet metrics_allow) {
  router.Add({.method = Method::kGet,
              .pattern = "/healthz",
              .access = http::Access::Anyone(),
              .handler = [&database](RequestContext&) -> Result<Response> {
                auto alive = database.Read([](soci::session& sql) -> Result<int> {
                  int one = 0;
                  sql << "SELECT 1", soci::into(one);
                  return one;
                });
                if (!alive) {
                  Response response = Response::Text("database unavailable\n", 503);
                  response.SetHeader("Cache-Control", "no-store");
                  return response;
                }
                Response response = Response::Text("ok\n");
                response.SetHeader("Cache-Control", "no-store");
                return response;
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/metrics",
              .access = http::Access::Anyone(),
              .handler = [&metrics, allow = std::move(metrics_allow)](RequestContext& context) -> Result<Response> {
                // Counters tell who uses what: only the operator's own scraper reads them. The
                // answer to others is the one of a page that does not exist.
                if (!MayReadMetrics(context.request.remote_address, allow)) return Fail(Error::NotFound());
                Response response = Response::Text(metrics.Render());
                response.SetHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                response.SetHeader("Cache-Control", "no-store");
                return response;
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/static/{path:rest}",
              .access = http::Access::Anyone(),
              .handler = [&static_files](RequestContext& context) { return static_files.Serve(context.request); }});
}

}  // namespace entente::app
