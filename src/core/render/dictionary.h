#pragma once
// ctemplate's dictionary, with what its headers forget: <cstring> (str_ref.h uses strlen) and a
// conversion from std::string_view.

// <cstring> first: ctemplate's str_ref.h uses strlen without including it.
#include <cstring>

#include <string>
#include <string_view>

#include <ctemplate/template_dictionary.h>

#include "core/i18n/localized_text.h"

namespace entente::render {

inline ctemplate::TemplateString Text(std::string_view text) {
  return ctemplate::TemplateString(text.data(), text.size());
}

// Sets `variable` to the text in `language`, or in the language it falls back to — then a
// section `lang_section` holds LANG, for the element's lang attribute — or to `fallback` when
// the text has no variant at all.
inline void SetLocalized(ctemplate::TemplateDictionary& dictionary, const std::string& variable,
                         const std::string& lang_section, const i18n::LocalizedText& text, const std::string& language,
                         const std::string& fallback) {
  if (auto chosen = text.Pick(language)) {
    dictionary.SetValue(variable, Text(chosen->text));
    if (chosen->fallback) dictionary.AddSectionDictionary(lang_section)->SetValue("LANG", Text(chosen->language));
  } else {
    dictionary.SetValue(variable, fallback);
  }
}

}  // namespace entente::render
