// The accounts module's whole URL table, by resource. Access: Anyone() for signing in;
// SignedIn() routes act on the actor's own account; Admin() routes need an admin role somewhere,
// and the service checks each record against the organizations the admin administers
// (docs/SECURITY.md). The handlers are in the files accounts_handlers.h lists.

#include "modules/accounts/accounts_routes.h"

#include <memory>
#include <string>

#include "modules/accounts/accounts_handlers.h"

namespace entente::accounts {

using http::Access;
using http::Method;

namespace {

const Access anyone = Access::Anyone();
const Access signed_in = Access::SignedIn();
const Access admin = Access::Admin();

// Adds routes bound to the handlers' dependencies.
class Table {
 public:
  Table(http::Router& router, std::shared_ptr<const RouteDependencies> deps)
      : router_(router), deps_(std::move(deps)) {}

  template <typename Handler>
  void add(Method method, std::string pattern, Access access, Handler handler) {
    router_.Add({.method = method,
                 .pattern = std::move(pattern),
                 .access = access,
                 .handler = [deps = deps_, handler](RequestContext& context) { return handler(context, *deps); }});
  }
  template <typename Handler>
  void get(std::string pattern, Access access, Handler handler) {
    add(Method::kGet, std::move(pattern), access, handler);
  }
  template <typename Handler>
  void post(std::string pattern, Access access, Handler handler) {
    add(Method::kPost, std::move(pattern), access, handler);
  }

 private:
  http::Router& router_;
  std::shared_ptr<const RouteDependencies> deps_;
};

void AddSignInRoutes(Table& table) {
  // The password form; then a session cookie, or with two-factor sign-in the pending step's
  // cookie and its code page (a 6-digit code or a recovery code).
  table.get("/sign-in", anyone, ShowSignIn);
  table.post("/sign-in", anyone, SignIn);
  table.get("/sign-in/two-factor", anyone, ShowCodePage);
  table.post("/sign-in/two-factor", anyone, SubmitCode);
  table.post("/sign-out", signed_in, SignOut);
}

void AddAccountRoutes(Table& table) {
  // The user's own page: profile and language, password (a change revokes every session and
  // API token), API tokens (scope and lifetime; a new token is shown once).
  table.get("/account", signed_in, ShowAccount);
  table.post("/account/preferences", signed_in, SavePreferences);
  table.post("/account/password", signed_in, ChangePassword);
  table.post("/account/tokens", signed_in, CreateToken);
  table.post("/account/tokens/{id:id}/revoke", signed_in, RevokeToken);

  // Two-factor sign-in: status and enrolment (a QR code), its first code (the recovery codes,
  // shown once), new recovery codes, turning it off (password and code; not for admins).
  table.get("/account/two-factor", signed_in, ShowEnrolment);
  table.post("/account/two-factor/enrol", signed_in, StartEnrolment);
  table.post("/account/two-factor/confirm", signed_in, ConfirmEnrolment);
  table.post("/account/two-factor/recovery-codes", signed_in, RegenerateCodes);
  table.post("/account/two-factor/remove", signed_in, RemoveTwoFactor);
}

void AddAdminRoutes(Table& table) {
  // Users (all, or those in the bar admin's scope), a user's roles and directory person.
  table.get("/admin/users", admin, ListUsersPage);
  table.get("/admin/users/{id:id}", admin, ShowUser);
  table.post("/admin/users/{id:id}/roles", admin, GrantRole);
  table.post("/admin/users/{id:id}/person", admin, LinkPersonForm);
  table.post("/admin/roles/{id:id}/revoke", admin, RevokeRole);
  // The audit log, filtered.
  table.get("/admin/audit", admin, AuditPage);
}

void AddApiRoutes(Table& table) {
  // JSON (docs/openapi.yaml). A user's record and roles: oneself, or a user one administers.
  table.get("/api/v1/me", signed_in, ApiMe);
  table.get("/api/v1/users", admin, ApiUsers);
  table.get("/api/v1/users/{id:id}", signed_in, ApiUser);
  table.get("/api/v1/users/{id:id}/roles", signed_in, ApiUserRoles);
  table.post("/api/v1/users/{id:id}/roles", admin, ApiGrant);
  table.add(Method::kPut, "/api/v1/users/{id:id}/person", admin, ApiLinkPerson);
  table.add(Method::kDelete, "/api/v1/roles/{id:id}", admin, ApiRevoke);
  table.get("/api/v1/tokens", signed_in, ApiTokens);
  table.post("/api/v1/tokens", signed_in, ApiCreateToken);
  table.add(Method::kDelete, "/api/v1/tokens/{id:id}", signed_in, ApiRevokeToken);
  table.get("/api/v1/account/two-factor", signed_in, ApiTwoFactorStatus);
  table.post("/api/v1/account/two-factor", signed_in, ApiEnrol);
  table.add(Method::kDelete, "/api/v1/account/two-factor", signed_in, ApiRemoveTwoFactor);
  table.post("/api/v1/account/two-factor/confirm", signed_in, ApiConfirm);
  table.post("/api/v1/account/two-factor/recovery-codes", signed_in, ApiRegenerate);
  table.get("/api/v1/audit", admin, ApiAudit);
}

}  // namespace

void AddRoutes(http::Router& router, RouteDependencies dependencies) {
  Table table(router, std::make_shared<const RouteDependencies>(std::move(dependencies)));
  AddSignInRoutes(table);
  AddAccountRoutes(table);
  AddAdminRoutes(table);
  AddApiRoutes(table);
}

}  // namespace entente::accounts
