// The search box: name folding, one-edit variants and slugs, on any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/search/name_folding.h"
#include "core/search/slug.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const auto& word : entente::search::FoldWords(input)) {
    if (word.empty()) __builtin_trap();
    if (!entente::search::WithinOneEdit(word, word)) __builtin_trap();
    for (const auto& variant : entente::search::DeletionVariants(word)) {
      if (variant.size() + 1 != word.size() || !entente::search::WithinOneEdit(variant, word)) __builtin_trap();
    }
  }
  for (char c : entente::search::Slugify(input)) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) __builtin_trap();
  }
  return 0;
}
