#include "core/i18n/localized_text.h"

#include <gtest/gtest.h>

namespace entente::i18n {
namespace {

TEST(LocalizedTextTest, PicksTheRequestedLanguage) {
  LocalizedText text;
  text.SetOriginal("en", "Paris Bar");
  text.SetTranslation("fr", "Barreau de Paris");
  auto chosen = text.Pick("fr");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->text, "Barreau de Paris");
  EXPECT_EQ(chosen->language, "fr");
  EXPECT_FALSE(chosen->fallback);
  EXPECT_FALSE(chosen->original);
}

TEST(LocalizedTextTest, TypedTextReplacesOneVariantAndKeepsItsFlag) {
  // Typed into a record that has no text yet: the original.
  LocalizedText typed = LocalizedText().WithTyped("fr", "Barreau de Paris");
  ASSERT_NE(typed.Find("fr"), nullptr);
  EXPECT_TRUE(typed.Find("fr")->original);
  EXPECT_TRUE(LocalizedText().WithTyped("fr", " \t\r\n").empty()) << "blank is no text";

  LocalizedText stored;
  stored.SetOriginal("en", "Paris Bar");
  stored.SetTranslation("fr", "Barreau");
  LocalizedText changed = stored.WithTyped("fr", "Barreau de Paris");
  EXPECT_EQ(changed.Find("fr")->text, "Barreau de Paris");
  EXPECT_FALSE(changed.Find("fr")->original) << "a translation stays one";
  EXPECT_EQ(changed.Find("en")->text, "Paris Bar");
  EXPECT_TRUE(changed.Find("en")->original);
  // A new language beside an original is a translation; a blank one removes the variant.
  EXPECT_FALSE(stored.WithTyped("kk", "Париж адвокаттар алқасы").Find("kk")->original);
  LocalizedText removed = stored.WithTyped("fr", "");
  EXPECT_EQ(removed.Find("fr"), nullptr);
  EXPECT_NE(removed.Find("en"), nullptr);
  EXPECT_EQ(stored.Find("fr")->text, "Barreau") << "the original object is unchanged";
}

TEST(LocalizedTextTest, FallsBackInTheDocumentedOrder) {
  struct Case {
    std::vector<std::string> present;
    std::string requested;
    std::string expected;
  };
  for (const auto& [present, requested, expected] : std::vector<Case>{
           {{"en", "fr", "ru"}, "kk", "en"},
           {{"fr", "ru"}, "kk", "fr"},
           {{"ru", "kk"}, "fr", "ru"},
           {{"kk"}, "en", "kk"},
           {{"de"}, "en", "de"},
       }) {
    LocalizedText text;
    for (const auto& language : present) text.SetTranslation(language, "text in " + language);
    auto chosen = text.Pick(requested);
    ASSERT_TRUE(chosen);
    EXPECT_EQ(chosen->language, expected) << "requested " << requested;
    EXPECT_TRUE(chosen->fallback);
    EXPECT_EQ(chosen->text, "text in " + expected);
  }
}

TEST(LocalizedTextTest, EmptyHasNothingToPick) { EXPECT_FALSE(LocalizedText().Pick("en")); }

}  // namespace
}  // namespace entente::i18n
