#pragma once
// Training (docs/ARCHITECTURE.md, "Training"): the courses and round-tables that training centres
// publish — stand-alone, or given at an event — the jurisdictions that accredited them for CPD,
// and the attendance their organizers record. What the sources do not give stays unknown: a
// PartialDate that is not known, no nominal hours, no language.
//
// Hours are whole minutes in memory and in the database (1.5 h is 90), typed and shown as hours
// (HoursText, ParseHours in rules.h).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/visibility.h"
#include "core/base/enum_table.h"
#include "core/base/ids.h"
#include "core/base/messages.h"
#include "core/base/partial_date.h"
#include "core/i18n/localized_text.h"

namespace entente::training {

using CourseId = Id<struct CourseIdTag>;
using AttendanceId = Id<struct AttendanceIdTag>;

enum class CourseKind { kCourse, kRoundTable, kConference, kSeminar, kMootCourt };
enum class CourseFormat { kInPerson, kDistance, kHybrid };
enum class Topic { kEthics, kProfessionalPractice, kProcedure, kPracticeArea };
// What a person did at a course: each counts under the rules of their bar (teaching may count
// more than attending).
enum class AttendanceRole { kAttendee, kTeacher, kAuthor, kMootCourtJudge };

inline constexpr EnumTable<CourseKind, 5> kCourseKinds{{{
    {CourseKind::kCourse, "course", N_("Course")},
    {CourseKind::kRoundTable, "round_table", N_("Round-table")},
    {CourseKind::kConference, "conference", N_("Conference")},
    {CourseKind::kSeminar, "seminar", N_("Seminar")},
    {CourseKind::kMootCourt, "moot_court", N_("Moot court")},
}}};
inline constexpr EnumTable<CourseFormat, 3> kCourseFormats{{{
    {CourseFormat::kInPerson, "in_person", N_("In person")},
    {CourseFormat::kDistance, "distance", N_("Distance learning")},
    {CourseFormat::kHybrid, "hybrid", N_("Hybrid")},
}}};
inline constexpr EnumTable<Topic, 4> kTopics{{{
    {Topic::kEthics, "ethics", N_("Ethics")},
    {Topic::kProfessionalPractice, "professional_practice", N_("Professional practice")},
    {Topic::kProcedure, "procedure", N_("Procedure")},
    {Topic::kPracticeArea, "practice_area", N_("A practice area")},
}}};
inline constexpr EnumTable<AttendanceRole, 4> kAttendanceRoles{{{
    {AttendanceRole::kAttendee, "attendee", N_("Attendee")},
    {AttendanceRole::kTeacher, "teacher", N_("Teacher")},
    {AttendanceRole::kAuthor, "author", N_("Author")},
    {AttendanceRole::kMootCourtJudge, "moot_court_judge", N_("Moot court judge")},
}}};

// A jurisdiction's approval of a course for CPD, as the approval gives it.
struct Accreditation {
  std::string jurisdiction;  // code: FR, KZ
  std::string reference;
  PartialDate approved_on;
};

struct NamedOrganization {
  OrganizationId id;
  std::string slug;
  i18n::LocalizedText name;
};

struct Course {
  CourseId id;
  std::string slug;
  NamedOrganization provider;
  std::optional<EventId> event;  // the event it is given at
  std::string event_slug;
  i18n::LocalizedText event_title;
  CourseKind kind = CourseKind::kCourse;
  CourseFormat format = CourseFormat::kInPerson;
  std::string language;                // taught in; empty when unknown
  std::optional<int> nominal_minutes;  // unknown when absent
  PartialDate starts_on, ends_on;
  std::vector<Topic> topics;
  std::string practice_area;  // with Topic::kPracticeArea
  auth::Visibility visibility = auth::Visibility::kPublic;
  i18n::LocalizedText title, description;
  std::vector<Accreditation> accreditations;
  std::string updated_at_utc;
};

// What a form or a JSON body gives, as typed; the service checks it.
struct CourseInput {
  std::string slug;
  std::string provider;  // the training centre's slug
  std::string event;     // an event's slug, or empty
  std::string kind = "course";
  std::string format = "in_person";
  std::string language;
  std::string nominal_hours;  // "3", "1.5", "1,5"; empty when unknown
  std::string starts_on, ends_on;
  std::vector<std::string> topics;
  std::string practice_area;
  std::string visibility = "public";
  i18n::LocalizedText title, description;
  struct AccreditationInput {
    std::string jurisdiction, reference, approved_on;
  };
  std::vector<AccreditationInput> accreditations;
};

struct Attendance {
  AttendanceId id;
  CourseId course;
  PersonId person;
  std::string person_slug;
  std::string person_name;
  AttendanceRole role = AttendanceRole::kAttendee;
  int minutes = 0;
  std::string recorded_at_utc;
};

struct AttendanceInput {
  std::string person;  // slug
  std::string role = "attendee";
  std::string hours;  // as typed
};

// A line of a person's own training record: the attendance and the course it was at.
struct AttendedCourse {
  Attendance attendance;
  std::string course_slug;
  i18n::LocalizedText course_title;
  NamedOrganization provider;
  auth::Visibility visibility = auth::Visibility::kPublic;  // the course's
  PartialDate starts_on, ends_on;
};

struct CourseFilter {
  std::string provider;  // slug
  std::string language;
  std::string format;
  std::string topic;
  std::string text;  // words of the title, matched in any language and script (folded)
};

}  // namespace entente::training
