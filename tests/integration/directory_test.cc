// The directory on the backend of this run: Find a lawyer across scripts and spellings, the
// positions held over time, and the pages.

#include <gtest/gtest.h>

#include "harness.h"
#include "modules/directory/people_service.h"

namespace entente::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::uint16_t Port() { return TestServer::Shared().port(); }

directory::PeopleService& People() {
  static directory::PeopleService service(TestServer::Shared().app().database());
  return service;
}

// The slugs found for a query, best first.
std::vector<std::string> Find(const std::string& text, directory::LawyerQuery query = {}) {
  query.text = text;
  auto found = People().FindLawyers(query, "en");
  EXPECT_TRUE(found) << text << ": " << (found ? "" : found.error().message());
  std::vector<std::string> slugs;
  if (found) {
    for (const auto& hit : found->items) slugs.push_back(hit.slug);
  }
  return slugs;
}

class DirectoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // A lawyer whose name has Kazakh letters, on the Almaty roll.
    auto actor = auth::Actor::System("test");
    directory::PersonInput input;
    input.slug = "test-aliya-kurmangazy";
    input.languages = {"kk", "ru", "fr"};
    input.names = {{"Әлия Құрманғазы", directory::NameScript::kCyrillic, directory::NameKind::kAsWritten, "kk", ""}};
    auto id = People().SavePerson(actor, input);
    ASSERT_TRUE(id) << id.error().message();
    ASSERT_TRUE(People().SaveMembership(actor, *id, {"almaty-city-bar", "TEST-0001", "2009-05", "active", ""}));
  }
};

TEST_F(DirectoryTest, NamesMatchAcrossScriptsSpellingsAndOneTypo) {
  struct Case {
    std::string query;
    std::string expected;
  };
  for (const auto& [query, expected] : std::vector<Case>{
           {"kanafin", "daniyar-kanafin"},
           {"Kanafin", "daniyar-kanafin"},
           {"Канафин", "daniyar-kanafin"},
           {"Daniyar", "daniyar-kanafin"},
           {"Daniar", "daniyar-kanafin"},
           {"Daniiar", "daniyar-kanafin"},
           {"Danijar", "daniyar-kanafin"},
           {"Данияр", "daniyar-kanafin"},
           {"Daniyar Kanafin", "daniyar-kanafin"},
           {"Канафин Данияр", "daniyar-kanafin"},
           {"Sûr", "pierre-olivier-sur"},
           {"Sur", "pierre-olivier-sur"},
           {"pierre-olivier sur", "pierre-olivier-sur"},
           {"Alimbaev", "iskander-alimbaev"},
           {"Alimbayev", "iskander-alimbaev"},
           {"Алимбаев", "iskander-alimbaev"},
           {"kana", "daniyar-kanafin"},          // partial
           {"Kanafim", "daniyar-kanafin"},       // one typo
           {"Alimbaevv", "iskander-alimbaev"},   // one typo
           {"Karchegenv", "kenzhegali-karchegenov"},
           {"Kenjegali", "kenzhegali-karchegenov"},
           {"Әлия Құрманғазы", "test-aliya-kurmangazy"},
           {"Алия Курмангазы", "test-aliya-kurmangazy"},  // Kazakh letters typed as plain neighbours
           {"Aliya Kurmangazy", "test-aliya-kurmangazy"},
           {"Qurmangazy", "test-aliya-kurmangazy"},
       }) {
    auto found = Find(query);
    ASSERT_FALSE(found.empty()) << query;
    EXPECT_EQ(found.front(), expected) << query;
  }
}

TEST_F(DirectoryTest, ExactBeatsPrefixBeatsTypo) {
  directory::PersonInput near;
  near.slug = "test-kanafina";
  near.names = {{"Aigerim Kanafina", directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""}};
  auto actor = auth::Actor::System("test");
  auto id = People().SavePerson(actor, near);
  ASSERT_TRUE(id);
  ASSERT_TRUE(People().SaveMembership(actor, *id, {"almaty-city-bar", "TEST-0002", "", "active", ""}));
  auto found = Find("kanafin");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0], "daniyar-kanafin") << "the same word first";
  EXPECT_EQ(found[1], "test-kanafina") << "then a word it begins";
}

TEST_F(DirectoryTest, FiltersAndStatus) {
  directory::LawyerQuery paris;
  paris.bar = "paris-bar";
  EXPECT_TRUE(Find("kanafin", paris).empty());
  directory::LawyerQuery kazakhstan;
  kazakhstan.jurisdiction = "KZ";
  EXPECT_EQ(Find("kanafin", kazakhstan).front(), "daniyar-kanafin");
  directory::LawyerQuery french;
  french.language = "fr";
  // Without a name, a filtered list is ordered by the folded name (Aliya before Pierre-Olivier).
  EXPECT_EQ(Find("", french), (std::vector<std::string>{"test-aliya-kurmangazy", "pierre-olivier-sur"}));
  directory::LawyerQuery former;
  former.status = "former";
  EXPECT_TRUE(Find("kanafin", former).empty());
}

TEST_F(DirectoryTest, BadQueriesAreEmptyOrRefusedNeverSlow) {
  EXPECT_TRUE(Find("!!! ??? ...").empty());
  directory::LawyerQuery query;
  query.text = std::string(10000, 'k');
  auto refused = People().FindLawyers(query, "en");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
  auto http = Get(Port(), "/api/v1/lawyers?q=" + std::string(5000, 'k'));
  EXPECT_EQ(http.status, 422);
  EXPECT_TRUE(Contains(http.body, "\"field\":\"q\""));
  EXPECT_EQ(Get(Port(), "/api/v1/lawyers?status=dead").status, 422);
}

TEST_F(DirectoryTest, WhoChairedTheAlmatyCityBarInOctober2014) {
  auto on_signing = People().HoldersOn("almaty-city-bar", directory::PositionTitle::kChairman, "2014-10-15");
  ASSERT_TRUE(on_signing) << on_signing.error().message();
  ASSERT_EQ(on_signing->size(), 1u);
  auto person = People().GetPerson(on_signing->front());
  ASSERT_TRUE(person);
  EXPECT_EQ(person->slug, "kenzhegali-karchegenov");
  // The story attests the position on the signing days only: earlier, nothing is known.
  EXPECT_TRUE(People().HoldersOn("almaty-city-bar", directory::PositionTitle::kChairman, "2010-01-01")->empty());
  EXPECT_FALSE(People().HoldersOn("almaty-city-bar", directory::PositionTitle::kChairman, "October"));
}

TEST_F(DirectoryTest, PagesShowNamesPositionsAndFallbacks) {
  auto search = Get(Port(), "/lawyers?q=kanafin", {{"Cookie", "lang=fr"}});
  EXPECT_EQ(search.status, 200);
  EXPECT_TRUE(Contains(search.body, "Daniyar Kanafin"));
  EXPECT_TRUE(Contains(search.body, "Данияр Канафин"));
  auto fragment = Get(Port(), "/lawyers/results?q=%D0%BA%D0%B0%D0%BD%D0%B0%D1%84%D0%B8%D0%BD");
  EXPECT_EQ(fragment.status, 200);
  EXPECT_FALSE(Contains(fragment.body, "<html")) << "a fragment for htmx, without the layout";
  EXPECT_TRUE(Contains(fragment.body, "/people/daniyar-kanafin"));

  auto person = Get(Port(), "/people/kenzhegali-karchegenov", {{"Cookie", "lang=fr"}});
  EXPECT_EQ(person.status, 200);
  EXPECT_TRUE(Contains(person.body, "Кенжегали Карчегенов"));
  EXPECT_TRUE(Contains(person.body, "attesté\u00a0: 14–15 octobre 2014"))
      << "the attestation, as a range, in a French phrase (with French punctuation)";
  auto unnamed = Get(Port(), "/people/rule-of-law-platform-team-leader");
  EXPECT_EQ(unnamed.status, 200);
  EXPECT_FALSE(Contains(unnamed.body, "<h1></h1>")) << "an unnamed person says so";

  auto organization = Get(Port(), "/organizations/almaty-city-bar", {{"Cookie", "lang=kk"}});
  EXPECT_EQ(organization.status, 200);
  EXPECT_TRUE(Contains(organization.body, "lang=\"en\">Almaty City Bar<")) << "no Kazakh name: marked fallback";
  EXPECT_TRUE(Contains(organization.body, "/people/kenzhegali-karchegenov"));
  EXPECT_TRUE(Contains(organization.body, "/organizations/almaty-city-bar-training-center"));
  EXPECT_EQ(Get(Port(), "/organizations/no-such-bar").status, 404);
  EXPECT_EQ(Get(Port(), "/people/no-such-person").status, 404);

  auto api = Get(Port(), "/api/v1/organizations?jurisdiction=KZ&per_page=100");
  EXPECT_EQ(api.status, 200);
  EXPECT_TRUE(Contains(api.body, "\"slug\":\"almaty-city-bar\""));
  EXPECT_FALSE(Contains(api.body, "\"slug\":\"paris-bar\""));
}

TEST_F(DirectoryTest, OnlyABarsAdministratorsChangeItsRoll) {
  auth::Actor actor = SignedInActor("paris.admin@demo.entente.example");
  auto kanafin = People().GetPerson("daniyar-kanafin");
  ASSERT_TRUE(kanafin);
  auto refused = People().SaveMembership(actor, kanafin->id, {"almaty-city-bar", "", "", "former", ""});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(People().GetPerson("daniyar-kanafin")->memberships.front().status, directory::MembershipStatus::kActive);
  auto bad_date = People().SaveMembership(auth::Actor::System("test"), kanafin->id,
                                          {"almaty-city-bar", "", "2014-02-30", "active", ""});
  ASSERT_FALSE(bad_date);
  EXPECT_EQ(bad_date.error().fields().front().field, "admitted_on");
}

}  // namespace
}  // namespace entente::testing
