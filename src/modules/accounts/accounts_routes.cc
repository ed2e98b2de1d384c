// The accounts module's whole URL table, by resource. Access: Anyone() for signing in;
// SignedIn() routes act on the actor's own account; Admin() routes need an admin role somewhere,
// and the service checks each record against the organizations the admin administers
// (docs/SECURITY.md). The handlers are in the files accounts_handlers.h lists.

#include "modules/accounts/accounts_routes.h"

#include <memory>
#include <string>

#include "core/http/route_table.h"
#include "modules/accounts/accounts_handlers.h"

namespace entente::accounts {

using http::Access;
using http::Method;

namespace {

const Access anyone = Access::Anyone();
const Access signed_in = Access::SignedIn();
const Access admin = Access::Admin();

using Table = http::RouteTable<const RouteDependencies>;

void AddSignInRoutes(Table& table) {
  // The password form; then a session cookie, or with two-factor sign-in the pending step's
  // cookie and its code page (a 6-digit code or a recovery code).
  table.Get("/sign-in", anyone, ShowSignIn);
  table.Post("/sign-in", anyone, SignIn);
  table.Get("/sign-in/two-factor", anyone, ShowCodePage);
  table.Post("/sign-in/two-factor", anyone, SubmitCode);
  table.Post("/sign-out", signed_in, SignOut);
}

void AddAccountRoutes(Table& table) {
  // The user's own page: profile and language, password (a change revokes every session and
  // API token), API tokens (scope and lifetime; a new token is shown once).
  table.Get("/account", signed_in, ShowAccount);
  table.Post("/account/preferences", signed_in, SavePreferences);
  table.Post("/account/password", signed_in, ChangePassword);
  table.Post("/account/tokens", signed_in, CreateToken);
  table.Post("/account/tokens/{id:id}/revoke", signed_in, RevokeToken);

  // Two-factor sign-in: status and enrolment (a QR code), its first code (the recovery codes,
  // shown once), new recovery codes, turning it off (password and code; not for admins).
  table.Get("/account/two-factor", signed_in, ShowEnrolment);
  table.Post("/account/two-factor/enrol", signed_in, StartEnrolment);
  table.Post("/account/two-factor/confirm", signed_in, ConfirmEnrolment);
  table.Post("/account/two-factor/recovery-codes", signed_in, RegenerateCodes);
  table.Post("/account/two-factor/remove", signed_in, RemoveTwoFactor);
}

void AddAdminRoutes(Table& table) {
  // Users (all, or those in the bar admin's scope), a user's roles and directory person.
  table.Get("/admin/users", admin, ListUsersPage);
  table.Get("/admin/users/{id:id}", admin, ShowUser);
  table.Post("/admin/users/{id:id}/roles", admin, GrantRole);
  table.Post("/admin/users/{id:id}/person", admin, LinkPersonForm);
  table.Post("/admin/roles/{id:id}/revoke", admin, RevokeRole);
  // The audit log, filtered.
  table.Get("/admin/audit", admin, AuditPage);
}

void AddApiRoutes(Table& table) {
  // JSON (docs/openapi.yaml). A user's record and roles: oneself, or a user one administers.
  table.Get("/api/v1/me", signed_in, ApiMe);
  table.Get("/api/v1/users", admin, ApiUsers);
  table.Get("/api/v1/users/{id:id}", signed_in, ApiUser);
  table.Get("/api/v1/users/{id:id}/roles", signed_in, ApiUserRoles);
  table.Post("/api/v1/users/{id:id}/roles", admin, ApiGrant);
  table.Add(Method::kPut, "/api/v1/users/{id:id}/person", admin, ApiLinkPerson);
  table.Add(Method::kDelete, "/api/v1/roles/{id:id}", admin, ApiRevoke);
  table.Get("/api/v1/tokens", signed_in, ApiTokens);
  table.Post("/api/v1/tokens", signed_in, ApiCreateToken);
  table.Add(Method::kDelete, "/api/v1/tokens/{id:id}", signed_in, ApiRevokeToken);
  table.Get("/api/v1/account/two-factor", signed_in, ApiTwoFactorStatus);
  table.Post("/api/v1/account/two-factor", signed_in, ApiEnrol);
  table.Add(Method::kDelete, "/api/v1/account/two-factor", signed_in, ApiRemoveTwoFactor);
  table.Post("/api/v1/account/two-factor/confirm", signed_in, ApiConfirm);
  table.Post("/api/v1/account/two-factor/recovery-codes", signed_in, ApiRegenerate);
  table.Get("/api/v1/audit", admin, ApiAudit);
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
