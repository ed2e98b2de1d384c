#pragma once
// Readable addresses from names in any script: "Pierre-Olivier Sûr" → "pierre-olivier-sur",
// "Асель Жумабекова" → "asel-zhumabekova". Cyrillic goes through ICU's Russian-Latin/BGN
// (the spelling passports and most sources use), then any other script to Latin, then ASCII.
// Unlike the search keys (name_folding.h), nothing is folded beyond that: a slug is for reading.

#include <string>
#include <string_view>

namespace entente::search {

// Lower-case ASCII letters and digits, words joined by '-', at most `max_length` bytes (cut at a
// word boundary); empty when the text has no letter or digit. Thread-safe.
std::string Slugify(std::string_view text, size_t max_length = 80);

}  // namespace entente::search
