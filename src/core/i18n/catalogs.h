#pragma once
// Interface strings and locale-aware formatting, per language. Built once at start-up
// (Boost.Locale with the ICU backend reading the gettext .mo catalogs); every method is const
// and thread-safe, and nothing here touches global locale state.

#include <filesystem>
#include <locale>
#include <map>
#include <string>
#include <string_view>

#include "core/base/partial_date.h"

namespace entente::i18n {

class Catalogs {
 public:
  // Reads <locale_dir>/<lang>/LC_MESSAGES/entente.mo for each language but English. A missing
  // catalog leaves that language showing English strings, with a warning in the log.
  explicit Catalogs(const std::filesystem::path& locale_dir);

  // The std::locale of a supported language (English for anything else).
  const std::locale& Locale(std::string_view language) const;

  std::string Translate(std::string_view language, std::string_view msgid) const;
  // Translates a msgid holding "{1}" and puts `value` in its place: a whole phrase, so that each
  // language orders and punctuates it ("attested: {1}", French "attesté : {1}").
  std::string TranslateWith(std::string_view language, std::string_view msgid, std::string_view value) const;
  // A msgid with its gettext context (msgctxt), for words that translate differently by use.
  std::string TranslateInContext(std::string_view language, std::string_view context, std::string_view msgid) const;
  // Plural forms follow the language's rules (ru: one/few/many).
  std::string TranslatePlural(std::string_view language, std::string_view singular, std::string_view plural,
                              long long count) const;

  std::string FormatNumber(std::string_view language, long long value) const;

  // "14–15 October 2014", "14–15 octobre 2014", "14–15 октября 2014 г."; a month as
  // "October 2014"; a year as "2014"; unknown as the translation of "unknown".
  std::string FormatDate(std::string_view language, const PartialDate& date) const;

 private:
  std::map<std::string, std::locale, std::less<>> locales_;
};

}  // namespace entente::i18n
