#include "core/search/name_folding.h"

#include <gtest/gtest.h>

namespace entente::search {
namespace {

std::string Fold(std::string_view text) { return JoinKeys(FoldWords(text)); }

TEST(NameFoldingTest, SpellingsOfOneNameFoldAlike) {
  struct Case {
    std::vector<std::string> spellings;
  };
  for (const auto& spellings : std::vector<std::vector<std::string>>{
           {"Kanafin", "Канафин", "KANAFIN", "kanafin"},
           {"Daniyar", "Daniar", "Daniiar", "Danijar", "Данияр", "ДАНИЯР"},
           {"Sûr", "Sur", "SÛR"},
           {"Alimbaev", "Alimbayev", "Алимбаев"},
           {"Pierre-Olivier", "Pierre Olivier", "pierre olivier"},
           {"Karchegenov", "Карчегенов"},
           {"Tugel", "Түгел", "Тугел", "Tügel"},
           {"Kenzhegali", "Кенжегали", "Kenjegali"},
           {"Iskander", "Искандер"},
           {"Yerlan", "Ерлан", "Erlan"},
           {"Қасым", "Kasym", "Qasym"},
           {"Әлия", "Aliya", "Alia"},
           {"Ұлан", "Ulan"},
           {"Өмір", "Omir"},
           {"Ғалым", "Galym"},
           {"Аңсар", "Ansar"},
           {"Khalid", "Halid", "Халид"},
           {"Ғабдуллин", "Gabdullin", "Ghabdullin"},
           {"Ғалия", "Galiya", "Ghaliya"},
       }) {
    std::string expected = Fold(spellings.front());
    EXPECT_FALSE(expected.empty());
    for (const auto& spelling : spellings)
      EXPECT_EQ(Fold(spelling), expected) << spelling << " vs " << spellings.front();
  }
}

TEST(NameFoldingTest, KeysAreAsciiWordsAndPunctuationFoldsToNothing) {
  EXPECT_EQ(Fold("Pierre-Olivier Sûr"), "piere olivier sur");
  EXPECT_TRUE(FoldWords("!!! ... ---").empty());
  EXPECT_TRUE(FoldWords("").empty());
  EXPECT_EQ(FoldWords(std::string(10000, 'a')).size(), 1u) << "long input is cut, not scanned";
  for (const auto& word : FoldWords("Ёлкин Щукин Ђорђе 李 Zoë")) {
    for (char c : word) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << word;
  }
}

// PartFolder folds each space-separated part once and must give FoldWords' keys exactly.
TEST(NameFoldingTest, FoldingPartByPartGivesTheSameKeys) {
  std::vector<std::string> names = {
      "Daniyar Kanafin",
      "Данияр Канафин",
      "Pierre-Olivier Sûr",
      "  Aliya  Kurmangazy ",
      "O'Brien Ғабдуллин",
      "Қасым-Жомарт Тоқаев",
      "Æsa Ørsted",
      "ŒUVRE ﬁne",
      "Ἀλέξανδρος ΟΔΥΣΣΕΥΣ",
      "Noël Coward",
      "Јелена Ђоковић",
      "Ерлан Ұлан Өмір Ғалым Аңсар",
      "Kenzhegali  Karchegenov",
      "Ш. Ш. Шаяхметов",
      "李 小龍",
      "á é",
      "Mc Donald's",
      "x",
      "",
      "   ",
      std::string(600, 'a') + " " + std::string(10, 'b'),
  };
  for (int i = 0; i < 64; ++i) names.push_back(std::string(500 + static_cast<size_t>(i), 'k') + " Ғалым");
  PartFolder folder;
  for (int round = 0; round < 2; ++round) {  // the second round from the cache
    for (const auto& name : names) EXPECT_EQ(folder.Fold(name), FoldWords(name)) << name.substr(0, 80);
  }
}

TEST(NameFoldingTest, OneEditDistance) {
  EXPECT_TRUE(WithinOneEdit("kanafin", "kanafin"));
  EXPECT_TRUE(WithinOneEdit("kanafin", "kanafn"));    // deletion
  EXPECT_TRUE(WithinOneEdit("kanafin", "kanaffin"));  // insertion
  EXPECT_TRUE(WithinOneEdit("kanafin", "kanafan"));   // substitution
  EXPECT_TRUE(WithinOneEdit("kanafin", "knaafin"));   // swap
  EXPECT_FALSE(WithinOneEdit("kanafin", "kanfan"));
  EXPECT_FALSE(WithinOneEdit("kanafin", "kanafinov"));
  EXPECT_EQ(DeletionVariants("abb"), (std::vector<std::string>{"bb", "ab"}));
}

}  // namespace
}  // namespace entente::search
