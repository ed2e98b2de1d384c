#include "core/search/slug.h"

#include <memory>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace entente::search {
namespace {

// Built once; cloned per thread, as a Transliterator is not thread-safe.
const icu::Transliterator* Prototype() {
  static const std::unique_ptr<icu::Transliterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  return prototype.get();
}

}  // namespace

std::string Slugify(std::string_view text, size_t max_length) {
  icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (const icu::Transliterator* prototype = Prototype()) {
    thread_local std::unique_ptr<icu::Transliterator> local(prototype->clone());
    local->transliterate(unicode);
  }
  std::string ascii;
  unicode.toUTF8String(ascii);
  std::string slug;
  bool gap = false;
  for (char c : ascii) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      keep = true;
    }
    if (!keep) {
      gap = !slug.empty();
      continue;
    }
    if (gap) slug.push_back('-');
    gap = false;
    slug.push_back(c);
  }
  if (slug.size() > max_length) {
    slug.resize(max_length);
    if (auto cut = slug.rfind('-'); cut != std::string::npos && cut > 0) slug.resize(cut);
  }
  return slug;
}

}  // namespace entente::search
