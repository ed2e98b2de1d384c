// CourseStore over a migrated in-memory database: the list decides visibility in SQL as the
// policy decides it for one course, orders the latest first with unknown dates last, filters, and
// shows each course with its provider's name, topics and accreditations.
#include "modules/training/course_store.h"

#include <gtest/gtest.h>

#include <map>

#include "modules/training/training_service.h"
#include "testing/directory_rows.h"
#include "testing/in_process.h"

namespace entente::training {
namespace {

using testing::AddOrganizationRow;

i18n::LocalizedText English(const std::string& text) { return i18n::LocalizedText::Original("en", text); }

CourseFilter Filter(std::string provider, std::string language, std::string format, std::string topic,
                    std::string text = "") {
  CourseFilter filter;
  filter.provider = std::move(provider);
  filter.language = std::move(language);
  filter.format = std::move(format);
  filter.topic = std::move(topic);
  filter.text = std::move(text);
  return filter;
}

class CourseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto added = database_.Write([&](soci::session& sql) -> Status {
      AddOrganizationRow(sql, "store-paris-bar", "Store Paris Bar");
      AddOrganizationRow(sql, "store-almaty-bar", "Store Almaty Bar");
      sql << "INSERT INTO jurisdictions (code) VALUES ('FR')";
      return {};
    });
    ASSERT_TRUE(added) << added.error().Describe();
    paris_ = OrganizationOf("store-paris-bar");
    almaty_ = OrganizationOf("store-almaty-bar");
  }

  OrganizationId OrganizationOf(const std::string& slug) {
    auto id = database_.Read([&](soci::session& sql) -> Result<long long> {
      long long value = 0;
      sql << "SELECT id FROM organizations WHERE slug = :slug", soci::use(slug), soci::into(value);
      return value;
    });
    EXPECT_TRUE(id && *id != 0) << slug;
    return OrganizationId(id.value_or(0));
  }

  void Publish(const std::string& slug, const std::string& provider, const std::string& visibility,
               const std::string& starts_on, const std::string& language = "") {
    CourseInput input;
    input.slug = slug;
    input.provider = provider;
    input.visibility = visibility;
    input.starts_on = starts_on;
    input.language = language;
    input.title = English("Store course " + slug);
    auto created = service_.Create(system_, input);
    ASSERT_TRUE(created) << slug << ": " << created.error().Describe();
  }

  // An actor holding `role` on `organization` (its scope: the organization alone).
  static auth::Actor Holding(long long user, auth::Role role, OrganizationId organization) {
    return auth::Actor(UserId(user), "Store test user", "en",
                       {auth::RoleGrant{auth::RoleGrantId(user), role, organization, {organization}}});
  }

  std::vector<std::string> Listed(const auth::Actor& actor, const CourseFilter& filter = {}) {
    auto page = service_.List(actor, filter, PageRequest{});
    EXPECT_TRUE(page) << page.error().Describe();
    std::vector<std::string> slugs;
    if (!page) return slugs;
    for (const auto& course : page->items) slugs.push_back(course.slug);
    EXPECT_EQ(page->total, static_cast<long long>(slugs.size())) << "the total counts visible courses only";
    return slugs;
  }

  testing::MemoryDatabase memory_;
  db::Database& database_ = memory_.database();
  TrainingService service_{database_};
  CourseStore store_;
  auth::Actor system_ = auth::Actor::System("course-store-test");
  OrganizationId paris_, almaty_;
};

TEST_F(CourseStoreTest, TheListShowsWhatThePolicyShowsTheLatestFirstUnknownDatesLast) {
  Publish("store-undated", "store-paris-bar", "organization", "");
  Publish("store-2014-12", "store-almaty-bar", "organization", "2014-12");
  Publish("store-2014-12-10", "store-paris-bar", "public", "2014-12-10");
  Publish("store-2015", "store-paris-bar", "members", "2015");
  Publish("store-2013", "store-almaty-bar", "public", "2013-06");

  const std::map<std::string, auth::Actor> actors = {
      {"anonymous", auth::Actor::Anonymous()},
      {"paris member", Holding(1, auth::Role::kMember, paris_)},
      {"almaty coordinator", Holding(2, auth::Role::kCoordinator, almaty_)},
      {"platform admin",
       auth::Actor(UserId(3), "Store admin", "en",
                   {auth::RoleGrant{auth::RoleGrantId(3), auth::Role::kPlatformAdmin, std::nullopt, {}}})},
  };
  const std::map<std::string, std::vector<std::string>> expected = {
      {"anonymous", {"store-2014-12-10", "store-2013"}},
      {"paris member", {"store-2015", "store-2014-12-10", "store-2013", "store-undated"}},
      {"almaty coordinator", {"store-2015", "store-2014-12-10", "store-2014-12", "store-2013"}},
      {"platform admin", {"store-2015", "store-2014-12-10", "store-2014-12", "store-2013", "store-undated"}},
  };
  for (const auto& [name, actor] : actors) {
    SCOPED_TRACE(name);
    auto listed = Listed(actor);
    EXPECT_EQ(listed, expected.at(name));
    // One course by slug: seen exactly when listed; any other is "not found".
    for (const char* slug : {"store-undated", "store-2014-12", "store-2014-12-10", "store-2015", "store-2013"}) {
      bool in_list = std::find(listed.begin(), listed.end(), slug) != listed.end();
      auto course = service_.Get(actor, slug);
      EXPECT_EQ(static_cast<bool>(course), in_list) << slug;
      if (!course) {
        EXPECT_EQ(course.error().code(), ErrorCode::kNotFound) << slug;
      }
    }
  }
}

TEST_F(CourseStoreTest, TheListFiltersAndShowsTheProvidersNameTopicsAndAccreditations) {
  CourseInput input;
  input.slug = "store-accredited";
  input.provider = "store-paris-bar";
  input.language = "fr";
  input.format = "distance";
  input.topics = {"procedure", "ethics"};
  input.title = English("Accredited ethics");
  input.accreditations = {{"FR", "CNB-1", "2014-11"}};
  ASSERT_TRUE(service_.Create(system_, input));
  Publish("store-plain", "store-almaty-bar", "public", "2014", "ru");

  auto anonymous = auth::Actor::Anonymous();
  EXPECT_EQ(Listed(anonymous, Filter("", "fr", "", "")), std::vector<std::string>{"store-accredited"});
  EXPECT_EQ(Listed(anonymous, Filter("", "", "distance", "")), std::vector<std::string>{"store-accredited"});
  EXPECT_EQ(Listed(anonymous, Filter("", "", "", "ethics")), std::vector<std::string>{"store-accredited"});
  EXPECT_EQ(Listed(anonymous, Filter("store-almaty-bar", "", "", "")), std::vector<std::string>{"store-plain"});
  EXPECT_EQ(Listed(anonymous, Filter("", "", "", "", "ACCREDITED")), std::vector<std::string>{"store-accredited"});
  EXPECT_TRUE(Listed(anonymous, Filter("store-almaty-bar", "", "", "ethics")).empty());

  auto listed = database_.Read([&](soci::session& sql) -> Result<Page<Course>> {
    return store_.List(sql, anonymous, Filter("store-paris-bar", "", "", ""), PageRequest{});
  });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  const Course& course = listed->items[0];
  EXPECT_EQ(course.provider.slug, "store-paris-bar");
  EXPECT_EQ(course.provider.name.TextIn("en"), "Store Paris Bar");
  EXPECT_EQ(course.title.TextIn("en"), "Accredited ethics");
  EXPECT_EQ(course.topics, (std::vector<Topic>{Topic::kEthics, Topic::kProcedure}));
  // The list shows a course's accreditations as loading it does.
  ASSERT_EQ(course.accreditations.size(), 1u);
  EXPECT_EQ(course.accreditations[0].jurisdiction, "FR");
  EXPECT_EQ(course.accreditations[0].reference, "CNB-1");
  EXPECT_EQ(course.accreditations[0].approved_on.ToString(), "2014-11");
  auto loaded =
      database_.Read([&](soci::session& sql) -> Result<std::optional<Course>> { return store_.Load(sql, course.id); });
  ASSERT_TRUE(loaded && loaded->has_value());
  EXPECT_EQ((*loaded)->accreditations.size(), 1u);
  EXPECT_EQ((*loaded)->accreditations[0].jurisdiction, "FR");
}

}  // namespace
}  // namespace entente::training
