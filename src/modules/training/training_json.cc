#include "modules/training/training_json.h"

#include "core/http/json.h"
#include "modules/training/rules.h"

namespace entente::training {

using nlohmann::json;

namespace {

// Hours with at most two decimals, as they are typed (100 minutes is 1.67 h, which ParseHours
// reads back as 100).
json HoursJson(std::optional<int> minutes) {
  if (!minutes) return nullptr;
  long long hundredths = (static_cast<long long>(*minutes) * 100 + 30) / 60;
  return static_cast<double>(hundredths) / 100.0;
}

json OrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

}  // namespace

json CourseJson(const Course& course) {
  json topics = json::array();
  for (Topic topic : course.topics) topics.push_back(kTopics.Key(topic));
  json accreditations = json::array();
  for (const auto& accreditation : course.accreditations) {
    accreditations.push_back({{"jurisdiction", accreditation.jurisdiction},
                              {"reference", accreditation.reference},
                              {"approved_on", http::PartialDateJson(accreditation.approved_on)}});
  }
  return {{"id", course.id.value()},
          {"slug", course.slug},
          {"provider", {{"slug", course.provider.slug}, {"name", http::LocalizedJson(course.provider.name)}}},
          {"event", OrNull(course.event_slug)},
          {"kind", kCourseKinds.Key(course.kind)},
          {"format", kCourseFormats.Key(course.format)},
          {"language", OrNull(course.language)},
          {"nominal_hours", HoursJson(course.nominal_minutes)},
          {"starts_on", http::PartialDateJson(course.starts_on)},
          {"ends_on", http::PartialDateJson(course.ends_on)},
          {"topics", topics},
          {"practice_area", OrNull(course.practice_area)},
          {"visibility", auth::VisibilityKey(course.visibility)},
          {"title", http::LocalizedJson(course.title)},
          {"description", http::LocalizedJson(course.description)},
          {"accreditations", accreditations},
          {"updated_at", course.updated_at_utc}};
}

json AttendanceJson(const Attendance& attendance) {
  return {{"id", attendance.id.value()},
          {"person", {{"slug", attendance.person_slug}, {"name", attendance.person_name}}},
          {"role", kAttendanceRoles.Key(attendance.role)},
          {"hours", HoursJson(attendance.minutes)},
          {"recorded_at", attendance.recorded_at_utc}};
}

json AttendedJson(const AttendedCourse& attended) {
  json body = AttendanceJson(attended.attendance);
  body["course"] = {{"slug", attended.course_slug},
                    {"title", http::LocalizedJson(attended.course_title)},
                    {"provider", attended.provider.slug},
                    {"starts_on", http::PartialDateJson(attended.starts_on)},
                    {"ends_on", http::PartialDateJson(attended.ends_on)}};
  return body;
}

CourseInput ReadCourse(http::JsonReader& read, CourseInput base) {
  CourseInput input = std::move(base);
  input.slug = read.String("slug", input.slug);
  input.provider = read.String("provider", input.provider);
  input.event = read.String("event", input.event);
  input.kind = read.String("kind", input.kind);
  input.format = read.String("format", input.format);
  input.language = read.String("language", input.language);
  input.nominal_hours = read.DecimalText("nominal_hours", input.nominal_hours);
  input.starts_on = read.String("starts_on", input.starts_on);
  input.ends_on = read.String("ends_on", input.ends_on);
  input.topics = read.Strings("topics", input.topics);
  input.practice_area = read.String("practice_area", input.practice_area);
  input.visibility = read.String("visibility", input.visibility);
  input.title = read.Text("title", input.title);
  input.description = read.Text("description", input.description);
  if (read.Has("accreditations")) {
    input.accreditations.clear();
    read.Each("accreditations", [&](http::JsonReader& item) {
      input.accreditations.push_back(
          {item.String("jurisdiction"), item.String("reference"), item.String("approved_on")});
    });
  }
  return input;
}

Result<CourseInput> CourseFromJson(const json& body, CourseInput base) {
  http::JsonReader read(body);
  CourseInput input = ReadCourse(read, std::move(base));
  return read.Finish(std::move(input));
}

Result<AttendanceInput> AttendanceFromJson(const json& body) {
  http::JsonReader read(body);
  AttendanceInput input;
  input.person = read.String("person");
  input.role = read.String("role", input.role);
  input.hours = read.DecimalText("hours");
  return read.Finish(std::move(input));
}

}  // namespace entente::training
