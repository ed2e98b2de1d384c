// The directory on the backend of this run: Find a lawyer across scripts and spellings, the
// positions held over time, and the pages.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/search/name_folding.h"
#include "harness.h"
#include "modules/directory/organization_store.h"
#include "modules/directory/people_service.h"
#include "modules/directory/people_store.h"

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
           {"kana", "daniyar-kanafin"},         // partial
           {"Kanafim", "daniyar-kanafin"},      // one typo
           {"Alimbaevv", "iskander-alimbaev"},  // one typo
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

// Pages of one query, asked for one after the other.
std::vector<std::string> FindPages(const std::string& text, int per_page, int pages,
                                   directory::LawyerQuery query = {}) {
  std::vector<std::string> slugs;
  for (int page = 1; page <= pages; ++page) {
    query.page.page = page;
    query.page.per_page = per_page;
    for (auto& slug : Find(text, query)) slugs.push_back(std::move(slug));
  }
  return slugs;
}

TEST_F(DirectoryTest, PagesOfAShortListAreCompleteAndInCollationOrder) {
  auto actor = auth::Actor::System("test");
  const std::vector<std::string> given = {"Kanat", "Berik", "Galym", "Aidos", "Farkhad", "Ermek", "Dias"};
  for (size_t i = 0; i < given.size(); ++i) {
    directory::PersonInput input;
    input.slug = fmt::format("test-zhaksybekov-{}", i);
    input.names = {{given[i] + " Zhaksybekov", directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""}};
    auto id = People().SavePerson(actor, input);
    ASSERT_TRUE(id) << id.error().message();
    ASSERT_TRUE(
        People().SaveMembership(actor, *id, {"almaty-city-bar", fmt::format("TEST-Z{:02}", i), "", "active", ""}));
  }
  // Seven people: read whole, ordered by their names in the page language.
  const std::vector<std::string> expected = {"test-zhaksybekov-3", "test-zhaksybekov-1", "test-zhaksybekov-6",
                                             "test-zhaksybekov-5", "test-zhaksybekov-4", "test-zhaksybekov-2",
                                             "test-zhaksybekov-0"};
  EXPECT_EQ(Find("Zhaksybekov"), expected);
  EXPECT_EQ(FindPages("Zhaksybekov", 3, 3), expected) << "pages of three, one after the other";
  EXPECT_EQ(FindPages("Жаксыбеков", 2, 4), expected) << "the other script, pages of two";
  EXPECT_EQ(FindPages("zhaksyb", 3, 3), expected) << "a word they begin";
  directory::LawyerQuery third;
  third.text = "Zhaksybekov";
  third.page = {3, 3};
  auto last = People().FindLawyers(third, "en");
  ASSERT_TRUE(last);
  EXPECT_EQ(last->total, 7);
  EXPECT_EQ(last->items.size(), 1u);
  EXPECT_EQ(Find("Aidos Zhaksybekov"), (std::vector<std::string>{"test-zhaksybekov-3"}));
  EXPECT_EQ(Find("Zhaksybekov Aid"), (std::vector<std::string>{"test-zhaksybekov-3"})) << "a word and a beginning";
}

// 1,200 lawyers of one family name (loaded as a roll import does): more than the count
// reaches, so pages come from the index in folded-name order.
class DirectoryLongListTest : public ::testing::Test {
 protected:
  static constexpr int kPeople = 1200;
  static void SetUpTestSuite() {
    const std::vector<std::string> given = {"Aidos",  "Berik",  "Dias",   "Ermek", "Galym", "Kanat",
                                            "Nurlan", "Olzhas", "Rustem", "Serik", "Timur"};
    std::vector<directory::PeopleStore::RollEntry> almaty, paris;
    for (int i = 0; i < kPeople; ++i) {
      directory::PeopleStore::RollEntry entry;
      entry.person.slug = fmt::format("test-kapparov-{:04}", i);
      entry.person.synthetic = true;
      // Eleven given names in turn: many people share a whole name (ordered by record then).
      entry.person.names = {{fmt::format("{} Kapparov", given[static_cast<size_t>(i) % given.size()]),
                             directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""}};
      entry.roll_number = fmt::format("TEST-K{:04}", i);
      // One in ten is a former member; the last 50 are on the Paris roll.
      entry.status = i % 10 == 9 ? directory::MembershipStatus::kFormer : directory::MembershipStatus::kActive;
      (i >= kPeople - 50 ? paris : almaty).push_back(std::move(entry));
    }
    auto& database = TestServer::Shared().app().database();
    auto loaded = database.Write([&](soci::session& sql) -> Status {
      directory::OrganizationStore organizations;
      directory::PeopleStore store;
      store.BulkUpsert(sql, SystemPermit(*organizations.FindIdBySlug(sql, "almaty-city-bar")), almaty);
      store.BulkUpsert(sql, SystemPermit(*organizations.FindIdBySlug(sql, "paris-bar")), paris);
      return {};
    });
    ASSERT_TRUE(loaded) << loaded.error().message();
  }
};

TEST_F(DirectoryLongListTest, TheTotalIsCountedUpToACap) {
  directory::LawyerQuery query;
  query.text = "Kapparov";
  auto found = People().FindLawyers(query, "en");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->total, 200) << "1,080 active people, counted up to 200";
  EXPECT_TRUE(found->total_is_lower_bound);
  EXPECT_EQ(found->items.size(), 50u);
  // The page and the API say so: "at least".
  auto page = Get(TestServer::Shared().port(), "/lawyers/results?q=Kapparov", {{"Accept-Language", "en"}});
  EXPECT_NE(page.body.find("at least 200 lawyers found"), std::string::npos) << page.body.substr(0, 300);
  auto api = nlohmann::json::parse(Get(TestServer::Shared().port(), "/api/v1/lawyers?q=Kapparov").body);
  EXPECT_EQ(api["total"], 200);
  EXPECT_EQ(api["total_is_lower_bound"], true);
  query.page = {5, 50};
  found = People().FindLawyers(query, "en");
  EXPECT_EQ(found->total, 251) << "counted to one past the page asked: there is a next page";
  EXPECT_EQ(found->items.size(), 50u);
  query.page = {22, 50};
  found = People().FindLawyers(query, "en");
  EXPECT_EQ(found->total, 1080) << "the last page: counted exactly";
  EXPECT_FALSE(found->total_is_lower_bound);
  EXPECT_EQ(found->items.size(), 30u);
  query.page = {23, 50};  // beyond the end
  EXPECT_TRUE(People().FindLawyers(query, "en")->items.empty());
  query.page = {1, 50};
  query.status = "any";
  EXPECT_EQ(People().FindLawyers(query, "en")->total, 200) << "1,200 people, counted up to 200";
  query.status = "former";
  EXPECT_EQ(People().FindLawyers(query, "en")->total, 120);
  // Without a name, a bar's list is counted the same way.
  directory::LawyerQuery almaty;
  almaty.bar = "almaty-city-bar";
  found = People().FindLawyers(almaty, "en");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->total, 200) << "over 1,000 active members, counted up to 200";
  EXPECT_EQ(found->items.size(), 50u);
  // Read from the bar's memberships (a small bar), in the folded name's order, page after page.
  std::vector<std::string> keys;
  std::set<long long> seen;
  for (int page = 1; page <= 3; ++page) {
    almaty.page = {page, 50};
    auto items = People().FindLawyers(almaty, "en")->items;
    ASSERT_EQ(items.size(), 50u);
    for (const auto& item : items) {
      EXPECT_TRUE(seen.insert(item.id.value()).second) << item.slug << " twice";
      keys.push_back(search::JoinKeys(search::FoldWords(item.display_name)));
    }
  }
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  // The totals are those of the memberships, each person once (other tests add people too).
  auto members = [](const std::string& bar, const std::string& status) {
    auto counted = TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<long long> {
      long long total = 0;
      sql << "SELECT COUNT(DISTINCT m.person_id) FROM memberships m JOIN organizations o ON o.id = "
             "m.organization_id JOIN people p ON p.id = m.person_id WHERE o.slug = :bar AND m.status = :status "
             "AND p.merged_into IS NULL",
          soci::use(bar), soci::use(status), soci::into(total);
      return total;
    });
    return counted.value_or(-1);
  };
  almaty.page = {1, 50};
  almaty.status = "former";
  EXPECT_EQ(People().FindLawyers(almaty, "en")->total, members("almaty-city-bar", "former"));
  EXPECT_GE(members("almaty-city-bar", "former"), 115) << "one in ten of the 1,150 on the Almaty roll";
  directory::LawyerQuery paris;
  paris.bar = "paris-bar";
  EXPECT_EQ(People().FindLawyers(paris, "en")->total, members("paris-bar", "active"));
  EXPECT_GE(members("paris-bar", "active"), 46) << "45 active of the 50 on the Paris roll, and Sûr";
}

TEST_F(DirectoryLongListTest, PagesAreInOrderCompleteAndStable) {
  auto slugs = FindPages("Kapparov", 100, 3);
  ASSERT_EQ(slugs.size(), 300u);
  EXPECT_EQ(std::set<std::string>(slugs.begin(), slugs.end()).size(), 300u) << "nobody twice";
  directory::LawyerQuery whole;
  whole.page.per_page = 200;
  auto first = Find("Kapparov", whole);
  EXPECT_EQ(std::vector<std::string>(slugs.begin(), slugs.begin() + 200), first)
      << "the same order whatever the page size";
  whole.page.page = 2;
  auto second = Find("Kapparov", whole);
  EXPECT_EQ(std::vector<std::string>(slugs.begin() + 200, slugs.end()),
            std::vector<std::string>(second.begin(), second.begin() + 100));
  // In folded-name order (Aidos first), equal names by record: the 99 active Aidos Kapparov.
  for (size_t i = 0; i < 99; ++i) {
    auto person = People().GetPerson(slugs[i]);
    ASSERT_TRUE(person);
    EXPECT_EQ(person->display_name, "Aidos Kapparov") << i;
    if (i > 0) {
      EXPECT_LT(People().GetPerson(slugs[i - 1])->id.value(), person->id.value()) << i;
    }
  }
  EXPECT_EQ(People().GetPerson(slugs[99])->display_name, "Berik Kapparov");
  // One typo away: the same people, scored lower.
  EXPECT_EQ(FindPages("Kaparov", 100, 3), slugs);
}

// Walks /api/v1/lawyers from `first` by following `next` to its end; the ids in order.
std::vector<long long> WalkByNext(const std::string& first, int* pages = nullptr) {
  std::vector<long long> ids;
  std::string target = first;
  int count = 0;
  while (!target.empty() && count < 1000) {
    auto response = Get(TestServer::Shared().port(), target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body.substr(0, 300);
    if (response.status != 200) break;
    auto body = nlohmann::json::parse(response.body);
    for (const auto& item : body["items"]) ids.push_back(item["id"].get<long long>());
    target = body["next"].is_null() ? "" : body["next"].get<std::string>();
    if (!target.empty()) {
      EXPECT_NE(target.find("after="), std::string::npos) << "a list without a name is walked by cursor: " << target;
      EXPECT_EQ(target.find("&page="), std::string::npos) << target;
      EXPECT_EQ(target.find("?page="), std::string::npos) << target;
      EXPECT_EQ(target.substr(0, 16), "/api/v1/lawyers?");
      EXPECT_EQ(body["next_after"].get<std::string>(), target.substr(target.find("after=") + 6));
    } else {
      EXPECT_TRUE(body["next_after"].is_null());
    }
    ++count;
  }
  if (pages) *pages = count;
  return ids;
}

// The ids of /api/v1/lawyers?<filters>&page=N for N = 1, 2, … until a short page.
std::vector<long long> WalkByNumber(const std::string& filters, int per_page) {
  std::vector<long long> ids;
  for (int page = 1; page < 1000; ++page) {
    auto response = Get(TestServer::Shared().port(),
                        fmt::format("/api/v1/lawyers?{}&per_page={}&page={}", filters, per_page, page));
    EXPECT_EQ(response.status, 200) << response.body.substr(0, 300);
    if (response.status != 200) break;
    auto items = nlohmann::json::parse(response.body)["items"];
    for (const auto& item : items) ids.push_back(item["id"].get<long long>());
    if (static_cast<int>(items.size()) < per_page) break;
  }
  return ids;
}

TEST_F(DirectoryLongListTest, KeysetPagingWalksTheWholeListAsOffsetPagingDoes) {
  // 1,200 Kapparovs with eleven given names: long runs of equal sort keys, which only the id
  // orders — the cursor must carry both. Pages of 37 end inside those runs.
  for (const std::string filters : {"bar=almaty-city-bar&status=any", "status=any", "bar=paris-bar"}) {
    SCOPED_TRACE(filters);
    int pages = 0;
    auto by_cursor = WalkByNext(fmt::format("/api/v1/lawyers?{}&per_page=37", filters), &pages);
    auto by_number = WalkByNumber(filters, 37);
    ASSERT_FALSE(by_number.empty());
    EXPECT_EQ(by_cursor, by_number);
    EXPECT_EQ(pages, static_cast<int>((by_number.size() + 36) / 37)) << "no empty page at the end";
    EXPECT_EQ(std::set<long long>(by_cursor.begin(), by_cursor.end()).size(), by_cursor.size()) << "nobody twice";
    // The order is (sort_key, id) in byte order, the same on SQLite and PostgreSQL: read the keys
    // from the database and check it here, independently of either backend's collation.
    auto keys =
        TestServer::Shared().app().database().Read([&](soci::session& sql) -> Result<std::map<long long, std::string>> {
          std::map<long long, std::string> out;
          soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, sort_key FROM people");
          for (const auto& row : rows) {
            long long id =
                row.get_properties(0).get_data_type() == soci::dt_long_long ? row.get<long long>(0) : row.get<int>(0);
            out[id] = row.get<std::string>(1);
          }
          return out;
        });
    ASSERT_TRUE(keys);
    for (size_t i = 1; i < by_cursor.size(); ++i) {
      const std::string& before = keys->at(by_cursor[i - 1]);
      const std::string& after = keys->at(by_cursor[i]);
      ASSERT_TRUE(before < after || (before == after && by_cursor[i - 1] < by_cursor[i]))
          << i << ": " << before << " #" << by_cursor[i - 1] << " then " << after << " #" << by_cursor[i];
    }
  }
  // The whole Almaty roll (over 1,100 active members), in pages of 200.
  auto whole = WalkByNext("/api/v1/lawyers?bar=almaty-city-bar&per_page=200");
  EXPECT_GE(whole.size(), 1035u);
  EXPECT_EQ(whole, WalkByNumber("bar=almaty-city-bar", 200));
}

// The href of the page's rel="next" link, unescaped, or "".
std::string NextHref(const std::string& body) {
  size_t rel = body.find("\" rel=\"next\"");
  if (rel == std::string::npos) return "";
  size_t start = body.rfind("href=\"", rel);
  std::string href = body.substr(start + 6, rel - start - 6);
  for (size_t at; (at = href.find("&amp;")) != std::string::npos;) href.replace(at, 5, "&");
  return href;
}

TEST_F(DirectoryLongListTest, TheHtmlPageLinksByNumberAndKeepsToTheCursorOnceOnIt) {
  auto port = TestServer::Shared().port();
  auto first = Get(port, "/lawyers?bar=almaty-city-bar&status=any", {{"Accept-Language", "en"}});
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(NextHref(first.body), "/lawyers?bar=almaty-city-bar&status=any&page=2") << "shallow: by number";
  // A page reached by cursor links on by cursor, and back to the first page; following the
  // links gives the rows the API's pages give.
  auto api = nlohmann::json::parse(Get(port, "/api/v1/lawyers?bar=almaty-city-bar&status=any").body);
  std::string target = "/lawyers?bar=almaty-city-bar&status=any&after=" + api["next_after"].get<std::string>();
  std::vector<std::string> shown;
  for (int page = 0; page < 3; ++page) {
    auto response = Get(port, target, {{"Accept-Language", "en"}});
    ASSERT_EQ(response.status, 200) << target;
    EXPECT_NE(response.body.find("First page"), std::string::npos);
    EXPECT_EQ(response.body.find("rel=\"prev\""), std::string::npos) << "a page by cursor has no number";
    const std::string link = "class=\"result-name\" href=\"/people/";
    for (size_t at = 0; (at = response.body.find(link, at)) != std::string::npos;) {
      at += link.size();
      shown.push_back(response.body.substr(at, response.body.find('"', at) - at));
    }
    target = NextHref(response.body);
    ASSERT_NE(target.find("after="), std::string::npos) << target;
  }
  std::vector<std::string> expected;
  for (int page = 2; page <= 4; ++page) {
    auto body = nlohmann::json::parse(
        Get(port, fmt::format("/api/v1/lawyers?bar=almaty-city-bar&status=any&page={}", page)).body);
    for (const auto& item : body["items"]) expected.push_back(item["slug"]);
  }
  EXPECT_EQ(shown, expected);
}

TEST_F(DirectoryLongListTest, BadCursorsAndCursorsWithANameAre400WithAFieldError) {
  auto port = TestServer::Shared().port();
  auto api = nlohmann::json::parse(Get(port, "/api/v1/lawyers?status=any&per_page=5").body);
  std::string good = api["next_after"].get<std::string>();
  std::string tampered = good;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  for (const std::string& cursor : {std::string("garbage"), tampered, good.substr(0, good.size() - 2),
                                    std::string("%00%FF"), std::string(3000, 'A')}) {
    SCOPED_TRACE(cursor);
    auto response = Get(port, "/api/v1/lawyers?status=any&after=" + cursor, {{"Accept-Language", "fr"}});
    EXPECT_EQ(response.status, 400);
    auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["code"], "bad_request");
    ASSERT_EQ(body["fields"].size(), 1u);
    EXPECT_EQ(body["fields"][0]["field"], "after");
    EXPECT_EQ(body["message"].get<std::string>().find("This link"), std::string::npos) << "in French";
    EXPECT_FALSE(body["request_id"].get<std::string>().empty());
    auto page = Get(port, "/lawyers?status=any&after=" + cursor, {{"Accept-Language", "en"}});
    EXPECT_EQ(page.status, 400);
    EXPECT_NE(page.body.find("This link to the next page is damaged."), std::string::npos);
  }
  // A name search is ranked and paged by number only.
  auto named = Get(port, "/api/v1/lawyers?q=Kapparov&after=" + good);
  EXPECT_EQ(named.status, 400);
  EXPECT_EQ(nlohmann::json::parse(named.body)["fields"][0]["field"], "after");
  EXPECT_EQ(Get(port, "/api/v1/lawyers?status=any&page=2&after=" + good).status, 400) << "page and after";
  EXPECT_EQ(Get(port, "/api/v1/lawyers?status=any&page=1&after=" + good).status, 200);
  // A name search's next is by number.
  auto ranked = nlohmann::json::parse(Get(port, "/api/v1/lawyers?q=Kapparov").body);
  EXPECT_EQ(ranked["next"], "/api/v1/lawyers?q=Kapparov&page=2");
  EXPECT_TRUE(ranked["next_after"].is_null());
}

TEST_F(DirectoryLongListTest, TwoWordsAndFiltersReturnOnlyThosePeople) {
  directory::LawyerQuery query;
  query.text = "Serik Kapparov";
  query.page.per_page = 200;
  auto found = People().FindLawyers(query, "en");
  ASSERT_TRUE(found);
  // 98 active Serik Kapparov (both words the same), then 98 active Berik Kapparov (Serik is
  // one typo from Berik): the whole list, best first.
  EXPECT_EQ(found->total, 196);
  ASSERT_EQ(found->items.size(), 196u);
  for (size_t i = 0; i < found->items.size(); ++i) {
    EXPECT_EQ(found->items[i].display_name, i < 98 ? "Serik Kapparov" : "Berik Kapparov") << i;
    EXPECT_EQ(found->items[i].score, i < 98 ? 6 : 4) << i;
  }
  directory::LawyerQuery paris;
  paris.bar = "paris-bar";
  paris.page.per_page = 200;
  auto slugs = Find("Kapparov", paris);
  EXPECT_EQ(slugs.size(), 45u) << "50 on the Paris roll, 5 of them former members";
  for (const auto& slug : slugs) {
    auto person = People().GetPerson(slug);
    ASSERT_TRUE(person);
    ASSERT_EQ(person->memberships.size(), 1u);
    EXPECT_EQ(person->memberships.front().bar_slug, "paris-bar") << slug;
    EXPECT_EQ(person->memberships.front().status, directory::MembershipStatus::kActive) << slug;
  }
  directory::LawyerQuery french;
  french.jurisdiction = "FR";
  french.page.per_page = 200;
  EXPECT_EQ(Find("Kapparov", french), slugs);
  paris.text = "Kapparov";
  paris.page.per_page = 20;
  EXPECT_EQ(People().FindLawyers(paris, "en")->total, 45);
}

// 200 people whose two words each begin like everyone else's ("Wev102 Wim102", …): a query of
// two beginnings reaches 200 keys per word, too many pairs to read, so one word's keys drive the
// reads and the other word is checked per row, over several statements (more bound values than
// SQLite takes in one).
TEST(DirectoryManyKeysTest, TwoWordsReachingHundredsOfKeysEach) {
  std::vector<directory::PeopleStore::RollEntry> entries;
  for (int n = 100; entries.size() < 200; ++n) {
    std::string digits = std::to_string(n);
    if (digits[0] == digits[1] || digits[1] == digits[2]) continue;  // doubled letters fold to one
    directory::PeopleStore::RollEntry entry;
    entry.person.slug = "test-wev-" + digits;
    entry.person.synthetic = true;
    entry.person.names = {
        {"Wev" + digits + " Wim" + digits, directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""}};
    entry.roll_number = "TEST-W" + digits;
    entries.push_back(std::move(entry));
  }
  auto loaded = TestServer::Shared().app().database().Write([&](soci::session& sql) -> Status {
    directory::OrganizationStore organizations;
    directory::PeopleStore().BulkUpsert(sql, SystemPermit(*organizations.FindIdBySlug(sql, "almaty-city-bar")),
                                        entries);
    return {};
  });
  ASSERT_TRUE(loaded) << loaded.error().message();
  directory::LawyerQuery query;
  query.page.per_page = 200;
  auto slugs = Find("wev wim", query);
  ASSERT_EQ(slugs.size(), 200u);
  for (size_t i = 0; i < slugs.size(); ++i) EXPECT_EQ(slugs[i], entries[i].person.slug) << i;
  EXPECT_EQ(Find("wim wev", query), slugs) << "the words in the other order";
  std::vector<std::string> two_hundreds;
  for (const auto& slug : slugs) {
    if (slug.starts_with("test-wev-2")) two_hundreds.push_back(slug);
  }
  EXPECT_EQ(Find("wev2 wim", query), two_hundreds) << "fewer matches: the whole list, in collation order";
  EXPECT_TRUE(Find("w w w w w w").size() <= 50u) << "six one-letter words: an answer, not an error";
}

// Over 10,000 lawyers on a server of its own: pages deeper than the offset limit are refused
// (400, page and API alike), the HTML page's next link switches to the cursor where numbers
// stop, and following the API's next walks all of them.
TEST(DirectoryDeepListTest, DeepOffsetsAreRefusedAndTheCursorWalksEverything) {
  auto server = TestServer::StartOwn("directory_deep");
  constexpr int kPeople = 10'450;
  std::vector<directory::PeopleStore::RollEntry> entries;
  const std::vector<std::string> family = {"Abenov", "Ömirzaq", "Lefèvre", "Жумабеков", "Sur", "Zhakupov"};
  for (int i = 0; i < kPeople; ++i) {
    directory::PeopleStore::RollEntry entry;
    entry.person.slug = fmt::format("deep-{:05}", i);
    entry.person.synthetic = true;
    entry.person.names = {{fmt::format("{} {}", family[static_cast<size_t>(i) % family.size()], i % 97),
                           directory::NameScript::kLatin, directory::NameKind::kAsWritten, "", ""}};
    entry.roll_number = fmt::format("DEEP-{:05}", i);
    entries.push_back(std::move(entry));
  }
  auto loaded = server->app().database().Write([&](soci::session& sql) -> Status {
    directory::OrganizationStore organizations;
    directory::PeopleStore store;
    store.BulkUpsert(sql, SystemPermit(*organizations.FindIdBySlug(sql, "paris-bar")), entries);
    return {};
  });
  ASSERT_TRUE(loaded) << loaded.error().message();
  auto port = server->port();
  // Offset 10,000 is the deepest page asked by number; 10,001 is refused, in the user's language.
  EXPECT_EQ(Get(port, "/api/v1/lawyers?bar=paris-bar&per_page=1&page=10001").status, 200);
  auto refused = Get(port, "/api/v1/lawyers?bar=paris-bar&per_page=1&page=10002", {{"Accept-Language", "ru"}});
  EXPECT_EQ(refused.status, 400);
  auto body = nlohmann::json::parse(refused.body);
  EXPECT_EQ(body["code"], "bad_request");
  EXPECT_EQ(body["fields"][0]["field"], "page");
  EXPECT_NE(body["message"].get<std::string>().find("after="), std::string::npos) << "points to keyset paging";
  EXPECT_EQ(body["message"].get<std::string>().find("Follow"), std::string::npos) << "in Russian";
  auto page = Get(port, "/lawyers?bar=paris-bar&per_page=1&page=10002", {{"Accept-Language", "en"}});
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("beyond the first 10,000 results"), std::string::npos);
  // Every paged list refuses the same way.
  for (const std::string target : {"/api/v1/agreements?per_page=1&page=10002", "/agreements?per_page=1&page=10002",
                                   "/api/v1/events?per_page=1&page=10002", "/events?per_page=1&page=10002",
                                   "/api/v1/organizations?per_page=200&page=52"}) {
    EXPECT_EQ(Get(port, target).status, 400) << target;
  }
  // The last numbered page whose next would start past the limit links by cursor.
  auto last_numbered = Get(port, "/lawyers?bar=paris-bar&per_page=200&page=51", {{"Accept-Language", "en"}});
  ASSERT_EQ(last_numbered.status, 200);
  std::string next = NextHref(last_numbered.body);
  EXPECT_NE(next.find("after="), std::string::npos) << next;
  EXPECT_NE(NextHref(Get(port, "/lawyers?bar=paris-bar&per_page=200&page=50").body).find("page=51"), std::string::npos);
  // The API's next walks all of them, by cursor, and agrees with the numbered pages as far as
  // they go.
  std::vector<long long> walked;
  std::string target = "/api/v1/lawyers?bar=paris-bar&per_page=200";
  while (!target.empty()) {
    auto response = Get(port, target);
    ASSERT_EQ(response.status, 200) << target << response.body.substr(0, 200);
    auto json = nlohmann::json::parse(response.body);
    for (const auto& item : json["items"]) walked.push_back(item["id"].get<long long>());
    target = json["next"].is_null() ? "" : json["next"].get<std::string>();
  }
  EXPECT_GE(walked.size(), static_cast<size_t>(kPeople));
  EXPECT_EQ(std::set<long long>(walked.begin(), walked.end()).size(), walked.size());
  for (int number : {1, 2, 37, 51}) {
    auto json = nlohmann::json::parse(
        Get(port, fmt::format("/api/v1/lawyers?bar=paris-bar&per_page=200&page={}", number)).body);
    ASSERT_EQ(json["items"].size(), 200u);
    for (size_t i = 0; i < 200; ++i) {
      ASSERT_EQ(json["items"][i]["id"].get<long long>(), walked[static_cast<size_t>(number - 1) * 200 + i])
          << "page " << number << " row " << i;
    }
  }
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

// An organization's page and JSON list the agreements it is a party to and the events it
// organizes (the demo's: the Paris–Almaty agreement; the Paris Bar's Rentrée).
TEST_F(DirectoryTest, AnOrganizationShowsItsAgreementsAndEvents) {
  auto page = Get(Port(), "/organizations/paris-bar", {{"Cookie", "lang=fr"}});
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "href=\"/agreements/paris-almaty-2014\""));
  EXPECT_TRUE(Contains(page.body, "Signé, 14–15 octobre 2014")) << "its status and signing days, in French";
  EXPECT_TRUE(Contains(page.body, "href=\"/events/rentree-du-barreau-de-paris-2014\""));
  auto ministry = Get(Port(), "/organizations/french-ministry-of-economy", {{"Cookie", "lang=ru"}});
  ASSERT_EQ(ministry.status, 200);
  EXPECT_TRUE(Contains(ministry.body, "Соглашения этой организации не зарегистрированы."));

  auto list = nlohmann::json::parse(Get(Port(), "/api/v1/organizations?per_page=200").body);
  long long paris = 0;
  for (const auto& item : list["items"]) {
    if (item["slug"] == "paris-bar") paris = item["id"].get<long long>();
  }
  ASSERT_NE(paris, 0);
  auto body = nlohmann::json::parse(Get(Port(), "/api/v1/organizations/" + std::to_string(paris)).body);
  ASSERT_TRUE(body.contains("agreements") && body.contains("events")) << body.dump();
  bool agreement = false, event = false;
  for (const auto& item : body["agreements"]["items"]) {
    agreement = agreement || (item["href"] == "/agreements/paris-almaty-2014" && item["label"] == "signed");
  }
  for (const auto& item : body["events"]["items"]) {
    event = event || (item["href"] == "/events/rentree-du-barreau-de-paris-2014" && item["label"] == "celebration" &&
                      item["date"] == "2014-12-10");
  }
  EXPECT_TRUE(agreement) << body["agreements"].dump();
  EXPECT_TRUE(event) << body["events"].dump();
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
