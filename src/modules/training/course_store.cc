#include "modules/training/course_store.h"

#include <map>

#include "core/base/time.h"
#include "core/db/query.h"
#include "core/db/text_table.h"
#include "core/search/name_folding.h"

namespace entente::training {
namespace {

constexpr db::TextTable kCourseTexts("course_texts");
constexpr db::TextTable kOrganizationTexts("directory_organization_texts");
constexpr db::TextTable kEventTexts("events_event_texts");

PartialDate Date(const std::string& text) { return PartialDate::Parse(text).value_or(PartialDate()); }

// A SELECT of a course's row in the columns CourseRows reads, from courses c with their
// provider o and event e; the caller appends the WHERE clause.
db::Query SelectCourses() {
  return db::Query(
      "SELECT c.id, c.slug, c.provider_id, o.slug, COALESCE(c.event_id, 0), COALESCE(e.slug, ''), c.kind, c.format, "
      "c.language, COALESCE(c.nominal_minutes, 0), c.starts_on, c.ends_on, c.practice_area, c.visibility, "
      "c.updated_at_utc FROM courses c JOIN directory_organizations o ON o.id = c.provider_id "
      "LEFT JOIN events_events e ON e.id = c.event_id");
}

// Reads rows of SelectCourses() into courses: the row's own facts; texts, topics and names later.
class CourseRows {
 public:
  void Bind(soci::statement& s) {
    s.exchange(soci::into(id_));
    s.exchange(soci::into(slug_));
    s.exchange(soci::into(provider_));
    s.exchange(soci::into(provider_slug_));
    s.exchange(soci::into(event_));
    s.exchange(soci::into(event_slug_));
    s.exchange(soci::into(kind_));
    s.exchange(soci::into(format_));
    s.exchange(soci::into(language_));
    s.exchange(soci::into(minutes_));
    s.exchange(soci::into(starts_on_));
    s.exchange(soci::into(ends_on_));
    s.exchange(soci::into(practice_area_));
    s.exchange(soci::into(visibility_));
    s.exchange(soci::into(updated_at_));
  }
  Course Current() const {
    Course course;
    course.id = CourseId(id_);
    course.slug = slug_;
    course.provider = {OrganizationId(provider_), provider_slug_, {}};
    if (event_ != 0) course.event = EventId(event_);
    course.event_slug = event_slug_;
    course.kind = kCourseKinds.Parse(kind_).value_or(CourseKind::kCourse);
    course.format = kCourseFormats.Parse(format_).value_or(CourseFormat::kInPerson);
    course.language = language_;
    if (minutes_ > 0) course.nominal_minutes = static_cast<int>(minutes_);
    course.starts_on = Date(starts_on_);
    course.ends_on = Date(ends_on_);
    course.practice_area = practice_area_;
    course.visibility = auth::ParseVisibility(visibility_).value_or(auth::Visibility::kOrganization);
    course.updated_at_utc = updated_at_;
    return course;
  }

 private:
  long long id_ = 0, provider_ = 0, event_ = 0, minutes_ = 0;
  std::string slug_, provider_slug_, event_slug_, kind_, format_, language_, starts_on_, ends_on_, practice_area_,
      visibility_, updated_at_;
};

// Titles and descriptions, providers' names and topics of `courses`, in three queries.
void LoadDetails(soci::session& sql, std::vector<Course>& courses) {
  std::vector<long long> ids, providers, events;
  for (const auto& course : courses) {
    ids.push_back(course.id.value());
    providers.push_back(course.provider.id.value());
    if (course.event) events.push_back(course.event->value());
  }
  auto texts = kCourseTexts.Load(sql, ids);
  auto names = kOrganizationTexts.Load(sql, providers);
  auto event_titles = kEventTexts.Load(sql, events);
  std::map<long long, std::vector<Topic>> topics;
  db::Query query("SELECT course_id, topic FROM course_topics WHERE course_id IN (");
  query.BindList(ids).Append(") ORDER BY course_id, topic");
  query.ForEachRow(sql, [&](const db::Row& row) {
    if (auto topic = kTopics.Parse(row.Get<std::string>(1))) topics[row.Get<long long>(0)].push_back(*topic);
  });
  for (auto& course : courses) {
    course.title = db::TextOf(texts, course.id.value(), "title");
    course.description = db::TextOf(texts, course.id.value(), "description");
    course.provider.name = db::TextOf(names, course.provider.id.value(), "name");
    if (course.event) course.event_title = db::TextOf(event_titles, course.event->value(), "title");
    course.topics = std::move(topics[course.id.value()]);
  }
}

// The accreditations of `courses`, in one query: a page of the list shows them as a course does.
void LoadAccreditations(soci::session& sql, std::vector<Course>& courses) {
  std::vector<long long> ids;
  for (const auto& course : courses) ids.push_back(course.id.value());
  std::map<long long, std::vector<Accreditation>> accreditations;
  db::Query query(
      "SELECT a.course_id, j.code, a.reference, a.approved_on FROM course_accreditations a "
      "JOIN directory_jurisdictions j ON j.id = a.jurisdiction_id WHERE a.course_id IN (");
  query.BindList(ids).Append(") ORDER BY a.course_id, j.code");
  query.ForEachRow(sql, [&](const db::Row& row) {
    accreditations[row.Get<long long>(0)].push_back(
        {row.Get<std::string>(1), row.Get<std::string>(2), Date(row.Get<std::string>(3))});
  });
  for (auto& course : courses) course.accreditations = std::move(accreditations[course.id.value()]);
}

void AppendFilter(db::Query& query, const auth::Actor& viewer, const CourseFilter& filter) {
  query.Append(" AND ");
  auth::AppendVisibleTo(query, viewer, {.visibility = "c.visibility", .owner_organization = "c.provider_id"});
  if (!filter.provider.empty()) query.Append(" AND o.slug = ").Bind(filter.provider);
  if (!filter.language.empty()) query.Append(" AND c.language = ").Bind(filter.language);
  if (!filter.format.empty()) query.Append(" AND c.format = ").Bind(filter.format);
  if (!filter.topic.empty()) {
    query.Append(" AND EXISTS (SELECT 1 FROM course_topics t WHERE t.course_id = c.id AND t.topic = ")
        .Bind(filter.topic)
        .Append(")");
  }
  // Every word of the text begins a word of the title, folded alike (any script, any case, no
  // diacritics): "form" finds "Form", not "Platform".
  for (const auto& word : search::FoldWords(filter.text)) query.Append(" AND c.title_key ").BindContains(" " + word);
}

// The folded words of the title in all its languages, each once and each after a space: what the
// list's text matches.
std::string TitleKey(const i18n::LocalizedText& title) {
  std::vector<std::string> keys;
  for (const auto& [language, variant] : title.variants()) {
    for (auto& key : search::FoldWords(variant.text)) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
  return " " + search::JoinKeys(keys);
}

void WriteDetails(soci::session& sql, CourseId id, const CourseRecord& record) {
  long long course = id.value();
  kCourseTexts.Replace(sql, course, "title", record.title);
  kCourseTexts.Replace(sql, course, "description", record.description);
  sql << "DELETE FROM course_topics WHERE course_id = :id", soci::use(course);
  for (Topic topic : record.topics) {
    std::string key(kTopics.Key(topic));
    sql << "INSERT INTO course_topics (course_id, topic) VALUES (:id, :topic)", soci::use(course), soci::use(key);
  }
  sql << "DELETE FROM course_accreditations WHERE course_id = :id", soci::use(course);
  for (const auto& accreditation : record.accreditations) {
    long long jurisdiction = accreditation.jurisdiction.value();
    std::string approved_on = accreditation.approved_on.ToString();
    sql << "INSERT INTO course_accreditations (course_id, jurisdiction_id, reference, approved_on) "
           "VALUES (:id, :jurisdiction, :reference, :approved_on)",
        soci::use(course), soci::use(jurisdiction), soci::use(accreditation.reference), soci::use(approved_on);
  }
}

// Every column of the course's row but its provider and creation, then its texts, topics and
// accreditations.
void WriteCourse(soci::session& sql, CourseId course, const CourseRecord& record) {
  long long id = course.value(), event = record.event ? record.event->value() : 0;
  long long minutes = record.nominal_minutes.value_or(0);
  soci::indicator event_i = record.event ? soci::i_ok : soci::i_null;
  soci::indicator minutes_i = record.nominal_minutes ? soci::i_ok : soci::i_null;
  std::string kind(kCourseKinds.Key(record.kind)), format(kCourseFormats.Key(record.format));
  std::string visibility(auth::VisibilityKey(record.visibility)), now = NowUtc();
  std::string starts_on = record.starts_on.ToString(), ends_on = record.ends_on.ToString();
  std::string title_key = TitleKey(record.title);
  sql << "UPDATE courses SET slug = :slug, event_id = :event, kind = :kind, format = :format, language = :language, "
         "nominal_minutes = :minutes, starts_on = :starts_on, ends_on = :ends_on, practice_area = :practice_area, "
         "title_key = :title_key, visibility = :visibility, updated_at_utc = :now WHERE id = :id",
      soci::use(record.slug), soci::use(event, event_i), soci::use(kind), soci::use(format), soci::use(record.language),
      soci::use(minutes, minutes_i), soci::use(starts_on), soci::use(ends_on), soci::use(record.practice_area),
      soci::use(title_key), soci::use(visibility), soci::use(now), soci::use(id);
  WriteDetails(sql, course, record);
}

}  // namespace

std::optional<CourseId> CourseStore::FindIdBySlug(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM courses WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return CourseId(id);
}

std::optional<Course> CourseStore::Load(soci::session& sql, CourseId id) const {
  db::Query query = SelectCourses();
  query.Append(" WHERE c.id = ").Bind(id.value());
  CourseRows rows;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) { rows.Bind(s); });
  statement.execute(false);
  if (!statement.fetch()) return std::nullopt;
  std::vector<Course> courses{rows.Current()};
  LoadDetails(sql, courses);
  LoadAccreditations(sql, courses);
  return std::move(courses.front());
}

Page<Course> CourseStore::List(soci::session& sql, const auth::Actor& viewer, const CourseFilter& filter,
                               const PageRequest& page) const {
  Page<Course> result;
  result.page = page.page;
  result.per_page = page.per_page;
  db::Query count("SELECT COUNT(*) FROM courses c JOIN directory_organizations o ON o.id = c.provider_id WHERE 1 = 1");
  AppendFilter(count, viewer, filter);
  result.total = count.Scalar<long long>(sql, 0);

  db::Query query = SelectCourses();
  query.Append(" WHERE 1 = 1");
  AppendFilter(query, viewer, filter);
  query.Append(" ORDER BY CASE WHEN c.starts_on = '' THEN 1 ELSE 0 END, c.starts_on DESC, c.id DESC LIMIT ")
      .Bind(static_cast<long long>(page.per_page))
      .Append(" OFFSET ")
      .Bind(page.offset());
  CourseRows rows;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) { rows.Bind(s); });
  statement.execute(false);
  while (statement.fetch()) result.items.push_back(rows.Current());
  LoadDetails(sql, result.items);
  LoadAccreditations(sql, result.items);
  return result;
}

CourseId CourseStore::Insert(soci::session& sql, const auth::Permit<OrganizationId>& provider,
                             const CourseRecord& record) const {
  // The row with what identifies it; WriteCourse writes the rest, as for an update.
  long long id = 0, provider_id = provider.id().value();
  std::string kind(kCourseKinds.Key(record.kind)), format(kCourseFormats.Key(record.format)), now = NowUtc();
  sql << "INSERT INTO courses (slug, provider_id, kind, format, created_at_utc, updated_at_utc) "
         "VALUES (:slug, :provider, :kind, :format, :now, :now2) RETURNING id",
      soci::use(record.slug), soci::use(provider_id), soci::use(kind), soci::use(format), soci::use(now),
      soci::use(now), soci::into(id);
  WriteCourse(sql, CourseId(id), record);
  return CourseId(id);
}

void CourseStore::Update(soci::session& sql, const auth::Permit<CourseId>& course, const CourseRecord& record) const {
  WriteCourse(sql, course.id(), record);
}

std::optional<CourseStore::EventRef> CourseStore::VisibleEventBySlug(soci::session& sql, const auth::Actor& viewer,
                                                                     const std::string& slug) const {
  db::Query query("SELECT e.id, e.visibility FROM events_events e WHERE e.slug = ");
  query.Bind(slug).Append(" AND ");
  auth::AppendVisibleTo(query, viewer, {.visibility = "e.visibility", .owner_organization = "e.owner_organization_id"});
  std::optional<EventRef> found;
  query.ForEachRow(sql, [&](const db::Row& row) {
    found = EventRef{EventId(row.Get<long long>(0)),
                     auth::ParseVisibility(row.Get<std::string>(1)).value_or(auth::Visibility::kOrganization)};
  });
  return found;
}

std::optional<JurisdictionId> CourseStore::JurisdictionIdByCode(soci::session& sql, const std::string& code) const {
  auto ids = db::Query("SELECT id FROM directory_jurisdictions WHERE code = ").Bind(code).Column<long long>(sql);
  if (ids.empty()) return std::nullopt;
  return JurisdictionId(ids.front());
}

}  // namespace entente::training
