#include "core/search/slug.h"

#include <gtest/gtest.h>

namespace entente::search {
namespace {

TEST(SlugTest, NamesInAnyScriptBecomeReadableAddresses) {
  EXPECT_EQ(Slugify("Pierre-Olivier Sûr"), "pierre-olivier-sur");
  EXPECT_EQ(Slugify("Daniyar Kanafin"), "daniyar-kanafin");
  EXPECT_EQ(Slugify("Асель Жумабекова"), "asel-zhumabekova");
  EXPECT_EQ(Slugify("Данияр Канафин"), "daniyar-kanafin");
  EXPECT_EQ(Slugify("  O'Brien,  Éloïse  "), "o-brien-eloise");
}

TEST(SlugTest, KazakhLettersBecomeAscii) {
  std::string slug = Slugify("Әлия Қасымова");
  EXPECT_FALSE(slug.empty());
  for (char c : slug) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << slug;
}

TEST(SlugTest, NothingReadableGivesEmptyAndLongNamesAreCutAtAWord) {
  EXPECT_EQ(Slugify("—  !!"), "");
  EXPECT_EQ(Slugify(""), "");
  std::string slug = Slugify("aaaa bbbb cccc dddd", 12);
  EXPECT_EQ(slug, "aaaa-bbbb");
}

}  // namespace
}  // namespace entente::search
