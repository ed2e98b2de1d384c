#include "core/i18n/catalogs.h"

#include <gtest/gtest.h>

namespace entente::i18n {
namespace {

// The catalogs built by this build (build/locale), as the server uses them.
const Catalogs& Built() {
  static const Catalogs catalogs(ENTENTE_DEFAULT_LOCALE_DIR);
  return catalogs;
}

TEST(CatalogsTest, FormatsPartialDatesPerLanguage) {
  struct Case {
    std::string date;
    std::string language;
    std::string expected;
  };
  for (const auto& [date, language, expected] : std::vector<Case>{
           {"2014-10-14/2014-10-15", "en", "14–15 October 2014"},
           {"2014-10-14/2014-10-15", "fr", "14–15 octobre 2014"},
           {"2014-10-14/2014-10-15", "ru", "14–15 октября 2014\u202fг."},
           {"2014-12-10/2014-12-13", "kk", "2014\u202fж. 10–13 желтоқсан"},
           {"2014-06-27", "en", "27 June 2014"},
           {"2014-06-27", "fr", "27 juin 2014"},
           {"2015-12", "en", "December 2015"},
           {"2015-12", "fr", "décembre 2015"},
           {"2014", "ru", "2014"},
           {"2014-10-31/2014-11-02", "en", "31 October\u2009–\u20092 November 2014"},
       }) {
    EXPECT_EQ(Built().FormatDate(language, *PartialDate::Parse(date)), expected) << date << " " << language;
  }
}

TEST(CatalogsTest, UnknownDatesSayUnknownInTheLanguage) {
  EXPECT_EQ(Built().FormatDate("en", PartialDate()), "unknown");
  EXPECT_NE(Built().FormatDate("fr", PartialDate()), "unknown");
}

TEST(CatalogsTest, TranslatesAndPluralizes) {
  EXPECT_EQ(Built().Translate("en", "Home"), "Home");
  for (std::string language : {"fr", "ru", "kk"}) {
    EXPECT_NE(Built().Translate(language, "Home"), "Home") << language;
  }
  // Russian has three plural forms: 1 организация, 3 организации, 5 организаций.
  std::string one = Built().TranslatePlural("ru", "organization", "organizations", 1);
  std::string few = Built().TranslatePlural("ru", "organization", "organizations", 3);
  std::string many = Built().TranslatePlural("ru", "organization", "organizations", 5);
  EXPECT_NE(one, few);
  EXPECT_NE(few, many);
  EXPECT_EQ(Built().TranslatePlural("ru", "organization", "organizations", 21), one);
  EXPECT_EQ(Built().TranslatePlural("en", "organization", "organizations", 1), "organization");
  EXPECT_EQ(Built().TranslatePlural("en", "organization", "organizations", 2), "organizations");
}

TEST(CatalogsTest, ContextsSeparateHomonyms) {
  // "Member" the role and "Member" the position held in a body are different words in Russian.
  EXPECT_EQ(Built().TranslateInContext("ru", "position", "Member"), "Член");
  EXPECT_NE(Built().Translate("ru", "Member"), "Член");
  EXPECT_EQ(Built().TranslateInContext("en", "position", "Member"), "Member");
}

TEST(CatalogsTest, FormatsNumbersPerLanguage) {
  EXPECT_EQ(Built().FormatNumber("en", 12345), "12,345");
  EXPECT_EQ(Built().FormatNumber("fr", 12345), "12\u202f345");
  EXPECT_EQ(Built().FormatNumber("ru", 12345), "12\u00a0345");
}

}  // namespace
}  // namespace entente::i18n
