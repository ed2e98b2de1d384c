// Two-factor sign-in (TOTP, RFC 6238) over HTTP, through the service and from the terminal, on the
// backend of this run: required for administrators (a non-demo bar admin acts without the admin
// role until enrolled), the code step at sign-in, wrong codes counted as failed sign-ins,
// replayed codes and used recovery codes refused, the terminal reset, and no secret or code in the
// log or the audit log.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "core/base/time.h"
#include "core/db/query.h"
#include "harness.h"
#include "modules/accounts/totp.h"

namespace entente::testing {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
namespace totp = accounts::totp;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::uint16_t Port() { return TestServer::Shared().port(); }
db::Database& Database() { return TestServer::Shared().app().database(); }
accounts::AccountsService& Accounts() { return TestServer::Shared().app().accounts(); }

long long Count(const std::string& select, const std::string& value) {
  return *Database().Read([&](soci::session& sql) -> Result<long long> {
    long long count = 0;
    sql << select, soci::use(value), soci::into(count);
    return count;
  });
}

long long FailuresOf(const std::string& email) {
  return Count("SELECT COUNT(*) FROM sign_in_failures WHERE email = :email", email);
}

long long AuditEntries(const std::string& action) {
  return Count("SELECT COUNT(*) FROM audit_log WHERE action = :action", action);
}

// Every text between `open` and the next '<' in `body`.
std::vector<std::string> Between(const std::string& body, const std::string& open) {
  std::vector<std::string> found;
  for (size_t at = body.find(open); at != std::string::npos; at = body.find(open, at + 1)) {
    size_t start = at + open.size();
    found.push_back(body.substr(start, body.find('<', start) - start));
  }
  return found;
}

std::string RawSecret(const std::string& grouped) {
  auto raw = totp::FromBase32(grouped);
  EXPECT_TRUE(raw) << grouped;
  return raw.value_or("");
}

// A 6-digit code that is not the code of any step near now.
std::string WrongCode(const std::string& raw) {
  std::time_t now = std::time(nullptr);
  for (std::string candidate : {"000000", "111111", "222222"}) {
    bool near = false;
    for (int step = -3; step <= 3; ++step) near = near || totp::Generate(raw, now + step * 30) == candidate;
    if (!near) return candidate;
  }
  return "333333";
}

// Signs in with the password; the browser then holds the pending step's cookie (and no session).
HttpResponse PasswordStep(Browser& browser, const std::string& email, const std::string& password) {
  browser.Get("/sign-in");
  auto response = browser.PostForm(
      "/sign-in", "email=" + http::PercentEncode(email) + "&password=" + http::PercentEncode(password));
  browser.Get("/sign-in/two-factor");  // the CSRF token of the code form
  return response;
}

constexpr const char* kAdminEmail = "two-factor.admin@example.org";
constexpr const char* kAdminPassword = "a two-factor admin's password";

TEST(TwoFactorTest, RequiredForANonDemoBarAdminFromEnrolmentToTerminalReset) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  spdlog::default_logger()->sinks().push_back(sink);

  // A bar admin of the Paris Bar who is no demo account: created by the operator, given the bar
  // admin role by a platform admin, the platform admin role taken back.
  auto created = Accounts().CreatePlatformAdmin({kAdminEmail, "Two-factor Admin", "en", kAdminPassword}, "test");
  ASSERT_TRUE(created) << created.error().message();
  Browser platform = SignedInBrowser(Port(), "platform.admin@demo.entente.example");
  auto paris = Count("SELECT id FROM organizations WHERE slug = :slug", "paris-bar");
  auto roles_path = fmt::format("/api/v1/users/{}/roles", created->value());
  ASSERT_EQ(platform.SendJson("POST", roles_path, fmt::format(R"({{"role":"bar_admin","organization_id":{}}})", paris))
                .status,
            201);
  // The parsed body outlives the loop (a range over a member of a temporary would not).
  json roles = json::parse(platform.Get(roles_path).body);
  for (const auto& grant : roles["items"]) {
    if (grant["role"] == "platform_admin") {
      ASSERT_EQ(platform.SendJson("DELETE", fmt::format("/api/v1/roles/{}", grant["id"].get<long long>()), "").status,
                204);
    }
  }

  // Before enrolment: signed in, but the admin route refuses and every page says why.
  Browser admin = SignedInBrowser(Port(), kAdminEmail, kAdminPassword);
  EXPECT_EQ(admin.Get("/admin/users").status, 403);
  EXPECT_EQ(admin.Get("/api/v1/users").status, 403);
  // API tokens act as their owner, so the same holds for them.
  auto token_response = admin.SendJson("POST", "/api/v1/tokens", R"({"name":"two-factor check"})");
  ASSERT_EQ(token_response.status, 201);
  std::string bearer = "Bearer " + json::parse(token_response.body)["token"].get<std::string>();
  EXPECT_EQ(Get(Port(), "/api/v1/users", {{"Authorization", bearer}}).status, 403);
  auto home = admin.Get("/");
  EXPECT_TRUE(Contains(home.body, "Your administrator roles are not in force until you set up two-factor sign-in."));
  EXPECT_TRUE(Contains(home.body, "href=\"/account/two-factor\""));
  auto status = json::parse(admin.Get("/api/v1/account/two-factor").body);
  EXPECT_EQ(status["required"], true);
  EXPECT_EQ(status["enrolled"], false);
  // An administrator may not turn it off.
  auto refused_remove = admin.PostForm("/account/two-factor/remove", "current_password=x&code=123456");
  EXPECT_EQ(refused_remove.status, 403);

  // Enrol: the QR code and the key in groups; a wrong code is refused; the right one shows ten
  // recovery codes once and puts the admin role in force.
  EXPECT_EQ(admin.PostForm("/account/two-factor/enrol", "").status, 303);
  auto page = admin.Get("/account/two-factor");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<svg class=\"qr-code\""));
  auto secrets = Between(page.body, "id=\"two-factor-secret\">");
  ASSERT_EQ(secrets.size(), 1u);
  std::string grouped = secrets[0];
  EXPECT_EQ(grouped.size(), 32u + 7u) << "eight groups of four";
  std::string raw = RawSecret(grouped);
  EXPECT_EQ(admin.PostForm("/account/two-factor/confirm", "code=" + WrongCode(raw)).status, 422);
  EXPECT_EQ(admin.Get("/admin/users").status, 403) << "a wrong code enrols nothing";
  long long confirms_before = AuditEntries("two_factor.confirm");
  std::string confirm_code = totp::Generate(raw, std::time(nullptr));
  auto confirmed = admin.PostForm("/account/two-factor/confirm", "code=" + confirm_code);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body.substr(0, 2000);
  EXPECT_EQ(confirmed.Header("cache-control"), "no-store");
  auto recovery = Between(confirmed.body, "class=\"token recovery-code\">");
  ASSERT_EQ(recovery.size(), 10u);
  EXPECT_EQ(AuditEntries("two_factor.confirm"), confirms_before + 1);
  EXPECT_EQ(admin.Get("/admin/users").status, 200) << "enrolled: the bar admin role applies";
  EXPECT_EQ(Get(Port(), "/api/v1/users", {{"Authorization", bearer}}).status, 200);
  EXPECT_FALSE(Contains(admin.Get("/").body, "Your administrator roles are not in force"));
  EXPECT_FALSE(Contains(admin.Get("/account/two-factor").body, "two-factor-secret")) << "the key is not shown again";
  auto stored_hashes = *Database().Read([&](soci::session& sql) -> Result<std::vector<std::string>> {
    return db::Query("SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = ")
        .Bind(created->value())
        .Column<std::string>(sql);
  });
  EXPECT_EQ(stored_hashes.size(), 10u);
  for (const auto& hash : stored_hashes) {
    for (const auto& code : recovery) EXPECT_FALSE(Contains(hash, totp::NormalizeRecoveryCode(code)));
  }

  // Signing in now takes the code: the password alone opens no session.
  admin.PostForm("/sign-out", "");
  Browser next = AnonymousBrowser(Port());
  auto password_step = PasswordStep(next, kAdminEmail, kAdminPassword);
  EXPECT_EQ(password_step.status, 303);
  EXPECT_TRUE(password_step.Header("location").starts_with("/sign-in/two-factor"));
  EXPECT_TRUE(SetCookieValue(password_step, "entente_session").empty());
  std::string challenge_cookie = SetCookieHeader(password_step, "entente_two_factor");
  EXPECT_TRUE(Contains(challenge_cookie, "HttpOnly"));
  EXPECT_TRUE(Contains(challenge_cookie, "SameSite=Strict"));
  EXPECT_TRUE(Contains(challenge_cookie, "Max-Age=300"));
  EXPECT_EQ(next.Get("/admin/users").status, 303) << "not signed in yet";

  // A wrong code: refused and counted as a failed sign-in.
  long long failures = FailuresOf(kAdminEmail);
  auto wrong = next.PostForm("/sign-in/two-factor", "code=" + WrongCode(raw));
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(Contains(wrong.body, "This code is not correct, or it has already been used."));
  EXPECT_EQ(FailuresOf(kAdminEmail), failures + 1);
  // The code of the confirmation was used already: replayed, refused.
  EXPECT_EQ(next.PostForm("/sign-in/two-factor", "code=" + confirm_code).status, 422);
  EXPECT_EQ(FailuresOf(kAdminEmail), failures + 2);
  // The next step's code (within the window) signs in, once.
  std::string sign_in_code = totp::Generate(raw, std::time(nullptr) + 30);
  auto signed_in = next.PostForm("/sign-in/two-factor", "code=" + sign_in_code);
  ASSERT_EQ(signed_in.status, 303) << signed_in.body.substr(0, 2000);
  EXPECT_FALSE(SetCookieValue(signed_in, "entente_session").empty());
  EXPECT_EQ(next.Get("/admin/users").status, 200);
  next.PostForm("/sign-out", "");

  Browser replay = AnonymousBrowser(Port());
  PasswordStep(replay, kAdminEmail, kAdminPassword);
  EXPECT_EQ(replay.PostForm("/sign-in/two-factor", "code=" + sign_in_code).status, 422) << "a code counts once";

  // A recovery code signs in once; the second time it fails.
  long long recovery_used = AuditEntries("two_factor.recovery_used");
  auto with_recovery = replay.PostForm("/sign-in/two-factor", "code=" + http::PercentEncode(recovery[0]));
  ASSERT_EQ(with_recovery.status, 303) << with_recovery.body.substr(0, 2000);
  EXPECT_EQ(AuditEntries("two_factor.recovery_used"), recovery_used + 1);
  auto left = json::parse(replay.Get("/api/v1/account/two-factor").body);
  EXPECT_EQ(left["recovery_codes_left"], 9);
  EXPECT_TRUE(Contains(replay.Get("/account").body, "Two-factor sign-in is on."));

  Browser again = AnonymousBrowser(Port());
  PasswordStep(again, kAdminEmail, kAdminPassword);
  EXPECT_EQ(again.PostForm("/sign-in/two-factor", "code=" + http::PercentEncode(recovery[0])).status, 422);
  // Another user's pending step does not exist for this browser: without its cookie → 401.
  Browser stranger = AnonymousBrowser(Port());
  EXPECT_EQ(stranger.PostForm("/sign-in/two-factor", "code=" + http::PercentEncode(recovery[1])).status, 401);

  // Lost device: the operator resets it from the terminal; the user's sessions end, the password
  // alone signs in again, and the admin role waits for a new enrolment.
  long long resets = AuditEntries("two_factor.reset");
  ChildProcess reset({"user", "reset-two-factor", kAdminEmail},
                     {{"ENTENTE_DATABASE_URL", TestServer::Shared().config().database_url}});
  ASSERT_EQ(reset.WaitForExit(60s), 0);
  EXPECT_EQ(AuditEntries("two_factor.reset"), resets + 1);
  EXPECT_EQ(replay.Get("/account").status, 303) << "signed out everywhere";
  Browser after_reset = SignedInBrowser(Port(), kAdminEmail, kAdminPassword);
  EXPECT_EQ(after_reset.Get("/admin/users").status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = CAST(:user AS INTEGER)",
                  std::to_string(created->value())),
            0);
  ChildProcess unknown({"user", "reset-two-factor", "nobody@example.org"},
                       {{"ENTENTE_DATABASE_URL", TestServer::Shared().config().database_url}});
  EXPECT_EQ(unknown.WaitForExit(60s), 1);

  // Neither the secret nor any code reached the log or the audit log.
  spdlog::default_logger()->flush();
  auto& sinks = spdlog::default_logger()->sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
  std::string secret_base32;
  for (char c : grouped) {
    if (c != ' ') secret_base32.push_back(c);
  }
  std::vector<std::string> secrets_and_codes = {secret_base32, grouped, confirm_code, sign_in_code};
  for (const auto& code : recovery) secrets_and_codes.push_back(code);
  EXPECT_TRUE(Contains(captured.str(), "wrong second factor")) << "failures are logged";
  auto details = *Database().Read([&](soci::session& sql) -> Result<std::vector<std::string>> {
    return db::Query("SELECT action || ' ' || details FROM audit_log").Column<std::string>(sql);
  });
  for (const auto& value : secrets_and_codes) {
    EXPECT_FALSE(Contains(captured.str(), value)) << value;
    for (const auto& entry : details) EXPECT_FALSE(Contains(entry, value)) << entry;
  }
}

TEST(TwoFactorTest, WrongCodesCountAgainstTheSignInLimits) {
  const std::string email = "two-factor.limited@demo.entente.example";
  const std::string password = "entente-demo-2014";
  ASSERT_TRUE(Accounts().EnsureDemoUser({email, "Two-factor Limited", "en", password}, {}, "test"));
  auto actor = SignedInActor(email, password);
  auto enrolment = Accounts().StartTwoFactorEnrolment(actor, "");
  ASSERT_TRUE(enrolment);
  std::string raw = RawSecret(enrolment->secret_base32);
  ASSERT_TRUE(Accounts().ConfirmTwoFactor(actor, totp::Generate(raw, std::time(nullptr))));

  // 3 failures free, then the account waits (1 s, 2 s, 4 s …).
  accounts::AccountsService strict(
      Database(), accounts::SessionPolicy{.failures_before_delay = 3, .max_delay_seconds = 60,
                                          .attempts_per_address_per_hour = 50});
  auto pending = strict.SignIn(email, password, "10.8.8.1", "test");
  ASSERT_TRUE(pending);
  ASSERT_TRUE(pending->second_factor_required);
  for (int i = 0; i < 3; ++i) {
    auto wrong = strict.CompleteSignIn(pending->token, WrongCode(raw), "10.8.8.1", "test");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code(), ErrorCode::kInvalidArgument);
    ASSERT_EQ(wrong.error().fields().size(), 1u);
    EXPECT_EQ(wrong.error().fields()[0].field, "code");
  }
  // Two more failures of the same account (with a password elsewhere, say): now it waits 4 s.
  auto record_failures = [&](int count) {
    ASSERT_TRUE(Database().Write([&](soci::session& sql) -> Status {
      std::string now = NowUtc();
      for (int i = 0; i < count; ++i) {
        sql << "INSERT INTO sign_in_failures (email, remote_address, at_utc) VALUES (:email, '10.8.8.9', :now)",
            soci::use(email), soci::use(now);
      }
      return {};
    }));
  };
  record_failures(2);
  auto blocked =
      strict.CompleteSignIn(pending->token, totp::Generate(raw, std::time(nullptr) + 30), "10.8.8.1", "test");
  ASSERT_FALSE(blocked) << "the right code no longer helps";
  EXPECT_EQ(blocked.error().code(), ErrorCode::kTooManyRequests);
  auto password_blocked = strict.SignIn(email, password, "10.8.8.2", "test");
  ASSERT_FALSE(password_blocked) << "wrong codes count against the password's limit too";
  EXPECT_EQ(password_blocked.error().code(), ErrorCode::kTooManyRequests);
  EXPECT_GT(password_blocked.error().retry_after_seconds(), 0);

  // An expired step (5 minutes) is refused as such (once the wait is forgotten).
  ASSERT_TRUE(Database().Write([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sign_in_failures WHERE email = :email", soci::use(email);
    return {};
  }));
  auto fresh = Accounts().SignIn(email, password, "10.8.8.3", "test");
  ASSERT_TRUE(fresh && fresh->second_factor_required);
  ASSERT_TRUE(Database().Write([&](soci::session& sql) -> Status {
    sql << "UPDATE two_factor_challenges SET expires_at_utc = '2000-01-01T00:00:00Z' WHERE used_at_utc IS NULL";
    return {};
  }));
  auto expired = Accounts().CompleteSignIn(fresh->token, totp::Generate(raw, std::time(nullptr) + 30), "10.8.8.3", "t");
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code(), ErrorCode::kUnauthenticated);
}

TEST(TwoFactorTest, ApiEnrolsRegeneratesAndRemovesForAUserWhoMay) {
  const std::string email = "two-factor.api@demo.entente.example";
  const std::string password = "entente-demo-2014";
  ASSERT_TRUE(Accounts().EnsureDemoUser({email, "Two-factor API", "en", password}, {{auth::Role::kMember, "paris-bar"}},
                                        "test"));
  Browser user = SignedInBrowser(Port(), email, password);
  auto status = json::parse(user.Get("/api/v1/account/two-factor").body);
  EXPECT_EQ(status["enrolled"], false);
  EXPECT_EQ(status["required"], false);
  auto started = user.SendJson("POST", "/api/v1/account/two-factor", "");
  ASSERT_EQ(started.status, 201) << started.body;
  auto enrolment = json::parse(started.body);
  std::string secret = enrolment["secret"];
  EXPECT_TRUE(enrolment["otpauth_uri"].get<std::string>().starts_with("otpauth://totp/Entente:"));
  std::string raw = RawSecret(secret);
  EXPECT_EQ(user.SendJson("POST", "/api/v1/account/two-factor/confirm", R"({"code":""})").status, 422);
  EXPECT_EQ(user.SendJson("POST", "/api/v1/account/two-factor/confirm", R"({"code":42})").status, 422);
  // Three codes of consecutive steps (the one before now, now's, the next), all within the
  // window while this test runs.
  std::time_t now = std::time(nullptr);
  auto confirmed =
      user.SendJson("POST", "/api/v1/account/two-factor/confirm", json{{"code", totp::Generate(raw, now - 30)}}.dump());
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  auto first_codes = json::parse(confirmed.body)["recovery_codes"];
  ASSERT_EQ(first_codes.size(), 10u);

  // Enrolling a new device takes the password once two-factor sign-in is on.
  auto no_password = user.SendJson("POST", "/api/v1/account/two-factor", "");
  EXPECT_EQ(no_password.status, 422);
  EXPECT_TRUE(Contains(no_password.body, "current_password")) << no_password.body;
  EXPECT_EQ(user.SendJson("POST", "/api/v1/account/two-factor", R"({"current_password":"not the password"})").status,
            422);
  auto re_enrolment = user.SendJson("POST", "/api/v1/account/two-factor", json{{"current_password", password}}.dump());
  ASSERT_EQ(re_enrolment.status, 201) << re_enrolment.body;
  EXPECT_NE(json::parse(re_enrolment.body)["secret"], secret);
  auto during = json::parse(user.Get("/api/v1/account/two-factor").body);
  EXPECT_EQ(during["enrolled"], true) << "the secret in force stays so until the new one is confirmed";
  EXPECT_EQ(during["pending"], true);

  // New recovery codes replace all the earlier ones.
  auto regenerated = user.SendJson("POST", "/api/v1/account/two-factor/recovery-codes",
                                   json{{"code", totp::Generate(raw, now)}}.dump());
  ASSERT_EQ(regenerated.status, 201) << regenerated.body;
  EXPECT_EQ(json::parse(regenerated.body)["recovery_codes"].size(), 10u);
  auto pending = Accounts().SignIn(email, password, "127.0.0.1", "test");
  ASSERT_TRUE(pending && pending->second_factor_required);
  EXPECT_FALSE(Accounts().CompleteSignIn(pending->token, first_codes[0], "127.0.0.1", "test"))
      << "a code of before the regeneration";

  // Turning it off takes the password and a current code.
  auto wrong_password = user.SendJson("DELETE", "/api/v1/account/two-factor",
                                      json{{"current_password", "not the password"}, {"code", ""}}.dump());
  EXPECT_EQ(wrong_password.status, 422);
  auto fields = json::parse(wrong_password.body)["fields"];
  EXPECT_EQ(fields.size(), 2u) << wrong_password.body;
  auto removed = user.SendJson("DELETE", "/api/v1/account/two-factor",
                               json{{"current_password", password}, {"code", totp::Generate(raw, now + 30)}}.dump());
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(json::parse(user.Get("/api/v1/account/two-factor").body)["enrolled"], false);
  auto plain = Accounts().SignIn(email, password, "127.0.0.1", "test");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->second_factor_required) << "off: the password alone signs in";
}

TEST(TwoFactorTest, DemoAdminsInADemoDatabaseAreExempt) {
  Browser admin = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  EXPECT_EQ(admin.Get("/admin/users").status, 200);
  EXPECT_FALSE(Contains(admin.Get("/").body, "Your administrator roles are not in force"));
  EXPECT_EQ(json::parse(admin.Get("/api/v1/account/two-factor").body)["required"], false);
}

}  // namespace
}  // namespace entente::testing
