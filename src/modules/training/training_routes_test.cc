// The training module's pages and JSON in-process (Pipeline::Handle, no socket): the literal
// paths come before a course's slug, a refused course form comes back with what was typed (its
// texts in the language the form wrote them in) and writes nothing, and the attendance form on a
// course's page refuses bad hours with the field's error and keeps what was typed.
#include "modules/training/training_routes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "testing/in_process.h"

namespace entente::training {
namespace {

using nlohmann::json;

constexpr const char* kCoordinator = "paris.coordinator@demo.entente.example";  // French pages

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Whether the form field with this id shows an error: the templates put it in the field's own
// <div class="field">, after the input.
bool HasFieldError(const std::string& page, const std::string& id) {
  size_t at = page.find("id=\"" + id + "\"");
  if (at == std::string::npos) return false;
  size_t end = page.find("</div>", at);
  return page.substr(at, end - at).find("class=\"field-error\"") != std::string::npos;
}

TEST(TrainingRoutesTest, TheLiteralPathsAreNotTakenAsACoursesSlug) {
  testing::Client visitor(testing::InProcessApp::Demo());
  EXPECT_EQ(visitor.Get("/training/platform-round-tables-almaty-city-bar").status, 200);
  EXPECT_EQ(visitor.Get("/training/no-such-course").status, 404);
  // /training/new and /training/mine are pages for signed-in users: a visitor is sent to sign in
  // (no course of that slug would be a 404).
  for (const char* path : {"/training/new", "/training/mine"}) {
    http::Response page = visitor.Get(path);
    EXPECT_EQ(page.status, 303) << path;
    EXPECT_TRUE(page.Header("Location").starts_with("/sign-in")) << path << " → " << page.Header("Location");
  }
  testing::Client member(testing::InProcessApp::Demo());
  member.SignIn("paris.member@demo.entente.example");
  http::Response mine = member.Get("/training/mine");
  EXPECT_EQ(mine.status, 200);
  EXPECT_FALSE(Contains(mine.body, "id=\"facts-heading\"")) << "not a course's page";
  EXPECT_EQ(member.Get("/training/new").status, 403) << "the form, refused to a member";
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn(kCoordinator);
  http::Response form = coordinator.Get("/training/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "action=\"/training\""));
  // Nor may a course take those addresses.
  for (const char* slug : {"new", "mine"}) {
    http::Response refused = coordinator.SendJson(
        "POST", "/api/v1/courses",
        json{{"slug", slug}, {"provider", "paris-bar-training-school"}, {"title", {{"en", "Taken address"}}}}.dump());
    EXPECT_EQ(refused.status, 422) << slug;
    EXPECT_TRUE(Contains(refused.body, "\"field\":\"slug\"")) << refused.body;
  }
}

TEST(TrainingRoutesTest, ARefusedCourseFormComesBackWithWhatWasTypedInItsTextLanguage) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn(kCoordinator);
  ASSERT_EQ(coordinator.Get("/training/new").status, 200);
  // The coordinator's pages are in French; the form was opened in English (its hidden
  // text_language), so its texts are English and show again in English.
  http::Response refused = coordinator.PostForm(
      "/training",
      "slug=routes-test-course&provider=paris-bar-training-school&kind=moot_court&format=distance&language=kk"
      "&nominal_hours=-3&starts_on=2026-05-02&ends_on=2026-05-01&visibility=members&text_language=en"
      "&title=Typed+course+title&description=Typed+description&topic_ethics=1&practice_area="
      "&accreditation_1_jurisdiction=FR&accreditation_1_reference=REF-7&accreditation_1_approved_on=2026-01");
  ASSERT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "name=\"text_language\" value=\"en\""));
  EXPECT_TRUE(Contains(refused.body, "value=\"Typed course title\""));
  EXPECT_TRUE(Contains(refused.body, ">Typed description</textarea>"));
  EXPECT_TRUE(Contains(refused.body, "value=\"routes-test-course\""));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"paris-bar-training-school\" selected>"));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"moot_court\" selected>"));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"distance\" selected>"));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"members\" selected>"));
  EXPECT_TRUE(Contains(refused.body, "value=\"kk\" lang=\"kk\" selected"));
  EXPECT_TRUE(Contains(refused.body, "name=\"topic_ethics\" value=\"1\" checked"));
  EXPECT_FALSE(Contains(refused.body, "name=\"topic_procedure\" value=\"1\" checked"));
  EXPECT_TRUE(Contains(refused.body, "value=\"-3\""));
  EXPECT_TRUE(Contains(refused.body, "value=\"2026-05-01\""));
  EXPECT_TRUE(Contains(refused.body, "value=\"REF-7\""));
  // The errors beside their fields, and only there.
  EXPECT_TRUE(HasFieldError(refused.body, "nominal_hours"));
  EXPECT_TRUE(HasFieldError(refused.body, "ends_on"));
  EXPECT_FALSE(HasFieldError(refused.body, "slug"));
  EXPECT_FALSE(HasFieldError(refused.body, "starts_on"));
  EXPECT_EQ(coordinator.Get("/training/routes-test-course").status, 404) << "nothing was written";

  // In Kazakh, while the pages stay French.
  http::Response kazakh = coordinator.PostForm(
      "/training",
      "slug=Not+A+Slug&provider=paris-bar-training-school&kind=course&format=in_person&visibility=public"
      "&text_language=kk&title=%D0%A1%D0%B5%D0%BC%D0%B8%D0%BD%D0%B0%D1%80");
  ASSERT_EQ(kazakh.status, 422);
  EXPECT_TRUE(Contains(kazakh.body, "name=\"text_language\" value=\"kk\""));
  EXPECT_TRUE(Contains(kazakh.body, "value=\"Семинар\""));
  EXPECT_TRUE(HasFieldError(kazakh.body, "slug"));
  EXPECT_TRUE(Contains(kazakh.body, "<html lang=\"fr\"")) << kazakh.body.substr(0, 200);

  // The same form, corrected, is saved.
  http::Response saved = coordinator.PostForm(
      "/training",
      "slug=routes-test-course&provider=paris-bar-training-school&kind=moot_court&format=distance&language=kk"
      "&nominal_hours=3&starts_on=2026-05-01&ends_on=2026-05-02&visibility=members&text_language=en"
      "&title=Typed+course+title&topic_ethics=1");
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("Location"), "/training/routes-test-course?saved=1");
  EXPECT_EQ(coordinator.Get("/training/routes-test-course").status, 200);
}

TEST(TrainingRoutesTest, TheAttendanceFormRefusesBadHoursAndKeepsWhatWasTyped) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn(kCoordinator);
  http::Response created =
      coordinator.SendJson("POST", "/api/v1/courses",
                           R"({"slug":"routes-test-attendance","provider":"paris-bar-training-school","kind":"seminar",
          "nominal_hours":2,"title":{"en":"Routes test attendance"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  http::Response page = coordinator.Get("/training/routes-test-attendance");
  ASSERT_EQ(page.status, 200);
  ASSERT_TRUE(Contains(page.body, "action=\"/training/routes-test-attendance/attendance\""));

  // More hours than the course lasted, then hours that are no number.
  for (const char* hours : {"5", "abc"}) {
    SCOPED_TRACE(hours);
    http::Response refused = coordinator.PostForm("/training/routes-test-attendance/attendance",
                                                  std::string("person=pierre-olivier-sur&role=teacher&hours=") + hours);
    ASSERT_EQ(refused.status, 422);
    EXPECT_TRUE(HasFieldError(refused.body, "hours"));
    EXPECT_FALSE(HasFieldError(refused.body, "person"));
    EXPECT_TRUE(Contains(refused.body, "value=\"pierre-olivier-sur\""));
    EXPECT_TRUE(Contains(refused.body, std::string("value=\"") + hours + "\""));
    EXPECT_TRUE(Contains(refused.body, "<option value=\"teacher\" selected>"));
    // Still the course's page, with nothing recorded.
    EXPECT_TRUE(Contains(refused.body, "Routes test attendance"));
    EXPECT_FALSE(Contains(refused.body, "href=\"/people/pierre-olivier-sur\""));
  }
  // Someone who is not in the directory: the person's field.
  http::Response nobody = coordinator.PostForm("/training/routes-test-attendance/attendance",
                                               "person=no-such-person&role=attendee&hours=1");
  ASSERT_EQ(nobody.status, 422);
  EXPECT_TRUE(HasFieldError(nobody.body, "person"));
  EXPECT_FALSE(HasFieldError(nobody.body, "hours"));

  http::Response recorded = coordinator.PostForm("/training/routes-test-attendance/attendance",
                                                 "person=pierre-olivier-sur&role=teacher&hours=1%2C5");
  ASSERT_EQ(recorded.status, 303);
  EXPECT_EQ(recorded.Header("Location"), "/training/routes-test-attendance?saved=1#attendance");
  http::Response after = coordinator.Get("/training/routes-test-attendance?saved=1");
  EXPECT_TRUE(Contains(after.body, "href=\"/people/pierre-olivier-sur\""));
  EXPECT_TRUE(Contains(after.body, "1,5")) << "hours in French";

  // A member of the bar may see the course but not its attendance, nor record one.
  testing::Client member(testing::InProcessApp::Demo());
  member.SignIn("paris.member@demo.entente.example");
  http::Response seen = member.Get("/training/routes-test-attendance");
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(Contains(seen.body, "href=\"/people/pierre-olivier-sur\""));
  EXPECT_EQ(
      member.PostForm("/training/routes-test-attendance/attendance", "person=pierre-olivier-sur&role=attendee&hours=1")
          .status,
      403);
}

}  // namespace
}  // namespace entente::training

namespace entente::training {
namespace {

json Items(const http::Response& response) { return json::parse(response.body)["items"]; }

TEST(TrainingRoutesTest, ACoursePageNamesTheEventItWasGivenAt) {
  testing::Client visitor(testing::InProcessApp::Demo());
  http::Response page = visitor.Get("/training/rentree-du-barreau-de-paris-2014-round-tables");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(
      Contains(page.body, "<a href=\"/events/rentree-du-barreau-de-paris-2014\">Rentrée du Barreau de Paris 2014</a>"))
      << page.body;
  EXPECT_FALSE(Contains(visitor.Get("/training/platform-round-tables-almaty-city-bar").body, "href=\"/events/"))
      << "a course given at no event names none";
}

TEST(TrainingRoutesTest, TheTitleSearchMatchesWordsInAnyScriptCaseAndSpelling) {
  testing::Client visitor(testing::InProcessApp::Demo());
  auto slugs = [&](const std::string& q) {
    std::vector<std::string> found;
    for (const auto& item : Items(visitor.Get("/api/v1/courses?q=" + q))) found.push_back(item["slug"]);
    return found;
  };
  const std::vector<std::string> almaty = {"platform-round-tables-almaty-city-bar"};
  const std::vector<std::string> rentree = {"rentree-du-barreau-de-paris-2014-round-tables"};
  EXPECT_EQ(slugs("%D0%BA%D1%80%D1%83%D0%B3%D0%BB%D1%8B%D0%B5+%D1%87%D0%BB%D0%B5%D0%BD%D0%BE%D0%B2"), almaty)
      << "«круглые членов», lower-case Cyrillic, against «Круглые столы … для членов»";
  EXPECT_EQ(slugs("RENTREE"), rentree) << "no accent, capitals";
  EXPECT_EQ(slugs("platform+almaty"), almaty);
  EXPECT_TRUE(slugs("form").empty()) << "a word's beginning, not any part of it (Platform)";
  auto round = slugs("round");
  for (const auto& slug : {almaty.front(), rentree.front()}) {
    EXPECT_NE(std::find(round.begin(), round.end(), slug), round.end()) << slug;
  }
}

TEST(TrainingRoutesTest, HoursComeBackAsTheyAreTypedAndAMemberIsRefusedBeforeTheBody) {
  testing::Client coordinator(testing::InProcessApp::Demo());
  coordinator.SignIn("almaty.coordinator@demo.entente.example");
  http::Response created =
      coordinator.SendJson("POST", "/api/v1/courses",
                           R"({"slug":"routes-test-hours","provider":"almaty-city-bar-training-center","kind":"seminar",
          "nominal_hours":1.67,"title":{"ru":"Семинар"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  json course = json::parse(created.body);
  EXPECT_EQ(course["nominal_hours"], 1.67) << "100 minutes, with two decimals";
  http::Response again = coordinator.SendJson("PUT", "/api/v1/courses/" + std::to_string(course["id"].get<long long>()),
                                              json{{"nominal_hours", course["nominal_hours"]}}.dump());
  EXPECT_EQ(again.status, 200) << "what the API wrote, it reads back: " << again.body;

  testing::Client member(testing::InProcessApp::Demo());
  member.SignIn("paris.member@demo.entente.example");
  EXPECT_EQ(member.SendJson("POST", "/api/v1/courses", "not json").status, 403);
}

TEST(TrainingRoutesTest, ACourseIsShownToNoMorePeopleThanTheEventItIsGivenAt) {
  testing::Client almaty(testing::InProcessApp::Demo());
  almaty.SignIn("almaty.coordinator@demo.entente.example");
  http::Response event =
      almaty.SendJson("POST", "/api/v1/events",
                      R"({"slug":"routes-test-members-event","kind":"workshop","visibility":"members",
          "time_zone":"Asia/Almaty","country":"KZ","starts":"2027-05-10","ends":"2027-05-11",
          "registration":"closed","title":{"en":"For members"},"city":{"en":"Almaty"},
          "organizers":["almaty-city-bar"]})");
  ASSERT_EQ(event.status, 201) << event.body;
  std::string course = R"({"slug":"routes-test-at-event","provider":"almaty-city-bar-training-center",
      "event":"routes-test-members-event","title":{"en":"At the event"},"visibility":")";
  http::Response wider = almaty.SendJson("POST", "/api/v1/courses", course + R"(public"})");
  EXPECT_EQ(wider.status, 422);
  EXPECT_TRUE(Contains(wider.body, "\"event\"")) << wider.body;
  EXPECT_EQ(almaty.SendJson("POST", "/api/v1/courses", course + R"(members"})").status, 201);
}

}  // namespace
}  // namespace entente::training
