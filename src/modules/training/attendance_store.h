#pragma once
// The training module's SQL over attendance. The same contract as course_store.h.

#include <soci/soci.h>

#include <optional>
#include <vector>

#include "core/auth/policy.h"
#include "modules/training/model.h"

namespace entente::training {

class AttendanceStore {
 public:
  // Whether `person` already has an attendance of `role` at `course`.
  bool Exists(soci::session& sql, CourseId course, PersonId person, AttendanceRole role) const;
  // The leave to change the course is the authority: attendance is the organizers' record.
  AttendanceId Insert(soci::session& sql, const auth::Permit<CourseId>& course, PersonId person, AttendanceRole role,
                      int minutes, UserId recorded_by) const;
  // A course's attendance, by name, with each person's slug and name from the directory's view.
  std::vector<Attendance> OfCourse(soci::session& sql, CourseId course) const;
  // A person's attendance at every course, the latest first, with the courses' titles and
  // providers. Does not check who may see the courses: the service does.
  std::vector<AttendedCourse> OfPerson(soci::session& sql, PersonId person) const;
  // Whether `person` took part in `event` (a confirmed participant, through the events module's
  // view).
  bool TookPartIn(soci::session& sql, EventId event, PersonId person) const;
  // The confirmed participants of `event`, each once.
  std::vector<PersonId> ParticipantsOf(soci::session& sql, EventId event) const;
  // The directory person a user's account is linked to (through the accounts module's view).
  std::optional<PersonId> PersonOfUser(soci::session& sql, UserId user) const;
};

}  // namespace entente::training
