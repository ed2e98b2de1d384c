#include "core/i18n/localized_text.h"

#include "core/i18n/languages.h"

namespace entente::i18n {

LocalizedText LocalizedText::Original(std::string language, std::string text) {
  LocalizedText result;
  result.SetOriginal(std::move(language), std::move(text));
  return result;
}

void LocalizedText::Set(std::string language, TextVariant variant) {
  variants_[std::move(language)] = std::move(variant);
}

LocalizedText LocalizedText::WithTyped(const std::string& language, const std::string& text) const {
  LocalizedText result = *this;
  result.variants_.erase(language);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return result;
  const TextVariant* previous = Find(language);
  result.Set(language, {text, previous ? previous->original : empty()});
  return result;
}

const TextVariant* LocalizedText::Find(std::string_view language) const {
  auto it = variants_.find(language);
  return it == variants_.end() ? nullptr : &it->second;
}

std::optional<LocalizedText::Chosen> LocalizedText::Pick(std::string_view requested) const {
  if (const TextVariant* exact = Find(requested)) return Chosen{exact->text, requested, false, exact->original};
  for (std::string_view language : kLanguages) {
    auto it = variants_.find(language);
    if (it != variants_.end()) return Chosen{it->second.text, it->first, true, it->second.original};
  }
  if (variants_.empty()) return std::nullopt;
  const auto& [language, variant] = *variants_.begin();
  return Chosen{variant.text, language, true, variant.original};
}

}  // namespace entente::i18n
