#include "core/i18n/languages.h"

#include <gtest/gtest.h>

namespace entente::i18n {
namespace {

TEST(LanguagesTest, AcceptLanguageHonoursQualityAndSubtags) {
  struct Case {
    std::string header;
    std::optional<std::string_view> expected;
  };
  for (const auto& [header, expected] : std::vector<Case>{
           {"fr-CH, fr;q=0.9, en;q=0.8", "fr"},
           {"de-DE,ru;q=0.8,fr;q=0.5", "ru"},
           {"en;q=0.2, kk-KZ;q=0.9", "kk"},
           {"KK", "kk"},
           {"de, es", std::nullopt},
           {"fr;q=0", std::nullopt},
           {"fr;q=abc", std::nullopt},
           {"", std::nullopt},
           {"ru, en", "ru"},
       }) {
    EXPECT_EQ(FromAcceptLanguage(header), expected) << header;
  }
}

TEST(LanguagesTest, CookieThenPreferenceThenHeaderThenEnglish) {
  EXPECT_EQ(ChooseLanguage("kk", "fr", "ru"), "kk");
  EXPECT_EQ(ChooseLanguage("xx", "fr", "ru"), "fr");
  EXPECT_EQ(ChooseLanguage(std::nullopt, std::nullopt, "ru"), "ru");
  EXPECT_EQ(ChooseLanguage(std::nullopt, std::nullopt, "de"), "en");
  EXPECT_EQ(NativeName("kk"), "Қазақша");
}

}  // namespace
}  // namespace entente::i18n
