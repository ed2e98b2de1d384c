// The home page and the pipeline around it, in-process: the request goes to Pipeline::Handle
// with its middleware (language, session, CSRF), no socket.
#include <gtest/gtest.h>

#include "testing/in_process.h"

namespace entente::home {
namespace {

TEST(HomeRoutesTest, TheHomePageSpeaksTheLanguageAskedFor) {
  testing::Client visitor(testing::InProcessApp::Demo());
  http::Response page = visitor.Get("/", {{"Accept-Language", "ru-RU,ru;q=0.9"}});
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  EXPECT_NE(page.body.find("<html lang=\"ru\">"), std::string::npos);
  EXPECT_NE(page.body.find("Парижская коллегия адвокатов"), std::string::npos);
  http::Response english = visitor.Get("/?lang=en");
  ASSERT_EQ(english.status, 200);
  EXPECT_NE(english.body.find("Paris Bar"), std::string::npos);
}

TEST(HomeRoutesTest, EveryPageHasADescriptionInItsLanguageAndAnIcon) {
  testing::Client visitor(testing::InProcessApp::Demo());
  for (const char* path : {"/", "/training", "/agreements", "/no-such-page"}) {
    http::Response page = visitor.Get(path, {{"Accept-Language", "fr"}});
    EXPECT_NE(page.body.find("<meta name=\"description\" content=\"Entente, la plateforme de coopération"),
              std::string::npos)
        << path;
    EXPECT_NE(page.body.find("<link rel=\"icon\" href=\"/static/favicon.svg\""), std::string::npos) << path;
  }
  http::Response icon = visitor.Get("/static/favicon.svg");
  EXPECT_EQ(icon.status, 200);
  EXPECT_EQ(icon.Header("Content-Type"), "image/svg+xml");
}

TEST(HomeRoutesTest, ASignInWithoutItsCsrfTokenIsRefusedAndWithItSucceeds) {
  testing::Client visitor(testing::InProcessApp::Demo());
  http::Response refused = visitor.PostForm("/sign-in", "email=paris.admin%40demo.entente.example"
                                                        "&password=entente-demo-2014");
  EXPECT_EQ(refused.status, 403);
  testing::Client member(testing::InProcessApp::Demo());
  member.SignIn("paris.member@demo.entente.example");
  http::Response account = member.Get("/account");
  EXPECT_EQ(account.status, 200);
  EXPECT_NE(account.body.find("paris.member@demo.entente.example"), std::string::npos);
}

TEST(HomeRoutesTest, AnUnknownPathIsA404PageWithoutInternals) {
  testing::Client visitor(testing::InProcessApp::Demo());
  http::Response missing = visitor.Get("/no-such-page");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body.find("exception"), std::string::npos);
}

}  // namespace
}  // namespace entente::home
