#include "core/i18n/localized_text.h"

#include "core/i18n/languages.h"

namespace entente::i18n {

void LocalizedText::Set(std::string language, std::string text, bool original) {
  variants_[std::move(language)] = TextVariant{std::move(text), original};
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
