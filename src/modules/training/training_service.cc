#include "modules/training/training_service.h"

#include <nlohmann/json.hpp>

#include "core/audit/audit_log.h"
#include "core/auth/policy.h"
#include "core/base/json_text.h"
#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/i18n/languages.h"
#include "modules/directory/lookup.h"
#include "modules/training/rules.h"

namespace entente::training {
namespace {

using auth::Role;

Error Invalid(std::vector<FieldError> errors) {
  return Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors));
}

constexpr const char* kMayNotChange =
    N_("Only the coordinators and administrators of the training centre may change this course.");

auth::Owners OwnersOf(const Course& course) { return {course.visibility, {course.provider.id}, {}}; }

// How widely a course or an event is shown: public to anyone, members to signed-in users,
// organization to its organization's people.
int Reach(auth::Visibility visibility) {
  switch (visibility) {
    case auth::Visibility::kPublic:
      return 2;
    case auth::Visibility::kMembers:
      return 1;
    default:
      return 0;
  }
}

// The checked input as a record: ids for the event and the jurisdictions; field errors for
// those that are unknown or hidden.
Result<CourseRecord> Resolve(soci::session& sql, const CourseStore& store, const auth::Actor& actor,
                             const CourseInput& input) {
  CourseRecord record;
  std::vector<FieldError> errors;
  record.slug = input.slug;
  auto visibility = auth::ParseVisibility(input.visibility);
  if (!input.event.empty()) {
    auto event = store.VisibleEventBySlug(sql, actor, input.event);
    if (!event) {
      errors.push_back({"event", N_("There is no such event.")});
    } else if (visibility && Reach(*visibility) > Reach(event->visibility)) {
      // Its readers would see the address of an event hidden from them.
      errors.push_back({"event", N_("A course may not be shown to more people than the event it is given at.")});
    } else {
      record.event = event->id;
    }
  }
  record.kind = kCourseKinds.Parse(input.kind).value_or(CourseKind::kCourse);
  record.format = kCourseFormats.Parse(input.format).value_or(CourseFormat::kInPerson);
  record.language = input.language;
  if (!input.nominal_hours.empty()) record.nominal_minutes = ParseHours(input.nominal_hours);
  record.starts_on = PartialDate::Parse(input.starts_on).value_or(PartialDate());
  record.ends_on = PartialDate::Parse(input.ends_on).value_or(PartialDate());
  for (const auto& topic : input.topics) record.topics.push_back(*kTopics.Parse(topic));
  record.practice_area = std::string(TrimSpaces(input.practice_area));
  record.visibility = *visibility;
  record.title = input.title;
  record.description = input.description;
  for (const auto& accreditation : input.accreditations) {
    auto jurisdiction = store.JurisdictionIdByCode(sql, accreditation.jurisdiction);
    if (!jurisdiction) {
      errors.push_back({"accreditations", N_("There is no such jurisdiction.")});
      continue;
    }
    record.accreditations.push_back({*jurisdiction, std::string(TrimSpaces(accreditation.reference)),
                                     PartialDate::Parse(accreditation.approved_on).value_or(PartialDate())});
  }
  if (!errors.empty()) return Fail(Invalid(std::move(errors)));
  return record;
}

std::string Details(const CourseInput& input) {
  return JsonText({{"slug", input.slug}, {"provider", input.provider}, {"kind", input.kind}});
}

}  // namespace

bool TrainingService::MayCreate(const auth::Actor& actor) { return actor.HoldsAnywhere(Role::kCoordinator); }

bool TrainingService::MayManage(const auth::Actor& actor, const Course& course) {
  return auth::Policy::MayAct(actor, Role::kCoordinator, OwnersOf(course));
}

Result<Page<Course>> TrainingService::List(const auth::Actor& actor, const CourseFilter& filter,
                                           const PageRequest& page) {
  std::vector<FieldError> errors;
  if (!filter.language.empty() && !i18n::IsSupportedLanguage(filter.language)) {
    errors.push_back({"language", N_("Choose a language from the list.")});
  }
  if (!filter.format.empty() && !kCourseFormats.Parse(filter.format)) {
    errors.push_back({"format", N_("Choose a format from the list.")});
  }
  if (!filter.topic.empty() && !kTopics.Parse(filter.topic))
    errors.push_back({"topic", N_("Choose a topic from the list.")});
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the request."), std::move(errors)));
  return database_.Read(
      [&](soci::session& sql) -> Result<Page<Course>> { return courses_.List(sql, actor, filter, page); });
}

Result<Course> TrainingService::Get(const auth::Actor& actor, const std::string& slug) {
  return database_.Read([&](soci::session& sql) -> Result<Course> {
    auto id = courses_.FindIdBySlug(sql, slug);
    auto course = id ? courses_.Load(sql, *id) : std::nullopt;
    if (!course || !auth::Policy::MayView(actor, OwnersOf(*course))) {
      return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "course", id ? id->value() : 0));
    }
    return std::move(*course);
  });
}

Result<Course> TrainingService::Get(const auth::Actor& actor, CourseId id) {
  return database_.Read([&](soci::session& sql) -> Result<Course> {
    auto course = courses_.Load(sql, id);
    if (!course || !auth::Policy::MayView(actor, OwnersOf(*course))) {
      return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "course", id.value()));
    }
    return std::move(*course);
  });
}

Result<CourseId> TrainingService::Create(const auth::Actor& actor, const CourseInput& input) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  if (!MayCreate(actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a training centre publish courses.")));
  }
  return database_.Write([&](soci::session& sql) -> Result<CourseId> {
    // The provider first: publishing for a training centre one does not coordinate is refused
    // (403) whatever else the form says; an unknown or hidden one is a field error.
    auto provider = directory::VisibleOrganizationBySlug(sql, actor, input.provider);
    std::optional<auth::Permit<OrganizationId>> permit;
    if (provider) {
      auto granted = auth::Policy::Change(
          actor, Role::kCoordinator, "organization", *provider, auth::Owners{.organizations = {*provider}},
          N_("Only the coordinators and administrators of a training centre publish its courses."));
      if (!granted) return Fail(granted.error());
      permit = *granted;
    }
    auto errors = ValidateCourse(input);
    if (!provider && !input.provider.empty()) errors.push_back({"provider", N_("There is no such organization.")});
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    if (courses_.FindIdBySlug(sql, input.slug))
      return Fail(Invalid({{"slug", N_("Another course already has this address.")}}));
    auto record = Resolve(sql, courses_, actor, input);
    if (!record) return Fail(record.error());
    CourseId id = courses_.Insert(sql, *permit, *record);
    audit::Record(sql, actor, {"course.create", "course", id.value(), *provider, Details(input)});
    return id;
  });
}

Result<TrainingService::Changing> TrainingService::LoadForChange(soci::session& sql, const auth::Actor& actor,
                                                                 CourseId id) const {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  auto course = courses_.Load(sql, id);
  if (!course) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "course", id.value()));
  auto permit = auth::Policy::Change(actor, Role::kCoordinator, "course", id, OwnersOf(*course), kMayNotChange);
  if (!permit) return Fail(permit.error());
  return Changing{std::move(*course), *permit};
}

Status TrainingService::Update(const auth::Actor& actor, CourseId id, const CourseInput& input) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto current = LoadForChange(sql, actor, id);
    if (!current) return Fail(current.error());
    CourseInput changed = input;
    changed.provider = current->course.provider.slug;  // the provider stays
    if (auto errors = ValidateCourse(changed); !errors.empty()) return Fail(Invalid(std::move(errors)));
    if (auto other = courses_.FindIdBySlug(sql, changed.slug); other && *other != id) {
      return Fail(Invalid({{"slug", N_("Another course already has this address.")}}));
    }
    auto record = Resolve(sql, courses_, actor, changed);
    if (!record) return Fail(record.error());
    courses_.Update(sql, current->permit, *record);
    audit::Record(sql, actor, {"course.update", "course", id.value(), current->course.provider.id, Details(changed)});
    return {};
  });
}

Result<std::vector<Attendance>> TrainingService::AttendanceOf(const auth::Actor& actor, CourseId course) {
  return database_.Read([&](soci::session& sql) -> Result<std::vector<Attendance>> {
    auto current = LoadForChange(sql, actor, course);
    if (!current) return Fail(current.error());
    return attendances_.OfCourse(sql, course);
  });
}

Result<AttendanceId> TrainingService::RecordAttendance(const auth::Actor& actor, CourseId course,
                                                       const AttendanceInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<AttendanceId> {
    auto current = LoadForChange(sql, actor, course);
    if (!current) return Fail(current.error());
    if (auto errors = ValidateAttendance(input, current->course.nominal_minutes); !errors.empty()) {
      return Fail(Invalid(std::move(errors)));
    }
    auto person = directory::CurrentPersonBySlug(sql, input.person);
    if (!person) return Fail(Invalid({{"person", N_("There is no such person in the directory.")}}));
    if (current->course.event && !attendances_.TookPartIn(sql, *current->course.event, *person)) {
      return Fail(
          Invalid({{"person", N_("This person is not among the participants of the event the course was given at.")}}));
    }
    AttendanceRole role = *kAttendanceRoles.Parse(input.role);
    if (attendances_.Exists(sql, course, *person, role)) {
      return Fail(Invalid({{"person", N_("This person's attendance in this role is recorded already.")}}));
    }
    int minutes = *ParseHours(input.hours);
    AttendanceId id = attendances_.Insert(sql, current->permit, *person, role, minutes, actor.user());
    audit::Record(sql, actor,
                  {"attendance.create", "attendance", id.value(), current->course.provider.id,
                   JsonText({{"course", current->course.slug},
                             {"person", input.person},
                             {"role", input.role},
                             {"minutes", minutes}})});
    return id;
  });
}

Result<int> TrainingService::RecordEventParticipants(const auth::Actor& actor, CourseId course) {
  return database_.Write([&](soci::session& sql) -> Result<int> {
    auto current = LoadForChange(sql, actor, course);
    if (!current) return Fail(current.error());
    if (!current->course.event) {
      return Fail(
          Error::InvalidArgument(N_("This course was not given at an event: record its attendance one by one.")));
    }
    if (!current->course.nominal_minutes) {
      return Fail(Error::InvalidArgument(
          N_("Give the course's hours first: each participant is recorded for the whole course.")));
    }
    int minutes = *current->course.nominal_minutes, recorded = 0;
    for (PersonId person : attendances_.ParticipantsOf(sql, *current->course.event)) {
      if (attendances_.Exists(sql, course, person, AttendanceRole::kAttendee)) continue;
      AttendanceId id =
          attendances_.Insert(sql, current->permit, person, AttendanceRole::kAttendee, minutes, actor.user());
      audit::Record(sql, actor,
                    {"attendance.create", "attendance", id.value(), current->course.provider.id,
                     JsonText({{"course", current->course.slug},
                               {"person_id", person.value()},
                               {"role", "attendee"},
                               {"minutes", minutes},
                               {"from_event", true}})});
      ++recorded;
    }
    return recorded;
  });
}

Result<std::vector<AttendedCourse>> TrainingService::MyAttendance(const auth::Actor& actor) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<std::vector<AttendedCourse>> {
    auto person = attendances_.PersonOfUser(sql, actor.user());
    if (!person) return std::vector<AttendedCourse>{};
    std::vector<AttendedCourse> visible;
    for (auto& item : attendances_.OfPerson(sql, *person)) {
      if (auth::Policy::MayView(actor, {item.visibility, {item.provider.id}, {}})) visible.push_back(std::move(item));
    }
    return visible;
  });
}

}  // namespace entente::training
