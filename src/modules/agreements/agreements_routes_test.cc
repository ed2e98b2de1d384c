// The agreements module's pages and JSON in-process (Pipeline::Handle, no socket): a refused form
// comes back with what was typed and writes nothing, and the JSON reader names the member that is
// wrong.

#include <gtest/gtest.h>

#include "testing/in_process.h"

namespace entente::agreements {
namespace {

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(AgreementsRoutesTest, ARefusedFormComesBackWithWhatWasTypedAndWritesNothing) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn("paris.coordinator@demo.entente.example");
  http::Response form = coordinator.Get("/agreements/new");
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 300);
  http::Response refused =
      coordinator.PostForm("/agreements",
                           "slug=routes-test-bad&kind=memorandum_of_understanding&status=signed&visibility=public&text_language=en"
                           "&title=Typed+title&signed_on=2020-05-01&in_force_on=2020-04-01&term=unknown"
                           "&renewal=unknown&party_1=paris-bar&party_2=almaty-city-bar");
  EXPECT_EQ(refused.status, 422);
  // The messages in the user's language (French); the title kept in the language the form
  // wrote its texts in (English: the page was in English when the form was opened).
  EXPECT_TRUE(Contains(refused.body, "Un accord ne peut pas entrer en vigueur avant d&#39;être signé."));
  EXPECT_TRUE(Contains(refused.body, "value=\"Typed title\""));
  EXPECT_TRUE(Contains(refused.body, "name=\"text_language\" value=\"en\""));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"memorandum_of_understanding\" selected>"));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"almaty-city-bar\" selected>"));
  EXPECT_EQ(coordinator.Get("/agreements/routes-test-bad").status, 404);
}

TEST(AgreementsRoutesTest, TheJsonReaderNamesTheWrongMember) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn("paris.coordinator@demo.entente.example");
  http::Response refused = coordinator.SendJson(
      "POST", "/api/v1/agreements",
      R"({"slug":"routes-test-json","title":{"en":"T"},"signed_on":2014,"parties":[{"organization":"paris-bar"},7]})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "\"signed_on\"")) << refused.body;
  EXPECT_TRUE(Contains(refused.body, "\"parties\"")) << refused.body;
  EXPECT_EQ(coordinator.Get("/agreements/routes-test-json").status, 404);
}

}  // namespace
}  // namespace entente::agreements
