// Training on the backend of this run: the demo as the story tells it, a coordinator publishing
// through the JSON API and the form, bad input that names its field and writes nothing,
// attendance (at a course given at an event only for its confirmed participants, no more hours
// than the course lasted, a person and role once, audited), one's own training through the
// account linked to a directory person, `organization` visibility across bars, the list's
// filters, and partial JSON updates.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "harness.h"
#include "modules/events/event_service.h"

namespace entente::testing {
namespace {

using nlohmann::json;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::uint16_t Port() { return TestServer::Shared().port(); }

const char* kCoordinator = "paris.coordinator@demo.entente.example";
const char* kAlmatyCoordinator = "almaty.coordinator@demo.entente.example";
const char* kParisAdmin = "paris.admin@demo.entente.example";
const char* kMember = "paris.member@demo.entente.example";
const char* kAlmatyMember = "almaty.member@demo.entente.example";
const char* kSchool = "paris-bar-training-school";
const char* kCenter = "almaty-city-bar-training-center";
const char* kFixturePassword = "training-fixture-password-1";

long long Count(const std::string& table) {
  // Fixed statements: no table name is ever put into SQL text.
  static const std::map<std::string, std::string> kCounts = {
      {"courses", "SELECT COUNT(*) FROM courses"},
      {"course_texts", "SELECT COUNT(*) FROM course_texts"},
      {"course_topics", "SELECT COUNT(*) FROM course_topics"},
      {"course_accreditations", "SELECT COUNT(*) FROM course_accreditations"},
      {"attendances", "SELECT COUNT(*) FROM attendances"},
      {"audit_log", "SELECT COUNT(*) FROM audit_log"},
  };
  auto count = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long total = 0;
    sql << kCounts.at(table), soci::into(total);
    return total;
  });
  return count.value_or(-1);
}

// The rows of every training table and the audit log, to compare before and after a refusal.
std::map<std::string, long long> Counts() {
  std::map<std::string, long long> counts;
  for (const char* table :
       {"courses", "course_texts", "course_topics", "course_accreditations", "attendances", "audit_log"}) {
    counts[table] = Count(table);
  }
  return counts;
}

// A number from the database by a fixed statement with one text parameter; -1 when there is none.
long long Number(const std::string& select, const std::string& value) {
  auto found = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long number = -1;
    soci::indicator indicator = soci::i_ok;
    sql << select, soci::use(value), soci::into(number, indicator);
    if (!sql.got_data() || indicator != soci::i_ok) return -1;
    return number;
  });
  return found.value_or(-1);
}

long long MinutesOf(const std::string& slug) {
  return Number("SELECT nominal_minutes FROM courses WHERE slug = :slug", slug);
}

json Body(const HttpResponse& response) {
  auto parsed = json::parse(response.body, nullptr, false);
  return parsed.is_discarded() ? json() : parsed;
}

// The fields a 422 names.
std::set<std::string> Fields(const HttpResponse& response) {
  std::set<std::string> fields;
  json body = Body(response);
  if (body.is_object() && body.contains("fields")) {
    for (const auto& field : body["fields"]) fields.insert(field.value("field", ""));
  }
  return fields;
}

std::set<std::string> Slugs(const json& list) {
  std::set<std::string> slugs;
  if (list.is_object() && list.contains("items")) {
    for (const auto& item : list["items"]) slugs.insert(item.value("slug", ""));
  }
  return slugs;
}

// A course of the Paris Bar's training school that the service accepts, with `changes` over it.
json CourseBody(const std::string& slug, const json& changes = json::object()) {
  json body = {{"slug", slug},          {"provider", kSchool},    {"kind", "seminar"},
               {"format", "in_person"}, {"visibility", "public"}, {"title", {{"en", "Test course " + slug}}}};
  body.update(changes);
  return body;
}

// Publishes through the API; the new course's JSON (null when refused).
json Publish(Browser& browser, const json& body) {
  auto response = browser.SendJson("POST", "/api/v1/courses", body.dump());
  EXPECT_EQ(response.status, 201) << body.dump() << " → " << response.body;
  return response.status == 201 ? Body(response) : json();
}

std::string IdOf(const json& course) {
  return course.is_object() && course.contains("id") ? std::to_string(course["id"].get<long long>()) : "0";
}

// Directory people whose accounts are linked to them, made once per run: `attendee` and
// `registrant` on the Paris Bar's roll, each with an account (a member of the Paris Bar) that
// the Paris Bar's admin linked to them through the admin JSON.
struct LinkedPerson {
  std::string slug;
  std::string email;
};
struct LinkedPeople {
  LinkedPerson attendee, registrant;
};

LinkedPerson MakeLinkedPerson(Browser& admin, const std::string& name, const std::string& roll_number,
                              const std::string& email) {
  LinkedPerson linked{"", email};
  auto person = admin.SendJson("POST", "/api/v1/people",
                               fmt::format(R"({{"person":{{"names":[{{"name":"{}"}}]}},
                                               "membership":{{"bar":"paris-bar","roll_number":"{}"}}}})",
                                           name, roll_number));
  EXPECT_EQ(person.status, 201) << person.body;
  linked.slug = Body(person).value("slug", "");
  auto user =
      TestServer::Shared().app().accounts().EnsureDemoUser({email, "Training fixture " + name, "en", kFixturePassword},
                                                           {{auth::Role::kMember, "paris-bar"}}, "training-test");
  EXPECT_TRUE(user) << (user ? "" : user.error().message());
  if (!user) return linked;
  auto link = admin.SendJson("PUT", fmt::format("/api/v1/users/{}/person", user->value()),
                             json{{"person", linked.slug}}.dump());
  EXPECT_EQ(link.status, 200) << link.body;
  return linked;
}

const LinkedPeople& People() {
  static const LinkedPeople people = [] {
    Browser admin = SignedInBrowser(Port(), kParisAdmin);
    return LinkedPeople{
        MakeLinkedPerson(admin, "Aurore Trainingtest", "TRAINING-1", "training.attendee@demo.entente.example"),
        MakeLinkedPerson(admin, "Bastien Trainingtest", "TRAINING-2", "training.registrant@demo.entente.example")};
  }();
  return people;
}

TEST(TrainingTest, TheDemoReadsAsTheStory) {
  Browser visitor = AnonymousBrowser(Port());
  auto list = visitor.Get("/api/v1/courses?provider=almaty-city-bar-training-center");
  ASSERT_EQ(list.status, 200) << list.body;
  json found, body = Body(list);
  for (const auto& item : body["items"]) {
    if (item["slug"] == "platform-round-tables-almaty-city-bar") found = item;
  }
  ASSERT_TRUE(found.is_object()) << list.body;
  EXPECT_EQ(found["kind"], "round_table");
  EXPECT_EQ(found["provider"]["slug"], kCenter);
  // What the sources do not give stays unknown.
  EXPECT_TRUE(found["nominal_hours"].is_null());
  EXPECT_TRUE(found["language"].is_null());
  EXPECT_TRUE(found["starts_on"].is_null());
  EXPECT_TRUE(found["accreditations"].empty());

  auto rentree = visitor.Get("/training/rentree-du-barreau-de-paris-2014-round-tables");
  ASSERT_EQ(rentree.status, 200);
  EXPECT_TRUE(Contains(rentree.body, "Round-tables of the Rentrée du Barreau de Paris 2014"));
  EXPECT_TRUE(Contains(rentree.body, "href=\"/events/rentree-du-barreau-de-paris-2014\""));
  // The attendance is the organizers' record: no form, no list for a visitor.
  EXPECT_FALSE(Contains(rentree.body, "/attendance\""));
}

TEST(TrainingTest, ACoordinatorPublishesThroughTheApiAndTheForm) {
  Browser coordinator = SignedInBrowser(Port(), kCoordinator);
  json body = CourseBody(
      "test-training-api",
      {{"kind", "seminar"},
       {"format", "hybrid"},
       {"language", "fr"},
       {"nominal_hours", 1.5},
       {"starts_on", "2026-03-02"},
       {"ends_on", "2026-03-03"},
       {"topics", json::array({"ethics", "practice_area"})},
       {"practice_area", "Arbitration"},
       {"title", {{"en", "Ethics in arbitration"}, {"fr", "Déontologie de l'arbitrage"}}},
       {"original_language", "fr"},
       {"accreditations",
        json::array({json{{"jurisdiction", "FR"}, {"reference", "CNB-2026-1"}, {"approved_on", "2026-01"}}})}});
  json created = Publish(coordinator, body);
  ASSERT_TRUE(created.is_object());
  EXPECT_EQ(created["provider"]["slug"], kSchool);
  EXPECT_EQ(created["format"], "hybrid");
  EXPECT_EQ(created["language"], "fr");
  EXPECT_EQ(created["nominal_hours"], 1.5);
  EXPECT_EQ(created["starts_on"], "2026-03-02");
  EXPECT_EQ(created["ends_on"], "2026-03-03");
  EXPECT_EQ(created["topics"], json::array({"ethics", "practice_area"}));
  EXPECT_EQ(created["practice_area"], "Arbitration");
  EXPECT_EQ(created["title"]["fr"]["text"], "Déontologie de l'arbitrage");
  ASSERT_EQ(created["accreditations"].size(), 1u);
  EXPECT_EQ(created["accreditations"][0]["jurisdiction"], "FR");
  EXPECT_EQ(created["accreditations"][0]["reference"], "CNB-2026-1");
  EXPECT_EQ(created["accreditations"][0]["approved_on"], "2026-01");
  EXPECT_EQ(MinutesOf("test-training-api"), 90) << "hours are stored as minutes";
  EXPECT_EQ(AuditCount("course.create", created["id"].get<long long>()), 1);
  // Anyone reads it, page and JSON alike.
  Browser visitor = AnonymousBrowser(Port());
  EXPECT_EQ(Body(visitor.Get("/api/v1/courses/" + IdOf(created)))["slug"], "test-training-api");
  auto page = visitor.Get("/training/test-training-api");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Ethics in arbitration"));
  EXPECT_TRUE(Contains(page.body, "CNB-2026-1"));

  // The form: its provider select lists the training centres.
  auto form = coordinator.Get("/training/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "value=\"paris-bar-training-school\""));
  auto saved = coordinator.PostForm(
      "/training",
      "slug=test-training-form&provider=paris-bar-training-school&kind=round_table&format=in_person&language=ru"
      "&nominal_hours=2%2C5&starts_on=2026-04&ends_on=&visibility=members&text_language=en"
      "&title=Form+round-table&description=Typed+in+the+form&topic_procedure=1&practice_area="
      "&accreditation_1_jurisdiction=KZ&accreditation_1_reference=&accreditation_1_approved_on="
      "&accreditation_2_jurisdiction=&accreditation_2_reference=&accreditation_2_approved_on=");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  EXPECT_EQ(saved.Header("location"), "/training/test-training-form?saved=1");
  EXPECT_EQ(MinutesOf("test-training-form"), 150) << "a decimal comma, as French and Russian write it";
  auto course = Body(coordinator.Get("/api/v1/courses?q=form%20round-table"));
  ASSERT_EQ(course["items"].size(), 1u) << course.dump();
  json stored = course["items"][0];
  EXPECT_EQ(stored["kind"], "round_table");
  EXPECT_EQ(stored["language"], "ru");
  EXPECT_EQ(stored["visibility"], "members");
  EXPECT_EQ(stored["starts_on"], "2026-04");
  EXPECT_TRUE(stored["ends_on"].is_null());
  EXPECT_EQ(stored["topics"], json::array({"procedure"}));
  EXPECT_EQ(stored["title"]["en"]["text"], "Form round-table");
  ASSERT_EQ(stored["accreditations"].size(), 1u);
  EXPECT_EQ(stored["accreditations"][0]["jurisdiction"], "KZ");
  EXPECT_EQ(AuditCount("course.create", stored["id"].get<long long>()), 1);
  // `members`: not for anonymous visitors.
  EXPECT_EQ(visitor.Get("/training/test-training-form").status, 404);
  EXPECT_EQ(coordinator.Get("/training/test-training-form?saved=1").status, 200);

  // Edited on its form: a new title, audited as course.update.
  ASSERT_EQ(coordinator.Get("/training/test-training-form/edit").status, 200);
  auto edited = coordinator.PostForm(
      "/training/test-training-form/edit",
      "slug=test-training-form&kind=round_table&format=in_person&language=ru&nominal_hours=2%2C5"
      "&starts_on=2026-04&ends_on=&visibility=members&text_language=en&title=Form+round-table+renamed"
      "&description=Typed+in+the+form&topic_procedure=1&practice_area="
      "&accreditation_1_jurisdiction=KZ&accreditation_1_reference=&accreditation_1_approved_on=");
  ASSERT_EQ(edited.status, 303) << edited.body.substr(0, 2000);
  EXPECT_EQ(AuditCount("course.update", stored["id"].get<long long>()), 1);
  EXPECT_EQ(Body(coordinator.Get("/api/v1/courses/" + IdOf(stored)))["title"]["en"]["text"],
            "Form round-table renamed");
}

TEST(TrainingTest, BadInputNamesItsFieldAndWritesNothing) {
  Browser coordinator = SignedInBrowser(Port(), kCoordinator);
  // An event the Paris coordinator may not see: the Almaty City Bar's, of `organization` visibility.
  Browser almaty = SignedInBrowser(Port(), kAlmatyCoordinator);
  auto hidden_event =
      almaty.SendJson("POST", "/api/v1/events",
                      R"({"slug":"test-training-almaty-only-event","kind":"workshop","visibility":"organization",
          "time_zone":"Asia/Almaty","country":"KZ","starts":"2027-05-10","ends":"2027-05-11",
          "registration":"closed","title":{"en":"Almaty only"},"city":{"en":"Almaty"},
          "organizers":["almaty-city-bar"]})");
  ASSERT_EQ(hidden_event.status, 201) << hidden_event.body;

  struct Case {
    const char* what;
    json changes;
    const char* field;
  };
  const std::vector<Case> cases = {
      {"negative hours", {{"nominal_hours", -2}}, "nominal_hours"},
      {"negative hours as text", {{"nominal_hours", "-1,5"}}, "nominal_hours"},
      {"no hours at all", {{"nominal_hours", 0}}, "nominal_hours"},
      {"a date that is not one", {{"starts_on", "spring 2026"}}, "starts_on"},
      {"a day that does not exist", {{"ends_on", "2026-02-30"}}, "ends_on"},
      {"the end before the start", {{"starts_on", "2026-03-10"}, {"ends_on", "2026-03-09"}}, "ends_on"},
      {"an unknown provider", {{"provider", "no-such-training-centre"}}, "provider"},
      {"an unknown event", {{"event", "no-such-event"}}, "event"},
      {"an event out of sight", {{"event", "test-training-almaty-only-event"}}, "event"},
      {"an unknown jurisdiction", {{"accreditations", json::array({json{{"jurisdiction", "XX"}}})}}, "accreditations"},
      {"a slug taken", {{"slug", "platform-round-tables-almaty-city-bar"}}, "slug"},
      {"a page's address as slug", {{"slug", "mine"}}, "slug"},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.what);
    auto before = Counts();
    auto refused = coordinator.SendJson("POST", "/api/v1/courses", CourseBody("test-training-bad", bad.changes).dump());
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_TRUE(Fields(refused).contains(bad.field)) << refused.body;
    EXPECT_EQ(Counts(), before);
  }
  // The form refuses what the API refuses, and writes nothing either.
  Browser member = SignedInBrowser(Port(), kMember);  // before counting: a sign-in is audited
  auto before = Counts();
  ASSERT_EQ(coordinator.Get("/training/new").status, 200);
  auto refused = coordinator.PostForm("/training",
                                      "slug=test-training-bad&provider=paris-bar-training-school&kind=seminar"
                                      "&format=in_person&visibility=public&text_language=en&title=Bad"
                                      "&nominal_hours=-3&starts_on=2026-03-10&ends_on=2026-03-09");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "value=\"-3\""));
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(coordinator.Get("/training/test-training-bad").status, 404);

  // Another bar's training centre is not the coordinator's to publish for (403), whatever the
  // rest of the body says; nor is anything for a member.
  auto foreign =
      coordinator.SendJson("POST", "/api/v1/courses", CourseBody("test-training-bad", {{"provider", kCenter}}).dump());
  EXPECT_EQ(foreign.status, 403) << foreign.body;
  EXPECT_EQ(member.SendJson("POST", "/api/v1/courses", CourseBody("test-training-bad").dump()).status, 403);
  EXPECT_EQ(Counts(), before);
}

TEST(TrainingTest, AttendanceAtACourseGivenAtAnEventIsForItsConfirmedParticipants) {
  const auto& people = People();
  auto& events = TestServer::Shared().app().events();
  auto organizer = SignedInActor(kCoordinator);
  events::EventInput event;
  event.slug = "test-training-event";
  event.kind = "conference";
  event.time_zone = "Europe/Paris";
  event.country = "FR";
  event.starts = "2027-03-27";
  event.ends = "2027-03-29";
  event.title = i18n::LocalizedText::Original("en", "Training test event");
  event.city = i18n::LocalizedText::Original("en", "Paris");
  event.organizers = {"paris-bar"};
  event.registration = "approval";
  auto event_id = events.Create(organizer, event);
  ASSERT_TRUE(event_id) << event_id.error().Describe();
  // Pierre-Olivier Sur added by the organizers (confirmed); the registrant's account registers
  // through the site, which waits for the organizers' approval.
  ASSERT_TRUE(events.AddParticipant(organizer, *event_id, {"pierre-olivier-sur", "host", true, ""}));
  auto registered = events.Register(SignedInActor(people.registrant.email, kFixturePassword), *event_id,
                                    events::ListConsent::kListed);
  ASSERT_TRUE(registered) << registered.error().Describe();
  EXPECT_EQ(*registered, events::ParticipantStatus::kPending);

  Browser coordinator = SignedInBrowser(Port(), kCoordinator);
  json course = Publish(coordinator,
                        CourseBody("test-training-at-event", {{"event", "test-training-event"}, {"nominal_hours", 2}}));
  ASSERT_TRUE(course.is_object());
  EXPECT_EQ(course["event"], "test-training-event");
  std::string path = "/api/v1/courses/" + IdOf(course) + "/attendance";
  auto record = [&](const json& body) { return coordinator.SendJson("POST", path, body.dump()); };

  auto before = Counts();
  // Someone who did not take part, and someone whose registration is still pending.
  auto absent = record({{"person", "daniyar-kanafin"}, {"role", "attendee"}, {"hours", 1}});
  EXPECT_EQ(absent.status, 422) << absent.body;
  EXPECT_EQ(Fields(absent), std::set<std::string>{"person"}) << absent.body;
  auto pending = record({{"person", people.registrant.slug}, {"hours", 1}});
  EXPECT_EQ(pending.status, 422) << pending.body;
  EXPECT_EQ(Fields(pending), std::set<std::string>{"person"}) << pending.body;
  // More hours than the course lasted; hours that are not hours; a person who is no one.
  auto too_long = record({{"person", "pierre-olivier-sur"}, {"hours", 2.5}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_EQ(Fields(too_long), std::set<std::string>{"hours"}) << too_long.body;
  EXPECT_EQ(Fields(record({{"person", "pierre-olivier-sur"}, {"hours", "-1"}})), std::set<std::string>{"hours"});
  EXPECT_EQ(Fields(record({{"person", "pierre-olivier-sur"}, {"role", "spectator"}, {"hours", 1}})),
            std::set<std::string>{"role"});
  EXPECT_EQ(Fields(record({{"person", "no-such-person"}, {"hours", 1}})), std::set<std::string>{"person"});
  EXPECT_EQ(Counts(), before);

  // The confirmed participant: as a teacher for the whole course, then as an attendee too.
  auto taught = record({{"person", "pierre-olivier-sur"}, {"role", "teacher"}, {"hours", 2}});
  ASSERT_EQ(taught.status, 201) << taught.body;
  json teacher = Body(taught);
  EXPECT_EQ(teacher["person"]["slug"], "pierre-olivier-sur");
  EXPECT_EQ(teacher["role"], "teacher");
  EXPECT_EQ(teacher["hours"], 2);
  EXPECT_EQ(AuditCount("attendance.create", teacher["id"].get<long long>()), 1);
  // The same person in the same role once only.
  auto again = record({{"person", "pierre-olivier-sur"}, {"role", "teacher"}, {"hours", 1}});
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(Fields(again), std::set<std::string>{"person"}) << again.body;
  EXPECT_EQ(Count("attendances"), before["attendances"] + 1);
  auto attended = record({{"person", "pierre-olivier-sur"}, {"role", "attendee"}, {"hours", "1,5"}});
  ASSERT_EQ(attended.status, 201) << attended.body;
  EXPECT_EQ(Body(attended)["hours"], 1.5);

  // Once the organizers approve the registration, the registrant's person counts as a participant
  // (through the account linked to them).
  auto loaded = events.Get(organizer, *event_id);
  ASSERT_TRUE(loaded);
  std::optional<events::ParticipantId> registration;
  for (const auto& participant : loaded->participants) {
    if (participant.user) registration = participant.id;
  }
  ASSERT_TRUE(registration);
  ASSERT_TRUE(events.Decide(organizer, *event_id, *registration, events::Decision::kApprove));
  auto approved = record({{"person", people.registrant.slug}, {"hours", 1}});
  EXPECT_EQ(approved.status, 201) << approved.body;

  // The attendance is the organizers' to see.
  auto list = coordinator.Get(path);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Body(list)["items"].size(), 3u) << list.body;
  Browser member = SignedInBrowser(Port(), kMember);
  EXPECT_EQ(member.Get(path).status, 403);
  EXPECT_EQ(member.SendJson("POST", path, R"({"person":"pierre-olivier-sur","hours":1})").status, 403);
  EXPECT_EQ(Count("attendances"), before["attendances"] + 3);

  // Another course at the same event: its participants recorded at once, for its 3 hours; a
  // second time records no one; a course given at no event, or of unknown hours, is refused.
  json second = Publish(
      coordinator, CourseBody("test-training-from-event", {{"event", "test-training-event"}, {"nominal_hours", 3}}));
  ASSERT_TRUE(second.is_object());
  std::string from_event = "/api/v1/courses/" + IdOf(second) + "/attendance/from-event";
  EXPECT_EQ(member.SendJson("POST", from_event, "{}").status, 403);
  auto all = coordinator.SendJson("POST", from_event, "{}");
  ASSERT_EQ(all.status, 200) << all.body;
  json answer = Body(all);
  EXPECT_EQ(answer["recorded"], 2) << all.body;
  std::set<std::string> recorded;
  for (const auto& item : answer["items"]) {
    recorded.insert(item["person"]["slug"].get<std::string>());
    EXPECT_EQ(item["role"], "attendee");
    EXPECT_EQ(item["hours"], 3);
  }
  EXPECT_EQ(recorded, (std::set<std::string>{"pierre-olivier-sur", people.registrant.slug}));
  EXPECT_EQ(Body(coordinator.SendJson("POST", from_event, "{}"))["recorded"], 0);
  EXPECT_EQ(Count("attendances"), before["attendances"] + 5);
  json unknown_hours = Publish(coordinator, CourseBody("test-training-from-event-no-hours",
                                                       {{"event", "test-training-event"}, {"nominal_hours", nullptr}}));
  ASSERT_TRUE(unknown_hours.is_object());
  EXPECT_EQ(
      coordinator.SendJson("POST", "/api/v1/courses/" + IdOf(unknown_hours) + "/attendance/from-event", "{}").status,
      422);
  json elsewhere = Publish(coordinator, CourseBody("test-training-from-no-event", {{"nominal_hours", 3}}));
  ASSERT_TRUE(elsewhere.is_object());
  EXPECT_EQ(coordinator.SendJson("POST", "/api/v1/courses/" + IdOf(elsewhere) + "/attendance/from-event", "{}").status,
            422);
  EXPECT_EQ(Count("attendances"), before["attendances"] + 5) << "refusals write nothing";
}

TEST(TrainingTest, AttendanceIsAuditedAndTheAttendeeSeesItAsTheirOwn) {
  const auto& people = People();
  Browser coordinator = SignedInBrowser(Port(), kCoordinator);
  json course = Publish(
      coordinator, CourseBody("test-training-own", {{"nominal_hours", 3}, {"title", {{"en", "Own training course"}}}}));
  ASSERT_TRUE(course.is_object());
  // Recorded on the course's page.
  ASSERT_EQ(coordinator.Get("/training/test-training-own").status, 200);
  auto before = Count("audit_log");
  auto recorded = coordinator.PostForm("/training/test-training-own/attendance",
                                       "person=" + people.attendee.slug + "&role=attendee&hours=1%2C5");
  ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 2000);
  EXPECT_EQ(recorded.Header("location"), "/training/test-training-own?saved=1#attendance");
  EXPECT_EQ(Count("audit_log"), before + 1);
  long long attendance = Number("SELECT MAX(id) FROM attendances WHERE course_id = CAST(:id AS INTEGER)", IdOf(course));
  EXPECT_EQ(AuditCount("attendance.create", attendance), 1);
  EXPECT_EQ(Number("SELECT minutes FROM attendances WHERE id = CAST(:id AS INTEGER)", std::to_string(attendance)), 90);
  EXPECT_TRUE(Contains(coordinator.Get("/training/test-training-own").body, "/people/" + people.attendee.slug));

  // An attendance at a course the attendee may not see (the Almaty City Bar's own) is not shown
  // to them.
  Browser almaty = SignedInBrowser(Port(), kAlmatyCoordinator);
  json hidden = Publish(almaty, CourseBody("test-training-own-hidden", {{"provider", kCenter},
                                                                        {"visibility", "organization"},
                                                                        {"title", {{"en", "Almaty own course"}}}}));
  ASSERT_TRUE(hidden.is_object());
  ASSERT_EQ(almaty
                .SendJson("POST", "/api/v1/courses/" + IdOf(hidden) + "/attendance",
                          json{{"person", people.attendee.slug}, {"hours", 1}}.dump())
                .status,
            201);

  Browser attendee = SignedInBrowser(Port(), people.attendee.email, kFixturePassword);
  auto mine = attendee.Get("/api/v1/me/attendance");
  ASSERT_EQ(mine.status, 200) << mine.body;
  json items = Body(mine)["items"];
  ASSERT_EQ(items.size(), 1u) << mine.body;
  EXPECT_EQ(items[0]["course"]["slug"], "test-training-own");
  EXPECT_EQ(items[0]["course"]["provider"], kSchool);
  EXPECT_EQ(items[0]["person"]["slug"], people.attendee.slug);
  EXPECT_EQ(items[0]["role"], "attendee");
  EXPECT_EQ(items[0]["hours"], 1.5);
  auto page = attendee.Get("/training/mine");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Own training course"));
  EXPECT_TRUE(Contains(page.body, "1.5"));
  EXPECT_FALSE(Contains(page.body, "Almaty own course"));

  // Another user does not see it: not theirs (their account is linked to no one).
  Browser other = SignedInBrowser(Port(), kMember);
  auto theirs = other.Get("/api/v1/me/attendance");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(Body(theirs)["items"].empty()) << theirs.body;
  auto other_page = other.Get("/training/mine");
  ASSERT_EQ(other_page.status, 200);
  EXPECT_FALSE(Contains(other_page.body, "Own training course"));
  Browser visitor = AnonymousBrowser(Port());
  EXPECT_EQ(visitor.Get("/api/v1/me/attendance").status, 401);
  EXPECT_EQ(visitor.Get("/training/mine").status, 303);
}

TEST(TrainingTest, ACourseOfOrganizationVisibilityIsHiddenFromOtherBars) {
  Browser almaty = SignedInBrowser(Port(), kAlmatyCoordinator);
  json course = Publish(almaty, CourseBody("test-training-almaty-only", {{"provider", kCenter},
                                                                         {"visibility", "organization"},
                                                                         {"title", {{"en", "Quillwort seminar"}}}}));
  ASSERT_TRUE(course.is_object());
  std::string api = "/api/v1/courses/" + IdOf(course);

  // A member of the Almaty City Bar sees it (a role on the bar reaches its training center).
  Browser almaty_member = SignedInBrowser(Port(), kAlmatyMember);
  EXPECT_EQ(almaty_member.Get("/training/test-training-almaty-only").status, 200);
  EXPECT_EQ(Slugs(Body(almaty_member.Get("/api/v1/courses?q=quillwort"))),
            std::set<std::string>{"test-training-almaty-only"});

  // To the Paris Bar's people it does not exist: not by slug, id, list or total; not to change.
  for (const char* email : {kMember, kCoordinator, kParisAdmin}) {
    SCOPED_TRACE(email);
    Browser paris = SignedInBrowser(Port(), email);
    EXPECT_EQ(paris.Get("/training/test-training-almaty-only").status, 404);
    EXPECT_EQ(paris.Get(api).status, 404);
    json list = Body(paris.Get("/api/v1/courses?q=quillwort"));
    EXPECT_EQ(list["total"], 0) << list.dump();
    EXPECT_TRUE(list["items"].empty());
    auto page = paris.Get("/training?q=quillwort");
    EXPECT_EQ(page.status, 200);
    EXPECT_FALSE(Contains(page.body, "test-training-almaty-only"));
    EXPECT_EQ(paris.SendJson("PUT", api, R"({"nominal_hours":1})").status, 404);
    EXPECT_EQ(paris.Get(api + "/attendance").status, 404);
    EXPECT_EQ(paris.SendJson("POST", api + "/attendance", R"({"person":"daniyar-kanafin","hours":1})").status, 404);
    EXPECT_EQ(paris.Get("/training/test-training-almaty-only/edit").status, 404);
  }
  Browser visitor = AnonymousBrowser(Port());
  EXPECT_EQ(visitor.Get("/training/test-training-almaty-only").status, 404);
  EXPECT_EQ(visitor.Get(api).status, 404);
  EXPECT_FALSE(Contains(visitor.Get("/training?q=quillwort").body, "test-training-almaty-only"));
  EXPECT_EQ(SignedInBrowser(Port(), "platform.admin@demo.entente.example").Get(api).status, 200);
}

TEST(TrainingTest, TheListFiltersAndRefusesABadFilterValue) {
  Browser paris = SignedInBrowser(Port(), kCoordinator);
  Browser almaty = SignedInBrowser(Port(), kAlmatyCoordinator);
  ASSERT_TRUE(Publish(paris, CourseBody("test-training-filter-one", {{"language", "fr"},
                                                                     {"format", "distance"},
                                                                     {"topics", json::array({"ethics"})},
                                                                     {"title", {{"en", "Zephyrine one"}}}}))
                  .is_object());
  ASSERT_TRUE(Publish(almaty, CourseBody("test-training-filter-two", {{"provider", kCenter},
                                                                      {"language", "ru"},
                                                                      {"format", "in_person"},
                                                                      {"topics", json::array({"procedure"})},
                                                                      {"title", {{"en", "Zephyrine two"}}}}))
                  .is_object());
  ASSERT_TRUE(Publish(paris, CourseBody("test-training-filter-three", {{"language", "ru"},
                                                                       {"format", "hybrid"},
                                                                       {"topics", json::array({"ethics", "procedure"})},
                                                                       {"title", {{"en", "Three with zephyrine"}}}}))
                  .is_object());

  Browser visitor = AnonymousBrowser(Port());
  auto slugs = [&](const std::string& query) {
    auto response = visitor.Get("/api/v1/courses?q=zephyrine" + query);
    EXPECT_EQ(response.status, 200) << query << ": " << response.body;
    json list = Body(response);
    EXPECT_EQ(list["total"].get<size_t>(), list["items"].size()) << query;
    return Slugs(list);
  };
  const std::string one = "test-training-filter-one", two = "test-training-filter-two",
                    three = "test-training-filter-three";
  EXPECT_EQ(slugs(""), (std::set<std::string>{one, two, three}));
  EXPECT_EQ(Slugs(Body(visitor.Get("/api/v1/courses?q=ZEPHYRINE"))), (std::set<std::string>{one, two, three}))
      << "words of the title, in any case";
  EXPECT_EQ(slugs("&provider=paris-bar-training-school"), (std::set<std::string>{one, three}));
  EXPECT_EQ(slugs("&provider=almaty-city-bar-training-center"), (std::set<std::string>{two}));
  EXPECT_EQ(slugs("&language=ru"), (std::set<std::string>{two, three}));
  EXPECT_EQ(slugs("&format=distance"), (std::set<std::string>{one}));
  EXPECT_EQ(slugs("&topic=procedure"), (std::set<std::string>{two, three}));
  EXPECT_EQ(slugs("&topic=ethics&language=ru"), (std::set<std::string>{three}));
  EXPECT_EQ(slugs("&provider=almaty-city-bar-training-center&topic=ethics"), std::set<std::string>{});
  EXPECT_EQ(slugs("&provider=no-such-centre"), std::set<std::string>{});
  EXPECT_TRUE(Slugs(Body(visitor.Get("/api/v1/courses?q=zephyrinf"))).empty());
  // The page filters the same way.
  auto page = visitor.Get("/training?q=zephyrine&format=distance");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "/training/" + one + "\""));
  EXPECT_FALSE(Contains(page.body, "/training/" + two + "\""));
  EXPECT_FALSE(Contains(page.body, "/training/" + three + "\""));

  // A value that is not one of the lists' is refused, naming the filter.
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"language=xx", "language"}, {"format=by-pigeon", "format"}, {"topic=astrology", "topic"}}) {
    SCOPED_TRACE(query);
    auto refused = visitor.Get("/api/v1/courses?" + query);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(Fields(refused), std::set<std::string>{field}) << refused.body;
    EXPECT_EQ(visitor.Get("/training?" + query).status, 422);
  }
}

TEST(TrainingTest, APartialPutKeepsTheMembersItLeavesOut) {
  Browser coordinator = SignedInBrowser(Port(), kCoordinator);
  json created = Publish(
      coordinator,
      CourseBody("test-training-partial",
                 {{"event", "rentree-du-barreau-de-paris-2014"},
                  {"kind", "moot_court"},
                  {"format", "hybrid"},
                  {"language", "fr"},
                  {"nominal_hours", 3},
                  {"starts_on", "2014-12-10"},
                  {"ends_on", "2014-12-13"},
                  {"topics", json::array({"procedure", "practice_area"})},
                  {"practice_area", "Criminal defence"},
                  {"visibility", "members"},
                  {"title", {{"en", "Partial update course"}, {"fr", "Cours mis à jour en partie"}}},
                  {"original_language", "en"},
                  {"description", {{"en", "Kept as it is."}}},
                  {"accreditations",
                   json::array({json{{"jurisdiction", "FR"}, {"reference", "CNB-7"}, {"approved_on", "2014-11"}},
                                json{{"jurisdiction", "KZ"}, {"reference", ""}, {"approved_on", ""}}})}}));
  ASSERT_TRUE(created.is_object());
  long long id = created["id"].get<long long>();
  std::string api = "/api/v1/courses/" + IdOf(created);

  auto changed = coordinator.SendJson("PUT", api, R"({"nominal_hours":4})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  json after = Body(changed);
  EXPECT_EQ(after["nominal_hours"], 4);
  json expected = created;
  expected["nominal_hours"] = 4;
  expected.erase("updated_at");
  after.erase("updated_at");
  EXPECT_EQ(after, expected) << "every member but the one sent is kept";
  EXPECT_EQ(MinutesOf("test-training-partial"), 240);

  // A new title replaces the title only; the provider does not change.
  auto renamed = coordinator.SendJson(
      "PUT", api, R"({"title":{"en":"Renamed course"},"provider":"almaty-city-bar-training-center"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  json again = Body(renamed);
  EXPECT_EQ(again["title"]["en"]["text"], "Renamed course");
  EXPECT_EQ(again["provider"]["slug"], kSchool);
  EXPECT_EQ(again["nominal_hours"], 4);
  EXPECT_EQ(again["accreditations"], created["accreditations"]);
  EXPECT_EQ(again["topics"], created["topics"]);
  EXPECT_EQ(again["event"], "rentree-du-barreau-de-paris-2014");
  EXPECT_EQ(AuditCount("course.update", id), 2);

  // Refused updates write nothing: a bad value, another bar's admin, a member.
  Browser other_admin = SignedInBrowser(Port(), "almaty.admin@demo.entente.example");
  Browser member = SignedInBrowser(Port(), kMember);
  auto before = Counts();
  auto bad = coordinator.SendJson("PUT", api, R"({"ends_on":"2014-12-01"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Fields(bad), std::set<std::string>{"ends_on"}) << bad.body;
  EXPECT_EQ(other_admin.SendJson("PUT", api, R"({"nominal_hours":1})").status, 403);
  EXPECT_EQ(member.SendJson("PUT", api, R"({"nominal_hours":1})").status, 403);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(MinutesOf("test-training-partial"), 240);

  // null keeps a member, but for the texts and the accreditations, which it clears; "" clears.
  auto kept =
      coordinator.SendJson("PUT", api, R"({"event":null,"language":null,"nominal_hours":null,"starts_on":null})");
  ASSERT_EQ(kept.status, 200) << kept.body;
  json unchanged = Body(kept);
  EXPECT_EQ(unchanged["event"], "rentree-du-barreau-de-paris-2014");
  EXPECT_EQ(unchanged["language"], "fr");
  EXPECT_EQ(unchanged["nominal_hours"], 4);
  EXPECT_EQ(unchanged["starts_on"], "2014-12-10");
  auto cleared = coordinator.SendJson(
      "PUT", api, R"({"event":"","language":"","nominal_hours":"","description":null,"accreditations":null})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  json emptied = Body(cleared);
  EXPECT_TRUE(emptied["event"].is_null());
  EXPECT_TRUE(emptied["language"].is_null());
  EXPECT_TRUE(emptied["nominal_hours"].is_null());
  EXPECT_TRUE(emptied["description"].empty()) << emptied["description"].dump();
  EXPECT_TRUE(emptied["accreditations"].empty());
  EXPECT_EQ(emptied["title"]["en"]["text"], "Renamed course");
  EXPECT_EQ(emptied["topics"], created["topics"]);
  EXPECT_EQ(MinutesOf("test-training-partial"), -1) << "unknown hours are NULL";
  EXPECT_EQ(AuditCount("course.update", id), 4);
}

}  // namespace
}  // namespace entente::testing
