// Events on the backend of this run: the demo as the story tells it, bad input that writes
// nothing (a session outside the event, two sessions in one room, times skipped or repeated by
// daylight saving, registrations past capacity, meetings with someone absent), invitations and
// their letters (journey 3), private meetings and the scheduler with pinned meetings and the
// agenda in two zones (journey 4) and the user's own agenda as PDF, participants managed by the
// organizers, registrations approved and awards recorded through the API, iCalendar, visibility
// in lists and access.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <libical/ical.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "harness.h"
#include "modules/events/event_service.h"

namespace entente::testing {
namespace {

using events::EventId;
using events::EventInput;
using events::SessionInput;
using nlohmann::json;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::uint16_t Port() { return TestServer::Shared().port(); }
events::EventService& Service() { return TestServer::Shared().app().events(); }

i18n::LocalizedText English(std::string text) {
  i18n::LocalizedText result;
  result.SetOriginal("en", std::move(text));
  return result;
}

const char* kCoordinator = "paris.coordinator@demo.entente.example";
const char* kAlmatyCoordinator = "almaty.coordinator@demo.entente.example";

EventInput Input(const std::string& slug) {
  EventInput input;
  input.slug = slug;
  input.kind = "conference";
  input.time_zone = "Europe/Paris";
  input.country = "FR";
  input.starts = "2027-03-27";
  input.ends = "2027-03-29";
  input.title = English("Test event " + slug);
  input.city = English("Paris");
  input.organizers = {"paris-bar"};
  return input;
}

long long Count(const std::string& table, EventId event) {
  // `table` is one of the fixed names of this file, never input.
  auto count = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long value = event.value(), total = 0;
    sql << ("SELECT COUNT(*) FROM " + table + " WHERE event_id = :id"), soci::use(value), soci::into(total);
    return total;
  });
  return count.value_or(-1);
}

// The text of a PDF as pdftotext (poppler-utils) reads it back; empty when it cannot.
std::string PdfText(const std::string& pdf) {
  auto path = std::filesystem::temp_directory_path() / ("entente-events-" + std::to_string(::getpid()) + ".pdf");
  {
    std::ofstream file(path, std::ios::binary);
    file << pdf;
  }
  std::string text;
  if (FILE* pipe = ::popen(("pdftotext -enc UTF-8 " + path.string() + " - 2>/dev/null").c_str(), "r")) {
    char buffer[4096];
    while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, read);
    ::pclose(pipe);
  }
  std::filesystem::remove(path);
  return text;
}

std::string FieldOf(const Error& error) { return error.fields().empty() ? "" : error.fields()[0].field; }

TEST(EventsTest, DemoTellsTheStory) {
  auto anonymous = auth::Actor::Anonymous();
  auto rentree = Service().Get(anonymous, "rentree-du-barreau-de-paris-2014");
  ASSERT_TRUE(rentree) << rentree.error().message();
  EXPECT_EQ(rentree->starts.ToString(), "2014-12-10");
  EXPECT_EQ(rentree->ends.ToString(), "2014-12-13");
  EXPECT_EQ(rentree->time_zone, "Europe/Paris");
  ASSERT_TRUE(rentree->series);
  EXPECT_EQ(rentree->series->slug, "rentree-du-barreau-de-paris");
  // The sessions have no day: the story gives none.
  ASSERT_GE(rentree->sessions.size(), 10u);
  for (const auto& session : rentree->sessions) EXPECT_FALSE(session.starts.known());
  EXPECT_EQ(rentree->objectives.size(), 2u);

  auto page = Get(Port(), "/events/rentree-du-barreau-de-paris-2014");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Day not given in the sources"));
  EXPECT_TRUE(Contains(page.body, "International Cooperation Bureau"));
  EXPECT_TRUE(Contains(page.body, "Sub-Director for Caucasus and Central Asia"));
  // The invitation is for the organizers and the invitee, not for anyone.
  EXPECT_FALSE(Contains(page.body, "letter.pdf"));

  auto award = Get(Port(), "/events/award-rule-of-law-platform-team-leader-2014");
  EXPECT_TRUE(Contains(award.body, "26 June 2014"));
  EXPECT_TRUE(Contains(award.body, "strengthen the status of the advocateship and the prestige of the advocacy"));
  EXPECT_TRUE(Contains(award.body, "not given in the sources"));

  auto conference = Get(Port(), "/events/fourth-ministerial-conference-astana-2014");
  EXPECT_TRUE(Contains(conference.body, "14–15 October 2014"));
  EXPECT_TRUE(Contains(conference.body, "/agreements/paris-almaty-2014"));

  auto french = Get(Port(), "/events/fourth-ministerial-conference-astana-2014", {{"Cookie", "lang=fr"}});
  EXPECT_TRUE(Contains(french.body, "Quatrième Conférence ministérielle"));

  auto list = Get(Port(), "/api/v1/events?when=past");
  auto body = json::parse(list.body);
  EXPECT_EQ(body["total"], 4);
}

TEST(EventsTest, BadInputIsRefusedAndWritesNothing) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-bad-input"));
  ASSERT_TRUE(id) << id.error().message();

  SessionInput session;
  session.kind = "conference";
  session.title = English("Opening");
  session.room = "Salle 1";
  session.starts = "2027-03-30T10:00";  // the day after the event
  session.ends = "2027-03-30T11:00";
  auto outside = Service().AddSession(coordinator, *id, session);
  ASSERT_FALSE(outside);
  EXPECT_EQ(FieldOf(outside.error()), "starts");

  session.starts = "2027-03-27T10:00";
  session.ends = "2027-03-27T11:00";
  ASSERT_TRUE(Service().AddSession(coordinator, *id, session));
  session.starts = "2027-03-27T10:30";
  session.ends = "2027-03-27T12:00";
  auto clash = Service().AddSession(coordinator, *id, session);
  ASSERT_FALSE(clash);
  EXPECT_EQ(FieldOf(clash.error()), "room");

  // 28 March 2027: Paris clocks go from 02:00 to 03:00.
  session.room = "Salle 2";
  session.starts = "2027-03-28T02:30";
  session.ends = "2027-03-28T04:00";
  auto gap = Service().AddSession(coordinator, *id, session);
  ASSERT_FALSE(gap);
  EXPECT_EQ(FieldOf(gap.error()), "starts");
  EXPECT_TRUE(Contains(gap.error().fields()[0].message, "skip"));
  EXPECT_EQ(Count("event_sessions", *id), 1);

  // An ambiguous time (31 October 2027, 02:30 happens twice) for an event in October.
  EventInput autumn = Input("test-ambiguous");
  autumn.starts = "2027-10-31T02:30";
  autumn.ends = "2027-10-31T05:00";
  auto ambiguous = Service().Create(coordinator, autumn);
  ASSERT_FALSE(ambiguous);
  EXPECT_EQ(FieldOf(ambiguous.error()), "starts");
  EXPECT_FALSE(*Service().SlugTaken("test-ambiguous"));

  // The page shows the error in the user's language, and the form answers 422.
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.Get("/events/test-bad-input");
  auto refused = browser.PostForm("/events/test-bad-input/sessions",
                                  "kind=conference&title=X&starts=2027-04-02T10:00&ends=2027-04-02T11:00");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "La séance doit se tenir pendant les dates de l")) << refused.body.substr(0, 200);

  // A meeting request to someone not present.
  auto absent = Service().RequestMeeting(coordinator, *id, "", "", "daniyar-kanafin", "", "3");
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Count("event_meeting_requests", *id), 0);
}

TEST(EventsTest, RegistrationFillsThenWaitingList) {
  auto coordinator = SignedInActor(kCoordinator);
  EventInput input = Input("test-capacity");
  input.registration = "open";
  input.capacity = "2";
  auto id = Service().Create(coordinator, input);
  ASSERT_TRUE(id) << id.error().message();
  std::vector<std::string> statuses;
  for (const char* email : {"paris.member@demo.entente.example", "paris.editor@demo.entente.example",
                            "almaty.member@demo.entente.example"}) {
    auto status = Service().Register(SignedInActor(email), *id, events::ListConsent::kListed);
    ASSERT_TRUE(status) << status.error().message();
    statuses.emplace_back(events::kParticipantStatuses.Key(*status));
  }
  EXPECT_EQ(statuses, (std::vector<std::string>{"confirmed", "confirmed", "waiting"}));
  auto again =
      Service().Register(SignedInActor("paris.member@demo.entente.example"), *id, events::ListConsent::kListed);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kConflict);
  ASSERT_TRUE(Service().Invite(coordinator, *id, {"paris-bar", "", "almaty-city-bar", "", "", "en", ""}))
      << "a delegation comes from an invitation";
  // A delegation beyond the capacity is refused.
  auto delegation = Service().AddDelegation(coordinator, *id, {"almaty-city-bar", "", "2", {}});
  ASSERT_FALSE(delegation);
  EXPECT_EQ(FieldOf(delegation.error()), "size");
}

// A write token keeps a bar admin's coordinator work (here: an event's participants) and drops
// the administration (the users list).
TEST(EventsTest, AWriteTokenWorksAsCoordinatorButDoesNotAdminister) {
  auto admin = SignedInActor("paris.admin@demo.entente.example");
  auto id = Service().Create(admin, Input("test-write-token"));
  ASSERT_TRUE(id) << id.error().Describe();
  Browser browser = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  auto created = browser.SendJson("POST", "/api/v1/tokens", R"({"name":"events system","scope":"write"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string secret = json::parse(created.body)["token"].get<std::string>();
  std::vector<std::pair<std::string, std::string>> bearer = {{"Authorization", "Bearer " + secret},
                                                             {"Content-Type", "application/json"}};
  auto added = Request(Port(), "POST", "/api/v1/events/" + std::to_string(id->value()) + "/participants", bearer,
                       R"({"person":"pierre-olivier-sur","role":"speaker"})");
  EXPECT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(Get(Port(), "/api/v1/users", bearer).status, 403);
}

// Organizers add directory people with a role, record their consent and remove them, on the
// page and through the API; only consenting, confirmed participants are listed to others.
TEST(EventsTest, OrganizersManageParticipants) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-participants"));
  ASSERT_TRUE(id);
  std::string api = "/api/v1/events/" + std::to_string(id->value()) + "/participants";
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.cookies["lang"] = "en";
  browser.Get("/events/test-participants");

  auto added = browser.SendJson("POST", api, R"({"person":"pierre-olivier-sur","role":"speaker"})");
  ASSERT_EQ(added.status, 201) << added.body;
  json participant = json::parse(added.body);
  EXPECT_EQ(participant["role"], "speaker");
  EXPECT_EQ(participant["consent_to_list"], false);
  EXPECT_EQ(participant["person"]["person"], "pierre-olivier-sur");
  std::string participant_path = api + "/" + std::to_string(participant["id"].get<long long>());
  EXPECT_EQ(AuditCount("event.participant.create", participant["id"].get<long long>()), 1);

  // Bad input writes nothing: an unknown role or person, the same person twice, another's event.
  auto bad_role = browser.SendJson("POST", api, R"({"person":"daniyar-kanafin","role":"chairman"})");
  EXPECT_EQ(bad_role.status, 422);
  EXPECT_TRUE(Contains(bad_role.body, "role")) << bad_role.body;
  EXPECT_EQ(browser.SendJson("POST", api, R"({"person":"nobody-at-all","role":"guest"})").status, 422);
  EXPECT_EQ(browser.SendJson("POST", api, R"({"person":"pierre-olivier-sur","role":"host"})").status, 422);
  Browser almaty = SignedInBrowser(Port(), kAlmatyCoordinator);
  EXPECT_EQ(almaty.SendJson("POST", api, R"({"person":"daniyar-kanafin","role":"guest"})").status, 403);
  EXPECT_EQ(almaty.SendJson("PATCH", participant_path, R"({"consent_to_list":true})").status, 403);
  EXPECT_EQ(almaty.SendJson("DELETE", participant_path, "").status, 403);
  EXPECT_EQ(Count("event_participants", *id), 1);

  // Not consenting: not listed to the public, in JSON nor on the page.
  std::string event_api = "/api/v1/events/" + std::to_string(id->value());
  EXPECT_TRUE(json::parse(Get(Port(), event_api).body)["participants"].empty());
  EXPECT_FALSE(Contains(Get(Port(), "/events/test-participants").body, "/people/pierre-olivier-sur"));
  EXPECT_EQ(browser.SendJson("PATCH", participant_path, R"({"consent_to_list":"yes"})").status, 422);
  EXPECT_EQ(browser.SendJson("PATCH", participant_path, R"({})").status, 422) << "the answer is required";
  EXPECT_EQ(browser.SendJson("PATCH", participant_path, R"({"consent_to_list":null})").status, 422);
  auto consented = browser.SendJson("PATCH", participant_path, R"({"consent_to_list":true})");
  ASSERT_EQ(consented.status, 200) << consented.body;
  EXPECT_EQ(json::parse(consented.body)["consent_to_list"], true);
  json listed = json::parse(Get(Port(), event_api).body)["participants"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_FALSE(listed[0].contains("consent_to_list"));
  EXPECT_TRUE(Contains(Get(Port(), "/events/test-participants").body, "/people/pierre-olivier-sur"));

  // The page's forms: add with consent, withdraw it, remove; errors beside the form's fields.
  browser.cookies["lang"] = "fr";
  auto page = browser.Get("/events/test-participants");
  browser.cookies["lang"] = "en";
  EXPECT_TRUE(Contains(page.body, "Ajouter un participant"));
  EXPECT_TRUE(Contains(page.body, "Enregistrer le retrait de son accord"));  // he consented
  EXPECT_TRUE(Contains(page.body, "Intitulé de la distinction"));
  auto refused = browser.PostForm("/events/test-participants/participants", "person=daniyar-kanafin&role=chairman");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Choose a role from the list.")) << refused.body.substr(0, 300);
  auto posted = browser.PostForm("/events/test-participants/participants",
                                 "person=daniyar-kanafin&role=delegate&consent_to_list=1");
  EXPECT_EQ(posted.status, 303);
  auto event = Service().Get(coordinator, *id);
  ASSERT_TRUE(event);
  ASSERT_EQ(event->participants.size(), 2u);
  auto kanafin = std::find_if(event->participants.begin(), event->participants.end(),
                              [](const auto& item) { return item.person && item.person->slug == "daniyar-kanafin"; });
  ASSERT_NE(kanafin, event->participants.end());
  EXPECT_EQ(kanafin->role, events::ParticipantRole::kDelegate);
  EXPECT_TRUE(kanafin->consent_to_list);
  EXPECT_TRUE(Contains(Get(Port(), "/events/test-participants").body, "/people/daniyar-kanafin"));
  std::string kanafin_path = "/events/test-participants/participants/" + std::to_string(kanafin->id.value());
  EXPECT_EQ(browser.PostForm(kanafin_path + "/consent", "consent_to_list=0").status, 303);
  EXPECT_FALSE(Contains(Get(Port(), "/events/test-participants").body, "/people/daniyar-kanafin"));
  EXPECT_EQ(AuditCount("event.participant.consent", kanafin->id.value()), 1);
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  member.Get("/events/test-participants");
  EXPECT_EQ(member.PostForm(kanafin_path + "/remove", "x=1").status, 403);
  EXPECT_EQ(browser.PostForm(kanafin_path + "/remove", "x=1").status, 303);
  EXPECT_EQ(browser.PostForm(kanafin_path + "/remove", "x=1").status, 404);
  EXPECT_EQ(AuditCount("event.participant.delete", kanafin->id.value()), 1);

  EXPECT_EQ(browser.SendJson("DELETE", participant_path, "").status, 204);
  EXPECT_EQ(browser.SendJson("DELETE", participant_path, "").status, 404);
  EXPECT_EQ(Count("event_participants", *id), 0);
}

// Registrations awaiting the organizers are approved (or put on the waiting list when the event
// is full) and declined through the API.
TEST(EventsTest, RegistrationsApprovedThroughTheApi) {
  auto coordinator = SignedInActor(kCoordinator);
  EventInput input = Input("test-approval");
  input.registration = "approval";
  input.capacity = "1";
  auto id = Service().Create(coordinator, input);
  ASSERT_TRUE(id) << id.error().message();
  for (const char* email : {"paris.member@demo.entente.example", "paris.editor@demo.entente.example",
                            "almaty.member@demo.entente.example"}) {
    auto status = Service().Register(SignedInActor(email), *id, events::ListConsent::kListed);
    ASSERT_TRUE(status) << status.error().message();
    EXPECT_EQ(*status, events::ParticipantStatus::kPending);
  }
  auto event = Service().Get(coordinator, *id);
  ASSERT_TRUE(event);
  ASSERT_EQ(event->participants.size(), 3u);
  auto path = [&](std::size_t index) {
    return "/api/v1/events/" + std::to_string(id->value()) + "/participants/" +
           std::to_string(event->participants[index].id.value()) + "/decision";
  };
  // Pending registrations are not listed publicly, consent or not.
  EXPECT_TRUE(json::parse(Get(Port(), "/api/v1/events/" + std::to_string(id->value())).body)["participants"].empty());

  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(member.SendJson("POST", path(0), R"({"decision":"approve"})").status, 403);
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  EXPECT_EQ(browser.SendJson("POST", path(0), R"({"decision":"maybe"})").status, 422);
  auto approved = browser.SendJson("POST", path(0), R"({"decision":"approve"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json::parse(approved.body)["status"], "confirmed");
  auto waiting = browser.SendJson("POST", path(1), R"({"decision":"approve"})");
  ASSERT_EQ(waiting.status, 200);
  EXPECT_EQ(json::parse(waiting.body)["status"], "waiting");
  auto declined = browser.SendJson("POST", path(2), R"({"decision":"decline"})");
  ASSERT_EQ(declined.status, 200);
  EXPECT_EQ(json::parse(declined.body)["status"], "declined");
  EXPECT_EQ(AuditCount("event.participant.decide", event->participants[0].id.value()), 1);
  EXPECT_EQ(browser
                .SendJson("POST", "/api/v1/events/" + std::to_string(id->value()) + "/participants/999999/decision",
                          R"({"decision":"approve"})")
                .status,
            404);
  // The one confirmed and consenting registration is now listed.
  EXPECT_EQ(json::parse(Get(Port(), "/api/v1/events/" + std::to_string(id->value())).body)["participants"].size(), 1u);
}

// Organizers record an award on their event, with a recipient by name or by role.
TEST(EventsTest, OrganizersRecordAnAward) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-award"));
  ASSERT_TRUE(id);
  std::string api = "/api/v1/events/" + std::to_string(id->value()) + "/awards";
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.cookies["lang"] = "en";
  browser.Get("/events/test-award");

  auto missing = browser.SendJson("POST", api, R"({"citation":{"en":"For years of work"}})");
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(Contains(missing.body, "recipient")) << missing.body;
  EXPECT_TRUE(Contains(missing.body, "title"));
  EXPECT_EQ(browser.SendJson("POST", api, R"({"title":{"en":"Medal"},"recipient":"nobody-at-all"})").status, 422);
  EXPECT_EQ(
      browser.SendJson("POST", api, R"({"title":{"en":"Medal"},"recipient":"daniyar-kanafin","awarded_on":"28 March"})")
          .status,
      422);
  Browser almaty = SignedInBrowser(Port(), kAlmatyCoordinator);
  EXPECT_EQ(almaty.SendJson("POST", api, R"({"title":{"en":"Medal"},"recipient":"daniyar-kanafin"})").status, 403);
  EXPECT_EQ(Service().Get(coordinator, *id)->awards.size(), 0u);

  auto made = browser.SendJson("POST", api,
                               R"({"title":{"en":"Medal of the Bar"},"citation":{"en":"For the training programme"},
                                   "presented_by":"pierre-olivier-sur","recipient_role":{"en":"Team leader"},
                                   "awarded_on":"2027-03-28"})");
  ASSERT_EQ(made.status, 201) << made.body;
  json award = json::parse(made.body);
  EXPECT_EQ(award["title"]["en"]["text"], "Medal of the Bar");
  EXPECT_EQ(award["presented_by"]["person"], "pierre-olivier-sur");
  EXPECT_TRUE(award["recipient"].is_null());
  EXPECT_EQ(award["recipient_role"]["en"]["text"], "Team leader");
  EXPECT_EQ(award["awarded_on"], "2027-03-28");
  EXPECT_EQ(AuditCount("event.award.create", award["id"].get<long long>()), 1);

  // The page's form, in the language of the page; its errors beside its own fields.
  auto refused = browser.PostForm("/events/test-award/awards", "title=Prize&recipient=daniyar-kanafin&awarded_on=x");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Contains(refused.body, "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")) << refused.body.substr(0, 300);
  auto posted = browser.PostForm("/events/test-award/awards",
                                 "title=Prize+of+the+Training+Center&recipient=daniyar-kanafin&awarded_on=2027-03");
  EXPECT_EQ(posted.status, 303);
  auto page = Get(Port(), "/events/test-award?lang=en");
  EXPECT_TRUE(Contains(page.body, "Medal of the Bar"));
  EXPECT_TRUE(Contains(page.body, "For the training programme"));
  EXPECT_TRUE(Contains(page.body, "Prize of the Training Center"));
  EXPECT_TRUE(Contains(page.body, "/people/daniyar-kanafin"));
  EXPECT_EQ(Service().Get(coordinator, *id)->awards.size(), 2u);
}

// Journey 3: the Almaty City Bar's coordinator sees the invitation from the President of the
// Paris Bar, accepts it for a delegation of two and downloads the letter in Russian.
TEST(EventsTest, InvitationAcceptedForADelegationOfTwo) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-invitation"));
  ASSERT_TRUE(id);
  auto invitation =
      Service().Invite(coordinator, *id, {"paris-bar", "pierre-olivier-sur", "almaty-city-bar", "", "2", "ru", ""});
  ASSERT_TRUE(invitation) << invitation.error().message();

  // Someone else may not answer, nor see the letter.
  auto stranger = Service().Answer(SignedInActor("paris.member@demo.entente.example"), *invitation,
                                   events::InvitationAnswer::kAccept, "2");
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code(), ErrorCode::kNotFound);

  Browser almaty = SignedInBrowser(Port(), kAlmatyCoordinator);
  auto list = almaty.Get("/events/invitations");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(Contains(list.body, "Test event test-invitation"));
  auto too_many = almaty.PostForm("/events/invitations/" + std::to_string(invitation->value()) + "/answer",
                                  "answer=accept&delegation_size=3");
  EXPECT_EQ(too_many.status, 422);
  auto accepted = almaty.PostForm("/events/invitations/" + std::to_string(invitation->value()) + "/answer",
                                  "answer=accept&delegation_size=2");
  EXPECT_EQ(accepted.status, 303);
  auto event = Service().Get(coordinator, *id);
  ASSERT_TRUE(event);
  ASSERT_EQ(event->delegations.size(), 1u);
  EXPECT_EQ(event->delegations[0].size, 2);
  EXPECT_TRUE(event->delegations[0].members.empty());
  EXPECT_EQ(event->invitations[0].status, events::InvitationStatus::kAccepted);
  auto twice =
      almaty.PostForm("/events/invitations/" + std::to_string(invitation->value()) + "/answer", "answer=decline");
  EXPECT_EQ(twice.status, 409);

  auto letter = almaty.Get("/events/invitations/" + std::to_string(invitation->value()) + "/letter.pdf");
  EXPECT_EQ(letter.status, 200);
  EXPECT_EQ(letter.Header("content-type"), "application/pdf");
  EXPECT_EQ(letter.body.substr(0, 5), "%PDF-");
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(member.Get("/events/invitations/" + std::to_string(invitation->value()) + "/letter.pdf").status, 404);
}

// Journey 4: the delegation asks to meet the President of the Paris Bar, the International
// Committee and the Training School; the organizer runs the scheduler; the agenda shows Paris
// time with Almaty time beside it, and its .ics parses.
TEST(EventsTest, SchedulerAgendaAndCalendar) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-meetings"));
  ASSERT_TRUE(id);
  ASSERT_TRUE(Service().Invite(coordinator, *id, {"paris-bar", "", "almaty-city-bar", "", "", "en", ""}))
      << "a delegation comes from an invitation";
  auto delegation = Service().AddDelegation(coordinator, *id, {"almaty-city-bar", "", "2", {}});
  ASSERT_TRUE(delegation) << delegation.error().message();
  ASSERT_TRUE(Service().AddParticipant(coordinator, *id, {"pierre-olivier-sur", "host", true, ""}));
  SessionInput session;
  session.kind = "private_meeting";
  session.title = English("Committees");
  session.organizations_met = {"paris-bar-international-committee", "paris-bar-training-school"};
  ASSERT_TRUE(Service().AddSession(coordinator, *id, session));
  for (auto [from, to] :
       {std::pair{"2027-03-27T10:00", "2027-03-27T10:30"}, std::pair{"2027-03-27T10:30", "2027-03-27T11:00"}}) {
    ASSERT_TRUE(Service().AddSlot(coordinator, *id, from, to));
  }
  ASSERT_TRUE(Service().AddRoom(coordinator, *id, "Table 1"));
  auto almaty = SignedInActor(kAlmatyCoordinator);
  std::string delegation_id = std::to_string(delegation->value());
  ASSERT_TRUE(Service().RequestMeeting(almaty, *id, delegation_id, "", "pierre-olivier-sur", "", "5"));
  ASSERT_TRUE(Service().RequestMeeting(almaty, *id, delegation_id, "", "", "paris-bar-international-committee", "4"));
  ASSERT_TRUE(Service().RequestMeeting(almaty, *id, delegation_id, "", "", "paris-bar-training-school", "3"));
  // Someone else's delegation: no.
  auto foreign = Service().RequestMeeting(SignedInActor("paris.member@demo.entente.example"), *id, delegation_id, "",
                                          "pierre-olivier-sur", "", "5");
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code(), ErrorCode::kPermissionDenied);

  // Availability: for a side of the event, among its own slots.
  auto meetings = Service().Meetings(coordinator, *id);
  ASSERT_TRUE(meetings);
  EXPECT_FALSE(Service().SetAvailability(coordinator, *id, "person:daniyar-kanafin-nobody", {}));
  EXPECT_FALSE(Service().SetAvailability(coordinator, *id, "delegation:" + delegation_id, {events::SlotId(999999)}));
  ASSERT_TRUE(Service().SetAvailability(coordinator, *id, "delegation:" + delegation_id,
                                        {meetings->slots[0].id, meetings->slots[1].id}));
  EXPECT_EQ(Service().Meetings(coordinator, *id)->availability.size(), 1u);

  auto outcome = Service().Schedule(coordinator, *id);
  ASSERT_TRUE(outcome) << outcome.error().message();
  EXPECT_EQ(outcome->requested, 3);
  EXPECT_EQ(outcome->met, 2);  // two slots, one delegation: one request cannot be met
  ASSERT_EQ(outcome->unmet.size(), 1u);
  EXPECT_EQ(outcome->unmet[0].reason, events::UnmetReason::kPartiesBooked);

  // Pin the unmet one in the first slot by moving the meeting there by hand: refused (the
  // delegation is booked), then accepted once the other is unpinned and moved.
  auto board = Service().Meetings(coordinator, *id);
  ASSERT_TRUE(board);
  const auto& unmet =
      *std::find_if(board->requests.begin(), board->requests.end(), [](const auto& request) { return !request.slot; });
  auto clash = Service().Pin(coordinator, *id, unmet.id, board->slots[0].id, board->rooms[0].id);
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().code(), ErrorCode::kInvalidArgument);

  // Re-running keeps a pinned meeting where it is.
  const auto& placed = *std::find_if(board->requests.begin(), board->requests.end(),
                                     [](const auto& request) { return request.slot.has_value(); });
  ASSERT_TRUE(Service().Pin(coordinator, *id, placed.id, *placed.slot, *placed.room));
  ASSERT_TRUE(Service().Schedule(coordinator, *id));
  auto after = Service().Meetings(coordinator, *id);
  for (const auto& request : after->requests) {
    if (request.id == placed.id) {
      EXPECT_TRUE(request.pinned);
      EXPECT_EQ(request.slot, placed.slot);
    }
  }

  Browser browser = SignedInBrowser(Port(), kAlmatyCoordinator);
  std::string agenda_path = "/events/test-meetings/delegations/" + delegation_id + "/agenda";
  auto agenda = browser.Get(agenda_path + "?lang=en");
  EXPECT_EQ(agenda.status, 200);
  // 10:00 in Paris (UTC+1 before the change on 28 March) is 14:00 in Almaty (UTC+5).
  EXPECT_TRUE(Contains(agenda.body, "10:00–10:30")) << agenda.body.substr(0, 300);
  EXPECT_TRUE(Contains(agenda.body, "14:00–14:30 Asia/Almaty"));
  auto ics = browser.Get(agenda_path + ".ics");
  EXPECT_EQ(ics.status, 200);
  EXPECT_TRUE(Contains(ics.Header("content-type"), "text/calendar"));
  icalcomponent* calendar = icalparser_parse_string(ics.body.c_str());
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT), 2);
  icalcomponent_free(calendar);
  EXPECT_TRUE(Contains(ics.body, "TZID:Europe/Paris"));
  auto pdf = browser.Get(agenda_path + ".pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  // The President's own agenda, for a user linked to him in the directory.
  ASSERT_TRUE(TestServer::Shared().app().database().Write([](soci::session& sql) -> Status {
    sql << "UPDATE users SET person_id = (SELECT id FROM people WHERE slug = 'pierre-olivier-sur') WHERE email = "
           "'paris.admin@demo.entente.example'";
    return {};
  }));
  Browser president = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  president.cookies["lang"] = "en";
  auto own = president.Get("/events/test-meetings/agenda");
  EXPECT_EQ(own.status, 200);
  EXPECT_TRUE(Contains(own.body, "Meeting with Almaty City Bar")) << own.body.substr(0, 300);
  EXPECT_TRUE(Contains(own.body, "/events/test-meetings/agenda.pdf"));
  // The same agenda as a PDF, Paris time with the viewer's Almaty time beside it.
  auto own_pdf = president.Get("/events/test-meetings/agenda.pdf?tz=Asia/Almaty");
  EXPECT_EQ(own_pdf.status, 200);
  EXPECT_EQ(own_pdf.Header("content-type"), "application/pdf");
  ASSERT_EQ(own_pdf.body.substr(0, 5), "%PDF-");
  std::string own_text = PdfText(own_pdf.body);
  EXPECT_TRUE(Contains(own_text, "Your agenda")) << own_text;
  EXPECT_TRUE(Contains(own_text, "Meeting with Almaty City Bar")) << own_text;
  EXPECT_TRUE(Contains(own_text, "Europe/Paris")) << own_text;
  EXPECT_TRUE(Contains(own_text, "Asia/Almaty")) << own_text;
  // In the user's language.
  president.cookies["lang"] = "fr";
  std::string french = PdfText(president.Get("/events/test-meetings/agenda.pdf").body);
  EXPECT_TRUE(Contains(french, "Votre programme")) << french;
  president.cookies["lang"] = "en";
  // A user with no person in the directory gets an empty agenda, not someone else's.
  auto empty_pdf = SignedInBrowser(Port(), "paris.member@demo.entente.example").Get("/events/test-meetings/agenda.pdf");
  EXPECT_EQ(empty_pdf.status, 200);
  EXPECT_FALSE(Contains(PdfText(empty_pdf.body), "Almaty City Bar"));
  // Another bar's member sees no agenda of this delegation.
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(member.Get(agenda_path).status, 404);
}

TEST(EventsTest, PersonalFeedNeedsItsToken) {
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.Get("/events/feed");
  auto made = browser.PostForm("/events/feed", "x=1");
  EXPECT_EQ(made.status, 200);
  auto at = made.body.find("/events/feed/");
  ASSERT_NE(at, std::string::npos);
  std::string path = made.body.substr(at, std::string("/events/feed/").size() + 64 + 4);
  auto feed = Get(Port(), path);
  EXPECT_EQ(feed.status, 200);
  EXPECT_TRUE(Contains(feed.body, "BEGIN:VCALENDAR"));
  std::string wrong = path;
  wrong[wrong.size() - 5] = wrong[wrong.size() - 5] == 'a' ? 'b' : 'a';
  EXPECT_EQ(Get(Port(), wrong).status, 404);
}

TEST(EventsTest, VisibilityIsDecidedInTheList) {
  auto coordinator = SignedInActor(kCoordinator);
  EventInput input = Input("test-internal");
  input.visibility = "organization";
  ASSERT_TRUE(Service().Create(coordinator, input));
  auto anonymous = json::parse(Get(Port(), "/api/v1/events?per_page=200").body);
  for (const auto& item : anonymous["items"]) EXPECT_NE(item["slug"], "test-internal");
  EXPECT_EQ(Get(Port(), "/events/test-internal").status, 404);
  Browser almaty = SignedInBrowser(Port(), "almaty.member@demo.entente.example");
  EXPECT_EQ(almaty.Get("/events/test-internal").status, 404);
  Browser paris = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(paris.Get("/events/test-internal").status, 200);
  auto total_anonymous = anonymous["total"].get<long long>();
  auto seen = json::parse(paris.Get("/api/v1/events?per_page=200").body);
  EXPECT_EQ(seen["total"].get<long long>(), total_anonymous + 1);
}

TEST(EventsTest, OnlyOrganizersCoordinatorsChangeAnEvent) {
  auto id = Service().Create(SignedInActor(kCoordinator), Input("test-access"));
  ASSERT_TRUE(id);
  SessionInput session;
  session.title = English("X");
  auto member = Service().AddSession(SignedInActor("paris.member@demo.entente.example"), *id, session);
  ASSERT_FALSE(member);
  EXPECT_EQ(member.error().code(), ErrorCode::kPermissionDenied);
  auto other = Service().AddSession(SignedInActor("almaty.admin@demo.entente.example"), *id, session);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code(), ErrorCode::kPermissionDenied);
  auto created = Service().Create(SignedInActor("almaty.admin@demo.entente.example"), Input("test-not-yours"));
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code(), ErrorCode::kPermissionDenied);
  // Every change is in the audit log.
  auto audited = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
    long long value = id->value(), total = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE action = 'event.create' AND entity_id = :id", soci::use(value),
        soci::into(total);
    return total;
  });
  EXPECT_EQ(audited.value_or(0), 1);
}

// The create and edit forms: a coordinator records an event, a time in a DST gap is refused
// with the field's message, and the edit keeps the other languages' texts.
TEST(EventsTest, CreateAndEditThroughTheForms) {
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  browser.cookies["lang"] = "en";  // the demo coordinator prefers French
  EXPECT_EQ(browser.Get("/events/new").status, 200);
  auto gap = browser.PostForm("/events",
                              "slug=test-form-event&title=Form+event&kind=workshop&organizers=paris-bar&"
                              "time_zone=Europe%2FParis&starts=2027-03-28T02%3A30&ends=2027-03-28T05%3A00&"
                              "registration=closed&visibility=public&text_language=en");
  EXPECT_EQ(gap.status, 422);
  EXPECT_TRUE(Contains(gap.body, "the clocks skip it"));
  EXPECT_FALSE(*Service().SlugTaken("test-form-event"));
  auto created = browser.PostForm("/events",
                                  "slug=test-form-event&title=Form+event&kind=workshop&organizers=paris-bar&"
                                  "time_zone=Europe%2FParis&starts=2027-03-28&ends=2027-03-29&"
                                  "registration=open&capacity=10&visibility=public&text_language=en");
  EXPECT_EQ(created.status, 303);
  auto event = Service().Get(auth::Actor::Anonymous(), "test-form-event");
  ASSERT_TRUE(event);
  EXPECT_EQ(event->capacity, 10);
  // A French title added by editing in French leaves the English one.
  browser.cookies["lang"] = "fr";
  EXPECT_EQ(browser.Get("/events/test-form-event/edit").status, 200);
  auto edited = browser.PostForm("/events/test-form-event/edit",
                                 "slug=test-form-event&title=Atelier+du+formulaire&kind=workshop&organizers=paris-bar&"
                                 "time_zone=Europe%2FParis&starts=2027-03-28&ends=2027-03-29&registration=open&"
                                 "capacity=10&visibility=public&text_language=fr");
  EXPECT_EQ(edited.status, 303);
  event = Service().Get(auth::Actor::Anonymous(), "test-form-event");
  EXPECT_EQ(event->title.Find("en")->text, "Form event");
  EXPECT_EQ(event->title.Find("fr")->text, "Atelier du formulaire");
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(member.Get("/events/test-form-event/edit").status, 403);
}

// Anonymous event pages come from a cache of rendered pages: every change shows at once.
TEST(EventsTest, CachedPagesChangeWithEveryWrite) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-cache"));
  ASSERT_TRUE(id);
  auto first = Get(Port(), "/events/test-cache");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(Get(Port(), "/events/test-cache").body, first.body);  // served again, the same
  SessionInput session;
  session.kind = "speech";
  session.title = English("A session added after the page was cached");
  session.starts = "2027-03-28T10:00";
  session.ends = "2027-03-28T11:00";
  ASSERT_TRUE(Service().AddSession(coordinator, *id, session));
  auto second = Get(Port(), "/events/test-cache");
  EXPECT_TRUE(Contains(second.body, "A session added after the page was cached"));
  // Each language and query has its own entry.
  auto french = Get(Port(), "/events/test-cache", {{"Cookie", "lang=fr"}});
  EXPECT_TRUE(Contains(french.body, "Programme"));
  EXPECT_TRUE(Contains(Get(Port(), "/events/test-cache?tz=Asia/Almaty").body,
                       "13:00–14:00 Asia/Almaty"));  // Paris is at +02 after 02:00 that day
}

}  // namespace
}  // namespace entente::testing

namespace entente::testing {
namespace {

// The events serving an objective show on the agreement's tracker, linked to their pages, and
// count as activity for the 12-month flag — for those who may see the event.
TEST(EventsTest, EventsServingAnObjectiveShowOnTheAgreementTracker) {
  auto agreement = TestServer::Shared().app().agreements().Get(auth::Actor::Anonymous(), "paris-almaty-2014");
  ASSERT_TRUE(agreement);
  ASSERT_GE(agreement->objectives.size(), 4u);
  auto objective_id = [&](int sequence) -> agreements::ObjectiveId {
    for (const auto& objective : agreement->objectives) {
      if (objective.sequence == sequence) return objective.id;
    }
    return agreements::ObjectiveId();
  };
  // The demo's Rentrée 2014 serves objectives 1 and 3.
  auto api = json::parse(Get(Port(), "/api/v1/agreements/" + std::to_string(agreement->id.value())).body);
  std::map<int, std::vector<std::string>> linked;
  for (const auto& objective : api["objectives"]) {
    for (const auto& link : objective["linked_activities"]) linked[objective["sequence"].get<int>()].push_back(link);
  }
  EXPECT_EQ(linked[1], std::vector<std::string>{"/events/rentree-du-barreau-de-paris-2014"});
  EXPECT_EQ(linked[3], std::vector<std::string>{"/events/rentree-du-barreau-de-paris-2014"});
  EXPECT_TRUE(linked[2].empty());
  auto page = Get(Port(), "/agreements/paris-almaty-2014").body;
  EXPECT_TRUE(Contains(page, "href=\"/events/rentree-du-barreau-de-paris-2014\""));

  // A members-only event serving objective 4 in 2017 keeps it unflagged as of 2017-12-31 for a
  // signed-in user, and is not shown to (nor counted for) a visitor.
  auto coordinator = SignedInActor(kCoordinator);
  EventInput input = Input("test-serving-objective-4");
  input.starts = "2017-06-01";
  input.ends = "2017-06-02";
  input.visibility = "members";
  input.objectives = {objective_id(4)};
  ASSERT_TRUE(Service().Create(coordinator, input));
  auto flagged = [](const json& body, int sequence) {
    for (const auto& objective : body["objectives"]) {
      if (objective["sequence"] == sequence) return objective["no_activity_in_12_months"].get<bool>();
    }
    return false;
  };
  std::string path = "/api/v1/agreements/" + std::to_string(agreement->id.value()) + "?as_of=2017-12-31";
  Browser member = SignedInBrowser(Port(), "almaty.member@demo.entente.example");
  auto as_member = json::parse(member.Get(path).body);
  EXPECT_FALSE(flagged(as_member, 4)) << "the event of June 2017 is activity within the 12 months";
  EXPECT_TRUE(flagged(as_member, 2));
  auto as_visitor = json::parse(Get(Port(), path).body);
  EXPECT_TRUE(flagged(as_visitor, 4)) << "a visitor does not see the members-only event";
  EXPECT_FALSE(Contains(Get(Port(), "/agreements/paris-almaty-2014").body, "test-serving-objective-4"));
}

}  // namespace
}  // namespace entente::testing

namespace entente::testing {
namespace {

// An organizer records a delegation with its head and members on the event page; an unknown
// person is a field error and records nothing.
TEST(EventsTest, ADelegationWithItsHeadAndMembersThroughThePage) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-delegation-members"));
  ASSERT_TRUE(id);
  ASSERT_TRUE(Service().Invite(coordinator, *id, {"paris-bar", "", "almaty-city-bar", "", "", "en", ""}))
      << "a delegation comes from an invitation";
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  auto form = browser.Get("/events/test-delegation-members");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "name=\"members\""));
  auto refused = browser.PostForm("/events/test-delegation-members/delegations",
                                  "organization=almaty-city-bar&head=no-such-person&members=daniyar-kanafin");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Service().Get(coordinator, *id)->delegations.empty());
  auto added = browser.PostForm("/events/test-delegation-members/delegations",
                                "organization=almaty-city-bar&head=kenzhegali-karchegenov"
                                "&members=daniyar-kanafin%2C+iskander-alimbaev");
  EXPECT_EQ(added.status, 303);
  auto event = Service().Get(coordinator, *id);
  ASSERT_EQ(event->delegations.size(), 1u);
  EXPECT_EQ(event->delegations[0].members.size(), 2u);
  auto page = browser.Get("/events/test-delegation-members");
  EXPECT_TRUE(Contains(page.body, "/people/iskander-alimbaev"));
}

}  // namespace
}  // namespace entente::testing

namespace entente::testing {
namespace {

TEST(EventsTest, ADelegationThroughTheApi) {
  auto coordinator = SignedInActor(kCoordinator);
  auto id = Service().Create(coordinator, Input("test-delegation-api"));
  ASSERT_TRUE(id);
  ASSERT_TRUE(Service().Invite(coordinator, *id, {"paris-bar", "", "almaty-city-bar", "", "", "en", ""}))
      << "a delegation comes from an invitation";
  Browser browser = SignedInBrowser(Port(), kCoordinator);
  std::string path = "/api/v1/events/" + std::to_string(id->value()) + "/delegations";
  auto unknown =
      browser.SendJson("POST", path, R"({"organization": "almaty-city-bar", "members": ["no-such-person"]})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(browser.SendJson("POST", path, R"({"organization": "almaty-city-bar", "size": "two"})").status, 422);
  EXPECT_TRUE(Service().Get(coordinator, *id)->delegations.empty()) << "nothing recorded";
  auto sized = browser.SendJson("POST", path, R"({"organization": "almaty-city-bar", "size": 2})");
  ASSERT_EQ(sized.status, 201) << sized.body;
  EXPECT_EQ(json::parse(sized.body)["size"], 2);
  auto named = browser.SendJson(
      "POST", path,
      R"({"organization": "almaty-city-bar", "head": "kenzhegali-karchegenov", "members": ["daniyar-kanafin"]})");
  ASSERT_EQ(named.status, 201) << named.body;
  EXPECT_EQ(json::parse(named.body)["members"].size(), 1u);
  Browser member = SignedInBrowser(Port(), "paris.member@demo.entente.example");
  EXPECT_EQ(member.SendJson("POST", path, R"({"organization": "almaty-city-bar", "size": 1})").status, 403);
  EXPECT_EQ(Service().Get(coordinator, *id)->delegations.size(), 2u);
}

}  // namespace
}  // namespace entente::testing
