#include "core/i18n/localized_text.h"

#include <gtest/gtest.h>

namespace entente::i18n {
namespace {

TEST(LocalizedTextTest, PicksTheRequestedLanguage) {
  LocalizedText text;
  text.Set("en", "Paris Bar", true);
  text.Set("fr", "Barreau de Paris", false);
  auto chosen = text.Pick("fr");
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->text, "Barreau de Paris");
  EXPECT_EQ(chosen->language, "fr");
  EXPECT_FALSE(chosen->fallback);
  EXPECT_FALSE(chosen->original);
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
    for (const auto& language : present) text.Set(language, "text in " + language, false);
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
