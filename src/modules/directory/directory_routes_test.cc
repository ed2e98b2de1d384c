// The directory's pages and forms in-process (Pipeline::Handle, no socket): the URL table binds
// each address to its handler and its part of the page, the selects carry the values the forms
// send, and a refused form comes back with what was typed.

#include <gtest/gtest.h>

#include "testing/in_process.h"

namespace entente::directory {
namespace {

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(DirectoryRoutesTest, FindALawyerIsAWholePageAndItsResultsAFragment) {
  testing::Client visitor(testing::InProcessApp::Demo());
  http::Response page = visitor.Get("/lawyers?q=Kanafin&bar=almaty-city-bar&language=kk&lang=en");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  EXPECT_TRUE(Contains(page.body, "<html"));
  EXPECT_TRUE(Contains(page.body, "/people/daniyar-kanafin"));
  // The filters as the query set them: the bar by slug, the language by code.
  EXPECT_TRUE(Contains(page.body, "<option value=\"almaty-city-bar\" selected>"));
  EXPECT_TRUE(Contains(page.body, "<option value=\"kk\" lang=\"kk\" selected>"));
  http::Response results = visitor.Get("/lawyers/results?q=Kanafin");
  ASSERT_EQ(results.status, 200);
  EXPECT_FALSE(Contains(results.body, "<html"));
  EXPECT_TRUE(Contains(results.body, "/people/daniyar-kanafin"));
}

TEST(DirectoryRoutesTest, ARefusedOrganizationFormComesBackWithWhatWasTyped) {
  testing::Client admin(testing::InProcessApp::Demo());
  admin.SignIn("paris.admin@demo.entente.example");
  http::Response form = admin.Get("/organizations/new?parent=paris-bar&lang=en");
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 300);
  EXPECT_TRUE(Contains(form.body, "<option value=\"paris-bar\" selected>"));
  http::Response refused = admin.PostForm("/organizations/new",
                                          "slug=Bad+Slug&kind=committee&parent=paris-bar&city=Lyon&name_fr=Comit%C3%A9"
                                          "&original_language=fr&visibility=public");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "value=\"Lyon\""));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"fr\" lang=\"fr\" selected>"));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"committee\" selected>"));
  http::Response created =
      admin.PostForm("/organizations/new",
                     "slug=routes-test-committee&kind=committee&parent=paris-bar&name_fr=Comit%C3%A9"
                     "&original_language=fr&visibility=public");
  EXPECT_EQ(created.status, 303);
  EXPECT_EQ(created.Header("location"), "/organizations/routes-test-committee?saved=1");
}

TEST(DirectoryRoutesTest, TheImportProgressIsAWholePageOrThePolledPart) {
  testing::Client visitor(testing::InProcessApp::Demo());
  EXPECT_EQ(visitor.Get("/organizations/paris-bar/roll/imports/nothing/status").status, 303) << "sent to sign in";
  testing::Client member(testing::InProcessApp::Demo());
  member.SignIn("paris.member@demo.entente.example");
  EXPECT_EQ(member.Get("/organizations/paris-bar/roll/imports/nothing").status, 403);
  EXPECT_EQ(member.Get("/organizations/paris-bar/roll/imports/nothing/status").status, 403);
  // Another's import, or none: not there, whichever part is asked for.
  testing::Client admin(testing::InProcessApp::Demo());
  admin.SignIn("paris.admin@demo.entente.example");
  EXPECT_EQ(admin.Get("/organizations/paris-bar/roll/imports/nothing").status, 404);
  EXPECT_EQ(admin.Get("/organizations/paris-bar/roll/imports/nothing/status").status, 404);
}

}  // namespace
}  // namespace entente::directory
