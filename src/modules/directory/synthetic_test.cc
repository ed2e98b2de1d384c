// The synthetic roll's names fold alike whole and part by part (the roll import folds them part
// by part, search::PartFolder), in both scripts and every spelling variant it generates.

#include <gtest/gtest.h>

#include "core/search/name_folding.h"
#include "modules/directory/synthetic.h"

namespace entente::directory {
namespace {

TEST(SyntheticRollTest, NamesFoldAlikeWholeAndPartByPart) {
  search::PartFolder folder;
  size_t names = 0;
  for (size_t i = 0; i < 20'000; ++i) {
    for (const auto& name : SyntheticEntry(i).person.names) {
      ASSERT_EQ(folder.Fold(name.full_name), search::FoldWords(name.full_name)) << name.full_name;
      ++names;
    }
  }
  EXPECT_GT(names, 20'000u);
}

}  // namespace
}  // namespace entente::directory
