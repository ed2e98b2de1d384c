// The platform's own URL table.
//
//   GET /healthz              200 "ok" when the database answers, 503 otherwise
//   GET /metrics              Prometheus text format
//   GET /static/{path}        CSS, scripts and fonts

#include "app/app.h"

namespace entente::app {

using http::Method;
using http::RequestContext;
using http::Response;

void AddPlatformRoutes(http::Router& router, db::Database& database, const http::Metrics& metrics,
                       const http::StaticFiles& static_files) {
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
              .handler = [&metrics](RequestContext&) -> Result<Response> {
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
