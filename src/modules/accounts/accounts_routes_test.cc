// The accounts module's pages and JSON in-process (Pipeline::Handle, no socket): the URL table
// binds each address to its handler, a refused form comes back with what was typed, and the JSON
// readers name the member that is wrong.

#include <gtest/gtest.h>

#include "testing/in_process.h"

namespace entente::accounts {
namespace {

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(AccountsRoutesTest, ARefusedTokenFormKeepsTheChosenScopeAndLifetime) {
  testing::Client admin(testing::InProcessApp::Demo());
  admin.SignIn("paris.admin@demo.entente.example");
  http::Response page = admin.Get("/account?lang=en");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  // A bar admin may give a token the admin scope; the default lifetime is chosen.
  EXPECT_TRUE(Contains(page.body, "<option value=\"admin\">"));
  EXPECT_TRUE(Contains(page.body, "<option value=\"90\" selected>"));
  http::Response refused = admin.PostForm("/account/tokens?lang=en", "name=&scope=write&expires_in_days=30");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "<option value=\"write\" selected>"));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"30\" selected>"));
}

TEST(AccountsRoutesTest, AMemberIsOfferedNoAdminScope) {
  testing::Client member(testing::InProcessApp::Demo());
  member.SignIn("paris.member@demo.entente.example");
  http::Response page = member.Get("/account?lang=en");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<option value=\"read\" selected>"));
  EXPECT_FALSE(Contains(page.body, "<option value=\"admin\""));
}

TEST(AccountsRoutesTest, TheAuditFilterRefusesWhatIsNotADay) {
  testing::Client admin(testing::InProcessApp::Demo());
  admin.SignIn("paris.admin@demo.entente.example");
  EXPECT_EQ(admin.Get("/admin/audit?from=2014-10-01").status, 200);
  EXPECT_EQ(admin.Get("/admin/audit?from=2014-10-01T08:00:00Z").status, 200);
  for (const char* from : {"2014-10", "tomorrow", "abcdefghijk", "2014-13-45"}) {
    http::Response page = admin.Get(std::string("/admin/audit?lang=en&from=") + from);
    EXPECT_EQ(page.status, 422) << from;
    http::Response json = admin.Get(std::string("/api/v1/audit?from=") + from);
    EXPECT_EQ(json.status, 422) << from;
    EXPECT_TRUE(Contains(json.body, "\"from\"")) << json.body;
  }
}

TEST(AccountsRoutesTest, TheJsonReadersNameTheWrongMember) {
  testing::Client admin(testing::InProcessApp::Demo());
  admin.SignIn("paris.admin@demo.entente.example");
  http::Response token = admin.SendJson("POST", "/api/v1/tokens", R"({"name":"x","scope":7})");
  EXPECT_EQ(token.status, 422);
  EXPECT_TRUE(Contains(token.body, "\"scope\"")) << token.body;
  http::Response days = admin.SendJson("POST", "/api/v1/tokens", R"({"name":"x","expires_in_days":"soon"})");
  EXPECT_EQ(days.status, 422);
  EXPECT_TRUE(Contains(days.body, "\"expires_in_days\"")) << days.body;
  http::Response grant = admin.SendJson("POST", "/api/v1/users/1/roles", R"({"role":"editor","organization_id":0})");
  EXPECT_EQ(grant.status, 422);
  EXPECT_TRUE(Contains(grant.body, "\"organization_id\"")) << grant.body;
  http::Response code = admin.SendJson("POST", "/api/v1/account/two-factor/confirm", R"({"code":123456})");
  EXPECT_EQ(code.status, 422);
  EXPECT_TRUE(Contains(code.body, "\"code\"")) << code.body;
  http::Response person = admin.SendJson("PUT", "/api/v1/users/1/person", R"({})");
  EXPECT_EQ(person.status, 422);
  EXPECT_TRUE(Contains(person.body, "\"person\"")) << person.body;
}

}  // namespace
}  // namespace entente::accounts
