// Accounts, sessions, CSRF, roles, API tokens and the audit log, over HTTP and through the
// service, on the backend of this run (docs/SECURITY.md 1–8, 13, 16).

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/auth/secrets.h"
#include "core/auth/visibility.h"
#include "core/base/time.h"
#include "core/db/settings.h"
#include "harness.h"

namespace entente::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::uint16_t Port() { return TestServer::Shared().port(); }
db::Database& Database() { return TestServer::Shared().app().database(); }
accounts::AccountsService& Accounts() { return TestServer::Shared().app().accounts(); }

long long UserIdOf(const std::string& email) {
  return *Database().Read([&](soci::session& sql) -> Result<long long> {
    long long id = 0;
    sql << "SELECT id FROM users WHERE email = :email", soci::use(email), soci::into(id);
    return id;
  });
}

long long OrganizationIdOf(const std::string& slug) {
  return *Database().Read([&](soci::session& sql) -> Result<long long> {
    long long id = 0;
    sql << "SELECT id FROM organizations WHERE slug = :slug", soci::use(slug), soci::into(id);
    return id;
  });
}

std::string AlertText(const std::string& body) {
  size_t start = body.find("alert-error");
  if (start == std::string::npos) return {};
  start = body.find('>', start) + 1;
  return body.substr(start, body.find('<', start) - start);
}

TEST(SignInTest, NewSessionCookieThatIsHttpOnlyAndLax) {
  Browser browser = AnonymousBrowser(Port());
  ASSERT_FALSE(browser.csrf_token.empty());
  ASSERT_TRUE(browser.cookies.contains("entente_csrf")) << "anonymous forms use a double-submit cookie";
  auto response = browser.PostForm(
      "/sign-in", "email=Paris.Member%40demo.entente.example&password=entente-demo-2014&next=%2Faccount");
  ASSERT_EQ(response.status, 303);
  EXPECT_EQ(response.Header("location"), "/account");
  std::string cookie = SetCookieHeader(response, "entente_session");
  EXPECT_TRUE(Contains(cookie, "HttpOnly"));
  EXPECT_TRUE(Contains(cookie, "SameSite=Lax"));
  std::string first = SetCookieValue(response, "entente_session");
  EXPECT_EQ(first.size(), 43u);
  // A second sign-in gets a new token.
  Browser again = AnonymousBrowser(Port());
  auto second = again.PostForm("/sign-in", "email=paris.member%40demo.entente.example&password=entente-demo-2014");
  EXPECT_NE(SetCookieValue(second, "entente_session"), first);
  // Only the token's hash is stored.
  auto stored = Database().Read([&](soci::session& sql) -> Result<int> {
    int count = 0;
    std::string hash = auth::HashToken(first);
    sql << "SELECT COUNT(*) FROM sessions WHERE token_hash = :hash", soci::use(hash), soci::into(count);
    int raw = 0;
    sql << "SELECT COUNT(*) FROM sessions WHERE token_hash = :token", soci::use(first), soci::into(raw);
    return count * 10 + raw;
  });
  EXPECT_EQ(*stored, 10);
}

TEST(SignInTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  Browser one = AnonymousBrowser(Port());
  auto wrong = one.PostForm("/sign-in", "email=paris.member%40demo.entente.example&password=not-the-password-at-all");
  Browser two = AnonymousBrowser(Port());
  auto unknown = two.PostForm("/sign-in", "email=nobody%40demo.entente.example&password=not-the-password-at-all");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_FALSE(AlertText(wrong.body).empty());
  EXPECT_EQ(AlertText(wrong.body), AlertText(unknown.body));
  EXPECT_TRUE(SetCookieValue(wrong, "entente_session").empty());
  // In the user's language.
  Browser french = AnonymousBrowser(Port());
  french.cookies["lang"] = "fr";
  french.Get("/sign-in");
  auto refused = french.PostForm("/sign-in", "email=nobody%40example.org&password=not-the-password-at-all");
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(AlertText(refused.body), AlertText(wrong.body));
  EXPECT_TRUE(Contains(refused.body, "<html lang=\"fr\">"));
}

// Failures recorded for `email` as if made `age` ago (the waits depend on the clock).
void RecordFailures(const std::string& email, int count, std::chrono::seconds age) {
  ASSERT_TRUE(Database().Write([&](soci::session& sql) -> Status {
    std::string at = UtcTimestamp(std::chrono::system_clock::now() - age);
    for (int i = 0; i < count; ++i) {
      sql << "INSERT INTO sign_in_failures (email, remote_address, at_utc) VALUES (:email, '192.0.2.50', :at)",
          soci::use(email), soci::use(at);
    }
    return {};
  }));
}

TEST(SignInTest, AnAccountWaitsLongerAfterEachFailureButIsNeverLockedOut) {
  const std::string email = "waits@demo.entente.example";
  ASSERT_TRUE(Accounts().EnsureDemoUser({email, "Waits", "en", "entente-demo-2014"}, {}, "test"));
  // The same database; 3 free failures, then waits of 1 s, 2 s, 4 s … up to 30 s.
  accounts::AccountsService strict(Database(), accounts::SessionPolicy{.failures_before_delay = 3,
                                                                        .max_delay_seconds = 30,
                                                                        .attempts_per_address_per_hour = 1000});
  for (int i = 0; i < 3; ++i) {
    auto failed = strict.SignIn(email, "not-the-password", "10.9.9.1", "test");
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code(), ErrorCode::kUnauthenticated) << "failure " << i + 1 << " is free";
  }
  RecordFailures(email, 2, std::chrono::seconds(0));  // 5 now: the next attempt waits 4 s
  auto waiting = strict.SignIn(email, "entente-demo-2014", "10.9.9.2", "test");
  ASSERT_FALSE(waiting) << "not even the right password before the wait is over";
  EXPECT_EQ(waiting.error().code(), ErrorCode::kTooManyRequests);
  EXPECT_GE(waiting.error().retry_after_seconds(), 3);
  EXPECT_LE(waiting.error().retry_after_seconds(), 4);
  // A stranger's failures never add up to more than the longest wait: after 40 of them, 30 s.
  RecordFailures(email, 40, std::chrono::seconds(0));
  auto longest = strict.SignIn(email, "entente-demo-2014", "10.9.9.2", "test");
  ASSERT_FALSE(longest);
  EXPECT_GE(longest.error().retry_after_seconds(), 29);
  EXPECT_LE(longest.error().retry_after_seconds(), 30);
  // Once it has passed, the owner signs in, however many failures there were.
  ASSERT_TRUE(Database().Write([&](soci::session& sql) -> Status {
    std::string earlier = UtcTimestamp(std::chrono::system_clock::now() - std::chrono::seconds(31));
    sql << "UPDATE sign_in_failures SET at_utc = :earlier WHERE email = :email", soci::use(earlier), soci::use(email);
    return {};
  }));
  EXPECT_TRUE(strict.SignIn(email, "entente-demo-2014", "10.9.9.2", "test"));
}

TEST(SignInTest, TheWaitComesBackAsRetryAfterOnThePage) {
  const std::string email = "retry-after@demo.entente.example";
  ASSERT_TRUE(Accounts().EnsureDemoUser({email, "Retry", "en", "entente-demo-2014"}, {}, "test"));
  RecordFailures(email, 12, std::chrono::seconds(0));  // the server's policy: 5 free, then up to 60 s
  Browser browser = AnonymousBrowser(Port());
  auto refused = browser.PostForm("/sign-in", "email=retry-after%40demo.entente.example&password=entente-demo-2014");
  EXPECT_EQ(refused.status, 429);
  int wait = std::atoi(refused.Header("retry-after").c_str());
  EXPECT_GE(wait, 59);
  EXPECT_LE(wait, 60);
  EXPECT_TRUE(Contains(AlertText(refused.body), "Please wait a moment")) << AlertText(refused.body);
}

TEST(SignInTest, AttemptsPerAddressAreCountedAtomically) {
  // Ten wrong passwords at once from one address, five allowed: exactly five are checked.
  accounts::AccountsService strict(Database(), accounts::SessionPolicy{.failures_before_delay = 100,
                                                                        .max_delay_seconds = 60,
                                                                        .attempts_per_address_per_hour = 5});
  std::atomic<int> refused = 0, limited = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back([&, i] {
      auto answer = strict.SignIn(fmt::format("burst-{}@example.org", i), "x-x-x-x-x-x-x", "10.9.8.1", "test");
      if (!answer && answer.error().code() == ErrorCode::kUnauthenticated) ++refused;
      if (!answer && answer.error().code() == ErrorCode::kTooManyRequests) {
        ++limited;
        EXPECT_GT(answer.error().retry_after_seconds(), 0);
        EXPECT_LE(answer.error().retry_after_seconds(), 3600);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(refused.load(), 5);
  EXPECT_EQ(limited.load(), 5);
  // Another address is not concerned; successful sign-ins give their attempt back.
  for (int i = 0; i < 8; ++i) {
    EXPECT_TRUE(strict.SignIn("paris.member@demo.entente.example", "entente-demo-2014", "10.9.8.2", "test"))
        << "sign-in " << i + 1;
  }
}

TEST(SignInTest, TrustedProxiesNameTheClientOthersDoNot) {
  // This server believes X-Forwarded-For from loopback (where the test connects from).
  auto server = TestServer::StartOwn("proxies", [](app::Config& config) {
    config.trusted_proxies = {"127.0.0.1"};
    config.sign_in_attempts_per_address = 2;
  });
  auto attempt = [&](const std::string& forwarded_for) {
    Browser browser = AnonymousBrowser(server->port());
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", browser.CookieHeader()}};
    if (!forwarded_for.empty()) headers.emplace_back("X-Forwarded-For", forwarded_for);
    return Request(server->port(), "POST", "/sign-in", headers,
                   "csrf_token=" + browser.csrf_token + "&email=nobody%40example.org&password=x-x-x-x-x-x-x");
  };
  EXPECT_EQ(attempt("198.51.100.1").status, 401);
  EXPECT_EQ(attempt("198.51.100.1").status, 401);
  auto limited = attempt("198.51.100.1");
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.Header("retry-after").empty());
  // A client cannot escape by writing another address in front: the proxy's entry counts.
  EXPECT_EQ(attempt("203.0.113.9, 198.51.100.1").status, 429);
  // Another client behind the same proxy has its own count.
  EXPECT_EQ(attempt("198.51.100.2").status, 401);
  // /metrics sees the client too: loopback only when nobody was forwarded.
  EXPECT_EQ(Get(server->port(), "/metrics", {{"X-Forwarded-For", "198.51.100.1"}}).status, 404);
  EXPECT_EQ(Get(server->port(), "/metrics").status, 200);
}

TEST(SignInTest, WithoutTrustedProxiesXForwardedForIsIgnored) {
  // The shared server trusts nobody: every header below is the client's own claim, and /metrics
  // still answers the loopback peer.
  EXPECT_EQ(Get(Port(), "/metrics", {{"X-Forwarded-For", "198.51.100.1"}}).status, 200);
}

TEST(SignInTest, CsrfIsRequiredAndForeignOriginsAreRefused) {
  Browser browser = AnonymousBrowser(Port());
  std::string credentials = "email=paris.member%40demo.entente.example&password=entente-demo-2014";
  auto no_token =
      Request(Port(), "POST", "/sign-in",
              {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", browser.CookieHeader()}}, credentials);
  EXPECT_EQ(no_token.status, 403);
  auto wrong_cookie =
      Request(Port(), "POST", "/sign-in",
              {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "entente_csrf=" + auth::NewToken()}},
              "csrf_token=" + browser.csrf_token + "&" + credentials);
  EXPECT_EQ(wrong_cookie.status, 403);
  auto foreign = Request(Port(), "POST", "/sign-in",
                         {{"Content-Type", "application/x-www-form-urlencoded"},
                          {"Cookie", browser.CookieHeader()},
                          {"Origin", "https://evil.example"}},
                         "csrf_token=" + browser.csrf_token + "&" + credentials);
  EXPECT_EQ(foreign.status, 403);
  auto same_origin = Request(Port(), "POST", "/sign-in",
                             {{"Content-Type", "application/x-www-form-urlencoded"},
                              {"Cookie", browser.CookieHeader()},
                              {"Origin", fmt::format("http://127.0.0.1:{}", Port())}},
                             "csrf_token=" + browser.csrf_token + "&" + credentials);
  EXPECT_EQ(same_origin.status, 303);

  // A signed-in user's token is bound to the session: another session's token fails.
  Browser alice = SignedInBrowser(Port(), "paris.editor@demo.entente.example");
  Browser bob = SignedInBrowser(Port(), "paris.coordinator@demo.entente.example");
  std::string bob_token = bob.csrf_token;
  bob.csrf_token = alice.csrf_token;
  EXPECT_EQ(bob.PostForm("/account/tokens", "name=stolen").status, 403);
  bob.csrf_token = bob_token;
  EXPECT_EQ(bob.PostForm("/account/tokens", "name=mine").status, 201);
}

TEST(SignInTest, AnonymousPagesSetNoCookieUnlessTheyHaveAForm) {
  auto home = Get(Port(), "/");
  EXPECT_TRUE(home.set_cookies.empty());
  auto sign_in = Get(Port(), "/sign-in");
  EXPECT_FALSE(SetCookieValue(sign_in, "entente_csrf").empty());
}

TEST(SessionTest, SignOutRevokesOnTheServer) {
  Browser browser = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  std::string old_cookie = browser.CookieHeader();
  EXPECT_EQ(browser.Get("/account").status, 200);
  auto signed_out = browser.PostForm("/sign-out", "");
  EXPECT_EQ(signed_out.status, 303);
  EXPECT_TRUE(Contains(SetCookieHeader(signed_out, "entente_session"), "Max-Age=0"));
  // Replaying the old cookie: the page sends to sign-in, the API answers 401.
  auto page = Get(Port(), "/account", {{"Cookie", old_cookie}});
  EXPECT_EQ(page.status, 303);
  EXPECT_TRUE(page.Header("location").starts_with("/sign-in?next="));
  auto api = Get(Port(), "/api/v1/me", {{"Cookie", old_cookie}});
  EXPECT_EQ(api.status, 401);
  EXPECT_TRUE(Contains(api.body, "\"code\":\"unauthenticated\""));
}

TEST(SessionTest, IdleAndAbsoluteExpiry) {
  Browser idle = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  Browser capped = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  auto age = [&](const Browser& browser, const std::string& column, const std::string& when) {
    std::string hash = auth::HashToken(browser.cookies.at("entente_session"));
    ASSERT_TRUE(Database().Write([&](soci::session& sql) -> Status {
      sql << "UPDATE sessions SET " + column + " = :when WHERE token_hash = :hash", soci::use(when), soci::use(hash);
      return {};
    }));
  };
  age(idle, "last_seen_at_utc", "2000-01-01T00:00:00Z");
  age(capped, "expires_at_utc", "2000-01-01T00:00:00Z");
  EXPECT_EQ(Get(Port(), "/api/v1/me", {{"Cookie", idle.CookieHeader()}}).status, 401);
  EXPECT_EQ(Get(Port(), "/api/v1/me", {{"Cookie", capped.CookieHeader()}}).status, 401);
}

TEST(SessionTest, PasswordChangeRevokesOtherSessionsAndFollowsTheRules) {
  auto created =
      Accounts().EnsureDemoUser({"changer@demo.entente.example", "Changer", "en", "entente-demo-2014"}, {}, "test");
  ASSERT_TRUE(created);
  Browser here = SignedInBrowser(Port(), "changer@demo.entente.example");
  Browser elsewhere = SignedInBrowser(Port(), "changer@demo.entente.example");
  auto weak = here.PostForm("/account/password", "current_password=entente-demo-2014&password=password2024!");
  EXPECT_EQ(weak.status, 422);
  EXPECT_TRUE(Contains(weak.body, "field-error"));
  auto wrong = here.PostForm("/account/password", "current_password=nope-nope-nope&password=a+brand+new+passphrase");
  EXPECT_EQ(wrong.status, 422);
  auto changed =
      here.PostForm("/account/password", "current_password=entente-demo-2014&password=a+brand+new+passphrase");
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(here.Get("/account").status, 200) << "this browser gets a new session";
  EXPECT_EQ(elsewhere.Get("/account").status, 303) << "every other session is revoked";
  Browser fresh = AnonymousBrowser(Port());
  EXPECT_EQ(fresh.PostForm("/sign-in", "email=changer%40demo.entente.example&password=a+brand+new+passphrase").status,
            303);
}

TEST(SessionTest, LanguageFollowsTheUsersPreference) {
  Browser browser = SignedInBrowser(Port(), "almaty.member@demo.entente.example");
  EXPECT_TRUE(Contains(browser.Get("/").body, "<html lang=\"ru\">"));
  browser.cookies["lang"] = "kk";
  EXPECT_TRUE(Contains(browser.Get("/").body, "<html lang=\"kk\">")) << "the switch wins over the preference";
}

TEST(RolesTest, GrantsFollowScopeAndAreAudited) {
  long long member = UserIdOf("almaty.member@demo.entente.example");
  long long almaty = OrganizationIdOf("almaty-city-bar");
  long long committee = OrganizationIdOf("paris-bar-international-committee");
  Browser platform = SignedInBrowser(Port(), "platform.admin@demo.entente.example");
  Browser paris_admin = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  Browser almaty_member = SignedInBrowser(Port(), "almaty.member@demo.entente.example");
  EXPECT_FALSE(Contains(almaty_member.Get("/api/v1/me").body, "\"coordinator\""));

  // Users are private: the Almaty member holds no role in the Paris Bar's tree, so to its admin
  // they do not exist, whatever is asked.
  for (const auto& body : {fmt::format(R"({{"role":"coordinator","organization_id":{}}})", almaty),
                           fmt::format(R"({{"role":"editor","organization_id":{}}})", committee)}) {
    EXPECT_EQ(paris_admin.SendJson("POST", fmt::format("/api/v1/users/{}/roles", member), body).status, 404) << body;
  }
  EXPECT_EQ(paris_admin.Get(fmt::format("/api/v1/users/{}", member)).status, 404);
  // A Paris user is within reach: the Paris admin may not grant bar admin, nor grant on the
  // Almaty City Bar, but may grant within scope (a committee below the Paris Bar).
  long long paris_member = UserIdOf("paris.member@demo.entente.example");
  auto refused = paris_admin.SendJson("POST", fmt::format("/api/v1/users/{}/roles", paris_member),
                                      fmt::format(R"({{"role":"coordinator","organization_id":{}}})", almaty));
  EXPECT_EQ(refused.status, 403);
  auto escalation = paris_admin.SendJson("POST", fmt::format("/api/v1/users/{}/roles", paris_member),
                                         fmt::format(R"({{"role":"bar_admin","organization_id":{}}})", committee));
  EXPECT_EQ(escalation.status, 403);
  auto within = paris_admin.SendJson("POST", fmt::format("/api/v1/users/{}/roles", paris_member),
                                     fmt::format(R"({{"role":"editor","organization_id":{}}})", committee));
  EXPECT_EQ(within.status, 201) << within.body;
  // Bad input: field errors, in JSON.
  auto bad = platform.SendJson("POST", fmt::format("/api/v1/users/{}/roles", member), R"({"role":"emperor"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "\"field\":\"role\""));
  auto nowhere = platform.SendJson("POST", fmt::format("/api/v1/users/{}/roles", member), R"({"role":"coordinator"})");
  EXPECT_EQ(nowhere.status, 422);
  EXPECT_TRUE(Contains(nowhere.body, "\"field\":\"organization\""));
  auto not_json = Request(
      Port(), "POST", fmt::format("/api/v1/users/{}/roles", member),
      {{"Content-Type", "text/plain"}, {"Cookie", platform.CookieHeader()}, {"X-CSRF-Token", platform.csrf_token}},
      "role=member");
  EXPECT_EQ(not_json.status, 415);

  // Journey 7: the platform admin makes the user coordinator of the Almaty City Bar, on the page.
  platform.Get(fmt::format("/admin/users/{}", member));
  auto granted = platform.PostForm(fmt::format("/admin/users/{}/roles", member),
                                   fmt::format("role=coordinator&organization_id={}", almaty));
  EXPECT_EQ(granted.status, 303);
  auto me = almaty_member.Get("/api/v1/me");
  EXPECT_TRUE(Contains(me.body, "\"role\":\"coordinator\"")) << "the user's next request has the new powers";
  auto audit = platform.Get("/api/v1/audit?action=role.grant&per_page=200");
  EXPECT_EQ(audit.status, 200);
  EXPECT_TRUE(Contains(audit.body, fmt::format("\"user_id\":{}", member)));
  EXPECT_TRUE(Contains(audit.body, "\"role\":\"coordinator\""));
  EXPECT_TRUE(Contains(audit.body, fmt::format("\"user_id\":{}", UserIdOf("platform.admin@demo.entente.example"))));

  // The Paris bar admin sees the audit entries of Paris organizations only.
  auto scoped = paris_admin.Get("/api/v1/audit?action=role.grant&per_page=200");
  EXPECT_EQ(scoped.status, 200);
  EXPECT_FALSE(Contains(scoped.body, fmt::format("\"organization_id\":{}", almaty)));
  EXPECT_TRUE(Contains(scoped.body, fmt::format("\"organization_id\":{}", committee)));

  // Revoking: the Paris admin cannot see the Almaty grant (404); the platform admin revokes it.
  auto grants = platform.Get(fmt::format("/api/v1/users/{}/roles", member)).body;
  size_t at = grants.find("\"role\":\"coordinator\"");
  ASSERT_NE(at, std::string::npos);
  size_t id_at = grants.rfind("\"id\":", at);
  std::string grant_id = grants.substr(id_at + 5, grants.find(',', id_at) - id_at - 5);
  EXPECT_EQ(paris_admin.SendJson("DELETE", "/api/v1/roles/" + grant_id, "{}").status, 404);
  EXPECT_EQ(platform.SendJson("DELETE", "/api/v1/roles/" + grant_id, "{}").status, 204);
  EXPECT_FALSE(Contains(almaty_member.Get("/api/v1/me").body, "\"coordinator\""));
}

TEST(ApiTokenTest, BearerTokensWorkUntilRevoked) {
  Browser browser = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  auto created = browser.SendJson("POST", "/api/v1/tokens", R"({"name":"bar system","scope":"admin"})");
  ASSERT_EQ(created.status, 201);
  size_t at = created.body.find("\"token\":\"");
  ASSERT_NE(at, std::string::npos);
  std::string token = created.body.substr(at + 9, 43);
  std::string id = created.body.substr(created.body.find("\"id\":") + 5);
  id = id.substr(0, id.find_first_of(",}"));

  auto me = Get(Port(), "/api/v1/me", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(me.status, 200);
  EXPECT_TRUE(Contains(me.body, "paris.admin@demo.entente.example"));
  // Pagination convention.
  auto users = Get(Port(), "/api/v1/users?page=1&per_page=2", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(users.status, 200);
  EXPECT_TRUE(Contains(users.body, "\"per_page\":2"));
  EXPECT_TRUE(Contains(users.body, "\"total\":"));
  EXPECT_EQ(Get(Port(), "/api/v1/users?per_page=0", {{"Authorization", "Bearer " + token}}).status, 422);
  // No CSRF with a bearer token: it is not ambient authority.
  auto posted =
      Request(Port(), "POST", "/api/v1/tokens",
              {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}, R"({"name":"second"})");
  EXPECT_EQ(posted.status, 201);
  // Only a hash is stored.
  auto raw = Database().Read([&](soci::session& sql) -> Result<int> {
    int count = 0;
    sql << "SELECT COUNT(*) FROM api_tokens WHERE token_hash = :token", soci::use(token), soci::into(count);
    return count;
  });
  EXPECT_EQ(*raw, 0);
  // Another user cannot revoke it (404); its owner can, and then it no longer works.
  Browser other = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(other.SendJson("DELETE", "/api/v1/tokens/" + id, "{}").status, 404);
  EXPECT_EQ(Get(Port(), "/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 200);
  EXPECT_EQ(browser.SendJson("DELETE", "/api/v1/tokens/" + id, "{}").status, 204);
  auto revoked = Get(Port(), "/api/v1/me", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(revoked.status, 401);
  EXPECT_TRUE(Contains(revoked.body, "\"code\":\"unauthenticated\""));
  EXPECT_EQ(Get(Port(), "/api/v1/me", {{"Authorization", "Basic abc"}}).status, 401);
}

// A token made through `browser`'s session: its id and its secret.
struct MadeToken {
  long long id = 0;
  std::string secret;
  nlohmann::json body;
};
MadeToken MakeToken(Browser& browser, const std::string& request) {
  auto created = browser.SendJson("POST", "/api/v1/tokens", request);
  EXPECT_EQ(created.status, 201) << created.body;
  if (created.status != 201) return {};
  auto body = nlohmann::json::parse(created.body);
  return {body["id"].get<long long>(), body["token"].get<std::string>(), body};
}

std::vector<std::pair<std::string, std::string>> Bearer(const std::string& secret) {
  return {{"Authorization", "Bearer " + secret}, {"Content-Type", "application/json"}};
}

TEST(ApiTokenTest, TheScopeSaysWhatATokenMayDo) {
  Browser admin = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  MadeToken read = MakeToken(admin, R"({"name":"reader"})");
  MadeToken write = MakeToken(admin, R"({"name":"writer","scope":"write"})");
  MadeToken full = MakeToken(admin, R"({"name":"administrator","scope":"admin"})");
  EXPECT_EQ(read.body["scope"], "read") << "read is the default";
  EXPECT_EQ(write.body["scope"], "write");

  // Read: every GET the user may make, administrative ones included; no change at all.
  EXPECT_EQ(Get(Port(), "/api/v1/users", Bearer(read.secret)).status, 200);
  auto refused = Request(Port(), "POST", "/api/v1/tokens", Bearer(read.secret), R"({"name":"more","scope":"read"})");
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(Contains(refused.body, "may only read")) << refused.body;
  EXPECT_EQ(Request(Port(), "DELETE", fmt::format("/api/v1/tokens/{}", read.id), Bearer(read.secret)).status, 403);

  // Write: changes, but nothing an administrator's role alone allows.
  EXPECT_EQ(Get(Port(), "/api/v1/users", Bearer(write.secret)).status, 403);
  EXPECT_EQ(Request(Port(), "POST", fmt::format("/api/v1/users/{}/roles", UserIdOf("paris.member@demo.entente.example")),
                    Bearer(write.secret),
                    fmt::format(R"({{"role":"editor","organization_id":{}}})", OrganizationIdOf("paris-bar")))
                .status,
            403);
  // A token never mints a wider one, nor one that outlives it.
  auto wider = Request(Port(), "POST", "/api/v1/tokens", Bearer(write.secret), R"({"name":"wider","scope":"admin"})");
  EXPECT_EQ(wider.status, 422);
  EXPECT_TRUE(Contains(wider.body, "\"scope\"")) << wider.body;
  auto narrower = Request(Port(), "POST", "/api/v1/tokens", Bearer(write.secret),
                          R"({"name":"narrower","scope":"read","expires_in_days":365})");
  ASSERT_EQ(narrower.status, 201) << narrower.body;
  EXPECT_EQ(nlohmann::json::parse(narrower.body)["expires_at"], write.body["expires_at"]);

  // Admin: what the user's roles allow.
  EXPECT_EQ(Get(Port(), "/api/v1/users", Bearer(full.secret)).status, 200);

  // Only administrators make administering tokens.
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  member.cookies["lang"] = "en";
  auto not_admin = member.SendJson("POST", "/api/v1/tokens", R"({"name":"mine","scope":"admin"})");
  EXPECT_EQ(not_admin.status, 422);
  EXPECT_TRUE(Contains(not_admin.body, "Only administrators")) << not_admin.body;
}

TEST(ApiTokenTest, TokensExpireAndTheirLifetimeIsChecked) {
  Browser browser = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  MadeToken made = MakeToken(browser, R"({"name":"ninety days"})");
  auto expires = ParseUtcTimestamp(made.body["expires_at"].get<std::string>());
  ASSERT_TRUE(expires);
  auto lifetime = std::chrono::duration_cast<std::chrono::hours>(*expires - std::chrono::system_clock::now());
  EXPECT_GE(lifetime.count(), 90 * 24 - 1);
  EXPECT_LE(lifetime.count(), 90 * 24);
  for (const char* bad : {R"({"name":"x","expires_in_days":0})", R"({"name":"x","expires_in_days":366})",
                          R"({"name":"x","expires_in_days":"soon"})", R"({"name":"x","scope":"root"})",
                          R"({"name":"   "})"}) {
    auto refused = browser.SendJson("POST", "/api/v1/tokens", bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_TRUE(Contains(refused.body, "\"fields\"")) << refused.body;
  }
  EXPECT_EQ(Get(Port(), "/api/v1/me", Bearer(made.secret)).status, 200);
  ASSERT_TRUE(Database().Write([&](soci::session& sql) -> Status {
    std::string past = UtcTimestamp(std::chrono::system_clock::now() - std::chrono::seconds(1));
    sql << "UPDATE api_tokens SET expires_at_utc = :past WHERE id = :id", soci::use(past), soci::use(made.id);
    return {};
  }));
  auto expired = Get(Port(), "/api/v1/me", Bearer(made.secret));
  EXPECT_EQ(expired.status, 401);
  // Still listed, marked expired, on the page and in the API.
  auto listed = nlohmann::json::parse(browser.Get("/api/v1/tokens", {{"Accept", "application/json"}}).body);
  bool found = false;
  for (const auto& token : listed["items"]) {
    if (token["id"] != made.id) continue;
    found = true;
    EXPECT_EQ(token["expired"], true);
  }
  EXPECT_TRUE(found);
  // The form: scope and lifetime, errors on their fields in the user's language.
  browser.cookies["lang"] = "fr";
  auto page = browser.Get("/account");
  EXPECT_TRUE(Contains(page.body, "name=\"expires_in_days\""));
  EXPECT_FALSE(Contains(page.body, "value=\"admin\"")) << "a member is not offered the admin scope";
  auto bad = browser.PostForm("/account/tokens", "name=x&scope=write&expires_in_days=400");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "365 jours")) << "the field error, in French";
  auto made_by_form = browser.PostForm("/account/tokens", "name=form&scope=write&expires_in_days=7");
  EXPECT_EQ(made_by_form.status, 201);
}

TEST(ApiTokenTest, LastUseIsWrittenAtMostOnceAMinute) {
  Browser browser = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  MadeToken made = MakeToken(browser, R"({"name":"sync"})");
  auto last_used = [&] {
    return *Database().Read([&](soci::session& sql) -> Result<std::string> {
      std::string at;
      sql << "SELECT COALESCE(last_used_at_utc, '') FROM api_tokens WHERE id = :id", soci::use(made.id),
          soci::into(at);
      return at;
    });
  };
  auto set_last_used = [&](std::chrono::seconds age) {
    std::string at = UtcTimestamp(std::chrono::system_clock::now() - age);
    EXPECT_TRUE(Database().Write([&](soci::session& sql) -> Status {
      sql << "UPDATE api_tokens SET last_used_at_utc = :at WHERE id = :id", soci::use(at), soci::use(made.id);
      return {};
    }));
    return at;
  };
  EXPECT_EQ(last_used(), "");
  ASSERT_EQ(Get(Port(), "/api/v1/me", Bearer(made.secret)).status, 200);
  EXPECT_NE(last_used(), "") << "the first use is recorded";
  std::string recent = set_last_used(std::chrono::seconds(30));
  ASSERT_EQ(Get(Port(), "/api/v1/me", Bearer(made.secret)).status, 200);
  EXPECT_EQ(last_used(), recent) << "not written again within a minute";
  std::string older = set_last_used(std::chrono::seconds(90));
  ASSERT_EQ(Get(Port(), "/api/v1/me", Bearer(made.secret)).status, 200);
  EXPECT_GT(last_used(), older);
  EXPECT_TRUE(Contains(browser.Get("/account").body, last_used())) << "the account page shows it";
}

TEST(ApiTokenTest, APasswordChangeRevokesEveryToken) {
  ASSERT_TRUE(
      Accounts().EnsureDemoUser({"token-owner@demo.entente.example", "Owner", "en", "entente-demo-2014"}, {}, "test"));
  Browser browser = SignedInBrowser(Port(), "token-owner@demo.entente.example");
  MadeToken first = MakeToken(browser, R"({"name":"one","scope":"write"})");
  MadeToken second = MakeToken(browser, R"({"name":"two"})");
  EXPECT_EQ(Get(Port(), "/api/v1/me", Bearer(first.secret)).status, 200);
  ASSERT_EQ(browser.PostForm("/account/password", "current_password=entente-demo-2014&password=a+brand+new+passphrase")
                .status,
            303);
  EXPECT_EQ(Get(Port(), "/api/v1/me", Bearer(first.secret)).status, 401);
  EXPECT_EQ(Get(Port(), "/api/v1/me", Bearer(second.secret)).status, 401);
  EXPECT_TRUE(nlohmann::json::parse(browser.Get("/api/v1/tokens", {{"Accept", "application/json"}}).body)["items"]
                  .empty());
}

TEST(AccountsServiceTest, DemoAccountsSignInOnlyInADemoDatabase) {
  ASSERT_TRUE(Database().Write([](soci::session& sql) -> Status {
    db::SetSetting(sql, db::kDemoSetting, "0");
    return {};
  }));
  auto outside = Accounts().SignIn("paris.member@demo.entente.example", "entente-demo-2014", "127.0.0.9", "test");
  ASSERT_TRUE(Database().Write([](soci::session& sql) -> Status {
    db::SetSetting(sql, db::kDemoSetting, "1");
    return {};
  }));
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_TRUE(Accounts().SignIn("paris.member@demo.entente.example", "entente-demo-2014", "127.0.0.9", "test"));
}

TEST(AccountsServiceTest, PasswordsAreSaltedArgon2id) {
  auto hashes = Database().Read([](soci::session& sql) -> Result<std::vector<std::string>> {
    std::vector<std::string> hashes(2);
    sql << "SELECT password_hash FROM users WHERE email = 'paris.member@demo.entente.example'", soci::into(hashes[0]);
    sql << "SELECT password_hash FROM users WHERE email = 'paris.editor@demo.entente.example'", soci::into(hashes[1]);
    return hashes;
  });
  ASSERT_TRUE(hashes);
  EXPECT_TRUE((*hashes)[0].starts_with("$argon2id$"));
  EXPECT_NE((*hashes)[0], (*hashes)[1]) << "the same password, different salts";
}

TEST(AccountsServiceTest, NoPasswordOrTokenReachesTheLogOrTheAuditLog) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  spdlog::default_logger()->sinks().push_back(sink);
  const std::string secret = "my very secret passphrase 2026";
  Browser browser = AnonymousBrowser(Port());
  browser.PostForm("/sign-in", "email=paris.member%40demo.entente.example&password=" + http::PercentEncode(secret));
  Accounts().SignIn("nobody@example.org", secret, "127.0.0.1", "test");
  Browser admin = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  auto token = admin.SendJson("POST", "/api/v1/tokens", R"({"name":"log check"})");
  std::string raw_token = token.body.substr(token.body.find("\"token\":\"") + 9, 43);
  Get(Port(), "/api/v1/me", {{"Authorization", "Bearer " + raw_token}});
  spdlog::default_logger()->flush();
  auto& sinks = spdlog::default_logger()->sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
  EXPECT_TRUE(Contains(captured.str(), "sign-in failed")) << "failures are logged";
  EXPECT_FALSE(Contains(captured.str(), secret));
  EXPECT_FALSE(Contains(captured.str(), raw_token));
  EXPECT_FALSE(Contains(captured.str(), admin.cookies.at("entente_session")));
  auto details = Database().Read([&](soci::session& sql) -> Result<std::vector<std::string>> {
    return db::Query("SELECT details || ' ' || request_id FROM audit_log").Column<std::string>(sql);
  });
  ASSERT_TRUE(details);
  EXPECT_GT(details->size(), 10u);
  for (const auto& entry : *details) {
    EXPECT_FALSE(Contains(entry, secret));
    EXPECT_FALSE(Contains(entry, raw_token));
  }
}

TEST(VisibilityTest, ListsFilterInSqlSoTotalsRevealNothing) {
  // A probe table with one row per visibility level, owned by the Paris Bar, with the Paris and
  // Almaty bars as parties of the "parties" row and paris.member named on the private row.
  long long paris = OrganizationIdOf("paris-bar"), almaty = OrganizationIdOf("almaty-city-bar");
  long long committee = OrganizationIdOf("paris-bar-international-committee");
  // Users of their own, so that roles granted by other tests do not change what they see.
  for (const auto& [email, role, organization] : std::vector<std::tuple<std::string, auth::Role, std::string>>{
           {"vis.paris.member@demo.entente.example", auth::Role::kMember, "paris-bar"},
           {"vis.paris.editor@demo.entente.example", auth::Role::kEditor, "paris-bar"},
           {"vis.almaty.member@demo.entente.example", auth::Role::kMember, "almaty-city-bar"},
           {"vis.platform@demo.entente.example", auth::Role::kPlatformAdmin, ""}}) {
    ASSERT_TRUE(Accounts().EnsureDemoUser({email, email, "en", "entente-demo-2014"}, {{role, organization}}, "test"));
  }
  long long named = UserIdOf("vis.paris.member@demo.entente.example");
  auto created = Database().Write([&](soci::session& sql) -> Status {
    sql << "CREATE TABLE visibility_probe (id INTEGER PRIMARY KEY, visibility TEXT NOT NULL, organization_id INTEGER)";
    sql << "CREATE TABLE visibility_probe_parties (probe_id INTEGER, organization_id INTEGER)";
    sql << "CREATE TABLE visibility_probe_people (probe_id INTEGER, user_id INTEGER)";
    sql << "INSERT INTO visibility_probe VALUES (1, 'public', NULL), (2, 'members', NULL), (3, 'parties', NULL), "
           "(4, 'organization', :committee), (5, 'private', :paris), (6, 'parties', NULL)",
        soci::use(committee), soci::use(paris);
    sql << "INSERT INTO visibility_probe_parties VALUES (3, :paris), (3, :almaty), (6, :almaty_again)",
        soci::use(paris), soci::use(almaty), soci::use(almaty);
    sql << "INSERT INTO visibility_probe_people VALUES (5, :named)", soci::use(named);
    return {};
  });
  ASSERT_TRUE(created) << created.error().message();
  const auth::VisibilityColumns columns{
      .visibility = "v.visibility",
      .owner_organization = "v.organization_id",
      .parties = {"visibility_probe_parties p", "p.probe_id = v.id", "p.organization_id"},
      .named_users = {"visibility_probe_people n", "n.probe_id = v.id", "n.user_id"},
  };
  struct Case {
    std::string email;  // empty: anonymous
    std::vector<long long> visible;
  };
  for (const auto& [email, visible] : std::vector<Case>{
           {"", {1}},
           {"vis.paris.member@demo.entente.example", {1, 2, 3, 4, 5}},  // committee is below the Paris Bar
           {"vis.paris.editor@demo.entente.example", {1, 2, 3, 4}},
           {"vis.almaty.member@demo.entente.example", {1, 2, 3, 6}},
           {"vis.platform@demo.entente.example", {1, 2, 3, 4, 6}},  // private stays with the people named
       }) {
    auth::Actor actor = auth::Actor::Anonymous();
    if (!email.empty()) {
      auto session = Accounts().SignIn(email, "entente-demo-2014", "127.0.0.1", "test");
      ASSERT_TRUE(session) << email;
      auto loaded = Accounts().AuthenticateSession(session->token, "test");
      ASSERT_TRUE(loaded && *loaded);
      actor = **loaded;
    }
    auto ids = Database().Read([&](soci::session& sql) -> Result<std::pair<std::vector<long long>, long long>> {
      db::Query list("SELECT v.id FROM visibility_probe v WHERE ");
      auth::AppendVisibleTo(list, actor, columns);
      list.Append(" ORDER BY v.id LIMIT 2 OFFSET 0");
      db::Query count("SELECT COUNT(*) FROM visibility_probe v WHERE ");
      auth::AppendVisibleTo(count, actor, columns);
      return std::pair(list.Column<long long>(sql), count.Scalar<long long>(sql));
    });
    ASSERT_TRUE(ids) << ids.error().message();
    EXPECT_EQ(ids->second, static_cast<long long>(visible.size())) << "total for " << email;
    std::vector<long long> first_page(visible.begin(), visible.begin() + std::min<size_t>(2, visible.size()));
    EXPECT_EQ(ids->first, first_page) << "first page for " << email;
    // The in-memory decision agrees with the SQL one.
    std::vector<long long> decided;
    for (long long id = 1; id <= 6; ++id) {
      static const std::map<long long, auth::Visibility> levels = {
          {1, auth::Visibility::kPublic},       {2, auth::Visibility::kMembers}, {3, auth::Visibility::kParties},
          {4, auth::Visibility::kOrganization}, {5, auth::Visibility::kPrivate}, {6, auth::Visibility::kParties}};
      std::vector<OrganizationId> parties = id == 3   ? std::vector{OrganizationId(paris), OrganizationId(almaty)}
                                            : id == 6 ? std::vector{OrganizationId(almaty)}
                                                      : std::vector<OrganizationId>{};
      std::optional<OrganizationId> owner = id == 4   ? std::optional(OrganizationId(committee))
                                            : id == 5 ? std::optional(OrganizationId(paris))
                                                      : std::nullopt;
      std::vector<UserId> people = id == 5 ? std::vector{UserId(named)} : std::vector<UserId>{};
      if (auth::MayView(actor, levels.at(id), owner, parties, people)) decided.push_back(id);
    }
    EXPECT_EQ(decided, visible) << "MayView for " << email;
  }
  ASSERT_TRUE(Database().Write([](soci::session& sql) -> Status {
    sql << "DROP TABLE visibility_probe_people";
    sql << "DROP TABLE visibility_probe_parties";
    sql << "DROP TABLE visibility_probe";
    return {};
  }));
}

}  // namespace
}  // namespace entente::testing
