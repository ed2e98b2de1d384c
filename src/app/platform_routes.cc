// The platform's own URL table.
//
//   GET /healthz              200 "ok" when the database answers, 503 otherwise
//   GET /metrics              Prometheus text format, to loopback and metrics.allow clients only
//   GET /static/{path}        CSS, scripts and fonts

#include "app/app.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>

namespace entente::app {

using http::Method;
using http::RequestContext;
using http::Response;

bool MayReadMetrics(std::string_view address, const std::vector<std::string>& allowed) {
  boost::system::error_code error;
  auto parsed = boost::asio::ip::make_address(std::string(address), error);
  if (error) return false;
  if (parsed.is_v6() && parsed.to_v6().is_v4_mapped()) {
    parsed = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, parsed.to_v6());
  }
  if (parsed.is_loopback()) return true;
  return std::find(allowed.begin(), allowed.end(), parsed.to_string()) != allowed.end();
}

void AddPlatformRoutes(http::Router& router, db::Database& database, const http::Metrics& metrics,
                       const http::StaticFiles& static_files, std::vector<std::string> metrics_allow) {
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
