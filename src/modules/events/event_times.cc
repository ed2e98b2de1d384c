#include "modules/events/event_times.h"

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/base/time.h"
#include "core/i18n/time_zones.h"

namespace entente::events {
namespace {

// The zones offered beside the event's own; the home zone of a country, for delegations.
constexpr std::pair<std::string_view, std::string_view> kZones[] = {
    {"FR", "Europe/Paris"}, {"KZ", "Asia/Almaty"}, {"", "Europe/London"}, {"", "Europe/Brussels"},
    {"", "Europe/Moscow"},  {"", "Asia/Tashkent"}, {"", "Asia/Bishkek"},  {"", "UTC"},
};

std::string Clock(std::chrono::minutes minutes) {
  return fmt::format("{:02}:{:02}", minutes.count() / 60, minutes.count() % 60);
}

}  // namespace

std::string HomeZone(std::string_view country) {
  for (auto [code, zone] : kZones) {
    if (!code.empty() && code == country) return std::string(zone);
  }
  return "";
}

std::string UtcText(const WallTime& time) { return time.utc ? UtcTimestamp(*time.utc) : std::string(); }

std::string DayText(const render::PageRenderer& pages, const std::string& language, std::chrono::year_month_day day) {
  return pages.catalogs().FormatDate(language, PartialDate::Day(day));
}

std::string DatesText(const render::PageRenderer& pages, const http::RequestContext& context, const WallTime& starts,
                      const WallTime& ends) {
  if (!starts.known()) return pages.Translate(context, N_("dates not given in the sources"));
  PartialDate dates = PartialDate::Day(*starts.day);
  if (ends.known() && *ends.day != *starts.day) {
    dates = PartialDate::DayRange(*starts.day, *ends.day).value_or(dates);
  }
  return pages.catalogs().FormatDate(context.language, dates);
}

std::string ViewerZone(const http::RequestContext& context, const std::string& fallback) {
  auto zone = context.request.QueryParam("tz");
  if (zone && !zone->empty() && i18n::IsKnownZone(*zone)) return *zone;
  return fallback;
}

std::pair<std::string, std::string> TimeTexts(const render::PageRenderer& pages, const std::string& language,
                                              const std::string& event_zone, const std::string& viewer_zone,
                                              const WallTime& starts, const WallTime& ends) {
  if (!starts.has_time() || !ends.has_time()) return {"", ""};
  std::string own = Clock(*starts.time_of_day) + "–" + Clock(*ends.time_of_day);
  if (viewer_zone.empty() || viewer_zone == event_zone || !starts.utc || !ends.utc) return {own, ""};
  auto from = i18n::ToLocal(*starts.utc, viewer_zone);
  auto to = i18n::ToLocal(*ends.utc, viewer_zone);
  auto here = i18n::ToLocal(*starts.utc, event_zone);
  if (!from || !to || !here || from->offset == here->offset) return {own, ""};
  auto clock = [](std::chrono::local_seconds time) {
    return Clock(std::chrono::duration_cast<std::chrono::minutes>(time - std::chrono::floor<std::chrono::days>(time)));
  };
  std::string other = clock(from->time) + "–" + clock(to->time);
  auto other_day = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(from->time));
  if (other_day != *starts.day) other = DayText(pages, language, other_day) + ", " + other;
  return {own, fmt::format("{} {}", other, viewer_zone)};
}

void FillZoneChoice(ctemplate::TemplateDictionary& content, const std::string& event_zone,
                    const std::string& viewer_zone) {
  for (auto [code, zone] : kZones) {
    if (zone == event_zone) continue;
    auto* option = content.AddSectionDictionary("ZONE_OPTION");
    option->SetValue("ZONE", std::string(zone));
    if (zone == viewer_zone) option->ShowSection("SELECTED");
  }
  if (!viewer_zone.empty() && viewer_zone != event_zone)
    content.SetValueAndShowSection("VIEWER_ZONE", viewer_zone, "HAS_VIEWER_ZONE");
}

void FillZoneOptions(ctemplate::TemplateDictionary& content) {
  for (auto [code, zone] : kZones) content.AddSectionDictionary("ZONE_OPTION")->SetValue("ZONE", std::string(zone));
}

}  // namespace entente::events
