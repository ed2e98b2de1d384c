#include "core/render/forms.h"

#include "core/i18n/languages.h"

namespace entente::render {

void AddOptions(ctemplate::TemplateDictionary& dictionary, std::string_view section, std::span<const Option> options,
                std::string_view selected) {
  for (const auto& option : options) {
    auto* item = dictionary.AddSectionDictionary(std::string(section));
    item->SetValue("VALUE", option.value);
    item->SetValue("LABEL", option.label);
    if (!selected.empty() && option.value == selected) item->ShowSection("SELECTED");
  }
}

std::string TextLanguage(const http::Form& form, const std::string& page_language) {
  std::string language = form.Get("text_language");
  return i18n::IsSupportedLanguage(language) ? language : page_language;
}

void AddLanguageOptions(ctemplate::TemplateDictionary& dictionary, std::string_view section,
                        std::string_view selected) {
  for (std::string_view code : i18n::kLanguages) {
    auto* option = dictionary.AddSectionDictionary(std::string(section));
    option->SetValue("CODE", Text(code));
    option->SetValue("NAME", Text(i18n::NativeName(code)));
    if (code == selected) option->ShowSection("SELECTED");
  }
}

}  // namespace entente::render
