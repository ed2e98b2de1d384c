#include "core/auth/policy.h"

#include <fmt/format.h>

#include <algorithm>

namespace entente::auth {

bool Policy::MayView(const Actor& actor, const Owners& owners) {
  if (actor.IsPlatformAdmin() && owners.visibility != Visibility::kPrivate) return true;
  std::optional<OrganizationId> owner;
  if (!owners.organizations.empty()) owner = owners.organizations.front();
  return auth::MayView(actor, owners.visibility, owner, owners.organizations, owners.named_users);
}

bool Policy::MayAct(const Actor& actor, Role role, const Owners& owners) {
  if (actor.IsPlatformAdmin()) return true;
  if (!actor.signed_in()) return false;
  // The users a record names act on it as themselves (a registrant on their registration).
  if (std::find(owners.named_users.begin(), owners.named_users.end(), actor.user()) != owners.named_users.end()) {
    return true;
  }
  return std::any_of(owners.organizations.begin(), owners.organizations.end(),
                     [&](OrganizationId organization) { return actor.Holds(role, organization); });
}

Error Policy::Refuse(const Actor& actor, Error error, std::string_view kind, long long id) {
  (void)actor;  // the HTTP layer logs the actor with the route; the error names the record
  return std::move(error).WithSubject(fmt::format("{} {}", kind, id));
}

std::optional<Error> Policy::Decide(const Actor& actor, Role role, std::string_view kind, long long id,
                                    const Owners& owners, std::string_view refusal) {
  if (!MayView(actor, owners)) return Refuse(actor, Error::NotFound(), kind, id);
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Refuse(actor, Error::Unauthenticated(), kind, id);
  if (MayAct(actor, role, owners)) return std::nullopt;
  return Refuse(actor, refusal.empty() ? Error::PermissionDenied() : Error::PermissionDenied(std::string(refusal)),
                kind, id);
}

Result<Permit<OrganizationId>> Policy::ActFor(const Actor& actor, Role role, OrganizationId organization,
                                              Visibility visibility, std::string_view refusal) {
  return Change(actor, role, "organization", organization, Owners{visibility, {organization}, {}}, refusal);
}

Result<Permit<UserId>> Policy::ManageUser(const Actor& actor, UserId id, const std::vector<OrganizationId>& reach) {
  if (!actor.IsPlatformAdmin() && !actor.signed_in()) return std::unexpected(Refuse(actor, Error::Unauthenticated(), "user", id.value()));
  if (!MayAct(actor, Role::kBarAdmin, Owners{Visibility::kPublic, reach, {}})) {
    return std::unexpected(Refuse(actor, Error::NotFound(), "user", id.value()));
  }
  return Permit<UserId>(id);
}

Result<Permit<OrganizationId>> Policy::ForPlatform(const Actor& actor, std::string_view refusal) {
  if (actor.IsPlatformAdmin()) return Permit<OrganizationId>(OrganizationId());
  if (!actor.signed_in()) return std::unexpected(Refuse(actor, Error::Unauthenticated(), "platform", 0));
  return std::unexpected(
      Refuse(actor, refusal.empty() ? Error::PermissionDenied() : Error::PermissionDenied(std::string(refusal)),
             "platform", 0));
}

}  // namespace entente::auth
