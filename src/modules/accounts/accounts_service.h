#pragma once
// Accounts: users, sign-in and sessions, roles, API tokens, and the audit log's pages.
// Every operation that acts for someone takes the `const auth::Actor&` doing it and checks it
// here; every change is written with its audit entry in one transaction.

#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit_log.h"
#include "core/auth/actor.h"
#include "core/auth/authenticator.h"
#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/db/database.h"
#include "modules/accounts/accounts_store.h"
#include "modules/accounts/model.h"
#include "modules/accounts/two_factor_store.h"

namespace entente::accounts {

class AccountsService final : public auth::Authenticator {
 public:
  AccountsService(db::Database& database, SessionPolicy policy) : database_(database), policy_(policy) {}

  // --- From the terminal (`entente user …`): the operator is trusted. ---
  // Creates a user holding the platform admin role.
  Result<UserId> CreatePlatformAdmin(const NewUser& user, const std::string& request_id);
  Status SetPasswordFromTerminal(const std::string& email, const std::string& password, const std::string& request_id);
  Result<std::vector<User>> ListAllUsers();
  // Demo and other accounts (what `seed demo` and `serve` check before they start).
  Result<UserCounts> CountUsers();

  // Creates a demo account with roles (only `entente seed demo` calls this). Safe twice.
  Result<UserId> EnsureDemoUser(const NewUser& user, const std::vector<std::pair<auth::Role, std::string>>& roles,
                                const std::string& request_id);

  // --- Sign-in and sessions ---
  // The same kUnauthenticated answer for an unknown email, a wrong password, a disabled or a
  // demo account outside a demo database; kTooManyRequests past the failure limits. Every
  // failure is recorded (for the limits) and logged; the password never is.
  Result<NewSession> SignIn(const std::string& email, const std::string& password, const std::string& remote_address,
                            const std::string& request_id);
  // The actor behind a session token, or nullopt when the session is unknown, revoked or expired
  // (idle or absolute). Writes last_seen at most once a minute.
  Result<std::optional<auth::Actor>> AuthenticateSession(const std::string& token,
                                                         const std::string& request_id) override;
  Result<std::optional<auth::Actor>> AuthenticateApiToken(const std::string& token,
                                                          const std::string& request_id) override;
  Status SignOut(const auth::Actor& actor, const std::string& session_token);
  // Checks the current password, stores the new one, revokes every session and API token of the
  // user and opens a new session for this browser.
  Result<NewSession> ChangePassword(const auth::Actor& actor, const std::string& current, const std::string& password,
                                    const std::string& remote_address);
  Status SetPreferences(const auth::Actor& actor, const std::string& display_name, const std::string& language);

  // --- Two-factor sign-in (TOTP, RFC 6238; two_factor.cc) ---
  // After a right password, SignIn opens no session for a user with confirmed two-factor
  // sign-in: it returns the token of a pending step (second_factor_required). This completes it
  // with a 6-digit code or an unused recovery code: a wrong one counts as a failed sign-in (the
  // same limits, kTooManyRequests past them; field error "code"); an expired or unknown step is
  // kUnauthenticated. Success opens the session as SignIn does. Codes are never logged.
  Result<NewSession> CompleteSignIn(const std::string& challenge_token, const std::string& code,
                                    const std::string& remote_address, const std::string& request_id);
  // Whether the pending step behind the token is still open (the code page shows only then).
  Result<bool> SignInChallengeOpen(const std::string& challenge_token);
  Result<TwoFactorStatus> TwoFactorStatusOf(const auth::Actor& actor);
  // Starts an enrolment (or a re-enrolment: the secret in force stays so until the new one is
  // confirmed) with a new random secret. A re-enrolment needs the current password (field error
  // "current_password"): a borrowed session alone cannot move the second factor to another
  // device. Audited (two_factor.enrol).
  Result<TwoFactorEnrolment> StartTwoFactorEnrolment(const auth::Actor& actor, const std::string& current_password);
  // The enrolment waiting for its first code; kNotFound when there is none.
  Result<TwoFactorEnrolment> PendingTwoFactorEnrolment(const auth::Actor& actor);
  // The first valid code of the pending secret puts it in force and returns 10 new recovery
  // codes, shown once (only their hashes are kept). Field error "code" otherwise.
  Result<std::vector<std::string>> ConfirmTwoFactor(const auth::Actor& actor, const std::string& code);
  // Needs the current password and a current code; refused (kPermissionDenied) to an
  // administrator, for whom two-factor sign-in is required.
  Status RemoveTwoFactor(const auth::Actor& actor, const std::string& password, const std::string& code);
  // Needs a current code; replaces every recovery code by 10 new ones.
  Result<std::vector<std::string>> RegenerateRecoveryCodes(const auth::Actor& actor, const std::string& code);
  // From the terminal, for a lost device (the operator is trusted): forgets the user's secret and
  // recovery codes and signs them out everywhere. Audited (two_factor.reset).
  Status ResetTwoFactorFromTerminal(const std::string& email, const std::string& request_id);

  // --- Users and roles ---
  // Platform admins see everyone; bar admins the users holding a role within their scope.
  Result<Page<User>> ListUsers(const auth::Actor& actor, const std::string& search, const PageRequest& page);
  // Yourself, or a user listed for you by ListUsers; kNotFound otherwise.
  Result<User> GetUser(const auth::Actor& actor, UserId user);
  Result<std::vector<GrantView>> GrantsOf(const auth::Actor& actor, UserId user);
  // Platform admins grant any role; bar admins grant coordinator, editor and member within their
  // scope. kInvalidArgument (field errors) for a bad role or organization, kPermissionDenied
  // otherwise; granting a role the user already holds returns the existing grant.
  Result<auth::RoleGrantId> Grant(const auth::Actor& actor, UserId user, const std::string& role,
                                  std::optional<OrganizationId> organization);
  Status Revoke(const auth::Actor& actor, auth::RoleGrantId grant);

  // --- Users and directory people ---
  // Links `user` to the directory person `person_slug` (empty: removes the link), which gives
  // the account what that person may see and edit as themselves. Who may: the person's bar
  // administrators, for a user within their reach, and platform admins; nobody links their own
  // account (a self-claim: kPermissionDenied). kNotFound for a user out of reach; field errors
  // ("person") for an unknown person or one already linked to another account. Audited.
  Status LinkPerson(const auth::Actor& actor, UserId user, const std::string& person_slug);
  // The slug of the person `user` is linked to (empty when none), for yourself or a user you
  // may manage; kNotFound otherwise.
  Result<std::string> LinkedPerson(const auth::Actor& actor, UserId user);

  // --- API tokens ---
  // The new token, shown once; only its hash is kept. Field errors for a bad name, scope or
  // lifetime; a scope wider than the token the actor acts through, or `admin` for a user who
  // administers nothing, is refused the same way. A token made through a token expires no
  // later than it. Audited.
  Result<std::pair<ApiToken, std::string>> CreateApiToken(const auth::Actor& actor, const NewApiToken& request);
  Result<std::vector<ApiToken>> ApiTokens(const auth::Actor& actor);
  Status RevokeApiToken(const auth::Actor& actor, ApiTokenId token);

  // --- Audit log ---
  // Platform admins: every entry; bar admins: entries about organizations within their scope.
  Result<Page<audit::LoggedEntry>> SearchAudit(const auth::Actor& actor, const audit::Filter& filter,
                                               const PageRequest& page);

  const SessionPolicy& policy() const { return policy_; }

 private:
  Result<auth::Actor> LoadActor(soci::session& sql, UserId user, const std::string& request_id);
  bool MayManage(const auth::Actor& actor, soci::session& sql, UserId user);
  // Two-factor sign-in (two_factor.cc): the pending step after a right password, or nullopt
  // when the user has not enrolled; and whether two-factor sign-in is required of the user.
  // The sign-in limits (SessionPolicy) for one attempt on `email` from `remote_address`:
  // kTooManyRequests with Retry-After, or the hour in which the attempt was counted, for
  // ReturnAttempt once the attempt has succeeded.
  Result<std::string> CountAttempt(const std::string& email, const std::string& remote_address,
                                   const std::string& request_id);
  Status ReturnAttempt(const std::string& remote_address, const std::string& window);
  std::optional<Result<NewSession>> BeginSecondFactor(const StoredUser& user, const std::string& remote_address,
                                                      const std::string& request_id);
  bool TwoFactorRequired(soci::session& sql, const User& user, const std::vector<auth::RoleGrant>& grants);

  db::Database& database_;
  SessionPolicy policy_;
  AccountsStore store_;
  TwoFactorStore two_factor_store_;
};

// "  Someone@Example.ORG " → "someone@example.org"; nullopt when it does not look like an email.
std::optional<std::string> NormalizeEmail(std::string_view email);

}  // namespace entente::accounts
