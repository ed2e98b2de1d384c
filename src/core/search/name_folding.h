#pragma once
// Search keys for people's names across scripts and spellings (docs/SEARCH.md).
//
// A name is folded word by word into lower-case ASCII keys: Cyrillic (Russian and Kazakh) is
// transliterated by our own ICU rules (Kazakh letters to their plain neighbours: қ→k, ә→a,
// ұ ү→u, ө→o, і→i, ғ→g, ң→n, һ→h), Latin diacritics are removed (Sûr→sur), and the spelling
// variants of transliteration are made equal (Daniyar, Daniar, Daniiar, Danijar, Данияр → daniar;
// Alimbaev, Alimbayev → alimbaev). Queries and stored names go through the same folding, so a
// search compares keys only. One typo more is found through one-deletion variants of the keys.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace entente::search {

// The version of the folding below. Stored keys were folded by some version; when this one is
// raised (a rule changed), the directory folds every stored name again (PeopleService::
// RefreshNameKeys, run by `entente migrate` and at start).
inline constexpr int kFoldingVersion = 2;

// The folded keys of the words of `text`, in order; words that fold to nothing (punctuation) are
// dropped. Thread-safe. Text longer than kMaxFoldedInput bytes is cut there first.
std::vector<std::string> FoldWords(std::string_view text);
inline constexpr size_t kMaxFoldedInput = 512;

// Keys joined by spaces: "daniar kanafin", the folded name by which lists are ordered.
std::string JoinKeys(const std::vector<std::string>& keys);

// FoldWords for many names, each distinct space-separated part folded once: the names of a roll
// share their given and family names, and the ICU transliteration is the costly step. Gives
// exactly FoldWords' keys: the folding maps characters one at a time and no rule reaches across
// a space (name_folding_test checks the two agree). One per thread.
class PartFolder {
 public:
  std::vector<std::string> Fold(std::string_view text);

 private:
  static constexpr size_t kMaxParts = 200'000;  // then the cache starts again
  std::unordered_map<std::string, std::vector<std::string>> parts_;
};

// The keys of `key` with one character deleted, without duplicates and without `key` itself.
std::vector<std::string> DeletionVariants(std::string_view key);

// Whether two keys are at most one edit apart (insertion, deletion, substitution, or the swap of
// two neighbouring letters).
bool WithinOneEdit(std::string_view a, std::string_view b);

}  // namespace entente::search
