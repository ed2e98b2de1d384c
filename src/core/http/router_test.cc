#include "core/http/router.h"

#include <gtest/gtest.h>

namespace entente::http {
namespace {

Handler Named(std::string name) {
  return [name](RequestContext&) -> Result<Response> { return Response::Text(name); };
}

Router Table() {
  Router router;
  router.Add({.method = Method::kGet, .pattern = "/", .access = Access::Anyone(), .handler = Named("home")});
  router.Add({.method = Method::kGet,
              .pattern = "/organizations/{id:id}",
              .access = Access::Anyone(),
              .handler = Named("org")});
  router.Add({.method = Method::kPost,
              .pattern = "/organizations/{id:id}",
              .access = Access::Anyone(),
              .handler = Named("org-post"),
              .max_body_bytes = kCsvMaxBodyBytes});
  router.Add(
      {.method = Method::kGet, .pattern = "/lang/{code:slug}", .access = Access::Anyone(), .handler = Named("lang")});
  router.Add(
      {.method = Method::kGet, .pattern = "/people/{name}", .access = Access::Anyone(), .handler = Named("person")});
  router.Add({.method = Method::kGet,
              .pattern = "/static/{path:rest}",
              .access = Access::Anyone(),
              .handler = Named("static")});
  return router;
}

TEST(RouterTest, MatchesTypedParameters) {
  Router router = Table();
  struct Case {
    Method method;
    std::string path;
    std::string pattern;  // empty: no route
    std::string parameter;
    std::string value;
  };
  for (const auto& c : std::vector<Case>{
           {Method::kGet, "/", "/", "", ""},
           {Method::kHead, "/", "/", "", ""},
           {Method::kGet, "/organizations/42", "/organizations/{id:id}", "id", "42"},
           {Method::kGet, "/organizations/0", "", "", ""},
           {Method::kGet, "/organizations/042", "", "", ""},
           {Method::kGet, "/organizations/x", "", "", ""},
           {Method::kGet, "/organizations/42/", "", "", ""},
           {Method::kGet, "/lang/kk", "/lang/{code:slug}", "code", "kk"},
           {Method::kGet, "/lang/KK", "", "", ""},
           {Method::kGet, "/people/Данияр", "/people/{name}", "name", "Данияр"},
           {Method::kGet, "/people/", "", "", ""},
           {Method::kGet, "/static/css/entente.css", "/static/{path:rest}", "path", "css/entente.css"},
           {Method::kGet, "/static/", "", "", ""},
           {Method::kGet, "/nowhere", "", "", ""},
       }) {
    auto match = router.Find(c.method, c.path);
    if (c.pattern.empty()) {
      EXPECT_EQ(match.route, nullptr) << c.path;
      continue;
    }
    ASSERT_NE(match.route, nullptr) << c.path;
    EXPECT_EQ(match.route->pattern, c.pattern);
    if (!c.parameter.empty()) {
      EXPECT_EQ(match.params.Get(c.parameter), c.value) << c.path;
    }
  }
}

TEST(RouterTest, TypedIdsComeOutTyped) {
  auto match = Table().Find(Method::kGet, "/organizations/7");
  EXPECT_EQ(match.params.GetId<OrganizationId>("id"), OrganizationId(7));
}

TEST(RouterTest, ReportsAllowedMethodsWhenOnlyTheMethodIsWrong) {
  auto match = Table().Find(Method::kDelete, "/organizations/7");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<Method>{Method::kGet, Method::kHead, Method::kPost}));
  EXPECT_TRUE(Table().Find(Method::kDelete, "/nowhere").allowed.empty());
}

TEST(RouterTest, BodyLimitsFollowTheRoute) {
  Router router = Table();
  EXPECT_EQ(router.MaxBodyBytes(Method::kPost, "/organizations/1"), kCsvMaxBodyBytes);
  EXPECT_EQ(router.MaxBodyBytes(Method::kPost, "/"), kDefaultMaxBodyBytes);
}

TEST(RouterTest, RequestsWithoutCredentialsSendAtMost64KiB) {
  EXPECT_EQ(BodyLimitFor(kCsvMaxBodyBytes, "", ""), kAnonymousMaxBodyBytes);
  EXPECT_EQ(BodyLimitFor(kCsvMaxBodyBytes, "lang=ru; theme=x", ""), kAnonymousMaxBodyBytes);
  EXPECT_EQ(BodyLimitFor(kCsvMaxBodyBytes, "lang=ru; entente_session=abc", ""), kCsvMaxBodyBytes);
  EXPECT_EQ(BodyLimitFor(kUploadMaxBodyBytes, "__Host-entente_session=abc", ""), kUploadMaxBodyBytes);
  EXPECT_EQ(BodyLimitFor(kDefaultMaxBodyBytes, "", "Bearer ent_abc"), kDefaultMaxBodyBytes);
  // A route that takes less keeps its own limit.
  EXPECT_EQ(BodyLimitFor(1024, "", ""), 1024u);
}

TEST(RouterDeathTest, MalformedOrDuplicatePatternsStopStartUp) {
  EXPECT_DEATH(
      {
        Router router;
        router.Add(
            {.method = Method::kGet, .pattern = "/x/{id:number}", .access = Access::Anyone(), .handler = Named("x")});
      },
      "malformed pattern");
  EXPECT_DEATH(
      {
        Router router = Table();
        router.Add({.method = Method::kGet, .pattern = "/", .access = Access::Anyone(), .handler = Named("again")});
      },
      "duplicate route");
}

}  // namespace
}  // namespace entente::http
