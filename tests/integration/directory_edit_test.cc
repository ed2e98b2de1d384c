// Creating and editing organizations and people, contact details with per-field visibility, and
// merging two records of one person: through the services, the forms and the JSON API, on the
// backend of this run. Records are made here, so that the demo's people stay as the story has them.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/audit/audit_log.h"
#include "core/db/settings.h"
#include "harness.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/people_service.h"

namespace entente::testing {
namespace {

using nlohmann::json;

std::uint16_t Port() { return TestServer::Shared().port(); }
directory::PeopleService& People() { return TestServer::Shared().app().people(); }
directory::OrganizationService& Organizations() { return TestServer::Shared().app().organizations(); }

directory::PersonInput Named(const std::string& as_written, const std::string& other = "") {
  directory::PersonInput input;
  input.names.push_back({as_written, directory::DetectScript(as_written), directory::NameKind::kAsWritten, "", ""});
  if (!other.empty()) {
    input.names.push_back({other, directory::DetectScript(other), directory::NameKind::kTransliterated, "ru", ""});
  }
  return input;
}

// Rows of the audit log with this action, newest first.
std::vector<audit::LoggedEntry> AuditOf(const std::string& action) {
  audit::Filter filter;
  filter.action = action;
  auto entries =
      TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<Page<audit::LoggedEntry>> {
        return audit::Search(sql, filter, PageRequest{});
      });
  return entries ? entries->items : std::vector<audit::LoggedEntry>{};
}

TEST(PersonEditTest, BarAdminCreatesAPersonOnTheirRollWithASlugFromTheName) {
  auto admin = SignedInActor("almaty.admin@demo.entente.example");
  auto created = People().CreatePerson(admin, Named("Aigerim Seitkali", "Айгерим Сейткали"),
                                       {"almaty-city-bar", "EDIT-0001", "2011-04", "active", ""});
  ASSERT_TRUE(created) << created.error().message();
  auto person = People().GetPerson(*created);
  ASSERT_TRUE(person);
  EXPECT_EQ(person->slug, "aigerim-seitkali");
  ASSERT_EQ(person->memberships.size(), 1u);
  EXPECT_EQ(person->memberships[0].roll_number, "EDIT-0001");
  // A second person of the same name gets an address of their own.
  auto namesake =
      People().CreatePerson(admin, Named("Aigerim Seitkali"), {"almaty-city-bar", "EDIT-0002", "", "active", ""});
  ASSERT_TRUE(namesake);
  EXPECT_EQ(People().GetPerson(*namesake)->slug, "aigerim-seitkali-2");
  // Found at once, in either script.
  directory::LawyerQuery query;
  query.text = "Сейткали";
  auto found = People().FindLawyers(query, "en");
  ASSERT_TRUE(found);
  EXPECT_GE(found->total, 2);
  EXPECT_FALSE(AuditOf("person.create").empty());
}

TEST(PersonEditTest, ACreateThatFailsWritesNothing) {
  auto admin = SignedInActor("almaty.admin@demo.entente.example");
  // Another bar's roll: refused.
  auto foreign = People().CreatePerson(admin, Named("Jeanne Martin"), {"paris-bar", "EDIT-P-1", "", "active", ""});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code(), ErrorCode::kPermissionDenied);
  // A roll number already held, a bad date, a contact without '@': field errors, nothing saved.
  ASSERT_TRUE(People().CreatePerson(admin, Named("Nurlan Abenov"), {"almaty-city-bar", "EDIT-0003", "", "active", ""}));
  auto taken = People().CreatePerson(admin, Named("Nurlan Abenov"), {"almaty-city-bar", "EDIT-0003", "", "active", ""});
  ASSERT_FALSE(taken);
  ASSERT_EQ(taken.error().fields().size(), 1u);
  EXPECT_EQ(taken.error().fields()[0].field, "roll_number");
  auto input = Named("Saule Omarova");
  input.contacts.push_back({directory::ContactKind::kEmail, "not an address", auth::Visibility::kPublic});
  auto bad = People().CreatePerson(admin, input, {"almaty-city-bar", "EDIT-0004", "2011-13", "active", ""});
  ASSERT_FALSE(bad);
  std::set<std::string> fields;
  for (const auto& field : bad.error().fields()) fields.insert(field.field);
  EXPECT_TRUE(fields.contains("contacts"));
  EXPECT_TRUE(fields.contains("admitted_on"));
  EXPECT_FALSE(People().GetPerson(std::string("saule-omarova")));
  EXPECT_FALSE(People().GetPerson(std::string("nurlan-abenov-2")));
}

TEST(PersonEditTest, OnlyAdministratorsOfThePersonsBarsEditThem) {
  auto almaty = SignedInActor("almaty.admin@demo.entente.example");
  auto paris = SignedInActor("paris.admin@demo.entente.example");
  auto created =
      People().CreatePerson(almaty, Named("Yerlan Kassymov"), {"almaty-city-bar", "EDIT-0005", "", "active", ""});
  ASSERT_TRUE(created);
  auto update = Named("Yerlan Kassymov", "Ерлан Касымов");
  update.city = "Almaty";
  auto refused = People().UpdatePerson(paris, *created, update);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(People().GetPerson(*created)->names.size(), 1u);
  ASSERT_TRUE(People().UpdatePerson(almaty, *created, update));
  auto person = People().GetPerson(*created);
  EXPECT_EQ(person->names.size(), 2u);
  EXPECT_EQ(person->city, "Almaty");
  // The name as written stays first; a variant cannot take its place.
  auto swapped = update;
  std::swap(swapped.names[0], swapped.names[1]);
  swapped.names[0].kind = directory::NameKind::kTransliterated;
  auto rejected = People().UpdatePerson(almaty, *created, swapped);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.error().fields().at(0).field, "names");
  EXPECT_EQ(People().GetPerson(*created)->display_name, "Yerlan Kassymov");
}

TEST(PersonEditTest, ContactDetailsAreShownAccordingToTheirVisibility) {
  auto almaty = SignedInActor("almaty.admin@demo.entente.example");
  auto input = Named("Madina Zhaksylykova");
  input.contacts = {{directory::ContactKind::kWebsite, "https://zhaksylykova.example.kz", auth::Visibility::kPublic},
                    {directory::ContactKind::kEmail, "madina@zhaksylykova.example.kz", auth::Visibility::kMembers},
                    {directory::ContactKind::kPhone, "+7 727 000 00 00", auth::Visibility::kOrganization}};
  auto created = People().CreatePerson(almaty, input, {"almaty-city-bar", "EDIT-0006", "", "active", ""});
  ASSERT_TRUE(created) << created.error().message();
  auto person = People().GetPerson(*created);
  ASSERT_TRUE(person);
  auto kinds = [&](const auth::Actor& actor) {
    std::string seen;
    for (const auto& contact : directory::VisibleContacts(actor, *person))
      seen += std::string(directory::ContactKindKey(contact.kind)) + " ";
    return seen;
  };
  EXPECT_EQ(kinds(auth::Actor::Anonymous()), "website ");
  EXPECT_EQ(kinds(SignedInActor("paris.member@demo.entente.example")), "website email ");
  EXPECT_EQ(kinds(SignedInActor("almaty.member@demo.entente.example")), "website email phone ");

  // The page and the API apply the same rule.
  std::string page = Get(Port(), "/people/" + person->slug).body;
  EXPECT_NE(page.find("zhaksylykova.example.kz"), std::string::npos);
  EXPECT_EQ(page.find("madina@"), std::string::npos);
  EXPECT_EQ(page.find("+7 727"), std::string::npos);
  Browser member = SignedInBrowser(Port(), "almaty.member@demo.entente.example");
  std::string as_member = member.Get("/people/" + person->slug).body;
  EXPECT_NE(as_member.find("madina@zhaksylykova.example.kz"), std::string::npos);
  EXPECT_NE(as_member.find("+7 727 000 00 00"), std::string::npos);
  auto api = json::parse(Get(Port(), fmt::format("/api/v1/people/{}", created->value())).body);
  ASSERT_EQ(api["contacts"].size(), 1u);
  EXPECT_EQ(api["contacts"][0]["kind"], "website");
}

// Find a lawyer lists people with an active membership by default, as each index entry records
// it: a change of status is seen by the next search.
TEST(PersonEditTest, AChangeOfStatusIsSeenByTheNextSearch) {
  auto admin = SignedInActor("almaty.admin@demo.entente.example");
  auto created =
      People().CreatePerson(admin, Named("Yerlan Tleubayev"), {"almaty-city-bar", "EDIT-0020", "", "active", ""});
  ASSERT_TRUE(created) << created.error().message();
  auto total = [](const std::string& text, const std::string& status) {
    directory::LawyerQuery query;
    query.text = text;
    query.status = status;
    auto found = People().FindLawyers(query, "en");
    EXPECT_TRUE(found) << found.error().message();
    return found ? found->total : -1;
  };
  EXPECT_EQ(total("Tleubayev", ""), 1);
  EXPECT_EQ(total("Yerlan Tleubayev", ""), 1);  // a pair of keys
  ASSERT_TRUE(People().SaveMembership(admin, *created, {"almaty-city-bar", "EDIT-0020", "", "former", "2020"}));
  EXPECT_EQ(total("Tleubayev", ""), 0);
  EXPECT_EQ(total("Yerlan Tleubayev", ""), 0);
  EXPECT_EQ(total("Tleubayev", "former"), 1);
  EXPECT_EQ(total("Tleubayev", "any"), 1);
  ASSERT_TRUE(People().SaveMembership(admin, *created, {"almaty-city-bar", "EDIT-0020", "", "active", ""}));
  EXPECT_EQ(total("Tleubayev", ""), 1);
  EXPECT_EQ(total("Yerlan Tleubayev", ""), 1);
  // Renamed: the new keys are listed too.
  auto renamed = Named("Yerlan Tleubayuly");
  renamed.slug = People().GetPerson(*created)->slug;
  ASSERT_TRUE(People().UpdatePerson(admin, *created, renamed));
  EXPECT_EQ(total("Tleubayuly", ""), 1);
  EXPECT_EQ(total("Tleubayev", "any"), 0);
}

// When the folding rules change (here: gh → g, so that Ghabdullin meets Ғабдуллин), keys stored
// by the earlier rules are folded again, once.
TEST(PersonEditTest, KeysFoldedByEarlierRulesAreFoldedAgain) {
  auto admin = SignedInActor("almaty.admin@demo.entente.example");
  auto created =
      People().CreatePerson(admin, Named("Marat Ghabdullin"), {"almaty-city-bar", "EDIT-0030", "", "active", ""});
  ASSERT_TRUE(created) << created.error().message();
  auto total = [](const std::string& text) {
    directory::LawyerQuery query;
    query.text = text;
    auto found = People().FindLawyers(query, "en");
    EXPECT_TRUE(found) << found.error().message();
    return found ? found->total : -1;
  };
  ASSERT_EQ(total("Ғабдуллин"), 1);
  // The keys as the earlier rules folded them (gh kept), and the version they were folded by.
  auto& database = TestServer::Shared().app().database();
  long long id = created->value();
  ASSERT_TRUE(database.Write([&](soci::session& sql) -> Status {
    sql << "DELETE FROM person_name_keys WHERE person_id = :id", soci::use(id);
    sql << "DELETE FROM person_name_key_pairs WHERE person_id = :id", soci::use(id);
    sql << "INSERT INTO person_name_keys (key, sort_key, person_id, listed) VALUES "
           "('ghabdulin', 'marat ghabdulin', :id, 1), ('marat', 'marat ghabdulin', :id2, 1)",
        soci::use(id), soci::use(id);
    sql << "INSERT INTO person_name_key_pairs (first_key, second_key, sort_key, person_id, listed) VALUES "
           "('ghabdulin', 'marat', 'marat ghabdulin', :id, 1)",
        soci::use(id);
    sql << "UPDATE people SET sort_key = 'marat ghabdulin' WHERE id = :id", soci::use(id);
    db::SetSetting(sql, "directory.name_folding", "1");
    return {};
  }));
  EXPECT_EQ(total("Ғабдуллин"), 0) << "stale keys do not meet the query's";

  auto refolded = People().RefreshNameKeys();
  ASSERT_TRUE(refolded) << refolded.error().message();
  EXPECT_GE(*refolded, 1u);
  EXPECT_EQ(total("Ғабдуллин"), 1);
  EXPECT_EQ(total("Ghabdullin"), 1);
  EXPECT_EQ(total("Marat Gabdullin"), 1);
  auto again = People().RefreshNameKeys();
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0u) << "done once";
}

TEST(PersonMergeTest, TheDuplicateJoinsTheRecordKeptAndItsAddressLeadsThere) {
  auto almaty = SignedInActor("almaty.admin@demo.entente.example");
  auto keep_input = Named("Bolat Nurmagambetov");
  keep_input.languages = {"kk"};
  auto keep = People().CreatePerson(almaty, keep_input, {"almaty-city-bar", "EDIT-0010", "2005", "active", ""});
  auto duplicate_input = Named("Болат Нурмагамбетов");
  duplicate_input.languages = {"ru"};
  duplicate_input.contacts = {{directory::ContactKind::kEmail, "bolat@example.kz", auth::Visibility::kMembers}};
  auto duplicate = People().CreatePerson(almaty, duplicate_input, {"almaty-city-bar", "EDIT-0011", "", "active", ""});
  ASSERT_TRUE(keep && duplicate);
  ASSERT_TRUE(People().SavePosition(almaty, *duplicate, {"almaty-city-bar", "member", "", "", "2014-10", ""}));
  std::string duplicate_slug = People().GetPerson(*duplicate)->slug;

  // Paris's administrator may not merge Almaty's members.
  auto refused = People().Merge(SignedInActor("paris.admin@demo.entente.example"), *keep, *duplicate);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_FALSE(People().GetPerson(*duplicate)->merged_into);
  // Nor a record into itself.
  EXPECT_FALSE(People().Merge(almaty, *keep, *keep));

  ASSERT_TRUE(People().Merge(almaty, *keep, *duplicate));
  auto merged = People().GetPerson(*keep);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->display_name, "Bolat Nurmagambetov");  // the kept name as written stays
  ASSERT_EQ(merged->names.size(), 2u);
  EXPECT_EQ(merged->names[1].full_name, "Болат Нурмагамбетов");
  EXPECT_EQ(merged->memberships.size(), 2u);
  EXPECT_EQ(merged->positions.size(), 1u);
  EXPECT_EQ(merged->languages, (std::vector<std::string>{"kk", "ru"}));
  EXPECT_EQ(merged->contacts.size(), 1u);
  EXPECT_EQ(People().GetPerson(*duplicate)->merged_into, *keep);
  // Search finds one person, by either spelling.
  directory::LawyerQuery query;
  query.text = "Нурмагамбетов";
  auto found = People().FindLawyers(query, "en");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].id, *keep);
  // The old address leads to the record kept.
  auto moved = Get(Port(), "/people/" + duplicate_slug);
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.Header("location"), "/people/" + merged->slug);
  // Merging again is refused with a field error.
  auto again = People().Merge(almaty, *keep, *duplicate);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().fields().at(0).field, "duplicate");
  EXPECT_FALSE(AuditOf("person.merge").empty());
}

TEST(OrganizationEditTest, AdministratorsCreateBelowTheirOrganizationAndEditIt) {
  auto paris = SignedInActor("paris.admin@demo.entente.example");
  directory::OrganizationInput input;
  input.slug = "paris-bar-ethics-committee";
  input.kind = "committee";
  input.parent_slug = "paris-bar";
  input.city = "Paris";
  input.name.SetOriginal("fr", "Commission de déontologie");
  input.name.SetTranslation("en", "Ethics Committee");
  auto created = Organizations().Create(paris, input);
  ASSERT_TRUE(created) << created.error().message();
  // Taken addresses and foreign parents are refused.
  auto again = Organizations().Create(paris, input);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().fields().at(0).field, "slug");
  auto foreign = input;
  foreign.slug = "almaty-ethics";
  foreign.parent_slug = "almaty-city-bar";
  auto refused = Organizations().Create(paris, foreign);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied);
  // A top-level organization is for platform admins.
  auto top = input;
  top.slug = "some-new-bar";
  top.parent_slug = "";
  EXPECT_EQ(Organizations().Create(paris, top).error().code(), ErrorCode::kPermissionDenied);
  // Almaty's administrator may not edit it; Paris's may (its role's scope, read at sign-in, now
  // covers the new committee), and cannot put it under itself.
  paris = SignedInActor("paris.admin@demo.entente.example");
  auto almaty = SignedInActor("almaty.admin@demo.entente.example");
  EXPECT_EQ(Organizations().Update(almaty, *created, input).error().code(), ErrorCode::kPermissionDenied);
  auto cycle = input;
  cycle.parent_slug = "paris-bar-ethics-committee";
  auto cyclic = Organizations().Update(paris, *created, cycle);
  ASSERT_FALSE(cyclic);
  EXPECT_EQ(cyclic.error().fields().at(0).field, "parent");
  input.visibility = "members";
  auto updated = Organizations().Update(paris, *created, input);
  ASSERT_TRUE(updated) << updated.error().message();
  EXPECT_EQ(Organizations().GetById(auth::Actor::System("test"), *created)->visibility, auth::Visibility::kMembers);
  // Members-only: hidden from anonymous visitors, shown to the signed in.
  EXPECT_EQ(Get(Port(), "/organizations/paris-bar-ethics-committee").status, 404);
  EXPECT_EQ(Get(Port(), fmt::format("/api/v1/organizations/{}", created->value())).status, 404);
  Browser member = SignedInBrowser(Port(), "almaty.member@demo.entente.example");
  EXPECT_EQ(member.Get("/organizations/paris-bar-ethics-committee").status, 200);
  EXPECT_EQ(Get(Port(), "/organizations").body.find("paris-bar-ethics-committee"), std::string::npos);
  EXPECT_FALSE(AuditOf("organization.create").empty());
  EXPECT_FALSE(AuditOf("organization.update").empty());
}

TEST(DirectoryFormsTest, APersonIsCreatedEditedAndMergedThroughTheForms) {
  Browser admin = SignedInBrowser(Port(), "almaty.admin@demo.entente.example");
  auto form = admin.Get("/people/new?bar=almaty-city-bar");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"name_full_0\""), std::string::npos);
  // A bad date: the form comes back with the error in the user's language and the values kept.
  auto bad = admin.PostForm("/people/new?lang=fr",
                            "bar=almaty-city-bar&roll_number=EDIT-F-1&admitted_on=2011-13&status=active"
                            "&name_full_0=Gulnara+Iskakova&city=Almaty");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Gulnara Iskakova"), std::string::npos);
  EXPECT_NE(bad.body.find("class=\"field-error\""), std::string::npos);
  auto created = admin.PostForm("/people/new",
                                "bar=almaty-city-bar&roll_number=EDIT-F-1&admitted_on=2011-03"
                                "&status=active&name_full_0=Gulnara+Iskakova&city=Almaty"
                                "&name_full_1=%D0%93%D1%83%D0%BB%D1%8C%D0%BD%D0%B0%D1%80%D0%B0"
                                "+%D0%98%D1%81%D0%BA%D0%B0%D0%BA%D0%BE%D0%B2%D0%B0"
                                "&name_kind_1=transliterated&languages=kk%2C+ru"
                                "&contact_kind_0=email&contact_value_0=g.iskakova%40example.kz"
                                "&contact_visibility_0=organization");
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(created.Header("location"), "/people/gulnara-iskakova?saved=1");
  auto page = admin.Get("/people/gulnara-iskakova?saved=1");
  EXPECT_NE(page.body.find("Гульнара Искакова"), std::string::npos);
  EXPECT_NE(page.body.find("g.iskakova@example.kz"), std::string::npos);
  EXPECT_NE(page.body.find("/people/gulnara-iskakova/edit"), std::string::npos);

  // Edit: add a passport spelling.
  ASSERT_EQ(admin.Get("/people/gulnara-iskakova/edit").status, 200);
  auto edited = admin.PostForm("/people/gulnara-iskakova/edit",
                               "name_full_0=Gulnara+Iskakova&name_full_1=Gulnara+Iskakova+%28passport%29"
                               "&name_kind_1=passport&city=Astana");
  ASSERT_EQ(edited.status, 303);
  auto person = People().GetPerson(std::string("gulnara-iskakova"));
  ASSERT_TRUE(person);
  EXPECT_EQ(person->city, "Astana");
  ASSERT_EQ(person->names.size(), 2u);
  EXPECT_EQ(person->names[1].kind, directory::NameKind::kPassport);

  // A position, with dates out of order: refused on the page; then in order.
  auto bad_position = admin.PostForm("/people/gulnara-iskakova/positions",
                                     "organization=almaty-city-bar&title=board_member&starts_on=2015&ends_on=2012");
  EXPECT_EQ(bad_position.status, 422);
  ASSERT_EQ(admin
                .PostForm("/people/gulnara-iskakova/positions",
                          "organization=almaty-city-bar&title=board_member&starts_on=2012&ends_on=2015")
                .status,
            303);
  EXPECT_EQ(People().GetPerson(std::string("gulnara-iskakova"))->positions.size(), 1u);

  // Paris's administrator sees no edit link and is refused the forms.
  Browser paris = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  EXPECT_EQ(paris.Get("/people/gulnara-iskakova").body.find("/people/gulnara-iskakova/edit"), std::string::npos);
  EXPECT_EQ(paris.Get("/people/gulnara-iskakova/edit").status, 403);
  EXPECT_EQ(paris.PostForm("/people/gulnara-iskakova/edit", "name_full_0=Changed").status, 403);
  EXPECT_EQ(People().GetPerson(std::string("gulnara-iskakova"))->display_name, "Gulnara Iskakova");

  // Merge a duplicate through the page: compare, then confirm.
  ASSERT_EQ(admin
                .PostForm("/people/new",
                          "bar=almaty-city-bar&roll_number=EDIT-F-2&status=active"
                          "&name_full_0=Gulnara+Iskakova")
                .status,
            303);
  auto compare = admin.Get("/people/gulnara-iskakova/merge?duplicate=gulnara-iskakova-2");
  ASSERT_EQ(compare.status, 200);
  EXPECT_NE(compare.body.find("value=\"gulnara-iskakova-2\""), std::string::npos);
  auto merged = admin.PostForm("/people/gulnara-iskakova/merge", "duplicate=gulnara-iskakova-2");
  ASSERT_EQ(merged.status, 303);
  EXPECT_EQ(People().GetPerson(std::string("gulnara-iskakova"))->memberships.size(), 2u);
}

TEST(DirectoryApiWriteTest, OrganizationsAndPeopleThroughTheJsonApi) {
  Browser admin = SignedInBrowser(Port(), "paris.admin@demo.entente.example");
  auto created = admin.SendJson("POST", "/api/v1/organizations",
                                R"({"slug": "paris-bar-api-committee", "kind": "committee", "parent": "paris-bar",
                                    "name": {"fr": "Commission API", "en": "API Committee"},
                                    "original_language": "fr"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto organization = json::parse(created.body);
  EXPECT_EQ(organization["name"]["fr"]["original"], true);
  auto wrong_type = admin.SendJson("PUT", fmt::format("/api/v1/organizations/{}", organization["id"].get<long long>()),
                                   R"({"kind": 7, "name": {"fr": "Commission API"}})");
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_NE(wrong_type.body.find("\"kind\""), std::string::npos);

  auto person = admin.SendJson("POST", "/api/v1/people",
                               R"({"person": {"names": [{"name": "Claire Dubois"}], "languages": ["fr", "en"],
                                              "contacts": [{"kind": "email", "value": "c.dubois@example.fr",
                                                            "visibility": "public"}]},
                                   "membership": {"bar": "paris-bar", "roll_number": "EDIT-API-1"}})");
  ASSERT_EQ(person.status, 201) << person.body;
  auto body = json::parse(person.body);
  long long id = body["id"].get<long long>();
  EXPECT_EQ(body["slug"], "claire-dubois");
  EXPECT_EQ(body["contacts"][0]["value"], "c.dubois@example.fr");
  auto updated =
      admin.SendJson("PUT", fmt::format("/api/v1/people/{}", id),
                     R"({"names": [{"name": "Claire Dubois"}, {"name": "Клэр Дюбуа", "kind": "transliterated",
                                               "language": "ru"}], "city": "Paris"})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(json::parse(updated.body)["names"].size(), 2u);
  auto position = admin.SendJson("POST", fmt::format("/api/v1/people/{}/positions", id),
                                 R"({"organization": "paris-bar", "title": "council_member", "attested_on": "2015"})");
  EXPECT_EQ(position.status, 201) << position.body;
  // Another bar's administrator may not change this person.
  Browser almaty = SignedInBrowser(Port(), "almaty.admin@demo.entente.example");
  EXPECT_EQ(almaty.SendJson("PUT", fmt::format("/api/v1/people/{}", id), R"({"names": [{"name": "X"}]})").status, 403);
  EXPECT_EQ(almaty.SendJson("POST", fmt::format("/api/v1/people/{}/merge", id), R"({"duplicate_id": 1})").status, 403);
  EXPECT_EQ(admin.SendJson("POST", fmt::format("/api/v1/people/{}/merge", id), R"({"duplicate_id": "x"})").status, 422);
  EXPECT_EQ(People().GetPerson(PersonId(id))->display_name, "Claire Dubois");
}

}  // namespace
}  // namespace entente::testing
