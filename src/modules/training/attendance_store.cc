#include "modules/training/attendance_store.h"

#include "core/base/time.h"
#include "core/db/query.h"
#include "core/db/text_table.h"

namespace entente::training {
namespace {

constexpr db::TextTable kCourseTexts("course_texts");
constexpr db::TextTable kOrganizationTexts("directory_organization_texts");

PartialDate Date(const std::string& text) { return PartialDate::Parse(text).value_or(PartialDate()); }

Attendance FromRow(const db::Row& row) {
  Attendance attendance;
  attendance.id = AttendanceId(row.Get<long long>(0));
  attendance.course = CourseId(row.Get<long long>(1));
  attendance.person = PersonId(row.Get<long long>(2));
  attendance.person_slug = row.Get<std::string>(3);
  attendance.person_name = row.Get<std::string>(4);
  attendance.role = kAttendanceRoles.Parse(row.Get<std::string>(5)).value_or(AttendanceRole::kAttendee);
  attendance.minutes = static_cast<int>(row.Get<long long>(6));
  attendance.recorded_at_utc = row.Get<std::string>(7);
  return attendance;
}

}  // namespace

bool AttendanceStore::Exists(soci::session& sql, CourseId course, PersonId person, AttendanceRole role) const {
  db::Query query("SELECT COUNT(*) FROM attendances WHERE course_id = ");
  query.Bind(course.value())
      .Append(" AND person_id = ")
      .Bind(person.value())
      .Append(" AND role = ")
      .Bind(std::string(kAttendanceRoles.Key(role)));
  return query.Scalar<long long>(sql, 0) > 0;
}

AttendanceId AttendanceStore::Insert(soci::session& sql, const auth::Permit<CourseId>& course, PersonId person,
                                     AttendanceRole role, int minutes, UserId recorded_by) const {
  long long id = 0, course_id = course.id().value(), person_id = person.value(), length = minutes;
  long long user = recorded_by.value();
  soci::indicator user_i = recorded_by.valid() ? soci::i_ok : soci::i_null;
  std::string role_key(kAttendanceRoles.Key(role)), now = NowUtc();
  sql << "INSERT INTO attendances (course_id, person_id, role, minutes, recorded_by, recorded_at_utc) "
         "VALUES (:course, :person, :role, :minutes, :user, :now) RETURNING id",
      soci::use(course_id), soci::use(person_id), soci::use(role_key), soci::use(length), soci::use(user, user_i),
      soci::use(now), soci::into(id);
  return AttendanceId(id);
}

std::vector<Attendance> AttendanceStore::OfCourse(soci::session& sql, CourseId course) const {
  std::vector<Attendance> attendances;
  db::Query query(
      "SELECT a.id, a.course_id, a.person_id, p.slug, p.display_name, a.role, a.minutes, a.recorded_at_utc "
      "FROM attendances a JOIN directory_people p ON p.id = a.person_id WHERE a.course_id = ");
  query.Bind(course.value());
  query.Append(" ORDER BY p.sort_key, a.role, a.id");
  query.ForEachRow(sql, [&](const db::Row& row) { attendances.push_back(FromRow(row)); });
  return attendances;
}

std::vector<AttendedCourse> AttendanceStore::OfPerson(soci::session& sql, PersonId person) const {
  std::vector<AttendedCourse> attended;
  std::vector<long long> courses, providers;
  // One query over the attendance, its course and the provider's slug.
  db::Query rows(
      "SELECT a.id, a.course_id, a.person_id, p.slug, p.display_name, a.role, a.minutes, a.recorded_at_utc, "
      "c.slug, c.provider_id, o.slug, c.starts_on, c.ends_on, c.visibility FROM attendances a "
      "JOIN directory_people p ON p.id = a.person_id JOIN courses c ON c.id = a.course_id "
      "JOIN directory_organizations o ON o.id = c.provider_id WHERE a.person_id = ");
  rows.Bind(person.value())
      .Append(" ORDER BY CASE WHEN c.starts_on = '' THEN 1 ELSE 0 END, c.starts_on DESC, a.id DESC");
  rows.ForEachRow(sql, [&](const db::Row& row) {
    AttendedCourse item;
    item.attendance = FromRow(row);
    item.course_slug = row.Get<std::string>(8);
    item.provider = {OrganizationId(row.Get<long long>(9)), row.Get<std::string>(10), {}};
    item.starts_on = Date(row.Get<std::string>(11));
    item.ends_on = Date(row.Get<std::string>(12));
    item.visibility = auth::ParseVisibility(row.Get<std::string>(13)).value_or(auth::Visibility::kOrganization);
    courses.push_back(item.attendance.course.value());
    providers.push_back(item.provider.id.value());
    attended.push_back(std::move(item));
  });
  auto titles = kCourseTexts.Load(sql, courses);
  auto names = kOrganizationTexts.Load(sql, providers);
  for (auto& item : attended) {
    item.course_title = db::TextOf(titles, item.attendance.course.value(), "title");
    item.provider.name = db::TextOf(names, item.provider.id.value(), "name");
  }
  return attended;
}

bool AttendanceStore::TookPartIn(soci::session& sql, EventId event, PersonId person) const {
  db::Query query("SELECT COUNT(*) FROM events_confirmed_participants WHERE event_id = ");
  query.Bind(event.value()).Append(" AND person_id = ").Bind(person.value());
  return query.Scalar<long long>(sql, 0) > 0;
}

std::vector<PersonId> AttendanceStore::ParticipantsOf(soci::session& sql, EventId event) const {
  std::vector<PersonId> people;
  db::Query query("SELECT DISTINCT person_id FROM events_confirmed_participants WHERE event_id = ");
  query.Bind(event.value()).Append(" ORDER BY person_id");
  for (long long id : query.Column<long long>(sql)) people.push_back(PersonId(id));
  return people;
}

std::optional<PersonId> AttendanceStore::PersonOfUser(soci::session& sql, UserId user) const {
  auto people = db::Query("SELECT person_id FROM accounts_users WHERE person_id IS NOT NULL AND id = ")
                    .Bind(user.value())
                    .Column<long long>(sql);
  if (people.empty()) return std::nullopt;
  return PersonId(people.front());
}

}  // namespace entente::training
