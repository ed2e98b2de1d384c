#pragma once
// Checks of a record's text in several languages as a form or a JSON body gave it: the same rule
// in every module (docs/ARCHITECTURE.md, "Text in four languages").

#include <cstddef>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/i18n/localized_text.h"

namespace entente::i18n {

// The most one variant may hold, in bytes.
inline constexpr size_t kMaxTextLength = 4000;

// Whether any variant holds more than white space.
bool HasText(const LocalizedText& text);

// Adds the first problem of `text` as a field error on `field`: a variant in a language the
// platform does not speak, or one longer than kMaxTextLength.
void CheckText(const LocalizedText& text, const std::string& field, std::vector<FieldError>& errors);

}  // namespace entente::i18n
