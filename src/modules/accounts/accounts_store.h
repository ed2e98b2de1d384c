#pragma once
// The only place with SQL for users, sessions, role grants, API tokens and sign-in failures.
// Functions take the session of a Database::Read or Write call and throw soci errors, which
// those calls turn into Errors.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/auth/policy.h"
#include "core/base/pagination.h"
#include "modules/accounts/model.h"

namespace entente::accounts {

struct StoredUser {
  User user;
  std::string password_hash;
};

struct StoredSession {
  long long id = 0;
  UserId user;
  std::string last_seen_at_utc;
  std::string expires_at_utc;
};

class AccountsStore {
 public:
  // Users
  UserId InsertUser(soci::session& sql, const NewUser& user, const std::string& password_hash, AccountKind kind) const;
  std::optional<StoredUser> FindUserByEmail(soci::session& sql, const std::string& email) const;
  std::optional<StoredUser> FindUser(soci::session& sql, UserId id) const;
  // The organizations within whose reach a user is (their bar admins may manage the user):
  // where they hold a role, and whose roll their person is on.
  std::vector<OrganizationId> ReachOf(soci::session& sql, UserId user) const;
  // Users matching `search` (in email or name, case-insensitive for ASCII): those within reach of
  // the organizations `within` (the rule of ReachOf), or everyone when it is nullopt.
  Page<User> ListUsers(soci::session& sql, const std::string& search,
                       const std::optional<std::vector<OrganizationId>>& within, const PageRequest& page) const;
  void SetPassword(soci::session& sql, UserId user, const std::string& password_hash) const;
  void SetPreferences(soci::session& sql, UserId user, const std::string& display_name,
                      const std::string& language) const;
  void TouchUser(soci::session& sql, UserId user, const std::string& now) const;
  // Demo and other accounts, disabled ones included.
  UserCounts CountUsers(soci::session& sql) const;

  // Sessions
  long long InsertSession(soci::session& sql, const std::string& token_hash, UserId user, const std::string& now,
                          const std::string& expires_at, const std::string& remote_address) const;
  // A session neither revoked nor past its absolute expiry (idle expiry is the caller's).
  std::optional<StoredSession> FindSession(soci::session& sql, const std::string& token_hash,
                                           const std::string& now) const;
  void TouchSession(soci::session& sql, long long session, const std::string& now) const;
  void RevokeSession(soci::session& sql, long long session, const std::string& now) const;
  int RevokeSessionsOf(soci::session& sql, UserId user, const std::string& now) const;

  // Role grants (active only)
  std::vector<auth::RoleGrant> GrantsOf(soci::session& sql, UserId user) const;
  std::vector<GrantView> GrantViewsOf(soci::session& sql, UserId user) const;
  std::optional<GrantView> FindGrant(soci::session& sql, auth::RoleGrantId grant) const;
  // The active grant of that role on that organization, if any (grants are not duplicated).
  std::optional<auth::RoleGrantId> FindActiveGrant(soci::session& sql, UserId user, auth::Role role,
                                                   std::optional<OrganizationId> organization) const;
  // A grant of `role` to the permit's user on the permit's organization (a platform's permit,
  // with no valid id, for the platform admin role).
  auth::RoleGrantId InsertGrant(soci::session& sql, const auth::Permit<UserId>& user,
                                const auth::Permit<OrganizationId>& organization, auth::Role role, UserId granted_by,
                                const std::string& now) const;
  void RevokeGrant(soci::session& sql, const auth::Permit<auth::RoleGrantId>& grant, UserId revoked_by,
                   const std::string& now) const;
  // The directory person a user is linked to (their slug), if any.
  std::optional<std::string> LinkedPersonSlug(soci::session& sql, UserId user) const;
  // A person of the directory (not merged away) by slug, with the organizations whose roll they
  // are on or where they held a position; and the user already linked to them, if any.
  struct PersonRef {
    PersonId id;
    std::vector<OrganizationId> organizations;
    std::optional<UserId> linked_user;
  };
  std::optional<PersonRef> FindPerson(soci::session& sql, const std::string& slug) const;
  // Links the user to the person (which gives the account what the person may see and edit as
  // themselves), or with no person permit unlinks it.
  void LinkPerson(soci::session& sql, const auth::Permit<UserId>& user,
                  const std::optional<auth::Permit<PersonId>>& person) const;
  // Who may see an organization; nullopt when there is none.
  std::optional<auth::Visibility> OrganizationVisibility(soci::session& sql, OrganizationId organization) const;
  std::optional<OrganizationId> OrganizationBySlug(soci::session& sql, const std::string& slug) const;

  // API tokens
  ApiTokenId InsertApiToken(soci::session& sql, UserId user, const ApiToken& token,
                            const std::string& token_hash) const;
  // The user's tokens that are not revoked, expired ones included (the page shows them as such).
  std::vector<ApiToken> ApiTokensOf(soci::session& sql, UserId user) const;
  // Revokes the user's own active token; false when there is none with that id.
  bool RevokeApiToken(soci::session& sql, UserId user, ApiTokenId token, const std::string& now) const;
  // Revokes every token of the user (a password change); how many.
  int RevokeApiTokensOf(soci::session& sql, UserId user, const std::string& now) const;
  struct StoredApiToken {
    UserId user;
    auth::TokenCredential credential;
    std::string last_used_at_utc;  // empty when never used
  };
  // The owner of a token that is neither revoked nor expired at `now`, and when it was last used.
  std::optional<StoredApiToken> FindApiToken(soci::session& sql, const std::string& token_hash,
                                             const std::string& now) const;
  void TouchApiToken(soci::session& sql, long long token, const std::string& now) const;

  // Sign-in failures, per account
  void InsertFailure(soci::session& sql, const std::string& email, const std::string& remote_address,
                     const std::string& now) const;
  struct RecentFailures {
    long long count = 0;
    std::string last_at_utc;  // empty when none
  };
  RecentFailures FailuresForEmail(soci::session& sql, const std::string& email, const std::string& since) const;

  // Sign-in attempts, per address and hour: one more, counted atomically; the count after it.
  // Also forgets windows that ended before `forget_before`.
  long long AddAttempt(soci::session& sql, const std::string& address, const std::string& window_start,
                       const std::string& forget_before) const;
  // Gives an attempt back (a successful sign-in).
  void ReturnAttempt(soci::session& sql, const std::string& address, const std::string& window_start) const;
};

}  // namespace entente::accounts
