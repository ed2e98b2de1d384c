#pragma once
// The interface languages and how one is chosen for a request (docs/ARCHITECTURE.md, "Text in four
// languages"): the `lang` cookie set by the switch, else the signed-in user's preference, else
// Accept-Language, else English.

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace entente::i18n {

// English is the source language; Kazakh means Cyrillic script.
inline constexpr std::array<std::string_view, 4> kLanguages = {"en", "fr", "ru", "kk"};

bool IsSupportedLanguage(std::string_view code);

// The language's name in itself, for the switch: "Français", "Қазақша".
std::string_view NativeName(std::string_view code);

// The best supported language for an Accept-Language header value, honouring q-values and
// matching primary subtags ("fr-CH" → fr); nullopt when none is supported.
std::optional<std::string_view> FromAcceptLanguage(std::string_view header);

std::string_view ChooseLanguage(std::optional<std::string_view> cookie, std::optional<std::string_view> user_preference,
                                std::string_view accept_language);

}  // namespace entente::i18n
