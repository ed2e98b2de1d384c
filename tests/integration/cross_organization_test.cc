// One bar's administrators touch only their own records: each hole found in the access rules,
// tried as a user would (through the JSON API and the pages, as the Almaty City Bar's admin on
// the Paris Bar's records), on the backend of this run. Records of a third organization are made
// here; the demo's records are only read, or changed and changed back.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness.h"
#include "modules/agreements/agreement_service.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/people_service.h"
#include "modules/events/event_service.h"

namespace entente::testing {
namespace {

using nlohmann::json;

constexpr const char* kAlmatyAdmin = "almaty.admin@demo.entente.example";
constexpr const char* kParisAdmin = "paris.admin@demo.entente.example";
constexpr const char* kParisCoordinator = "paris.coordinator@demo.entente.example";
constexpr const char* kPlatformAdmin = "platform.admin@demo.entente.example";

std::uint16_t Port() { return TestServer::Shared().port(); }
app::App& TheApp() { return TestServer::Shared().app(); }

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

long long IdOf(const std::string& sql_text, const std::string& key) {
  auto id = TheApp().database().Read([&](soci::session& sql) -> Result<long long> {
    long long value = 0;
    sql << sql_text, soci::use(key), soci::into(value);
    return value;
  });
  return id.value_or(0);
}
long long PersonId_(const std::string& slug) { return IdOf("SELECT id FROM people WHERE slug = :k", slug); }
long long OrganizationId_(const std::string& slug) {
  return IdOf("SELECT id FROM organizations WHERE slug = :k", slug);
}
long long UserId_(const std::string& email) { return IdOf("SELECT id FROM users WHERE email = :k", email); }

i18n::LocalizedText English(std::string text) {
  i18n::LocalizedText result;
  result.SetOriginal("en", std::move(text));
  return result;
}

// A third bar none of the demo accounts but the platform admin has a role on, with a committee
// only its own members may see, and a person on its roll holding a position on that committee.
struct Hidden {
  std::string bar = "test-third-bar";
  std::string committee = "test-hidden-committee";
  std::string committee_name = "Committee Nobody Else May See";
  std::string person;
};

const Hidden& HiddenRecords() {
  static const Hidden hidden = [] {
    Hidden made;
    auto system = auth::Actor::System("test");
    directory::OrganizationInput bar;
    bar.slug = made.bar;
    bar.kind = "bar";
    bar.name = English("Third Test Bar");
    EXPECT_TRUE(TheApp().organizations().Save(system, bar));
    directory::OrganizationInput committee;
    committee.slug = made.committee;
    committee.kind = "committee";
    committee.parent_slug = made.bar;
    committee.visibility = "organization";
    committee.name = English(made.committee_name);
    EXPECT_TRUE(TheApp().organizations().Save(system, committee));
    directory::PersonInput person;
    person.slug = "test-third-bar-lawyer";
    person.names.push_back(
        {"Third Bar Lawyer", directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""});
    auto id = TheApp().people().SavePerson(system, person);
    EXPECT_TRUE(id);
    if (id) {
      EXPECT_TRUE(TheApp().people().SaveMembership(system, *id, {made.bar, "T-1", "2010", "active", ""}));
      EXPECT_TRUE(TheApp().people().SavePosition(system, *id, {made.committee, "member", "2015", "", "", ""}));
    }
    made.person = person.slug;
    return made;
  }();
  return hidden;
}

TEST(CrossOrganizationTest, AnotherBarsAdminCannotPutTheParisPresidentOnTheirRollNorRenameHim) {
  long long president = PersonId_("pierre-olivier-sur");
  ASSERT_GT(president, 0);
  auto before = TheApp().people().GetPerson(PersonId(president));
  ASSERT_TRUE(before);
  Browser almaty = SignedInBrowser(Port(), kAlmatyAdmin);

  auto joined = almaty.SendJson("POST", fmt::format("/api/v1/people/{}/memberships", president),
                                R"({"bar":"almaty-city-bar","admitted_on":"2020","status":"former"})");
  EXPECT_EQ(joined.status, 403) << joined.body;
  auto renamed = almaty.SendJson("PUT", fmt::format("/api/v1/people/{}", president),
                                 R"({"names":[{"name":"Hijacked","kind":"as_written"}]})");
  EXPECT_EQ(renamed.status, 403) << renamed.body;
  auto position = almaty.SendJson("POST", fmt::format("/api/v1/people/{}/positions", president),
                                  R"({"organization":"almaty-city-bar","title":"member"})");
  EXPECT_EQ(position.status, 403) << position.body;
  auto page =
      almaty.PostForm("/people/pierre-olivier-sur/memberships", "bar=almaty-city-bar&admitted_on=2020&status=former");
  EXPECT_EQ(page.status, 403);

  auto after = TheApp().people().GetPerson(PersonId(president));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->display_name, before->display_name);
  EXPECT_EQ(after->memberships.size(), before->memberships.size());
  EXPECT_FALSE(Contains(Get(Port(), "/people/pierre-olivier-sur").body, "Hijacked"));

  // The Paris Bar's own administrator may (the control: the refusal is about who asks).
  Browser paris = SignedInBrowser(Port(), kParisAdmin);
  auto own = paris.SendJson("POST", fmt::format("/api/v1/people/{}/positions", president),
                            R"({"organization":"paris-bar","title":"nonsense"})");
  EXPECT_EQ(own.status, 422) << own.body;
}

TEST(CrossOrganizationTest, MembershipsNeedLeaveOnTheBarToo) {
  // A Paris admin may edit the Paris president, but not put him on the Almaty roll.
  auto paris = SignedInActor(kParisAdmin);
  auto refused = TheApp().people().SaveMembership(paris, PersonId(PersonId_("pierre-olivier-sur")),
                                                  {"almaty-city-bar", "", "2020", "former", ""});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied);
  // A bar hidden from the actor is answered like one that does not exist.
  const auto& hidden = HiddenRecords();
  auto unseen = TheApp().people().SavePosition(paris, PersonId(PersonId_("pierre-olivier-sur")),
                                               {hidden.committee, "member", "", "", "", ""});
  ASSERT_FALSE(unseen);
  EXPECT_EQ(unseen.error().code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(unseen.error().fields().size(), 1u);
  EXPECT_EQ(unseen.error().fields()[0].field, "organization");
}

TEST(CrossOrganizationTest, OnlyThePlatformItselfSavesPeopleBySlug) {
  directory::PersonInput input;
  input.slug = "pierre-olivier-sur";
  input.names.push_back({"Overwritten", directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""});
  for (const char* email : {kAlmatyAdmin, kParisAdmin, kPlatformAdmin}) {
    auto saved = TheApp().people().SavePerson(SignedInActor(email), input);
    ASSERT_FALSE(saved) << email;
    EXPECT_EQ(saved.error().code(), ErrorCode::kPermissionDenied) << email;
  }
  EXPECT_NE(TheApp().people().GetPerson("pierre-olivier-sur")->display_name, "Overwritten");
}

TEST(CrossOrganizationTest, UsersOutOfABarAdminsReachAreNotFound) {
  long long platform = UserId_(kPlatformAdmin), member = UserId_("paris.member@demo.entente.example");
  long long almaty_bar = OrganizationId_("almaty-city-bar");
  Browser almaty = SignedInBrowser(Port(), kAlmatyAdmin);
  auto grant = almaty.SendJson("POST", fmt::format("/api/v1/users/{}/roles", platform),
                               fmt::format(R"({{"role":"member","organization_id":{}}})", almaty_bar));
  EXPECT_EQ(grant.status, 404) << grant.body;
  auto user = almaty.Get(fmt::format("/api/v1/users/{}", platform));
  EXPECT_EQ(user.status, 404);
  EXPECT_FALSE(Contains(user.body, kPlatformAdmin));
  EXPECT_EQ(almaty.Get(fmt::format("/api/v1/users/{}", member)).status, 404);
  EXPECT_EQ(almaty.Get(fmt::format("/admin/users/{}", member)).status, 404);
  // The list holds only users within reach: no Paris account.
  auto list = almaty.Get("/api/v1/users?per_page=100");
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(Contains(list.body, "paris.member@"));
  EXPECT_FALSE(Contains(list.body, kPlatformAdmin));
  EXPECT_TRUE(Contains(list.body, kAlmatyAdmin));
  // No grant was written.
  auto grants = TheApp().database().Read([&](soci::session& sql) -> Result<long long> {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM role_grants WHERE user_id = :u AND organization_id IS NOT NULL", soci::use(platform),
        soci::into(count);
    return count;
  });
  EXPECT_EQ(grants.value_or(-1), 0);
  // The Paris admin reaches the Paris member.
  Browser paris = SignedInBrowser(Port(), kParisAdmin);
  EXPECT_EQ(paris.Get(fmt::format("/api/v1/users/{}", member)).status, 200);
}

TEST(CrossOrganizationTest, AnOrganizationOnlyItsMembersMaySeeIsNamedNowhereElse) {
  const auto& hidden = HiddenRecords();
  for (const char* email : {kAlmatyAdmin, kParisAdmin}) {
    Browser browser = SignedInBrowser(Port(), email);
    for (const char* page : {"/events", "/agreements", "/lawyers", "/organizations", "/people/new?bar=paris-bar"}) {
      auto response = browser.Get(page);
      EXPECT_FALSE(Contains(response.body, hidden.committee_name)) << page << " as " << email;
      EXPECT_FALSE(Contains(response.body, hidden.committee)) << page << " as " << email;
    }
    auto person = browser.Get("/people/" + hidden.person);
    ASSERT_EQ(person.status, 200);
    EXPECT_FALSE(Contains(person.body, hidden.committee));
    EXPECT_EQ(browser.Get("/organizations/" + hidden.committee).status, 404);
    auto json = browser.Get(fmt::format("/api/v1/people/{}", PersonId_(hidden.person)));
    EXPECT_FALSE(Contains(json.body, hidden.committee)) << json.body;
    EXPECT_EQ(browser.Get(fmt::format("/api/v1/organizations/{}", OrganizationId_(hidden.committee))).status, 404);
  }
  EXPECT_FALSE(Contains(Get(Port(), "/").body, hidden.committee_name));
  // The platform admin sees it.
  Browser platform = SignedInBrowser(Port(), kPlatformAdmin);
  EXPECT_EQ(platform.Get("/organizations/" + hidden.committee).status, 200);
  EXPECT_TRUE(Contains(platform.Get("/people/" + hidden.person).body, hidden.committee));
}

TEST(CrossOrganizationTest, ThePersonApiDoesNotGiveGender) {
  auto response = Get(Port(), fmt::format("/api/v1/people/{}", PersonId_("pierre-olivier-sur")));
  ASSERT_EQ(response.status, 200);
  EXPECT_FALSE(json::parse(response.body).contains("gender"));
}

TEST(CrossOrganizationTest, AnApiUpdateWithoutParentKeepsTheOrganizationWhereItIs) {
  Browser paris = SignedInBrowser(Port(), kParisAdmin);
  auto created = paris.SendJson("POST", "/api/v1/organizations",
                                R"({"slug":"test-paris-ethics","kind":"committee","parent":"paris-bar",)"
                                R"("visibility":"members","name":{"en":"Ethics Committee [test]"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  long long id = json::parse(created.body).at("id").get<long long>();
  auto updated = paris.SendJson("PUT", fmt::format("/api/v1/organizations/{}", id),
                                R"({"kind":"committee","name":{"en":"Ethics Committee [renamed]"}})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  auto organization = TheApp().organizations().GetById(auth::Actor::System("test"), OrganizationId(id));
  ASSERT_TRUE(organization);
  ASSERT_TRUE(organization->parent);
  EXPECT_EQ(*organization->parent, OrganizationId(OrganizationId_("paris-bar")));
  EXPECT_EQ(organization->visibility, auth::Visibility::kMembers);  // not made public by omission
  // Moving it to the top level is for platform admins.
  auto moved = paris.SendJson("PUT", fmt::format("/api/v1/organizations/{}", id),
                              R"({"kind":"committee","parent":"","name":{"en":"Ethics Committee [renamed]"}})");
  EXPECT_EQ(moved.status, 403) << moved.body;
}

agreements::AgreementInput AgreementBetweenParisAndAlmaty(const std::string& slug, const std::string& visibility) {
  agreements::AgreementInput input;
  input.slug = slug;
  input.status = "signed";
  input.visibility = visibility;
  input.title = English("Cross-organization test " + slug);
  input.signed_on = "2020-03-01";
  input.parties = {{"paris-bar", "pierre-olivier-sur"}, {"almaty-city-bar", "kenzhegali-karchegenov"}};
  input.objectives = {{std::nullopt, English("To exchange."), {"exchange"}}};
  return input;
}

TEST(CrossOrganizationTest, OnePartyNeitherRemovesTheOtherNorWidensWhoMaySee) {
  auto& service = TheApp().agreements();
  auto input = AgreementBetweenParisAndAlmaty("test-cross-parties", "parties");
  auto id = service.Create(auth::Actor::System("test"), input);
  ASSERT_TRUE(id) << id.error().Describe();
  auto almaty = SignedInActor(kAlmatyAdmin);

  auto without_paris = input;
  without_paris.parties = {{"almaty-city-bar", "kenzhegali-karchegenov"}, {"almaty-city-bar", ""}};
  auto removed = service.Update(almaty, *id, without_paris);
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code(), ErrorCode::kPermissionDenied);

  // Refused before anything else sent is judged: an invalid address changes nothing of that.
  auto wider = input;
  wider.visibility = "public";
  wider.slug = "";
  auto widened = service.Update(almaty, *id, wider);
  ASSERT_FALSE(widened);
  EXPECT_EQ(widened.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(widened.error().message(),
            "Only someone who coordinates every party may let more people see this agreement.");

  auto stored = service.Get(auth::Actor::System("test"), *id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->visibility, auth::Visibility::kParties);
  EXPECT_EQ(stored->parties.size(), 2u);
  // Narrowing is anyone's who coordinates a party; so is an edit that changes neither.
  auto narrower = input;
  narrower.title = English("Renamed by one party");
  EXPECT_TRUE(service.Update(almaty, *id, narrower));
  // The platform admin (who may act for every party) may widen it.
  wider.slug = input.slug;
  EXPECT_TRUE(service.Update(SignedInActor(kPlatformAdmin), *id, wider));
}

TEST(CrossOrganizationTest, AnEventServesOnlyObjectivesOfAgreementsItsOrganizerMaySeeAndCoordinates) {
  // An agreement of the third bar with the Almaty City Bar, visible to its parties only.
  auto system = auth::Actor::System("test");
  HiddenRecords();
  agreements::AgreementInput hidden;
  hidden.slug = "test-hidden-agreement";
  hidden.status = "signed";
  hidden.visibility = "parties";
  hidden.title = English("Hidden agreement");
  hidden.signed_on = "2021-01-01";
  hidden.parties = {{"test-third-bar", ""}, {"almaty-city-bar", ""}};
  hidden.objectives = {{std::nullopt, English("A hidden objective."), {"exchange"}}};
  auto agreement = TheApp().agreements().Create(system, hidden);
  ASSERT_TRUE(agreement) << agreement.error().Describe();
  auto objective = TheApp().agreements().Get(system, *agreement)->objectives.at(0).id;

  long long rentree = IdOf("SELECT id FROM events WHERE slug = :k", "rentree-du-barreau-de-paris-2014");
  auto& events = TheApp().events();
  auto event = events.Get(system, events::EventId(rentree));
  ASSERT_TRUE(event);
  auto input = events::InputFrom(*event);
  auto served_before = input.objectives;
  input.objectives.push_back(objective);
  auto hidden_link = events.Update(SignedInActor(kParisCoordinator), events::EventId(rentree), input);
  ASSERT_FALSE(hidden_link);
  auto missing = input;
  missing.objectives.back() = agreements::ObjectiveId(99999999);
  auto missing_link = events.Update(SignedInActor(kParisCoordinator), events::EventId(rentree), missing);
  ASSERT_FALSE(missing_link);
  // The same answer as for an objective that does not exist: nothing tells it exists.
  EXPECT_EQ(hidden_link.error().code(), missing_link.error().code());
  EXPECT_EQ(hidden_link.error().fields().at(0).message, missing_link.error().fields().at(0).message);
  EXPECT_EQ(events.Get(system, events::EventId(rentree))->objectives, served_before);
}

TEST(CrossOrganizationTest, ADelegationComesFromAnInvitation) {
  HiddenRecords();
  long long rentree = IdOf("SELECT id FROM events WHERE slug = :k", "rentree-du-barreau-de-paris-2014");
  events::DelegationInput input;
  input.organization = "test-third-bar";  // never invited to the Rentrée
  input.size = "3";
  auto recorded = TheApp().events().AddDelegation(SignedInActor(kParisCoordinator), events::EventId(rentree), input);
  ASSERT_FALSE(recorded);
  EXPECT_EQ(recorded.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(recorded.error().fields().at(0).field, "organization");
}

TEST(CrossOrganizationTest, OrganizersMayNotSwitchOnARegistrantsConsentToBeListed) {
  // An Almaty City Bar event its own members see (out of the lists the demo's tests count).
  auto coordinator = SignedInActor("almaty.coordinator@demo.entente.example");
  auto& events = TheApp().events();
  events::EventInput input = events::InputFrom(
      *events.Get(auth::Actor::System("test"),
                  events::EventId(IdOf("SELECT id FROM events WHERE slug = :k", "rentree-du-barreau-de-paris-2014"))));
  input.slug = "test-consent-registration";
  input.visibility = "organization";
  input.organizers = {"almaty-city-bar"};
  input.registration = "open";
  input.capacity = "";
  input.objectives.clear();
  auto id = events.Create(coordinator, input);
  ASSERT_TRUE(id) << id.error().Describe();
  // The Almaty member registers without agreeing to be listed.
  auto registrant = SignedInActor("almaty.member@demo.entente.example");
  ASSERT_TRUE(events.Register(registrant, *id, events::ListConsent::kUnlisted));
  auto event = events.Get(coordinator, *id);
  ASSERT_EQ(event->participants.size(), 1u);
  auto participant = event->participants[0].id;
  auto on = events.SetParticipantConsent(coordinator, *id, participant, events::ListConsent::kListed);
  ASSERT_FALSE(on);
  EXPECT_EQ(on.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_FALSE(events.Get(coordinator, *id)->participants[0].consent_to_list);
  // The registrant may; the organizers may take the name off the list again.
  EXPECT_TRUE(events.SetParticipantConsent(registrant, *id, participant, events::ListConsent::kListed));
  EXPECT_TRUE(events.Get(coordinator, *id)->participants[0].consent_to_list);
  EXPECT_TRUE(events.SetParticipantConsent(coordinator, *id, participant, events::ListConsent::kUnlisted));
  EXPECT_FALSE(events.Get(coordinator, *id)->participants[0].consent_to_list);
}

TEST(CrossOrganizationTest, RefusedWritesAreCountedInMetrics) {
  Browser almaty = SignedInBrowser(Port(), kAlmatyAdmin);
  auto count = [] {
    auto metrics = Get(Port(), "/metrics").body;
    long long total = 0;
    std::string prefix =
        "entente_refused_writes_total{route=\"/api/v1/people/{id:id}\",method=\"PUT\",status=\"403\"} ";
    if (auto at = metrics.find(prefix); at != std::string::npos) total = std::stoll(metrics.substr(at + prefix.size()));
    return total;
  };
  long long before = count();
  auto refused = almaty.SendJson("PUT", fmt::format("/api/v1/people/{}", PersonId_("pierre-olivier-sur")),
                                 R"({"names":[{"name":"Again","kind":"as_written"}]})");
  ASSERT_EQ(refused.status, 403);
  EXPECT_EQ(count(), before + 1);
}

// Journey: an Almaty member's account is linked to the directory's Daniyar Kanafin by the
// Almaty City Bar's admin; nobody else's admin may, and nobody links their own account.
TEST(CrossOrganizationTest, ThePersonsBarAdminsLinkAnAccountToThem) {
  long long member = UserId_("almaty.member@demo.entente.example");
  std::string path = fmt::format("/api/v1/users/{}/person", member);
  Browser paris = SignedInBrowser(Port(), kParisAdmin);
  EXPECT_EQ(paris.SendJson("PUT", path, R"({"person":"daniyar-kanafin"})").status, 404);  // out of reach
  Browser almaty = SignedInBrowser(Port(), kAlmatyAdmin);
  // A Paris lawyer is not the Almaty admin's to link.
  EXPECT_EQ(almaty.SendJson("PUT", path, R"({"person":"pierre-olivier-sur"})").status, 403);
  auto unknown = almaty.SendJson("PUT", path, R"({"person":"no-such-person"})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(Contains(unknown.body, "\"field\":\"person\""));
  // A self-claim is refused, even to an administrator.
  long long self = UserId_(kAlmatyAdmin);
  EXPECT_EQ(
      almaty.SendJson("PUT", fmt::format("/api/v1/users/{}/person", self), R"({"person":"daniyar-kanafin"})").status,
      403);
  auto linked = almaty.SendJson("PUT", path, R"({"person":"daniyar-kanafin"})");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(json::parse(linked.body)["person"], "daniyar-kanafin");
  // The page shows it; another account may not take the same person.
  EXPECT_TRUE(Contains(almaty.Get(fmt::format("/admin/users/{}", member)).body, "/people/daniyar-kanafin"));
  long long coordinator = UserId_("almaty.coordinator@demo.entente.example");
  auto twice =
      almaty.SendJson("PUT", fmt::format("/api/v1/users/{}/person", coordinator), R"({"person":"daniyar-kanafin"})");
  EXPECT_EQ(twice.status, 422) << twice.body;
  // Removing the link, on the page.
  auto removed = almaty.PostForm(fmt::format("/admin/users/{}/person", member), "person=");
  EXPECT_EQ(removed.status, 303);
  EXPECT_TRUE(json::parse(almaty.Get(fmt::format("/api/v1/users/{}", member)).body)["person"].is_null());
}

}  // namespace
}  // namespace entente::testing
