#include "core/auth/actor.h"

#include <gtest/gtest.h>

namespace entente::auth {
namespace {

const OrganizationId kParisBar(1), kCommittee(2), kSchool(3), kAlmatyBar(4);

RoleGrant Grant(Role role, std::optional<OrganizationId> organization, std::vector<OrganizationId> scope) {
  return RoleGrant{RoleGrantId(1), role, organization, std::move(scope)};
}

TEST(ActorTest, RolesCoverTheOrganizationAndItsDescendants) {
  Actor admin(UserId(1), "Admin", "fr", {Grant(Role::kBarAdmin, kParisBar, {kParisBar, kCommittee, kSchool})});
  EXPECT_TRUE(admin.Holds(Role::kBarAdmin, kCommittee));
  EXPECT_TRUE(admin.Holds(Role::kCoordinator, kSchool)) << "a bar admin may what a coordinator may";
  EXPECT_TRUE(admin.Holds(Role::kEditor, kParisBar));
  EXPECT_FALSE(admin.Holds(Role::kMember, kParisBar)) << "administering a bar is not being on its roll";
  EXPECT_FALSE(admin.Holds(Role::kBarAdmin, kAlmatyBar));
  EXPECT_FALSE(admin.IsPlatformAdmin());
  EXPECT_EQ(admin.OrganizationsWhere(Role::kCoordinator),
            (std::vector<OrganizationId>{kParisBar, kCommittee, kSchool}));

  Actor coordinator(UserId(2), "C", "ru", {Grant(Role::kCoordinator, kAlmatyBar, {kAlmatyBar})});
  EXPECT_TRUE(coordinator.Holds(Role::kCoordinator, kAlmatyBar));
  EXPECT_FALSE(coordinator.Holds(Role::kBarAdmin, kAlmatyBar));
  EXPECT_FALSE(coordinator.Holds(Role::kEditor, kAlmatyBar));
  EXPECT_TRUE(coordinator.HoldsAnywhere(Role::kCoordinator));

  Actor platform(UserId(3), "P", "en", {Grant(Role::kPlatformAdmin, std::nullopt, {})});
  EXPECT_TRUE(platform.IsPlatformAdmin());
  EXPECT_TRUE(platform.Holds(Role::kBarAdmin, kAlmatyBar));
  EXPECT_TRUE(platform.Holds(Role::kMember, kSchool));

  EXPECT_FALSE(Actor::Anonymous().signed_in());
  EXPECT_FALSE(Actor::Anonymous().Holds(Role::kMember, kParisBar));
}

TEST(ActorTest, AWriteTokenDoesEverythingButAdminister) {
  Actor admin(UserId(1), "Admin", "fr",
              {Grant(Role::kBarAdmin, kParisBar, {kParisBar, kCommittee}), Grant(Role::kMember, kParisBar, {kParisBar}),
               Grant(Role::kPlatformAdmin, std::nullopt, {})});
  Actor write = admin;
  write.ActThrough({.id = 7, .scope = TokenScope::kWrite, .expires_at_utc = "2027-03-01T00:00:00Z"});
  EXPECT_FALSE(write.IsPlatformAdmin());
  EXPECT_FALSE(write.Holds(Role::kBarAdmin, kParisBar));
  EXPECT_FALSE(write.HoldsAnywhere(Role::kBarAdmin));
  EXPECT_TRUE(write.Holds(Role::kCoordinator, kCommittee));
  EXPECT_TRUE(write.Holds(Role::kEditor, kParisBar));
  EXPECT_TRUE(write.Holds(Role::kMember, kParisBar));
  EXPECT_FALSE(write.Holds(Role::kEditor, kAlmatyBar)) << "the platform role does not come back as another";
  ASSERT_TRUE(write.token());
  EXPECT_EQ(write.token()->id, 7);

  for (TokenScope scope : {TokenScope::kRead, TokenScope::kAdmin}) {
    Actor full = admin;
    full.ActThrough({.id = 8, .scope = scope});
    EXPECT_TRUE(full.IsPlatformAdmin()) << TokenScopeKey(scope);
    EXPECT_TRUE(full.Holds(Role::kBarAdmin, kCommittee)) << TokenScopeKey(scope);
  }
  EXPECT_FALSE(admin.token()) << "a session's actor has no token";
}

TEST(ActorTest, ATokenNeverMintsAWiderOne) {
  EXPECT_TRUE(Covers(TokenScope::kAdmin, TokenScope::kWrite));
  EXPECT_TRUE(Covers(TokenScope::kWrite, TokenScope::kWrite));
  EXPECT_TRUE(Covers(TokenScope::kWrite, TokenScope::kRead));
  EXPECT_FALSE(Covers(TokenScope::kWrite, TokenScope::kAdmin));
  EXPECT_FALSE(Covers(TokenScope::kRead, TokenScope::kWrite));
  for (TokenScope scope : kAllTokenScopes) EXPECT_EQ(ParseTokenScope(TokenScopeKey(scope)), scope);
  EXPECT_FALSE(ParseTokenScope("root"));
}

TEST(ActorTest, RoleKeysRoundTrip) {
  for (Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleKey(role)), role);
  EXPECT_FALSE(ParseRole("owner"));
}

}  // namespace
}  // namespace entente::auth
