#include "core/i18n/languages.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/base/text.h"

namespace entente::i18n {
namespace {

// Parses "0.8" (the q-value grammar allows at most three decimals); invalid → 0.
double ParseQuality(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 1) return 0;
  return value;
}

}  // namespace

bool IsSupportedLanguage(std::string_view code) {
  return std::find(kLanguages.begin(), kLanguages.end(), code) != kLanguages.end();
}

std::string_view NativeName(std::string_view code) {
  if (code == "en") return "English";
  if (code == "fr") return "Français";
  if (code == "ru") return "Русский";
  if (code == "kk") return "Қазақша";
  return code;
}

std::optional<std::string_view> FromAcceptLanguage(std::string_view header) {
  std::optional<std::string_view> best;
  double best_quality = 0;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = TrimSpaces(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    double quality = 1;
    if (size_t semicolon = item.find(';'); semicolon != std::string_view::npos) {
      std::string_view parameter = TrimSpaces(item.substr(semicolon + 1));
      item = TrimSpaces(item.substr(0, semicolon));
      if (parameter.starts_with("q=")) quality = ParseQuality(parameter.substr(2));
    }
    std::string primary(item.substr(0, item.find('-')));
    for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Earlier entries win ties, as the header lists preferences in order.
    for (std::string_view code : kLanguages) {
      if (code == primary && quality > best_quality) {
        best = code;
        best_quality = quality;
      }
    }
  }
  return best;
}

std::string_view ChooseLanguage(std::optional<std::string_view> cookie, std::optional<std::string_view> user_preference,
                                std::string_view accept_language) {
  for (const auto& candidate : {cookie, user_preference}) {
    if (!candidate) continue;
    for (std::string_view code : kLanguages) {
      if (code == *candidate) return code;
    }
  }
  return FromAcceptLanguage(accept_language).value_or("en");
}

}  // namespace entente::i18n
