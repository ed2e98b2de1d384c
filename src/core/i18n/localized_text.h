#pragma once
// A record's human text in several languages (docs/ARCHITECTURE.md, "Text in four languages"): each
// variant says whether it is the original or our translation. Pick() falls back
// requested → en → fr → ru → kk → any, and says when it did, so that pages can mark fallback
// text with its own `lang` attribute.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace entente::i18n {

struct TextVariant {
  std::string text;
  bool original = false;
};

class LocalizedText {
 public:
  // One text, the original.
  static LocalizedText Original(std::string language, std::string text);

  // Replace the variant in `language`.
  void Set(std::string language, TextVariant variant);
  void SetOriginal(std::string language, std::string text) { Set(std::move(language), {std::move(text), true}); }
  void SetTranslation(std::string language, std::string text) { Set(std::move(language), {std::move(text), false}); }

  // A copy with the variant of `language` replaced by `text` as typed in a form, or removed when
  // `text` is blank. A text typed into a record that has none yet is the original; otherwise the
  // variant keeps the flag it had, or is a translation.
  LocalizedText WithTyped(const std::string& language, const std::string& text) const;

  struct Chosen {
    std::string_view text;
    std::string_view language;  // the variant's language
    bool fallback;              // true when it is not the requested language
    bool original;
  };
  // nullopt when there is no text at all.
  std::optional<Chosen> Pick(std::string_view requested) const;
  // The text Pick() chooses, or `fallback` when there is none.
  std::string TextIn(std::string_view requested, std::string_view fallback = "") const {
    auto chosen = Pick(requested);
    return std::string(chosen ? chosen->text : fallback);
  }

  const TextVariant* Find(std::string_view language) const;
  const std::map<std::string, TextVariant, std::less<>>& variants() const { return variants_; }
  bool empty() const { return variants_.empty(); }

 private:
  std::map<std::string, TextVariant, std::less<>> variants_;
};

}  // namespace entente::i18n
