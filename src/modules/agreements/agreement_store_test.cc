// AgreementStore over a migrated in-memory database: an agreement loaded in its named steps names
// its parties and signatories through the directory's views, keeps its objectives in order, and
// an update that keeps an objective keeps its id.
#include "modules/agreements/agreement_store.h"

#include <gtest/gtest.h>

#include "modules/agreements/agreement_service.h"
#include "testing/directory_rows.h"
#include "testing/in_process.h"

namespace entente::agreements {
namespace {

using testing::AddOrganizationRow;
using testing::AddPersonRow;

i18n::LocalizedText English(const std::string& text) { return i18n::LocalizedText::Original("en", text); }

class AgreementStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto added = database_.Write([](soci::session& sql) -> Status {
      AddOrganizationRow(sql, "paris-bar", "Paris Bar");
      AddOrganizationRow(sql, "almaty-city-bar", "Almaty City Bar");
      AddPersonRow(sql, "pierre-olivier-sur", "Pierre-Olivier Sur");
      // A signatory holds a position in the party they sign for.
      sql << "INSERT INTO positions (person_id, organization_id, title, starts_on, covers_from) "
             "SELECT p.id, o.id, 'president', '2014-01-01', '2014-01-01' FROM people p, organizations o "
             "WHERE p.slug = 'pierre-olivier-sur' AND o.slug = 'paris-bar'";
      return {};
    });
    ASSERT_TRUE(added) << added.error().Describe();
  }

  AgreementInput Input() const {
    AgreementInput input;
    input.slug = "store-test-agreement";
    input.status = "signed";
    input.title = English("Store test");
    input.signed_on = "2014-10-02";
    input.parties = {{"paris-bar", "pierre-olivier-sur"}, {"almaty-city-bar", ""}};
    input.objectives = {{std::nullopt, English("Exchange lawyers"), {"exchange"}},
                        {std::nullopt, English("Train together"), {"training", "ethics"}}};
    return input;
  }

  Agreement Load(AgreementId id) {
    auto loaded =
        database_.Read([&](soci::session& sql) -> Result<std::optional<Agreement>> { return store_.Load(sql, id); });
    EXPECT_TRUE(loaded) << loaded.error().Describe();
    EXPECT_TRUE(loaded->has_value());
    return loaded->value_or(Agreement{});
  }

  testing::MemoryDatabase memory_;
  db::Database& database_ = memory_.database();
  AgreementService service_{database_};
  AgreementStore store_;
  auth::Actor system_ = auth::Actor::System("agreement-store-test");
};

TEST_F(AgreementStoreTest, LoadNamesThePartiesAndTheSignatoryFromTheDirectory) {
  auto created = service_.Create(system_, Input());
  ASSERT_TRUE(created) << created.error().Describe();
  Agreement agreement = Load(*created);
  EXPECT_EQ(agreement.slug, "store-test-agreement");
  EXPECT_EQ(agreement.title.TextIn("en"), "Store test");
  ASSERT_EQ(agreement.parties.size(), 2u);
  EXPECT_EQ(agreement.parties[0].organization_slug, "paris-bar");
  EXPECT_EQ(agreement.parties[0].organization_name.TextIn("en"), "Paris Bar");
  EXPECT_EQ(agreement.parties[0].signatory_name, "Pierre-Olivier Sur");
  EXPECT_EQ(agreement.parties[0].signatory_title, "president");
  EXPECT_EQ(agreement.parties[1].organization_name.TextIn("en"), "Almaty City Bar");
  EXPECT_FALSE(agreement.parties[1].signatory.has_value());
  ASSERT_EQ(agreement.objectives.size(), 2u);
  EXPECT_EQ(agreement.objectives[0].sequence, 1);
  EXPECT_EQ(agreement.objectives[1].text.TextIn("en"), "Train together");
  EXPECT_EQ(agreement.objectives[1].categories.size(), 2u);

  auto found = database_.Read([&](soci::session& sql) -> Result<std::optional<AgreementId>> {
    return store_.FindIdBySlug(sql, "store-test-agreement");
  });
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, std::optional(*created));
  auto missing = database_.Read(
      [&](soci::session& sql) -> Result<bool> { return !store_.Load(sql, AgreementId(created->value() + 1000)); });
  ASSERT_TRUE(missing);
  EXPECT_TRUE(*missing);
}

TEST_F(AgreementStoreTest, AnUpdateKeepsTheIdOfAnObjectiveItKeeps) {
  auto created = service_.Create(system_, Input());
  ASSERT_TRUE(created) << created.error().Describe();
  Agreement before = Load(*created);
  ASSERT_EQ(before.objectives.size(), 2u);
  // The second objective kept (reworded, moved first), the first dropped, a new one added.
  AgreementInput input = Input();
  input.objectives = {{before.objectives[1].id, English("Train together, twice a year"), {"training"}},
                      {std::nullopt, English("Compare ethics rules"), {"ethics"}}};
  auto updated = service_.Update(system_, *created, input);
  ASSERT_TRUE(updated) << updated.error().Describe();
  Agreement after = Load(*created);
  ASSERT_EQ(after.objectives.size(), 2u);
  EXPECT_EQ(after.objectives[0].id, before.objectives[1].id);
  EXPECT_EQ(after.objectives[0].text.TextIn("en"), "Train together, twice a year");
  EXPECT_EQ(after.objectives[0].sequence, 1);
  EXPECT_NE(after.objectives[1].id, before.objectives[0].id);
  EXPECT_EQ(after.objectives[1].text.TextIn("en"), "Compare ethics rules");
}

}  // namespace
}  // namespace entente::agreements
