#pragma once
// ctemplate's dictionary, with what its headers forget: <cstring> (str_ref.h uses strlen) and a
// conversion from std::string_view.

// <cstring> first: ctemplate's str_ref.h uses strlen without including it.
#include <cstring>

#include <string_view>

#include <ctemplate/template_dictionary.h>

namespace entente::render {

inline ctemplate::TemplateString Text(std::string_view text) {
  return ctemplate::TemplateString(text.data(), text.size());
}

}  // namespace entente::render
