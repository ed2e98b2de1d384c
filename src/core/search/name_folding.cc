#include "core/search/name_folding.h"

#include <algorithm>
#include <memory>
#include <mutex>

#include <spdlog/spdlog.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace entente::search {
namespace {

// Our transliteration of Cyrillic, then ICU's Latin-ASCII for diacritics, then lower case.
// Russian letters follow a passport-like romanisation (ж→zh, х→kh, ц→ts, ч→ch, ш→sh, щ→shch,
// ю→yu, я→ya, й→y); Kazakh letters fold to their plain Latin neighbours, as people type them.
constexpr const char* kRules = R"(
:: NFC ;
а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ё > e ; ж > zh ; з > z ; и > i ; й > y ;
к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;
х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ; ъ > ; ы > y ; ь > ; э > e ; ю > yu ; я > ya ;
ә > a ; ғ > g ; қ > k ; ң > n ; ө > o ; ұ > u ; ү > u ; һ > h ; і > i ;
А > A ; Б > B ; В > V ; Г > G ; Д > D ; Е > E ; Ё > E ; Ж > Zh ; З > Z ; И > I ; Й > Y ;
К > K ; Л > L ; М > M ; Н > N ; О > O ; П > P ; Р > R ; С > S ; Т > T ; У > U ; Ф > F ;
Х > Kh ; Ц > Ts ; Ч > Ch ; Ш > Sh ; Щ > Shch ; Ъ > ; Ы > Y ; Ь > ; Э > E ; Ю > Yu ; Я > Ya ;
Ә > A ; Ғ > G ; Қ > K ; Ң > N ; Ө > O ; Ұ > U ; Ү > U ; Һ > H ; І > I ;
:: Latin-ASCII ;
:: Lower ;
)";

class Folder {
 public:
  Folder() {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    transliterator_.reset(icu::Transliterator::createFromRules("entente-names", icu::UnicodeString::fromUTF8(kRules),
                                                               UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || !transliterator_) {
      spdlog::critical("name folding rules do not compile: {} at line {}", u_errorName(status), parse_error.line);
      std::abort();
    }
  }

  std::string ToAscii(std::string_view text) const {
    icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    // A Transliterator is not thread-safe; clone it once per thread.
    thread_local std::unique_ptr<icu::Transliterator> local(transliterator_->clone());
    local->transliterate(unicode);
    std::string out;
    unicode.toUTF8String(out);
    return out;
  }

 private:
  std::unique_ptr<icu::Transliterator> transliterator_;
};

const Folder& TheFolder() {
  static const Folder folder;
  return folder;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Makes the spelling variants of one romanised word equal (docs/SEARCH.md, "Equivalences").
std::string Normalize(std::string word) {
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (size_t at = word.find(from); at != std::string::npos; at = word.find(from, at + to.size())) {
      word.replace(at, from.size(), to);
    }
  };
  replace_all("kh", "h");  // Khalid, Halid; х
  replace_all("gh", "g");  // Ghabdullin, Gabdullin; ғ
  replace_all("zh", "j");  // Kenzhegali, Kenjegali (Kazakh Latin); ж
  replace_all("q", "k");   // Qasym, Kasym (Kazakh Latin); қ
  replace_all("ou", "u");  // Kounaev, Kunaev
  replace_all("y", "i");   // Daniyar → daniiar; Alimbayev → alimbaiev
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    // j after i and before a vowel is the same glide as y (Danijar, Daniyar).
    if (c == 'j' && i > 0 && i + 1 < word.size() && word[i - 1] == 'i' && IsVowel(word[i + 1])) c = 'i';
    out.push_back(c);
  }
  word = std::move(out);
  out.clear();
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    bool next_vowel = i + 1 < word.size() && IsVowel(word[i + 1]);
    // A glide i before a vowel, after a vowel or at the start, is dropped: alimbaiev → alimbaev,
    // ierlan → erlan (Yerlan, Ерлан).
    if (c == 'i' && next_vowel && (i == 0 || IsVowel(word[i - 1]))) continue;
    // Doubled letters count once: daniiar → daniar.
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<std::string> FoldWords(std::string_view text) {
  if (text.size() > kMaxFoldedInput) text = text.substr(0, kMaxFoldedInput);
  std::string ascii = TheFolder().ToAscii(text);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      std::string folded = Normalize(std::move(word));
      if (!folded.empty()) words.push_back(std::move(folded));
    }
    word.clear();
  };
  for (char c : ascii) {
    if (c >= 'a' && c <= 'z') {
      word.push_back(c);
    } else if (c >= '0' && c <= '9') {
      word.push_back(c);
    } else if (c == '\'' || c == '`') {
      // O'Brien, Ғ's apostrophe spellings: part of the word, not a separator.
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string JoinKeys(const std::vector<std::string>& keys) {
  std::string joined;
  for (const auto& key : keys) joined += (joined.empty() ? "" : " ") + key;
  return joined;
}

std::vector<std::string> PartFolder::Fold(std::string_view text) {
  // A longer text is cut by FoldWords, perhaps inside a part: fold it whole, as FoldWords does.
  if (text.size() > kMaxFoldedInput) return FoldWords(text);
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) {
      std::string_view part = text.substr(start, end - start);
      auto found = parts_.find(std::string(part));
      if (found == parts_.end()) {
        if (parts_.size() >= kMaxParts) parts_.clear();
        found = parts_.emplace(std::string(part), FoldWords(part)).first;
      }
      words.insert(words.end(), found->second.begin(), found->second.end());
    }
    start = end + 1;
  }
  return words;
}

std::vector<std::string> DeletionVariants(std::string_view key) {
  std::vector<std::string> variants;
  for (size_t i = 0; i < key.size(); ++i) {
    std::string variant;
    variant.reserve(key.size() - 1);
    variant.append(key.substr(0, i));
    variant.append(key.substr(i + 1));
    if (std::find(variants.begin(), variants.end(), variant) == variants.end()) variants.push_back(std::move(variant));
  }
  return variants;
}

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t prefix = 0;
  while (prefix < a.size() && a[prefix] == b[prefix]) ++prefix;
  if (a.size() == b.size()) {
    // One substitution, or two neighbours swapped.
    if (a.substr(prefix + 1) == b.substr(prefix + 1)) return true;
    return prefix + 1 < a.size() && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] &&
           a.substr(prefix + 2) == b.substr(prefix + 2);
  }
  return a.substr(prefix) == b.substr(prefix + 1);  // one insertion into a
}

}  // namespace entente::search
