#include "core/i18n/text_checks.h"

#include <algorithm>

#include "core/base/messages.h"
#include "core/i18n/languages.h"

namespace entente::i18n {

bool HasText(const LocalizedText& text) {
  return std::any_of(text.variants().begin(), text.variants().end(), [](const auto& entry) {
    return entry.second.text.find_first_not_of(" \t\r\n") != std::string::npos;
  });
}

void CheckText(const LocalizedText& text, const std::string& field, std::vector<FieldError>& errors) {
  for (const auto& [language, variant] : text.variants()) {
    if (!IsSupportedLanguage(language)) {
      errors.push_back({field, N_("Texts may be in English, French, Russian or Kazakh only.")});
      return;
    }
    if (variant.text.size() > kMaxTextLength) {
      errors.push_back({field, N_("This is too long (at most 4,000 characters).")});
      return;
    }
  }
}

}  // namespace entente::i18n
