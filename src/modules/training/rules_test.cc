#include "modules/training/rules.h"

#include <gtest/gtest.h>

#include <functional>

namespace entente::training {
namespace {

TEST(ParseHoursTest, ReadsHoursAsPeopleTypeThem) {
  EXPECT_EQ(ParseHours("3"), 180);
  EXPECT_EQ(ParseHours("1.5"), 90);
  EXPECT_EQ(ParseHours("1,5"), 90) << "a decimal comma";
  EXPECT_EQ(ParseHours(" 0.25 "), 15);
  EXPECT_EQ(ParseHours("2.33"), 140);
  EXPECT_EQ(ParseHours("1000"), 60000);
  for (const char* refused : {"", "0", "0.00", "-1", "1.", ".5", "1.555", "1,2,3", "abc", "1001", "1e3", "1 h"}) {
    EXPECT_EQ(ParseHours(refused), std::nullopt) << refused;
  }
}

TEST(HoursTextTest, WritesHoursInThePagesLanguage) {
  EXPECT_EQ(HoursText(180, "en"), "3");
  EXPECT_EQ(HoursText(90, "en"), "1.5");
  EXPECT_EQ(HoursText(90, "fr"), "1,5");
  EXPECT_EQ(HoursText(15, "kk"), "0,25");
  EXPECT_EQ(HoursText(140, "ru"), "2,33");
  for (int minutes : {15, 90, 140, 180, 600}) {
    EXPECT_EQ(ParseHours(HoursText(minutes, "fr")), minutes) << minutes;
  }
}

i18n::LocalizedText English(const std::string& text) { return i18n::LocalizedText::Original("en", text); }

CourseInput Valid() {
  CourseInput input;
  input.slug = "round-table-ethics";
  input.provider = "almaty-city-bar-training-center";
  input.kind = "round_table";
  input.language = "ru";
  input.nominal_hours = "3";
  input.starts_on = "2015-03";
  input.ends_on = "2015-03";
  input.topics = {"ethics", "practice_area"};
  input.practice_area = "Criminal defence";
  input.title = English("Ethics of the defence");
  input.accreditations = {{"KZ", "", ""}};
  return input;
}

TEST(ValidateCourseTest, AcceptsACourseAndOneWhoseFactsAreUnknown) {
  EXPECT_TRUE(ValidateCourse(Valid()).empty());
  CourseInput unknown = Valid();
  unknown.language = unknown.nominal_hours = unknown.starts_on = unknown.ends_on = "";
  unknown.topics.clear();
  unknown.practice_area.clear();
  unknown.accreditations.clear();
  EXPECT_TRUE(ValidateCourse(unknown).empty());
}

TEST(ValidateCourseTest, RefusesBadInputFieldByField) {
  struct Case {
    const char* what;
    std::function<void(CourseInput&)> change;
    const char* field;
  };
  for (const auto& [what, change, field] : std::vector<Case>{
           {"a slug with capitals", [](CourseInput& i) { i.slug = "Round-Table"; }, "slug"},
           {"the address of the form", [](CourseInput& i) { i.slug = "new"; }, "slug"},
           {"no provider", [](CourseInput& i) { i.provider = ""; }, "provider"},
           {"an unknown kind", [](CourseInput& i) { i.kind = "lecture"; }, "kind"},
           {"an unknown format", [](CourseInput& i) { i.format = "online"; }, "format"},
           {"an unknown language", [](CourseInput& i) { i.language = "de"; }, "language"},
           {"negative hours", [](CourseInput& i) { i.nominal_hours = "-2"; }, "nominal_hours"},
           {"a date that is not one", [](CourseInput& i) { i.starts_on = "2015-02-30"; }, "starts_on"},
           {"an end before the start", [](CourseInput& i) { i.ends_on = "2015-02"; }, "ends_on"},
           {"an unknown topic", [](CourseInput& i) { i.topics = {"tax"}; }, "topics"},
           {"a topic twice",
            [](CourseInput& i) {
              i.topics = {"ethics", "ethics"};
            },
            "topics"},
           {"a practice area without its topic", [](CourseInput& i) { i.topics = {"ethics"}; }, "practice_area"},
           {"the topic without its area", [](CourseInput& i) { i.practice_area = " "; }, "practice_area"},
           {"a parties-only visibility", [](CourseInput& i) { i.visibility = "parties"; }, "visibility"},
           {"no title", [](CourseInput& i) { i.title = {}; }, "title"},
           {"a title in German", [](CourseInput& i) { i.title.SetTranslation("de", "Ethik"); }, "title"},
           {"a jurisdiction twice",
            [](CourseInput& i) {
              i.accreditations.push_back({"KZ", "", ""});
            },
            "accreditations"},
           {"an approval day that is not one", [](CourseInput& i) { i.accreditations[0].approved_on = "2015-13"; },
            "accreditations"},
       }) {
    CourseInput input = Valid();
    change(input);
    auto errors = ValidateCourse(input);
    ASSERT_FALSE(errors.empty()) << what;
    EXPECT_EQ(errors.front().field, field) << what;
  }
}

TEST(ValidateAttendanceTest, HoursArePositiveAndNoMoreThanTheCourseLasted) {
  EXPECT_TRUE(ValidateAttendance({"daniyar-kanafin", "attendee", "3"}, 180).empty());
  EXPECT_TRUE(ValidateAttendance({"daniyar-kanafin", "teacher", "12"}, std::nullopt).empty()) << "length unknown";
  auto longer = ValidateAttendance({"daniyar-kanafin", "attendee", "3.5"}, 180);
  ASSERT_EQ(longer.size(), 1u);
  EXPECT_EQ(longer[0].field, "hours");
  EXPECT_EQ(ValidateAttendance({"daniyar-kanafin", "attendee", "-1"}, 180).at(0).field, "hours");
  EXPECT_EQ(ValidateAttendance({"daniyar-kanafin", "spectator", "1"}, 180).at(0).field, "role");
  EXPECT_EQ(ValidateAttendance({"", "attendee", "1"}, 180).at(0).field, "person");
}

}  // namespace
}  // namespace entente::training
