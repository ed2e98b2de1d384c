#pragma once
// The accounts module's handlers, as the route table (accounts_routes.cc) binds them, and what
// they share. Internal to the module: other modules go through AccountsService.
//
// Each handler is a plain function of the request and the RouteDependencies; the files hold
// them by sub-resource: sign_in_pages.cc (signing in and out), two_factor_pages.cc (the code
// page at sign-in, enrolment, and their JSON), account_pages.cc (the user's own page),
// admin_pages.cc (users, roles, the audit log), accounts_api.cc (JSON).

#include <optional>
#include <string>
#include <string_view>

#include "core/audit/audit_log.h"
#include "core/base/error.h"
#include "core/http/context.h"
#include "core/http/request.h"
#include "core/render/page.h"
#include "modules/accounts/accounts_routes.h"

namespace entente::accounts {

using http::RequestContext;
using http::Response;

// --- Shared by the handlers (accounts_handlers.cc) ---

bool Expired(const ApiToken& token);
// A number typed in a form field; 0 (refused by the service) when it is not one.
int WholeNumber(std::string_view text);
// ?action=&entity_type=&user_id=&from=&to= of the audit page and the JSON audit list.
Result<audit::Filter> ReadAuditFilter(const http::Request& request);

// The cookie of a pending second-factor step at sign-in: its own random token, HttpOnly,
// SameSite=Strict, 5 minutes; `__Host-` and Secure behind TLS, like the session cookie
// (two_factor_pages.cc).
std::string ChallengeCookieName(const http::SessionCookie& session_cookie);
std::string SetChallengeCookie(const http::SessionCookie& session_cookie, const std::string& token);
std::string ClearChallengeCookie(const http::SessionCookie& session_cookie);

// --- Signing in and out (sign_in_pages.cc) ---

// The password form, with `error` and its status when a sign-in was refused.
Response SignInPage(RequestContext& context, const render::PageRenderer& pages, const std::string& email,
                    const std::string& next, const std::optional<Error>& error, int status);
Result<Response> ShowSignIn(RequestContext& context, const RouteDependencies& deps);
// A password; then a new session cookie, or the pending second-factor step's cookie.
Result<Response> SignIn(RequestContext& context, const RouteDependencies& deps);
Result<Response> SignOut(RequestContext& context, const RouteDependencies& deps);

// --- Two-factor sign-in (two_factor_pages.cc) ---

Result<Response> ShowCodePage(RequestContext& context, const RouteDependencies& deps);
Result<Response> SubmitCode(RequestContext& context, const RouteDependencies& deps);
Result<Response> ShowEnrolment(RequestContext& context, const RouteDependencies& deps);
Result<Response> StartEnrolment(RequestContext& context, const RouteDependencies& deps);
Result<Response> ConfirmEnrolment(RequestContext& context, const RouteDependencies& deps);
Result<Response> RegenerateCodes(RequestContext& context, const RouteDependencies& deps);
Result<Response> RemoveTwoFactor(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiTwoFactorStatus(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiEnrol(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiConfirm(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiRegenerate(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiRemoveTwoFactor(RequestContext& context, const RouteDependencies& deps);

// --- The user's own page (account_pages.cc) ---

Result<Response> ShowAccount(RequestContext& context, const RouteDependencies& deps);
Result<Response> SavePreferences(RequestContext& context, const RouteDependencies& deps);
Result<Response> ChangePassword(RequestContext& context, const RouteDependencies& deps);
Result<Response> CreateToken(RequestContext& context, const RouteDependencies& deps);
Result<Response> RevokeToken(RequestContext& context, const RouteDependencies& deps);

// --- Administration (admin_pages.cc) ---

Result<Response> ListUsersPage(RequestContext& context, const RouteDependencies& deps);
Result<Response> ShowUser(RequestContext& context, const RouteDependencies& deps);
Result<Response> LinkPersonForm(RequestContext& context, const RouteDependencies& deps);
Result<Response> GrantRole(RequestContext& context, const RouteDependencies& deps);
Result<Response> RevokeRole(RequestContext& context, const RouteDependencies& deps);
Result<Response> AuditPage(RequestContext& context, const RouteDependencies& deps);

// --- JSON (accounts_api.cc) ---

Result<Response> ApiMe(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiUsers(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiUser(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiLinkPerson(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiUserRoles(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiGrant(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiRevoke(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiTokens(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiCreateToken(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiRevokeToken(RequestContext& context, const RouteDependencies& deps);
Result<Response> ApiAudit(RequestContext& context, const RouteDependencies& deps);

}  // namespace entente::accounts
