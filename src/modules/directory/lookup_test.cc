#include "modules/directory/lookup.h"

#include <gtest/gtest.h>

#include "testing/in_process.h"

namespace entente::directory {
namespace {

// Rows as the directory's services would leave them, written here directly: the look-ups are
// what is under test.
void AddOrganization(soci::session& sql, const std::string& slug, const std::string& visibility) {
  sql << "INSERT INTO organizations (slug, kind, visibility, created_at_utc) VALUES (:slug, 'bar', :visibility, "
         "'2026-01-01T00:00:00Z')",
      soci::use(slug), soci::use(visibility);
}

void AddPerson(soci::session& sql, const std::string& slug) {
  sql << "INSERT INTO people (slug, display_name, sort_key, created_at_utc, updated_at_utc) VALUES (:slug, :name, "
         ":sort_key, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      soci::use(slug), soci::use(slug), soci::use(slug);
}

class LookupTest : public ::testing::Test {
 protected:
  testing::MemoryDatabase memory_;
  db::Database& database_ = memory_.database();
};

TEST_F(LookupTest, PeopleAreFoundBySlugAndMergedOnesOnlyByTheirOldSlug) {
  auto found = database_.Write([](soci::session& sql) -> Result<std::pair<bool, bool>> {
    AddPerson(sql, "gulnara-iskakova");
    AddPerson(sql, "gulnara-iskakova-2");
    sql << "UPDATE people SET merged_into = (SELECT id FROM people WHERE slug = 'gulnara-iskakova') "
           "WHERE slug = 'gulnara-iskakova-2'";
    return std::pair{PersonBySlug(sql, "gulnara-iskakova-2").has_value(),
                     CurrentPersonBySlug(sql, "gulnara-iskakova-2").has_value()};
  });
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_TRUE(found->first);
  EXPECT_FALSE(found->second);
  auto missing = database_.Read([](soci::session& sql) -> Result<bool> {
    return !PersonBySlug(sql, "nobody") && CurrentPersonBySlug(sql, "gulnara-iskakova").has_value();
  });
  ASSERT_TRUE(missing);
  EXPECT_TRUE(*missing);
}

TEST_F(LookupTest, AHiddenOrganizationIsUnknownToWhoMayNotSeeIt) {
  auto seen = database_.Write([](soci::session& sql) -> Result<std::vector<bool>> {
    AddOrganization(sql, "paris-bar", "public");
    AddOrganization(sql, "closed-committee", "organization");
    AddOrganization(sql, "members-network", "members");
    auth::Actor anonymous = auth::Actor::Anonymous();
    auth::Actor system = auth::Actor::System("test");
    return std::vector<bool>{VisibleOrganizationBySlug(sql, anonymous, "paris-bar").has_value(),
                             VisibleOrganizationBySlug(sql, anonymous, "closed-committee").has_value(),
                             VisibleOrganizationBySlug(sql, anonymous, "members-network").has_value(),
                             VisibleOrganizationBySlug(sql, system, "closed-committee").has_value(),
                             VisibleOrganizationBySlug(sql, system, "no-such-bar").has_value()};
  });
  ASSERT_TRUE(seen) << (seen ? "" : seen.error().message());
  EXPECT_EQ(*seen, (std::vector<bool>{true, false, false, true, false}));
}

TEST_F(LookupTest, JurisdictionsAreKnownByCode) {
  auto known = database_.Write([](soci::session& sql) -> Result<std::pair<bool, bool>> {
    sql << "INSERT INTO jurisdictions (code) VALUES ('KZ')";
    return std::pair{JurisdictionExists(sql, "KZ"), JurisdictionExists(sql, "FR")};
  });
  ASSERT_TRUE(known) << known.error().message();
  EXPECT_TRUE(known->first);
  EXPECT_FALSE(known->second);
}

}  // namespace
}  // namespace entente::directory
