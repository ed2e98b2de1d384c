// The events' handlers in-process (Pipeline::Handle, no socket): the route table reaches them,
// the JSON bodies are read with field errors, and a refused form shows again with what was typed.
#include "modules/events/events_routes.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing/in_process.h"

namespace entente::events {
namespace {

using nlohmann::json;

constexpr const char* kCoordinator = "paris.coordinator@demo.entente.example";

TEST(EventsRoutesTest, TheLiteralPathsComeBeforeAnEventsSlug) {
  testing::Client visitor(testing::InProcessApp::Demo());
  EXPECT_EQ(visitor.Get("/events/rentree-du-barreau-de-paris-2014").status, 200);
  // /events/invitations and /events/feed are pages for signed-in users, not events' slugs.
  EXPECT_NE(visitor.Get("/events/invitations").status, 404);
  EXPECT_NE(visitor.Get("/events/feed").status, 404);
  EXPECT_NE(visitor.Get("/events/new").status, 404);
  EXPECT_EQ(visitor.Get("/events/no-such-event").status, 404);
}

TEST(EventsRoutesTest, AnApiBodyWithAnUnknownLanguageOrAWrongTypeGetsFieldErrors) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn(kCoordinator);
  http::Response unknown = coordinator.SendJson(
      "POST", "/api/v1/events",
      R"({"slug": "routes-test-language", "title": {"en": "Test", "xx": "?"}, "organizers": ["paris-bar"]})");
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_NE(unknown.body.find("title"), std::string::npos) << unknown.body;
  http::Response wrong_type = coordinator.SendJson(
      "POST", "/api/v1/events", R"({"slug": "routes-test-type", "title": {"en": "Test"}, "organizers": "paris-bar"})");
  ASSERT_EQ(wrong_type.status, 422) << wrong_type.body;
  EXPECT_NE(wrong_type.body.find("organizers"), std::string::npos) << wrong_type.body;
  EXPECT_EQ(coordinator.Get("/events/routes-test-language").status, 404) << "nothing was written";
  http::Response created =
      coordinator.SendJson("POST", "/api/v1/events",
                           R"({"slug": "routes-test-created", "kind": "workshop", "title": {"en": "Routes test"},
          "organizers": ["paris-bar"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json::parse(created.body)["title"]["en"]["text"], "Routes test");
  EXPECT_EQ(json::parse(created.body)["title"]["en"]["original"], true) << "a lone variant is the original";
}

TEST(EventsRoutesTest, ARefusedEventFormShowsAgainWithWhatWasTyped) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn(kCoordinator);
  // Texts typed without a language are the page's (the user's language), and show again in it.
  ASSERT_EQ(coordinator.Get("/events/new").status, 200);
  http::Response refused =
      coordinator.PostForm("/events",
                           "slug=Not+A+Slug&kind=workshop&visibility=public&registration=closed&title=Typed+title"
                           "&organizers=paris-bar");
  ASSERT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Typed title"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"workshop\" selected"), std::string::npos) << "the kind stays chosen";
  http::Response saved =
      coordinator.PostForm("/events",
                           "slug=routes-test-form&kind=workshop&visibility=public&registration=closed&title=Form+title"
                           "&organizers=paris-bar");
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("Location"), "/events/routes-test-form?saved=1");
}

TEST(EventsRoutesTest, ARefusedEventFormKeepsItsTextsInTheLanguageTheFormWroteThemIn) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn(kCoordinator);
  ASSERT_EQ(coordinator.Get("/events/new").status, 200);
  // The form was opened in Kazakh (its hidden text_language); the user's language is another.
  http::Response refused = coordinator.PostForm(
      "/events", "slug=Not+A+Slug&kind=workshop&visibility=public&registration=closed&text_language=kk"
                 "&title=%D0%A1%D0%B5%D0%BC%D0%B8%D0%BD%D0%B0%D1%80&organizers=paris-bar");
  ASSERT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("value=\"Семинар\""), std::string::npos);
  EXPECT_NE(refused.body.find("name=\"text_language\" value=\"kk\""), std::string::npos);
}

}  // namespace
}  // namespace entente::events
