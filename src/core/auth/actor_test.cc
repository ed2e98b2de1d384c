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

TEST(ActorTest, RoleKeysRoundTrip) {
  for (Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleKey(role)), role);
  EXPECT_FALSE(ParseRole("owner"));
}

}  // namespace
}  // namespace entente::auth
