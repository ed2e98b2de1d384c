#pragma once
// Training: the courses of training centres and their attendance. Every operation takes the
// actor doing it and checks it here (docs/ARCHITECTURE.md, "Who may do what"); every change is
// written with its audit entry in one transaction.
//
// Who may: anyone sees a course as its visibility allows (a hidden one is kNotFound); the
// coordinators and administrators of the provider (a training centre, or the bar above it)
// publish and change its courses and record their attendance; the attendance of a course is
// theirs to see, and each person's own is theirs (through the account linked to them).

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/db/database.h"
#include "modules/training/attendance_store.h"
#include "modules/training/course_store.h"
#include "modules/training/model.h"

namespace entente::training {

class TrainingService {
 public:
  explicit TrainingService(db::Database& database) : database_(database) {}

  // --- Courses ---
  // kInvalidArgument (field errors) for a filter value that is not one of the lists'.
  Result<Page<Course>> List(const auth::Actor& actor, const CourseFilter& filter, const PageRequest& page);
  // kNotFound unless the actor may see it.
  Result<Course> Get(const auth::Actor& actor, const std::string& slug);
  Result<Course> Get(const auth::Actor& actor, CourseId id);
  // Field errors for what was typed; kPermissionDenied unless the actor coordinates the provider
  // (checked before the other fields: a member is refused whatever the form says).
  Result<CourseId> Create(const auth::Actor& actor, const CourseInput& input);
  // kNotFound for a course the actor may not see, kPermissionDenied unless they may change it,
  // then field errors. The provider does not change.
  Status Update(const auth::Actor& actor, CourseId id, const CourseInput& input);
  // Whether the actor may create courses at all (coordinates some organization), and this one.
  static bool MayCreate(const auth::Actor& actor);
  static bool MayManage(const auth::Actor& actor, const Course& course);

  // --- Attendance ---
  // The course's attendance: for those who may manage it (kPermissionDenied otherwise).
  Result<std::vector<Attendance>> AttendanceOf(const auth::Actor& actor, CourseId course);
  // Records one person's attendance. Field errors: an unknown person, a role recorded already,
  // hours not more than 0 or more than the course lasted; for a course given at an event, a
  // person who was not among its participants.
  Result<AttendanceId> RecordAttendance(const auth::Actor& actor, CourseId course, const AttendanceInput& input);
  // For a course given at an event: records every confirmed participant of the event as an
  // attendee for the course's nominal hours, leaving out those recorded as attendees already.
  // kInvalidArgument when the course was not given at an event or its hours are unknown. Returns
  // how many were recorded.
  Result<int> RecordEventParticipants(const auth::Actor& actor, CourseId course);
  // The attendance of the person the actor's account is linked to (empty when none is), at the
  // courses the actor may see.
  Result<std::vector<AttendedCourse>> MyAttendance(const auth::Actor& actor);

 private:
  struct Changing {
    Course course;
    auth::Permit<CourseId> permit;
  };
  Result<Changing> LoadForChange(soci::session& sql, const auth::Actor& actor, CourseId id) const;

  db::Database& database_;
  CourseStore courses_;
  AttendanceStore attendances_;
};

}  // namespace entente::training
