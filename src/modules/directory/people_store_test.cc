// PeopleStore on a migrated SQLite database in memory: a person written is read back whole, in
// the order written, and found by the search keys of their names.

#include "modules/directory/people_store.h"

#include <gtest/gtest.h>

#include "core/search/name_folding.h"
#include "modules/directory/organization_store.h"
#include "testing/in_process.h"

namespace entente::directory {
namespace {

PersonInput Gulnara() {
  PersonInput input;
  input.slug = "gulnara-iskakova";
  input.gender = "female";
  input.city = "Almaty";
  input.names = {{"Gulnara Iskakova", NameScript::kLatin, NameKind::kAsWritten, "en", ""},
                 {"Гульнара Искакова", NameScript::kCyrillic, NameKind::kTransliterated, "ru", "our transliteration"}};
  input.languages = {"ru", "kk", "en"};
  input.practice_areas = {"family law"};
  input.contacts = {{ContactKind::kEmail, "g.iskakova@example.org", auth::Visibility::kMembers},
                    {ContactKind::kPhone, "+7 727 000 00 00", auth::Visibility::kOrganization}};
  return input;
}

class PeopleStoreTest : public ::testing::Test {
 protected:
  testing::MemoryDatabase memory_;
  db::Database& database_ = memory_.database();
  PeopleStore store_;
  auth::Actor system_ = auth::Actor::System("test");
};

TEST_F(PeopleStoreTest, APersonWrittenIsReadBackWhole) {
  auto found = database_.Write([&](soci::session& sql) -> Result<std::optional<Person>> {
    auto bar = auth::Policy::AsSystem(system_, "organization", OrganizationId());
    if (!bar) return Fail(bar.error());
    return store_.Find(sql, store_.Insert(sql, *bar, Gulnara()));
  });
  ASSERT_TRUE(found) << found.error().message();
  ASSERT_TRUE(found->has_value());
  const Person& person = **found;
  EXPECT_EQ(person.slug, "gulnara-iskakova");
  EXPECT_EQ(person.display_name, "Gulnara Iskakova");
  EXPECT_EQ(person.city, "Almaty");
  ASSERT_EQ(person.names.size(), 2u);
  EXPECT_EQ(person.names[1].full_name, "Гульнара Искакова");
  EXPECT_EQ(person.names[1].kind, NameKind::kTransliterated);
  EXPECT_EQ(person.names[1].note, "our transliteration");
  EXPECT_EQ(person.languages, (std::vector<std::string>{"en", "kk", "ru"}));  // in code order
  EXPECT_EQ(person.practice_areas, (std::vector<std::string>{"family law"}));
  ASSERT_EQ(person.contacts.size(), 2u);
  EXPECT_EQ(person.contacts[0].value, "g.iskakova@example.org");
  EXPECT_EQ(person.contacts[1].visibility, auth::Visibility::kOrganization);
  EXPECT_FALSE(person.merged_into);
  EXPECT_TRUE(person.memberships.empty());
}

TEST_F(PeopleStoreTest, AnUpdateReplacesTheSearchKeysFindALawyerReads) {
  auto found = database_.Write([&](soci::session& sql) -> Result<std::vector<size_t>> {
    auto platform = auth::Policy::AsSystem(system_, "organization", OrganizationId());
    if (!platform) return Fail(platform.error());
    OrganizationInput bar_input;
    bar_input.slug = "test-bar";
    bar_input.visibility = "public";
    OrganizationId bar_id =
        OrganizationStore().Insert(sql, *platform, bar_input, OrganizationKind::kBar, std::nullopt, std::nullopt);
    auto bar = auth::Policy::AsSystem(system_, "organization", bar_id);
    PersonId id = store_.Insert(sql, *platform, Gulnara());
    auto person = auth::Policy::AsSystem(system_, "person", id);
    if (!bar || !person) return Fail(Error::Internal("no permit"));
    store_.UpsertMembership(sql, *person, *bar, "T-1", PartialDate(), MembershipStatus::kActive, PartialDate());
    auto people_with = [&](const char* name) {
      return store_.PeopleWithKeys(sql, {search::FoldWords(name)}, LawyerQuery{}, 10).size();
    };
    std::vector<size_t> counts{people_with("Iskakova"), people_with("Abenova")};
    PersonInput renamed = Gulnara();
    renamed.names = {{"Gulnara Abenova", NameScript::kLatin, NameKind::kAsWritten, "", ""}};
    store_.Update(sql, *person, renamed);
    counts.push_back(people_with("Iskakova"));
    counts.push_back(people_with("Abenova"));
    counts.push_back(store_.Find(sql, id)->names.size());
    return counts;
  });
  ASSERT_TRUE(found) << found.error().message();
  EXPECT_EQ(*found, (std::vector<size_t>{1, 0, 0, 1, 1}));
}

}  // namespace
}  // namespace entente::directory
