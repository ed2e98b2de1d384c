// AccountsService for administrators: users and their roles, the link between a user and a
// directory person, and the audit log.

#include "modules/accounts/accounts_service.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "core/base/json_text.h"
#include "core/base/messages.h"
#include "core/base/time.h"

namespace entente::accounts {

using auth::Actor;
using auth::Role;

bool AccountsService::MayManage(const Actor& actor, soci::session& sql, UserId user) {
  return auth::Policy::ManageUser(actor, user, store_.ReachOf(sql, user)).has_value();
}

Result<Page<User>> AccountsService::ListUsers(const Actor& actor, const std::string& search, const PageRequest& page) {
  // Platform admins see everyone; bar admins the users within reach of the bars they administer.
  std::optional<std::vector<OrganizationId>> within;
  if (!actor.IsPlatformAdmin()) {
    within = actor.OrganizationsWhere(Role::kBarAdmin);
    if (within->empty()) return Fail(Error::PermissionDenied());
  }
  std::string folded;
  for (unsigned char c : search) folded.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  return database_.Read(
      [&](soci::session& sql) -> Result<Page<User>> { return store_.ListUsers(sql, folded, within, page); });
}

Result<User> AccountsService::GetUser(const Actor& actor, UserId user) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<User> {
    if (actor.user() != user && !MayManage(actor, sql, user)) return Fail(Error::NotFound());
    auto stored = store_.FindUser(sql, user);
    if (!stored) return Fail(Error::NotFound());
    return stored->user;
  });
}

Result<std::vector<GrantView>> AccountsService::GrantsOf(const Actor& actor, UserId user) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<std::vector<GrantView>> {
    if (actor.user() != user && !MayManage(actor, sql, user)) return Fail(Error::NotFound());
    if (!store_.FindUser(sql, user)) return Fail(Error::NotFound());
    return store_.GrantViewsOf(sql, user);
  });
}

namespace {

constexpr const char* kMayNotGrant = N_("You may not grant this role on this organization.");

// Bar admins grant and revoke what a bar admin is not; platform admins anything.
bool MayHandOut(const Actor& actor, Role role) {
  return actor.IsPlatformAdmin() || (role != Role::kPlatformAdmin && role != Role::kBarAdmin);
}

}  // namespace

Result<auth::RoleGrantId> AccountsService::Grant(const Actor& actor, UserId user, const std::string& role_key,
                                                 std::optional<OrganizationId> organization) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  auto role = auth::ParseRole(role_key);
  std::vector<FieldError> errors;
  if (!role) errors.push_back({"role", N_("Choose a role from the list.")});
  if (role && *role == Role::kPlatformAdmin && organization) {
    errors.push_back({"organization", N_("The platform admin role is held on no organization.")});
  }
  if (role && *role != Role::kPlatformAdmin && !organization) {
    errors.push_back({"organization", N_("Choose the organization the role is held on.")});
  }
  return database_.Write([&](soci::session& sql) -> Result<auth::RoleGrantId> {
    // A grant links a user and an organization: leave on both. A user out of the actor's reach
    // is not shown to exist, whatever was asked.
    if (!store_.FindUser(sql, user)) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "user", user.value()));
    auto user_permit = auth::Policy::ManageUser(actor, user, store_.ReachOf(sql, user));
    if (!user_permit) return Fail(user_permit.error());
    // Then leave on the organization named, before what else was sent is judged.
    auto invalid = [&] { return Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)); };
    std::optional<auth::Permit<OrganizationId>> organization_permit;
    if (organization) {
      // An organization the actor may not see is as unknown as one that does not exist.
      auto visibility = store_.OrganizationVisibility(sql, *organization);
      if (!visibility || !auth::Policy::MayView(actor, {*visibility, {*organization}, {}})) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"organization", N_("There is no such organization.")}}));
      }
      auto permit = auth::Policy::ActFor(actor, Role::kBarAdmin, *organization, *visibility, kMayNotGrant);
      if (!permit) return Fail(permit.error());
      organization_permit = *permit;
      if (!errors.empty()) return Fail(invalid());
    } else {
      if (!errors.empty()) return Fail(invalid());
      auto permit = auth::Policy::ForPlatform(actor, kMayNotGrant);
      if (!permit) return Fail(permit.error());
      organization_permit = *permit;
    }
    if (!MayHandOut(actor, *role)) {
      return Fail(auth::Policy::Refuse(actor, Error::PermissionDenied(kMayNotGrant), "user", user.value()));
    }
    if (auto existing = store_.FindActiveGrant(sql, user, *role, organization)) return *existing;
    auto grant = store_.InsertGrant(sql, *user_permit, *organization_permit, *role, actor.user(), NowUtc());
    audit::Record(sql, actor,
                  {"role.grant", "role_grant", grant.value(), organization,
                   JsonText({{"user_id", user.value()}, {"role", role_key}})});
    spdlog::info("role granted: {} on organization {} to user {} by user {} rid={}", role_key,
                 organization ? organization->value() : 0, user.value(), actor.user().value(), actor.request_id());
    return grant;
  });
}

Status AccountsService::Revoke(const Actor& actor, auth::RoleGrantId grant_id) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Status {
    auto grant = store_.FindGrant(sql, grant_id);
    if (!grant) return Fail(Error::NotFound());
    // A grant of a user out of the actor's reach is not shown to exist.
    if (!auth::Policy::ManageUser(actor, grant->user, store_.ReachOf(sql, grant->user))) {
      return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "role grant", grant_id.value()));
    }
    std::vector<OrganizationId> owners;
    if (grant->organization) owners.push_back(*grant->organization);
    auto permit = auth::Policy::Change(actor, Role::kBarAdmin, "role grant", grant_id,
                                       {auth::Visibility::kPublic, owners, {}}, N_("You may not revoke this role."));
    if (!permit) return Fail(permit.error());
    if (!MayHandOut(actor, grant->role)) {
      return Fail(auth::Policy::Refuse(actor, Error::PermissionDenied(N_("You may not revoke this role.")),
                                       "role grant", grant_id.value()));
    }
    store_.RevokeGrant(sql, *permit, actor.user(), NowUtc());
    audit::Record(sql, actor,
                  {"role.revoke", "role_grant", grant_id.value(), grant->organization,
                   JsonText({{"user_id", grant->user.value()}, {"role", auth::RoleKey(grant->role)}})});
    spdlog::info("role revoked: grant {} by user {} rid={}", grant_id.value(), actor.user().value(),
                 actor.request_id());
    return {};
  });
}

Status AccountsService::LinkPerson(const Actor& actor, UserId user, const std::string& person_slug) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Status {
    if (!store_.FindUser(sql, user)) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "user", user.value()));
    auto user_permit = auth::Policy::ManageUser(actor, user, store_.ReachOf(sql, user));
    if (!user_permit) return Fail(user_permit.error());
    if (actor.user() == user) {
      return Fail(auth::Policy::Refuse(
          actor,
          Error::PermissionDenied(N_("You may not link your own account to a person: ask an administrator of "
                                     "the person's bar.")),
          "user", user.value()));
    }
    std::optional<auth::Permit<PersonId>> person_permit;
    std::string linked = person_slug;
    if (!person_slug.empty()) {
      auto person = store_.FindPerson(sql, person_slug);
      if (!person) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"person", N_("There is no such person in the directory.")}}));
      }
      auto permit = auth::Policy::Change(
          actor, Role::kBarAdmin, "person", person->id, {auth::Visibility::kPublic, person->organizations, {}},
          N_("Only the administrators of this person's bars may link them to an account."));
      if (!permit) return Fail(permit.error());
      if (person->linked_user && *person->linked_user != user) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"person", N_("This person is already linked to another account.")}}));
      }
      person_permit = *permit;
    }
    store_.LinkPerson(sql, *user_permit, person_permit);
    audit::Record(sql, actor,
                  {"user.person_link", "user", user.value(), std::nullopt,
                   JsonText({{"person", linked.empty() ? nlohmann::json(nullptr) : nlohmann::json(linked)}})});
    return {};
  });
}

Result<std::string> AccountsService::LinkedPerson(const Actor& actor, UserId user) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<std::string> {
    if (actor.user() != user && !MayManage(actor, sql, user)) return Fail(Error::NotFound());
    if (!store_.FindUser(sql, user)) return Fail(Error::NotFound());
    return store_.LinkedPersonSlug(sql, user).value_or("");
  });
}

Result<Page<audit::LoggedEntry>> AccountsService::SearchAudit(const Actor& actor, const audit::Filter& filter,
                                                              const PageRequest& page) {
  audit::Filter scoped = filter;
  if (!actor.IsPlatformAdmin()) {
    auto scope = actor.OrganizationsWhere(Role::kBarAdmin);
    if (scope.empty()) return Fail(Error::PermissionDenied());
    std::vector<long long> ids;
    for (auto id : scope) ids.push_back(id.value());
    scoped.organizations = std::move(ids);
  }
  return database_.Read(
      [&](soci::session& sql) -> Result<Page<audit::LoggedEntry>> { return audit::Search(sql, scoped, page); });
}

}  // namespace entente::accounts
