#pragma once
// Times as the events' pages show them. The programme is shown in the event's own zone; the
// viewer's own time beside it when it differs: the zone chosen with ?tz= (a list on the page),
// else — on a delegation's agenda — the delegation's home zone (its organization's country).
// Anonymous pages set no cookie for it (docs/ARCHITECTURE.md: anonymous visitors cost nothing).

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "core/http/context.h"
#include "core/render/dictionary.h"
#include "core/render/page.h"
#include "modules/events/model.h"

namespace entente::events {

// The home zone of a country (FR, KZ), for delegations; '' when there is none.
std::string HomeZone(std::string_view country);
// The UTC instant as stored, or ''.
std::string UtcText(const WallTime& time);
// A day as the catalogs write it in `language`.
std::string DayText(const render::PageRenderer& pages, const std::string& language, std::chrono::year_month_day day);
// "10–13 December 2014", "26 June 2014", or "dates not given".
std::string DatesText(const render::PageRenderer& pages, const http::RequestContext& context, const WallTime& starts,
                      const WallTime& ends);
// The viewer's zone beside the event's: ?tz= when it is a known zone, else `fallback`.
std::string ViewerZone(const http::RequestContext& context, const std::string& fallback);
// "09:00–10:30" in the event's zone, and the same span in `viewer_zone` when its offset differs
// ("15:00–16:30 Asia/Almaty", with the day when it is another day).
std::pair<std::string, std::string> TimeTexts(const render::PageRenderer& pages, const std::string& language,
                                              const std::string& event_zone, const std::string& viewer_zone,
                                              const WallTime& starts, const WallTime& ends);
// The zones offered beside the event's (ZONE_OPTION with ZONE, SELECTED on the viewer's), and
// VIEWER_ZONE when the viewer's differs from the event's.
void FillZoneChoice(ctemplate::TemplateDictionary& content, const std::string& event_zone,
                    const std::string& viewer_zone);
// Every zone offered, as ZONE_OPTION sections (the event form's list).
void FillZoneOptions(ctemplate::TemplateDictionary& content);

}  // namespace entente::events
