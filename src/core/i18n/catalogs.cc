#include "core/i18n/catalogs.h"

#include <spdlog/spdlog.h>
#include <unicode/datefmt.h>
#include <unicode/dtintrv.h>
#include <unicode/dtitvfmt.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <boost/locale.hpp>
#include <memory>
#include <sstream>

#include "core/base/messages.h"
#include "core/i18n/languages.h"

namespace entente::i18n {
namespace {

std::string_view IcuLocaleName(std::string_view language) {
  if (language == "fr") return "fr_FR.UTF-8";
  if (language == "ru") return "ru_RU.UTF-8";
  if (language == "kk") return "kk_KZ.UTF-8";
  return "en_GB.UTF-8";
}

// Milliseconds since the epoch of a day at 00:00 UTC; formatting uses GMT, so no time-zone
// rules (stale in ICU's built-in data) are involved.
UDate ToUDate(std::chrono::year_month_day day) {
  auto days = std::chrono::sys_days(day).time_since_epoch().count();
  return static_cast<UDate>(days) * 86'400'000.0;
}

std::string FormatWithSkeleton(std::string_view language, const char* skeleton, UDate first, UDate last) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(std::string(language).c_str());
  icu::UnicodeString formatted;
  if (first == last) {
    std::unique_ptr<icu::DateFormat> format(
        icu::DateFormat::createInstanceForSkeleton(icu::UnicodeString(skeleton), locale, status));
    if (U_FAILURE(status)) return {};
    format->setTimeZone(*icu::TimeZone::getGMT());
    format->format(first, formatted);
  } else {
    std::unique_ptr<icu::DateIntervalFormat> format(
        icu::DateIntervalFormat::createInstance(icu::UnicodeString(skeleton), locale, status));
    if (U_FAILURE(status)) return {};
    format->setTimeZone(*icu::TimeZone::getGMT());
    icu::DateInterval interval(first, last);
    icu::FieldPosition position;
    format->format(&interval, formatted, position, status);
    if (U_FAILURE(status)) return {};
  }
  std::string out;
  formatted.toUTF8String(out);
  return out;
}

}  // namespace

Catalogs::Catalogs(const std::filesystem::path& locale_dir) {
  // ICU explicitly: its collation, plurals and formats are what the four languages need.
  auto backends = boost::locale::localization_backend_manager::global();
  backends.select("icu");
  boost::locale::generator generator(backends);
  generator.use_ansi_encoding(false);
  generator.add_messages_path(locale_dir.string());
  generator.add_messages_domain("entente");
  for (std::string_view language : kLanguages) {
    if (language != "en" && !std::filesystem::exists(locale_dir / language / "LC_MESSAGES" / "entente.mo")) {
      spdlog::warn("no message catalog for {} under {}: its pages will show English", language, locale_dir.string());
    }
    locales_.emplace(std::string(language), generator(std::string(IcuLocaleName(language))));
  }
}

const std::locale& Catalogs::Locale(std::string_view language) const {
  auto it = locales_.find(language);
  return it != locales_.end() ? it->second : locales_.find("en")->second;
}

std::string Catalogs::Translate(std::string_view language, std::string_view msgid) const {
  return boost::locale::translate(std::string(msgid)).str(Locale(language));
}

std::string Catalogs::TranslateWith(std::string_view language, std::string_view msgid, std::string_view value) const {
  std::string text = Translate(language, msgid);
  if (size_t at = text.find("{1}"); at != std::string::npos) text.replace(at, 3, value);
  return text;
}

std::string Catalogs::TranslateInContext(std::string_view language, std::string_view context,
                                         std::string_view msgid) const {
  return boost::locale::translate(std::string(context), std::string(msgid)).str(Locale(language));
}

std::string Catalogs::TranslatePlural(std::string_view language, std::string_view singular, std::string_view plural,
                                      long long count) const {
  return boost::locale::translate(std::string(singular), std::string(plural), count).str(Locale(language));
}

std::string Catalogs::FormatNumber(std::string_view language, long long value) const {
  std::ostringstream out;
  out.imbue(Locale(language));
  out << boost::locale::as::number << value;
  return out.str();
}

std::string Catalogs::FormatDate(std::string_view language, const PartialDate& date) const {
  // British English: day before month, as in the sources ("14–15 October 2014").
  std::string icu_language(IsSupportedLanguage(language) && language != "en" ? language : "en_GB");
  switch (date.precision()) {
    case DatePrecision::kUnknown:
      return Translate(language, N_("unknown"));
    case DatePrecision::kYear:
      return FormatWithSkeleton(icu_language, "y", ToUDate(date.FirstDay()), ToUDate(date.FirstDay()));
    case DatePrecision::kMonth:
      return FormatWithSkeleton(icu_language, "yMMMM", ToUDate(date.FirstDay()), ToUDate(date.FirstDay()));
    case DatePrecision::kDay:
    case DatePrecision::kDayRange:
      return FormatWithSkeleton(icu_language, "yMMMMd", ToUDate(date.FirstDay()), ToUDate(date.LastDay()));
  }
  return {};
}

}  // namespace entente::i18n
