#include "core/base/text.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(TextTest, TrimSpacesKeepsWhatIsBetween) {
  EXPECT_EQ(TrimSpaces("  Gulnara \t"), "Gulnara");
  EXPECT_EQ(TrimSpaces(" a b "), "a b");
  EXPECT_EQ(TrimSpaces(" \t "), "");
}

TEST(TextTest, SplitListCutsAtTheGivenSeparatorsOnly) {
  struct Case {
    const char* text;
    const char* separators;
    std::vector<std::string> items;
  };
  const Case cases[] = {
      {"fr, ru; kk", ",;", {"fr", "ru", "kk"}},
      {"fr,\r\n ru ,, ;", ",;", {"fr", "ru"}},
      {"Kanafin, D.; Канафин Д.", ";", {"Kanafin, D.", "Канафин Д."}},
      {"gulnara-iskakova paris-bar\nalmaty-bar,", ", \r\n", {"gulnara-iskakova", "paris-bar", "almaty-bar"}},
      {"", ",", {}},
      {" ; ", ";", {}},
      {"single", ",", {"single"}},
  };
  for (const auto& test : cases) EXPECT_EQ(SplitList(test.text, test.separators), test.items) << test.text;
}

}  // namespace
}  // namespace entente
