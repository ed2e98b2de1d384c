#include "modules/accounts/accounts_service.h"

#include <gtest/gtest.h>

#include "core/http/pipeline.h"

namespace entente::accounts {
namespace {

TEST(NormalizeEmailTest, LowerCasesTrimsAndRefuses) {
  EXPECT_EQ(NormalizeEmail("  Paris.Member@Demo.Entente.EXAMPLE "), "paris.member@demo.entente.example");
  EXPECT_EQ(NormalizeEmail("адвокат@пример.kz"), "адвокат@пример.kz");
  for (std::string_view bad :
       {"", "no-at-sign", "@example.org", "someone@", "a@b", "a@@b.org", "a b@c.org", "a@b.org\r\nBcc: x@y.org"}) {
    EXPECT_FALSE(NormalizeEmail(bad).has_value()) << bad;
  }
}

TEST(SignInDelayTest, DoublesAfterTheFreeFailuresUpToTheLongestWait) {
  SessionPolicy policy{.failures_before_delay = 5, .max_delay_seconds = 60};
  using std::chrono::seconds;
  for (long long failures : {0, 1, 4}) EXPECT_EQ(SignInDelay(policy, failures, seconds(0)), seconds(0)) << failures;
  EXPECT_EQ(SignInDelay(policy, 5, seconds(0)), seconds(1));
  EXPECT_EQ(SignInDelay(policy, 6, seconds(0)), seconds(2));
  EXPECT_EQ(SignInDelay(policy, 8, seconds(0)), seconds(8));
  EXPECT_EQ(SignInDelay(policy, 10, seconds(0)), seconds(32));
  EXPECT_EQ(SignInDelay(policy, 11, seconds(0)), seconds(60));
  EXPECT_EQ(SignInDelay(policy, 1'000'000, seconds(0)), seconds(60)) << "never longer, never a lock-out";
  // Time since the last failure counts towards the wait.
  EXPECT_EQ(SignInDelay(policy, 8, seconds(3)), seconds(5));
  EXPECT_EQ(SignInDelay(policy, 8, seconds(8)), seconds(0));
  EXPECT_EQ(SignInDelay(policy, 8, seconds(500)), seconds(0));
}

TEST(CheckAccessTest, RouteRulesAgainstActors) {
  using http::Access;
  auth::Actor anonymous = auth::Actor::Anonymous();
  auth::Actor member(UserId(1), "M", "en",
                     {{auth::RoleGrantId(1), auth::Role::kMember, OrganizationId(1), {OrganizationId(1)}}});
  auth::Actor admin(UserId(2), "A", "en",
                    {{auth::RoleGrantId(2), auth::Role::kBarAdmin, OrganizationId(1), {OrganizationId(1)}}});
  auth::Actor platform(UserId(3), "P", "en", {{auth::RoleGrantId(3), auth::Role::kPlatformAdmin, std::nullopt, {}}});
  struct Case {
    Access access;
    const auth::Actor* actor;
    std::optional<ErrorCode> refused;
  };
  for (const auto& [access, actor, refused] : std::vector<Case>{
           {Access::Anyone(), &anonymous, std::nullopt},
           {Access::SignedIn(), &anonymous, ErrorCode::kUnauthenticated},
           {Access::SignedIn(), &member, std::nullopt},
           {Access::Admin(), &member, ErrorCode::kPermissionDenied},
           {Access::Admin(), &admin, std::nullopt},
           {Access::Admin(), &platform, std::nullopt},
           {Access::PlatformAdmin(), &admin, ErrorCode::kPermissionDenied},
           {Access::PlatformAdmin(), &platform, std::nullopt},
           {Access::PlatformAdmin(), &anonymous, ErrorCode::kUnauthenticated},
       }) {
    auto result = http::CheckAccess(access, *actor);
    EXPECT_EQ(result ? std::optional(result->code()) : std::nullopt, refused) << access.Describe();
  }
}

}  // namespace
}  // namespace entente::accounts
