#pragma once
// Who is acting (docs/ARCHITECTURE.md, "Roles, scope and visibility"). Built once per request from the
// session or API token, and passed explicitly to every service call (`const Actor&`).
//
// A role is held on one organization and covers it and its descendants. A platform admin holds
// the role on no organization and may everything (but see visibility: `private` records stay
// with the people they name).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/ids.h"

namespace entente::auth {

enum class Role { kPlatformAdmin, kBarAdmin, kCoordinator, kEditor, kMember };

std::string_view RoleKey(Role role);  // as stored: "bar_admin"
std::optional<Role> ParseRole(std::string_view key);
std::string_view RoleLabel(Role role);  // English msgid: "Bar admin"
inline constexpr Role kAllRoles[] = {Role::kPlatformAdmin, Role::kBarAdmin, Role::kCoordinator, Role::kEditor,
                                     Role::kMember};

using RoleGrantId = Id<struct RoleGrantIdTag>;

// What an API token may do. A session may everything its user's roles allow (kAdmin).
//   read   GET and HEAD only, with every role the user holds
//   write  any method, without administering: a bar admin acts as coordinator and editor of
//          the same organizations, a platform admin's role does not count
//   admin  everything the user's roles allow
enum class TokenScope { kRead, kWrite, kAdmin };
std::string_view TokenScopeKey(TokenScope scope);  // as stored: "write"
std::optional<TokenScope> ParseTokenScope(std::string_view key);
std::string_view TokenScopeLabel(TokenScope scope);  // English msgid
inline constexpr TokenScope kAllTokenScopes[] = {TokenScope::kRead, TokenScope::kWrite, TokenScope::kAdmin};
// Whether a token of scope `held` may mint one of scope `wanted`: never a wider one.
inline bool Covers(TokenScope held, TokenScope wanted) { return static_cast<int>(held) >= static_cast<int>(wanted); }

// The API token a request came with.
struct TokenCredential {
  long long id = 0;
  TokenScope scope = TokenScope::kRead;
  std::string expires_at_utc;
};

struct RoleGrant {
  RoleGrantId id;
  Role role = Role::kMember;
  std::optional<OrganizationId> organization;  // none for platform admin
  // The organization and every organization below it, as the store expanded them.
  std::vector<OrganizationId> scope;
};

class Actor {
 public:
  static Actor Anonymous() { return Actor(); }
  // The platform acting for itself (demo and data loaders, the terminal): may everything, is no
  // user (the audit log shows no user id, and the request id says where it came from).
  static Actor System(std::string request_id) {
    Actor actor;
    actor.system_ = true;
    actor.request_id_ = std::move(request_id);
    return actor;
  }
  Actor(UserId user, std::string display_name, std::string preferred_language, std::vector<RoleGrant> grants);

  bool signed_in() const { return user_.valid(); }
  // The request this actor is acting in (for the audit log); "cli-…" from the command line.
  const std::string& request_id() const { return request_id_; }
  void SetRequestId(std::string request_id) { request_id_ = std::move(request_id); }
  UserId user() const { return user_; }
  const std::string& display_name() const { return display_name_; }
  const std::string& preferred_language() const { return preferred_language_; }
  const std::vector<RoleGrant>& grants() const { return grants_; }
  // Set when the actor comes from an API token (nullopt for a session or the terminal).
  const std::optional<TokenCredential>& token() const { return token_; }
  // Acts through `token` from now on: its scope narrows the grants (see TokenScope).
  void ActThrough(TokenCredential token);

  bool IsPlatformAdmin() const;
  // Whether the actor may act as `role` on `organization`: it holds that role, or one that
  // includes it (bar admin ⊇ coordinator, editor), on the organization or an ancestor; a
  // platform admin may act as any role anywhere.
  bool Holds(Role role, OrganizationId organization) const;
  // Whether the actor holds `role` (or one including it) anywhere.
  bool HoldsAnywhere(Role role) const;
  // Every organization covered by any of the actor's roles (for visibility filters).
  std::vector<OrganizationId> OrganizationsInScope() const;
  // The organizations where the actor may act as `role`.
  std::vector<OrganizationId> OrganizationsWhere(Role role) const;

  // Drops the platform admin and bar admin grants for this request (an administrator who has not
  // yet set up two-factor sign-in): the actor keeps its other roles, and pages say why.
  void WithholdAdminRoles();
  bool admin_roles_withheld() const { return admin_roles_withheld_; }

 private:
  Actor() = default;
  UserId user_;
  std::string display_name_;
  std::string preferred_language_;
  std::vector<RoleGrant> grants_;
  std::string request_id_;
  std::optional<TokenCredential> token_;
  bool system_ = false;
  bool admin_roles_withheld_ = false;
};

// Whether holding `held` lets one act as `wanted` on the same organization.
bool Includes(Role held, Role wanted);

}  // namespace entente::auth
