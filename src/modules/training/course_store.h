#pragma once
// The training module's SQL over courses, their texts, topics and accreditations. Functions take
// the soci::session of a Database::Read or Write and throw SOCI's errors (which those calls turn
// into kConflict or kInternal); writes run inside the caller's transaction. Names of
// organizations, events and jurisdictions come through their modules' views
// (docs/ARCHITECTURE.md, "How to add a module", step 4).

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/auth/policy.h"
#include "core/base/pagination.h"
#include "modules/training/model.h"

namespace entente::training {

// A course as the service checked it, ready to write.
struct CourseRecord {
  std::string slug;
  std::optional<EventId> event;
  CourseKind kind = CourseKind::kCourse;
  CourseFormat format = CourseFormat::kInPerson;
  std::string language;
  std::optional<int> nominal_minutes;
  PartialDate starts_on, ends_on;
  std::vector<Topic> topics;
  std::string practice_area;
  auth::Visibility visibility = auth::Visibility::kPublic;
  i18n::LocalizedText title, description;
  // Jurisdiction ids (from JurisdictionIdByCode) with the approval's reference and day.
  struct AccreditationRecord {
    JurisdictionId jurisdiction;
    std::string reference;
    PartialDate approved_on;
  };
  std::vector<AccreditationRecord> accreditations;
};

class CourseStore {
 public:
  std::optional<CourseId> FindIdBySlug(soci::session& sql, const std::string& slug) const;
  // The whole course with its provider's name, topics and accreditations. Does not check
  // visibility: the service does.
  std::optional<Course> Load(soci::session& sql, CourseId id) const;
  // The courses `viewer` may see that match `filter`, decided in SQL; the latest first, unknown
  // dates last.
  Page<Course> List(soci::session& sql, const auth::Actor& viewer, const CourseFilter& filter,
                    const PageRequest& page) const;

  // Writes take the policy's permit: for the provider, then for the course.
  CourseId Insert(soci::session& sql, const auth::Permit<OrganizationId>& provider, const CourseRecord& record) const;
  void Update(soci::session& sql, const auth::Permit<CourseId>& course, const CourseRecord& record) const;

  // The event of that slug, with who may see it, when `viewer` may (through the events module's
  // view).
  struct EventRef {
    EventId id;
    auth::Visibility visibility = auth::Visibility::kPublic;
  };
  std::optional<EventRef> VisibleEventBySlug(soci::session& sql, const auth::Actor& viewer,
                                             const std::string& slug) const;
  std::optional<JurisdictionId> JurisdictionIdByCode(soci::session& sql, const std::string& code) const;
};

}  // namespace entente::training
