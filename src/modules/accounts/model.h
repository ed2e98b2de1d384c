#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/ids.h"

namespace entente::accounts {

// A real account, or one of the demo's (published password; signs in only in a demo database).
enum class AccountKind { kReal, kDemo };

struct User {
  UserId id;
  std::string email;  // lower-case
  std::string display_name;
  std::string preferred_language = "en";
  bool is_demo = false;
  bool disabled = false;
  std::string created_at_utc;
  std::string last_seen_at_utc;  // empty when never seen
};

// How many accounts the database holds: the demo's (`entente seed demo`) and all others.
struct UserCounts {
  long long demo = 0;
  long long other = 0;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string preferred_language = "en";
  std::string password;
};

// A role grant as listed on a user's page.
struct GrantView {
  auth::RoleGrantId id;
  UserId user;
  auth::Role role = auth::Role::kMember;
  std::optional<OrganizationId> organization;
  std::string organization_slug;
  std::string granted_at_utc;
};

using ApiTokenId = Id<struct ApiTokenIdTag>;

struct ApiToken {
  ApiTokenId id;
  std::string name;
  auth::TokenScope scope = auth::TokenScope::kRead;
  std::string created_at_utc;
  std::string expires_at_utc;
  std::string last_used_at_utc;  // empty when never used; written at most once a minute
};

// What a new API token is asked to be.
struct NewApiToken {
  std::string name;
  std::string scope = "read";  // as typed: "read", "write" or "admin"
  int expires_in_days = 90;    // 1 to 365
};
inline constexpr int kDefaultTokenDays = 90;
inline constexpr int kMaxTokenDays = 365;

// What a successful sign-in or password change hands to the page: the session's token, for the
// cookie. Only its hash is stored.
struct NewSession {
  std::string token;
  UserId user;
  // The password was right, but the user has two-factor sign-in: `token` is then that of the
  // pending second-factor step (its own cookie, 5 minutes), and no session is open yet.
  bool second_factor_required = false;
};

// Two-factor sign-in as the account page and the API show it.
struct TwoFactorStatus {
  bool enrolled = false;
  std::string enrolled_at_utc;  // empty when not enrolled
  int recovery_codes_left = 0;
  bool pending = false;  // an enrolment waits for its first code
  // The user holds an admin role (and is not a demo account in a demo database): the admin roles
  // are in force only once enrolled, and the user cannot remove two-factor sign-in.
  bool required = false;
};

// What an enrolment shows: the secret (for typing, in groups) and the otpauth:// URI (the QR code).
struct TwoFactorEnrolment {
  std::string secret_base32;
  std::string otpauth_uri;
};

struct SessionPolicy {
  int idle_minutes = 30;
  int absolute_hours = 12;
  // Per account: this many failures within an hour are free; after each further one the next
  // attempt waits 1 s, 2 s, 4 s … up to `max_delay_seconds` (a 429 with Retry-After). Nobody
  // is ever locked out for longer than that, and a guesser gets about 3,600 / max_delay_seconds
  // tries an hour.
  int failures_before_delay = 5;
  int max_delay_seconds = 60;
  // Per client address: sign-in attempts an hour, less the ones that succeeded.
  int attempts_per_address_per_hour = 300;
};

// How long an account's next sign-in must wait after `failures` failures within the hour, the
// last one `since_last` ago; zero when it need not.
std::chrono::seconds SignInDelay(const SessionPolicy& policy, long long failures, std::chrono::seconds since_last);

}  // namespace entente::accounts
