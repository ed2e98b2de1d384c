#include "core/auth/actor.h"

#include <algorithm>

#include "core/base/enum_table.h"
#include "core/base/messages.h"

namespace entente::auth {
namespace {

constexpr EnumTable<Role, 5> kRoles{{{
    {Role::kPlatformAdmin, "platform_admin", N_("Platform admin")},
    {Role::kBarAdmin, "bar_admin", N_("Bar admin")},
    {Role::kCoordinator, "coordinator", N_("Coordinator")},
    {Role::kEditor, "editor", N_("Editor")},
    {Role::kMember, "member", N_("Member")},
}}};

constexpr EnumTable<TokenScope, 3> kTokenScopes{{{
    {TokenScope::kRead, "read", N_("Read")},
    {TokenScope::kWrite, "write", N_("Read and write")},
    {TokenScope::kAdmin, "admin", N_("Read, write and administer")},
}}};

}  // namespace

std::string_view TokenScopeKey(TokenScope scope) { return kTokenScopes.Key(scope); }
std::optional<TokenScope> ParseTokenScope(std::string_view key) { return kTokenScopes.Parse(key); }
std::string_view TokenScopeLabel(TokenScope scope) { return kTokenScopes.Label(scope); }

std::string_view RoleKey(Role role) { return kRoles.Key(role); }
std::optional<Role> ParseRole(std::string_view key) { return kRoles.Parse(key); }
std::string_view RoleLabel(Role role) { return kRoles.Label(role); }

bool Includes(Role held, Role wanted) {
  if (held == wanted || held == Role::kPlatformAdmin) return true;
  return held == Role::kBarAdmin && (wanted == Role::kCoordinator || wanted == Role::kEditor);
}

Actor::Actor(UserId user, std::string display_name, std::string preferred_language, std::vector<RoleGrant> grants)
    : user_(user),
      display_name_(std::move(display_name)),
      preferred_language_(std::move(preferred_language)),
      grants_(std::move(grants)) {}

void Actor::ActThrough(TokenCredential token) {
  if (token.scope == TokenScope::kWrite) {
    std::vector<RoleGrant> narrowed;
    for (RoleGrant grant : grants_) {
      if (grant.role == Role::kPlatformAdmin) continue;
      if (grant.role == Role::kBarAdmin) {
        // What a bar admin may besides administering: a coordinator's and an editor's work.
        grant.role = Role::kEditor;
        narrowed.push_back(grant);
        grant.role = Role::kCoordinator;
      }
      narrowed.push_back(std::move(grant));
    }
    grants_ = std::move(narrowed);
  }
  token_ = std::move(token);
}

bool Actor::IsPlatformAdmin() const {
  return system_ || std::any_of(grants_.begin(), grants_.end(),
                     [](const RoleGrant& grant) { return grant.role == Role::kPlatformAdmin; });
}

bool Actor::Holds(Role role, OrganizationId organization) const {
  if (system_) return true;
  for (const auto& grant : grants_) {
    if (!Includes(grant.role, role)) continue;
    if (grant.role == Role::kPlatformAdmin) return true;
    if (std::find(grant.scope.begin(), grant.scope.end(), organization) != grant.scope.end()) return true;
  }
  return false;
}

bool Actor::HoldsAnywhere(Role role) const {
  return system_ || std::any_of(grants_.begin(), grants_.end(),
                     [role](const RoleGrant& grant) { return Includes(grant.role, role); });
}

std::vector<OrganizationId> Actor::OrganizationsInScope() const {
  std::vector<OrganizationId> ids;
  for (const auto& grant : grants_) ids.insert(ids.end(), grant.scope.begin(), grant.scope.end());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<OrganizationId> Actor::OrganizationsWhere(Role role) const {
  std::vector<OrganizationId> ids;
  for (const auto& grant : grants_) {
    if (Includes(grant.role, role)) ids.insert(ids.end(), grant.scope.begin(), grant.scope.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

void Actor::WithholdAdminRoles() {
  std::erase_if(grants_, [](const RoleGrant& grant) {
    return grant.role == Role::kPlatformAdmin || grant.role == Role::kBarAdmin;
  });
  admin_roles_withheld_ = true;
}

}  // namespace entente::auth
