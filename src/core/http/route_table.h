#pragma once
// A module's URL table: routes whose handlers take the request and the module's dependencies
// (its Context), which the table keeps alive and binds to every handler once.
//
//   http::RouteTable<const Context> routes(router, std::make_shared<const Context>(...));
//   routes.Get("/agreements", Access::Anyone(), ListPage);
//   routes.Post("/agreements", Access::SignedIn(), Create);
//   routes.Add(Method::kPut, "/api/v1/agreements/{id:id}", Access::SignedIn(), ApiUpdate);
//
// A handler is a function or a lambda of (RequestContext&, Deps&) returning Result<Response>;
// one with optional arguments is bound through a lambda that leaves them out.

#include <memory>
#include <string>
#include <utility>

#include "core/http/router.h"

namespace entente::http {

template <typename Deps>
class RouteTable {
 public:
  RouteTable(Router& router, std::shared_ptr<Deps> deps) : router_(router), deps_(std::move(deps)) {}

  template <typename Handler>
  void Add(Method method, std::string pattern, Access access, Handler handler,
           size_t max_body_bytes = kDefaultMaxBodyBytes) {
    router_.Add({.method = method,
                 .pattern = std::move(pattern),
                 .access = access,
                 .handler = [deps = deps_, handler](RequestContext& context) { return handler(context, *deps); },
                 .max_body_bytes = max_body_bytes});
  }
  template <typename Handler>
  void Get(std::string pattern, Access access, Handler handler) {
    Add(Method::kGet, std::move(pattern), access, std::move(handler));
  }
  template <typename Handler>
  void Post(std::string pattern, Access access, Handler handler) {
    Add(Method::kPost, std::move(pattern), access, std::move(handler));
  }

 private:
  Router& router_;
  std::shared_ptr<Deps> deps_;
};

}  // namespace entente::http
