// The events module's whole URL table.
//
//   GET  /events                                          anyone     the list (upcoming / past, kind, organizer,
//   country) GET  /events/invitations                              signed in  invitations to the organizations one
//   coordinates POST /events/invitations/{id}/answer                  signed in  accept (with a delegation size) or
//   decline GET  /events/invitations/{id}/letter.pdf              signed in  the invitation letter, in the invitee's
//   language GET  /events/feed                                     signed in  the personal calendar feed (its URL) POST
//   /events/feed                                     signed in  a new feed URL (the old one stops working) GET
//   /events/feed/{token}.ics                         token      the feed: sessions and meetings of the token's user GET
//   /events/{slug}                                   anyone*    the event: facts, timetable, awards, participants GET
//   /events/{slug}/calendar.ics                      anyone*    the event and its timed sessions GET
//   /events/{slug}/sessions/{id}/calendar.ics        anyone*    one session POST /events/{slug}/register signed in
//   register (confirmed, pending or waiting list) POST /events/{slug}/sessions                          signed in  add
//   a session (organizers' coordinators) POST /events/{slug}/delegations                       signed in  add a
//   delegation POST /events/{slug}/invitations                       signed in  invite an organization or a person GET
//   /events/{slug}/meetings                          signed in  private meetings: requests, slots × tables grid, unmet
//   POST /events/{slug}/meetings/requests                 signed in  ask for a meeting (a delegation or a participant)
//   POST /events/{slug}/meetings/availability             signed in  one side's availability among the slots
//   POST /events/{slug}/meetings/slots                    signed in  add a meeting slot
//   POST /events/{slug}/meetings/rooms                    signed in  add a room or table
//   POST /events/{slug}/meetings/schedule                 signed in  run the scheduler (pinned meetings stay)
//   POST /events/{slug}/meetings/{id}/pin                 signed in  place a meeting by hand and pin it
//   GET  /events/{slug}/agenda                            signed in  the user's own agenda (as a person of the
//   directory) GET  /events/{slug}/delegations/{id}/agenda           signed in  a delegation's agenda (its people and
//   organizers) GET  /events/{slug}/delegations/{id}/agenda.ics       signed in  the same as iCalendar GET
//   /events/{slug}/delegations/{id}/agenda.pdf       signed in  the same as PDF GET  /api/v1/events anyone*    JSON
//   list POST /api/v1/events                                   signed in GET  /api/v1/events/{id} anyone* PUT
//   /api/v1/events/{id}                              signed in POST /api/v1/events/{id}/sessions signed in POST
//   /api/v1/events/{id}/registrations                signed in POST /api/v1/events/{id}/invitations signed in POST
//   /api/v1/events/invitations/{id}/answer           signed in GET  /api/v1/events/{id}/meetings signed in POST
//   /api/v1/events/{id}/meetings/schedule            signed in
//
// * as the event's visibility allows (the service decides; a hidden event is a 404).
//
// Times: the programme is shown in the event's own zone. The viewer's own time is shown beside
// it when it differs: the zone chosen with ?tz= (a list on the page), else — on a delegation's
// agenda — the delegation's home zone (its organization's country). Anonymous pages set no
// cookie for it (docs/ARCHITECTURE.md: anonymous visitors cost nothing).

#include "modules/events/events_routes.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <mutex>
#include <set>

#include "core/base/messages.h"
#include "core/base/time.h"
#include "core/http/forms.h"
#include "core/http/json.h"
#include "core/i18n/languages.h"
#include "core/i18n/time_zones.h"
#include "modules/events/ical.h"
#include "modules/events/letter_pdf.h"
#include "modules/events/rules.h"

namespace entente::events {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;
using nlohmann::json;
using render::SetLocalized;
using render::Text;

// Rendered event pages as an anonymous visitor sees them, by URL and language. An entry is
// used only while the database's write generation is the one it was built at (every write of
// this process invalidates it) and for at most kPageCacheAge (writes of other processes on the
// same database).
class PageCache {
 public:
  static constexpr auto kPageCacheAge = std::chrono::seconds(5);
  static constexpr size_t kMaxEntries = 2000;

  std::optional<Response> Find(const std::string& key, std::uint64_t generation) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.generation != generation ||
        std::chrono::steady_clock::now() - it->second.built_at > kPageCacheAge) {
      return std::nullopt;
    }
    return it->second.response;
  }

  void Store(const std::string& key, std::uint64_t generation, const Response& response) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_[key] = Entry{generation, std::chrono::steady_clock::now(), response};
  }

 private:
  struct Entry {
    std::uint64_t generation = 0;
    std::chrono::steady_clock::time_point built_at;
    Response response;
  };
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

struct Context {
  const render::PageRenderer& pages;
  EventService& events;
  directory::OrganizationService& organizations;
  PageCache event_pages;
};

// The zones offered beside the event's own; the home zone of a country, for delegations.
constexpr std::pair<std::string_view, std::string_view> kZones[] = {
    {"FR", "Europe/Paris"}, {"KZ", "Asia/Almaty"}, {"", "Europe/London"}, {"", "Europe/Brussels"},
    {"", "Europe/Moscow"},  {"", "Asia/Tashkent"}, {"", "Asia/Bishkek"},  {"", "UTC"},
};

std::string HomeZone(std::string_view country) {
  for (auto [code, zone] : kZones) {
    if (!code.empty() && code == country) return std::string(zone);
  }
  return "";
}

std::string UtcText(const WallTime& time) { return time.utc ? UtcTimestamp(*time.utc) : std::string(); }

std::string Clock(std::chrono::minutes minutes) {
  return fmt::format("{:02}:{:02}", minutes.count() / 60, minutes.count() % 60);
}

std::string DayText(const Context& deps, const std::string& language, std::chrono::year_month_day day) {
  return deps.pages.catalogs().FormatDate(language, PartialDate::Day(day));
}

// "10–13 December 2014", "26 June 2014", or "dates not given".
std::string DatesText(const Context& deps, const RequestContext& context, const WallTime& starts,
                      const WallTime& ends) {
  if (!starts.known()) return deps.pages.Translate(context, N_("dates not given in the sources"));
  PartialDate dates = PartialDate::Day(*starts.day);
  if (ends.known() && *ends.day != *starts.day) {
    dates = PartialDate::DayRange(*starts.day, *ends.day).value_or(dates);
  }
  return deps.pages.catalogs().FormatDate(context.language, dates);
}

// The viewer's zone beside the event's: ?tz= when it is a known zone, else `fallback`.
std::string ViewerZone(const RequestContext& context, const std::string& fallback) {
  auto zone = context.request.QueryParam("tz");
  if (zone && !zone->empty() && i18n::IsKnownZone(*zone)) return *zone;
  return fallback;
}

// "09:00–10:30" in the event's zone, and the same span in `viewer_zone` when its offset differs
// ("15:00–16:30 Asia/Almaty", with the day when it is another day).
std::pair<std::string, std::string> TimeTexts(const Context& deps, const std::string& language,
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
  if (other_day != *starts.day) other = DayText(deps, language, other_day) + ", " + other;
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

std::string OrganizationName(const NamedOrganization& organization, const std::string& language) {
  return organization.name.TextIn(language, organization.slug);
}

std::string StatusText(const Context& deps, const RequestContext& context, ParticipantStatus status) {
  return deps.pages.Translate(context, kParticipantStatuses.Label(status));
}

Result<EventFilter> ReadFilter(const http::Request& request) {
  EventFilter filter;
  std::string when = request.QueryParam("when").value_or("all");
  if (when == "upcoming") {
    filter.when = When::kUpcoming;
  } else if (when == "past") {
    filter.when = When::kPast;
  } else if (when == "all") {
    filter.when = When::kAll;
  } else {
    return Fail(Error::InvalidArgument(N_("Please correct the search."), {{"when", N_("Choose from the list.")}}));
  }
  filter.kind = request.QueryParam("kind").value_or("");
  filter.organizer = request.QueryParam("organizer").value_or("");
  filter.country = request.QueryParam("country").value_or("");
  filter.series = request.QueryParam("series").value_or("");
  return filter;
}

// --- The list ---

Result<Response> ListPage(RequestContext& context, const Context& deps) {
  const std::string& language = context.language;
  auto page_request = http::ReadPageRequest(context.request);
  auto filter = ReadFilter(context.request);
  EventFilter shown = filter.value_or(EventFilter{});
  Result<Page<EventSummary>> found = !filter         ? Result<Page<EventSummary>>(Fail(filter.error()))
                                     : !page_request ? Result<Page<EventSummary>>(Fail(page_request.error()))
                                                     : deps.events.List(context.actor, *filter, *page_request);
  render::Page page("events/list.tpl", deps.pages.Translate(context, N_("Events")));
  auto& content = page.content();
  for (auto [key, label] : {std::pair{"upcoming", N_("Upcoming")}, std::pair{"past", N_("Past")},
                            std::pair{"all", N_("All, with those whose dates are not given")}}) {
    auto* option = content.AddSectionDictionary("WHEN_OPTION");
    option->SetValue("KEY", key);
    option->SetValue("LABEL", deps.pages.Translate(context, label));
    bool selected = (shown.when == When::kUpcoming && std::string_view(key) == "upcoming") ||
                    (shown.when == When::kPast && std::string_view(key) == "past") ||
                    (shown.when == When::kAll && std::string_view(key) == "all");
    if (selected) option->ShowSection("SELECTED");
  }
  for (const auto& entry : kEventKinds.entries()) {
    auto* option = content.AddSectionDictionary("KIND_OPTION");
    option->SetValue("KEY", Text(entry.key));
    option->SetValue("LABEL", deps.pages.Translate(context, entry.label));
    if (entry.key == shown.kind) option->ShowSection("SELECTED");
  }
  if (auto organizations = deps.organizations.ListAll(context.actor)) {
    for (const auto& organization : *organizations) {
      auto* option = content.AddSectionDictionary("ORGANIZER_OPTION");
      option->SetValue("SLUG", organization.slug);
      option->SetValue("NAME", organization.name.TextIn(language, organization.slug));
      if (organization.slug == shown.organizer) option->ShowSection("SELECTED");
    }
  }
  if (auto jurisdictions = deps.organizations.ListJurisdictions()) {
    for (const auto& jurisdiction : *jurisdictions) {
      auto* option = content.AddSectionDictionary("COUNTRY_OPTION");
      option->SetValue("CODE", jurisdiction.code);
      option->SetValue("NAME", jurisdiction.name.TextIn(language, jurisdiction.code));
      if (jurisdiction.code == shown.country) option->ShowSection("SELECTED");
    }
  }
  if (context.actor.signed_in()) content.ShowSection("SIGNED_IN");
  if (EventService::MayCreate(context.actor)) content.ShowSection("MAY_CREATE");
  int status = 200;
  if (!found) {
    deps.pages.ShowErrors(context, content, found.error());
    status = http::HttpStatusFor(found.error().code());
  } else {
    content.SetValue("SUMMARY",
                     fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, found->total),
                                 deps.pages.catalogs().TranslatePlural(language, "event", "events", found->total)));
    for (const auto& event : found->items) {
      auto* item = content.AddSectionDictionary("EVENT");
      item->SetValue("SLUG", event.slug);
      SetLocalized(*item, "TITLE", "TITLE_LANG", event.title, language, event.slug);
      item->SetValue("KIND", deps.pages.Translate(context, kEventKinds.Label(event.kind)));
      item->SetValue("DATES", DatesText(deps, context, event.starts, event.ends));
      if (event.starts.known()) item->SetValue("FIRST_DAY", event.starts.ToString().substr(0, 10));
      std::string place = event.city.TextIn(language);
      if (place.empty()) place = deps.pages.Translate(context, N_("place not given in the sources"));
      item->SetValue("PLACE", place);
      if (event.series) {
        SetLocalized(*item->AddSectionDictionary("SERIES"), "NAME", "NAME_LANG", event.series->title, language,
                     event.series->slug);
      }
    }
    if (found->items.empty()) content.ShowSection("NO_EVENTS");
  }
  if (auto series = deps.events.ListSeries()) {
    for (const auto& item : *series) {
      auto* row = content.AddSectionDictionary("SERIES_ITEM");
      row->SetValue("SLUG", item.slug);
      SetLocalized(*row, "TITLE", "TITLE_LANG", item.title, language, item.slug);
      SetLocalized(*row, "DESCRIPTION", "DESCRIPTION_LANG", item.description, language, "");
      SetLocalized(*row, "RECURRENCE", "RECURRENCE_LANG", item.recurrence, language,
                   deps.pages.Translate(context, N_("dates not given in the sources")));
    }
  }
  return deps.pages.Render(context, page, status);
}

// --- The event ---

void FillTimetable(RequestContext& context, const Context& deps, const Event& event, const std::string& viewer_zone,
                   ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  std::string current_day = "-";
  ctemplate::TemplateDictionary* day = nullptr;
  for (const auto& session : event.sessions) {
    std::string key = session.starts.known() ? session.starts.ToString().substr(0, 10) : "";
    if (key != current_day || !day) {
      current_day = key;
      day = content.AddSectionDictionary("DAY");
      if (session.starts.known()) {
        day->SetValue("DAY_TEXT", DayText(deps, language, *session.starts.day));
        day->SetValue("DAY_ISO", key);
      } else {
        day->SetValue("DAY_TEXT", deps.pages.Translate(context, N_("Day not given in the sources")));
        day->ShowSection("DAY_UNKNOWN");
      }
    }
    auto* row = day->AddSectionDictionary("SESSION");
    row->SetValue("ID", std::to_string(session.id.value()));
    row->SetValue("KIND", deps.pages.Translate(context, kSessionKinds.Label(session.kind)));
    row->SetValue("KIND_KEY", Text(kSessionKinds.Key(session.kind)));
    SetLocalized(*row, "TITLE", "TITLE_LANG", session.title, language, "");
    SetLocalized(*row, "DESCRIPTION", "DESCRIPTION_LANG", session.description, language, "");
    auto [own, other] = TimeTexts(deps, language, event.time_zone, viewer_zone, session.starts, session.ends);
    if (own.empty()) {
      row->SetValueAndShowSection("TIME", deps.pages.Translate(context, N_("hour not given")), "TIME_UNKNOWN");
    } else {
      row->SetValue("TIME", own);
      if (session.starts.utc) row->SetValue("DATETIME", UtcText(session.starts));
      row->ShowSection("HAS_TIME");
      if (!other.empty()) row->SetValueAndShowSection("OTHER_TIME", other, "HAS_OTHER_TIME");
    }
    if (!session.room.empty()) row->SetValueAndShowSection("ROOM", session.room, "HAS_ROOM");
    for (auto [list, section] :
         {std::pair{&session.speakers, "SPEAKER"}, std::pair{&session.moderators, "MODERATOR"}}) {
      for (const auto& person : *list) {
        auto* item = row->AddSectionDictionary(section);
        item->SetValue("SLUG", person.slug);
        item->SetValue("NAME", person.name);
      }
    }
    for (const auto& organization : session.organizations_met) {
      auto* item = row->AddSectionDictionary("MET");
      item->SetValue("SLUG", organization.slug);
      SetLocalized(*item, "NAME", "NAME_LANG", organization.name, language, organization.slug);
    }
    if (session.starts.has_time()) row->ShowSection("HAS_ICS");
  }
  if (event.sessions.empty()) content.ShowSection("NO_SESSIONS");
}

Result<Response> EventPage(RequestContext& context, const Context& deps, std::optional<Error> form_error = {},
                           int status = 200) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  const std::string& language = context.language;
  render::Page page("events/event.tpl", event->title.TextIn(language, event->slug));
  auto& content = page.content();
  content.SetValue("SLUG", event->slug);
  // Inside sections where SLUG names a person or an organization.
  content.SetValue("EVENT_SLUG", event->slug);
  SetLocalized(content, "TITLE", "TITLE_LANG", event->title, language, event->slug);
  SetLocalized(content, "DESCRIPTION", "DESCRIPTION_LANG", event->description, language, "");
  content.SetValue("KIND", deps.pages.Translate(context, kEventKinds.Label(event->kind)));
  content.SetValue("DATES", DatesText(deps, context, event->starts, event->ends));
  if (!event->starts.known()) content.ShowSection("DATES_UNKNOWN");
  if (!event->dates_note.empty())
    SetLocalized(*content.AddSectionDictionary("DATES_NOTE"), "TEXT", "TEXT_LANG", event->dates_note, language, "");
  std::string unknown_place = deps.pages.Translate(context, N_("not given in the sources"));
  SetLocalized(content, "CITY", "CITY_LANG", event->city, language, unknown_place);
  if (event->city.empty()) content.ShowSection("CITY_UNKNOWN");
  if (!event->venue.empty())
    SetLocalized(*content.AddSectionDictionary("VENUE"), "TEXT", "TEXT_LANG", event->venue, language, "");
  content.SetValue("COUNTRY", event->country.empty() ? unknown_place : event->country);
  content.SetValue("TIME_ZONE", event->time_zone.empty() ? unknown_place : event->time_zone);
  if (event->organizers.empty()) content.SetValueAndShowSection("UNKNOWN", unknown_place, "ORGANIZERS_UNKNOWN");
  // The zone choice matters only when some session has hours.
  if (std::any_of(event->sessions.begin(), event->sessions.end(),
                  [](const Session& session) { return session.starts.has_time(); })) {
    content.ShowSection("HAS_TIMES");
  }
  if (!event->programme.empty()) {
    SetLocalized(*content.AddSectionDictionary("PROGRAMME"), "TEXT", "TEXT_LANG", event->programme, language, "");
  }
  for (const auto& objective : event->served_objectives) {
    auto* item = content.AddSectionDictionary("SERVED_OBJECTIVE");
    item->SetValue("SLUG", objective.agreement_slug);
    SetLocalized(*item, "AGREEMENT", "AGREEMENT_LANG", objective.agreement_title, language, objective.agreement_slug);
    item->SetValue("NUMBER", std::to_string(objective.number));
    SetLocalized(*item, "TEXT", "TEXT_LANG", objective.text, language, "");
  }
  if (!event->served_objectives.empty()) content.ShowSection("SERVES");
  for (const auto& [slug, title] : event->signed_agreements) {
    auto* item = content.AddSectionDictionary("SIGNED_AGREEMENT");
    item->SetValue("SLUG", slug);
    SetLocalized(*item, "TITLE", "TITLE_LANG", title, language, slug);
  }
  if (event->series) {
    auto* series = content.AddSectionDictionary("SERIES");
    series->SetValue("SLUG", event->series->slug);
    SetLocalized(*series, "NAME", "NAME_LANG", event->series->title, language, event->series->slug);
  }
  for (const auto& organizer : event->organizers) {
    auto* item = content.AddSectionDictionary("ORGANIZER");
    item->SetValue("SLUG", organizer.slug);
    SetLocalized(*item, "NAME", "NAME_LANG", organizer.name, language, organizer.slug);
  }
  std::string viewer_zone = ViewerZone(context, "");
  FillZoneChoice(content, event->time_zone, viewer_zone);
  FillTimetable(context, deps, *event, viewer_zone, content);
  // Awards.
  for (const auto& award : event->awards) {
    auto* item = content.AddSectionDictionary("AWARD");
    SetLocalized(*item, "TITLE", "TITLE_LANG", award.title, language, "");
    SetLocalized(*item, "CITATION", "CITATION_LANG", award.citation, language, "");
    if (!award.citation.empty()) item->ShowSection("HAS_CITATION");
    item->SetValue("DATE", deps.pages.catalogs().FormatDate(language, award.awarded_on));
    if (award.presented_by) {
      auto* by = item->AddSectionDictionary("PRESENTED_BY");
      by->SetValue("SLUG", award.presented_by->slug);
      by->SetValue("NAME", award.presented_by->name);
    }
    if (award.recipient) {
      auto* to = item->AddSectionDictionary("RECIPIENT");
      to->SetValue("SLUG", award.recipient->slug);
      // A person the sources name only by their role is linked by that role.
      to->SetValue("NAME", award.recipient->name.empty() ? award.recipient_role.TextIn(language, award.recipient->slug)
                                                         : award.recipient->name);
    }
    if (!award.recipient_role.empty() && !(award.recipient && award.recipient->name.empty())) {
      SetLocalized(*item->AddSectionDictionary("RECIPIENT_ROLE"), "TEXT", "TEXT_LANG", award.recipient_role, language,
                   "");
    }
  }
  bool manager = EventService::MayManage(context.actor, *event);
  // Delegations: their organization and size; names only when known.
  for (const auto& delegation : event->delegations) {
    auto* item = content.AddSectionDictionary("DELEGATION");
    item->SetValue("ID", std::to_string(delegation.id.value()));
    item->SetValue("ORGANIZATION_SLUG", delegation.organization.slug);
    SetLocalized(*item, "ORGANIZATION", "ORGANIZATION_LANG", delegation.organization.name, language,
                 delegation.organization.slug);
    if (delegation.size) {
      item->SetValue(
          "SIZE", fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, *delegation.size),
                              deps.pages.catalogs().TranslatePlural(language, "member", "members", *delegation.size)));
    } else {
      item->SetValue("SIZE", deps.pages.Translate(context, N_("size not given")));
    }
    if (delegation.members.empty()) {
      item->ShowSection("NAMES_UNKNOWN");
    }
    for (const auto& member : delegation.members) {
      auto* row = item->AddSectionDictionary("MEMBER");
      row->SetValue("SLUG", member.slug);
      row->SetValue("NAME", member.name);
    }
    bool own = manager;
    for (OrganizationId organization : context.actor.OrganizationsInScope()) {
      own = own || organization == delegation.organization.id;
    }
    if (own && context.actor.signed_in()) item->ShowSection("AGENDA_LINK");
  }
  if (event->delegations.empty()) content.ShowSection("NO_DELEGATIONS");
  // Participants who consented to be listed (organizers see everyone, with their status).
  int listed = 0;
  for (const auto& participant : event->participants) {
    if (!manager && (!participant.consent_to_list || participant.status != ParticipantStatus::kConfirmed)) continue;
    auto* item = content.AddSectionDictionary("PARTICIPANT");
    if (participant.person) {
      item->SetValueAndShowSection("SLUG", participant.person->slug, "HAS_PERSON");
      item->SetValue("NAME", participant.person->name);
    } else {
      item->SetValue("NAME", participant.user_name);
    }
    item->SetValue("ROLE", deps.pages.Translate(context, kParticipantRoles.Label(participant.role)));
    if (manager) {
      item->SetValueAndShowSection("STATUS", StatusText(deps, context, participant.status), "SHOW_STATUS");
      if (!participant.consent_to_list) item->ShowSection("NOT_LISTED");
      item->SetValue("PARTICIPANT_ID", std::to_string(participant.id.value()));
      if (participant.status == ParticipantStatus::kPending || participant.status == ParticipantStatus::kWaiting) {
        item->ShowSection("DECIDE");
      }
      item->ShowSection(participant.consent_to_list ? "UNLIST" : "LIST");
      item->ShowSection("REMOVE");
    }
    ++listed;
  }
  if (listed == 0) content.ShowSection("NO_PARTICIPANTS");
  // Registration.
  content.SetValue("REGISTRATION", deps.pages.Translate(context, kRegistrations.Label(event->registration)));
  if (event->capacity) {
    content.SetValueAndShowSection("CAPACITY", deps.pages.catalogs().FormatNumber(language, *event->capacity),
                                   "HAS_CAPACITY");
  }
  if (event->registration != Registration::kClosed) {
    if (!context.actor.signed_in()) {
      content.ShowSection("REGISTER_SIGN_IN");
    } else {
      auto mine = std::find_if(event->participants.begin(), event->participants.end(),
                               [&](const Participant& item) { return item.user_id == context.actor.user().value(); });
      if (mine != event->participants.end()) {
        content.SetValueAndShowSection("MY_STATUS", StatusText(deps, context, mine->status), "REGISTERED");
      } else {
        content.ShowSection("REGISTER_FORM");
        page.UseForms();
      }
    }
  }
  // Invitations: the organizers and the invitees see them.
  for (const auto& invitation : event->invitations) {
    if (!manager && !EventService::MayAnswer(context.actor, invitation)) continue;
    content.ShowSection("INVITATIONS");
    auto* item = content.AddSectionDictionary("INVITATION");
    item->SetValue("ID", std::to_string(invitation.id.value()));
    std::string from = invitation.from_person ? invitation.from_person->name : "";
    if (invitation.from_organization) {
      from += (from.empty() ? "" : ", ") + OrganizationName(*invitation.from_organization, language);
    }
    std::string to = invitation.to_person ? invitation.to_person->name : "";
    if (invitation.to_organization)
      to += (to.empty() ? "" : ", ") + OrganizationName(*invitation.to_organization, language);
    item->SetValue("FROM", from);
    item->SetValue("TO", to);
    item->SetValue("STATUS", deps.pages.Translate(context, kInvitationStatuses.Label(invitation.status)));
    if (invitation.invited_count) {
      item->SetValueAndShowSection("COUNT", deps.pages.catalogs().FormatNumber(language, *invitation.invited_count),
                                   "HAS_COUNT");
    }
  }
  if (manager) {
    content.ShowSection("MANAGER");
    page.UseForms();
    for (const auto& entry : kParticipantRoles.entries()) {
      auto* option = content.AddSectionDictionary("ROLE_OPTION");
      option->SetValue("KEY", Text(entry.key));
      option->SetValue("LABEL", deps.pages.Translate(context, entry.label));
    }
    for (const auto& delegation : event->delegations) {
      auto* option = content.AddSectionDictionary("DELEGATION_OPTION");
      option->SetValue("ID", std::to_string(delegation.id.value()));
      option->SetValue("NAME", OrganizationName(delegation.organization, language));
    }
    for (const auto& entry : kSessionKinds.entries()) {
      auto* option = content.AddSectionDictionary("SESSION_KIND_OPTION");
      option->SetValue("KEY", Text(entry.key));
      option->SetValue("LABEL", deps.pages.Translate(context, entry.label));
    }
    for (std::string_view code : i18n::kLanguages) {
      auto* option = content.AddSectionDictionary("LANGUAGE_OPTION");
      option->SetValue("CODE", Text(code));
      option->SetValue("NAME", Text(i18n::NativeName(code)));
    }
    if (auto organizations = deps.organizations.ListAll(context.actor)) {
      for (const auto& organization : *organizations) {
        auto* option = content.AddSectionDictionary("ORGANIZATION_OPTION");
        option->SetValue("SLUG", organization.slug);
        option->SetValue("NAME", organization.name.TextIn(language, organization.slug));
      }
    }
  }
  if (context.request.QueryParam("saved")) content.ShowSection("SAVED");
  if (auto registered = context.request.QueryParam("registered")) {
    content.SetValueAndShowSection(
        "REGISTERED_STATUS",
        *registered == "waiting" ? deps.pages.Translate(context, N_("The event is full: you are on the waiting list."))
        : *registered == "pending"
            ? deps.pages.Translate(context, N_("Your registration awaits the organizers' approval."))
            : deps.pages.Translate(context, N_("You are registered.")),
        "REGISTERED_NOTICE");
  }
  if (form_error) deps.pages.ShowErrors(context, content, *form_error);
  return deps.pages.Render(context, page, status);
}

// The event page, from the cache for anonymous visitors (the page is the same for all of them:
// no form, no token, nothing personal). Read the generation before building, so that a write
// during the build leaves the entry stale.
Result<Response> CachedEventPage(RequestContext& context, Context& deps) {
  if (context.actor.signed_in()) return EventPage(context, deps);
  std::string key = context.language + " " + context.request.target;
  std::uint64_t generation = deps.events.Generation();
  if (auto cached = deps.event_pages.Find(key, generation)) return *cached;
  auto response = EventPage(context, deps);
  if (response && response->status == 200 && !context.CsrfTokenMade() && response->Header("Set-Cookie").empty()) {
    deps.event_pages.Store(key, generation, *response);
  }
  return response;
}

// A form POST on the event page: runs `act`, then back to the page (or the page with errors).
template <typename Act>
Result<Response> EventForm(RequestContext& context, const Context& deps, Act&& act, const char* anchor) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto done = act(*event, *form);
  if (!done) {
    if (done.error().code() != ErrorCode::kInvalidArgument) return Fail(done.error());
    return EventPage(context, deps, done.error(), 422);
  }
  return Response::Redirect(fmt::format("/events/{}?saved=1#{}", event->slug, anchor));
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> items;
  std::string current;
  for (char c : text + ",") {
    if (c == ',' || c == ' ' || c == '\n' || c == '\r') {
      if (!current.empty()) items.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  return items;
}

i18n::LocalizedText Typed(const std::string& language, const std::string& text) {
  i18n::LocalizedText result;
  if (text.find_first_not_of(" \t\r\n") != std::string::npos) result.Set(language, text, true);
  return result;
}

Result<Response> AddSession(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form& form) -> Status {
        SessionInput input;
        input.kind = form.Get("kind");
        input.starts = form.Get("starts");
        input.ends = form.Get("ends");
        input.room = form.Get("room");
        input.title = Typed(context.language, form.Get("title"));
        input.speakers = Split(form.Get("speakers"));
        input.moderators = Split(form.Get("moderators"));
        input.organizations_met = Split(form.Get("organizations_met"));
        auto created = deps.events.AddSession(context.actor, event.id, input);
        if (!created) return Fail(created.error());
        return {};
      },
      "programme-heading");
}

Result<Response> AddDelegation(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form& form) -> Status {
        DelegationInput input{form.Get("organization"), form.Get("head"), form.Get("size"), Split(form.Get("members"))};
        auto created = deps.events.AddDelegation(context.actor, event.id, input);
        if (!created) return Fail(created.error());
        return {};
      },
      "delegations-heading");
}

Result<Response> Invite(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form& form) -> Status {
        InvitationInput input{
            form.Get("from_organization"), form.Get("from_person"), form.Get("to_organization"), form.Get("to_person"),
            form.Get("invited_count"),     form.Get("language"),    form.Get("sent_on")};
        auto created = deps.events.Invite(context.actor, event.id, input);
        if (!created) return Fail(created.error());
        return {};
      },
      "invitations-heading");
}

Result<Response> Register(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto status = deps.events.Register(context.actor, event->id, form->Get("consent_to_list") == "1");
  if (!status) {
    if (status.error().code() != ErrorCode::kInvalidArgument) return Fail(status.error());
    return EventPage(context, deps, status.error(), 422);
  }
  return Response::Redirect(
      fmt::format("/events/{}?registered={}#registration-heading", event->slug, kParticipantStatuses.Key(*status)));
}

Result<Response> DecideParticipant(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form& form) -> Status {
        auto participant = ParticipantId::Parse(form.Get("participant"));
        if (!participant) return Fail(Error::NotFound());
        auto decided = deps.events.Decide(context.actor, event.id, *participant, form.Get("decision") == "approve");
        if (!decided) return Fail(decided.error());
        return {};
      },
      "participants-heading");
}

// The same error with its fields renamed `prefix` + field, so that a form's errors show beside
// its own fields and not beside the like-named fields of the page's other forms.
Error Prefixed(const Error& error, const std::string& prefix) {
  if (error.code() != ErrorCode::kInvalidArgument) return error;
  std::vector<FieldError> fields;
  for (const auto& field : error.fields()) fields.push_back({prefix + field.field, field.message});
  return Error::InvalidArgument(error.message(), std::move(fields));
}

Result<Response> AddParticipant(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form& form) -> Status {
        ParticipantInput input{form.Get("person"), form.Get("role"), form.Get("consent_to_list") == "1",
                               form.Get("delegation")};
        auto created = deps.events.AddParticipant(context.actor, event.id, input);
        if (!created) return Fail(Prefixed(created.error(), "participant_"));
        return {};
      },
      "participants-heading");
}

Result<Response> SetParticipantConsent(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form& form) {
        return deps.events.SetParticipantConsent(context.actor, event.id, context.params.GetId<ParticipantId>("id"),
                                                 form.Get("consent_to_list") == "1");
      },
      "participants-heading");
}

Result<Response> RemoveParticipant(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form&) {
        return deps.events.RemoveParticipant(context.actor, event.id, context.params.GetId<ParticipantId>("id"));
      },
      "participants-heading");
}

Result<Response> AddAward(RequestContext& context, const Context& deps) {
  return EventForm(
      context, deps,
      [&](const Event& event, const http::Form& form) -> Status {
        AwardInput input;
        input.event = event.slug;
        input.presented_by = form.Get("presented_by");
        input.recipient = form.Get("recipient");
        input.title = Typed(context.language, form.Get("title"));
        input.citation = Typed(context.language, form.Get("citation"));
        input.recipient_role = Typed(context.language, form.Get("recipient_role"));
        input.awarded_on = form.Get("awarded_on");
        auto created = deps.events.AddAward(context.actor, input);
        if (!created) return Fail(Prefixed(created.error(), "award_"));
        return {};
      },
      "awards-heading");
}

// --- Creating and editing an event ---

// The form's fields over `base` (the event as stored, or empty): texts in the language chosen on
// the form, the other languages kept.
EventInput ReadEventForm(const http::Form& form, const RequestContext& context, EventInput base) {
  std::string language = form.Get("text_language");
  if (!i18n::IsSupportedLanguage(language)) language = context.language;
  auto overlay = [&](const i18n::LocalizedText& before, const std::string& text) {
    i18n::LocalizedText result;
    for (const auto& [code, variant] : before.variants()) {
      if (code != language) result.Set(code, variant.text, variant.original);
    }
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) {
      const auto* previous = before.Find(language);
      result.Set(language, text, previous ? previous->original : before.empty());
    }
    return result;
  };
  EventInput input = base;
  input.slug = form.Get("slug");
  input.kind = form.Get("kind");
  input.visibility = form.Get("visibility");
  input.country = form.Get("country");
  input.time_zone = form.Get("time_zone");
  input.starts = form.Get("starts");
  input.ends = form.Get("ends");
  input.capacity = form.Get("capacity");
  input.registration = form.Get("registration");
  input.series = form.Get("series");
  input.title = overlay(base.title, form.Get("title"));
  input.description = overlay(base.description, form.Get("description"));
  input.city = overlay(base.city, form.Get("city"));
  input.venue = overlay(base.venue, form.Get("venue"));
  input.dates_note = overlay(base.dates_note, form.Get("dates_note"));
  input.organizers = Split(form.Get("organizers"));
  return input;
}

Result<Response> EventFormPage(RequestContext& context, const Context& deps, const EventInput& input, bool editing,
                               std::optional<Error> error, int status) {
  const std::string& language = context.language;
  render::Page page("events/form.tpl", deps.pages.Translate(context, editing ? N_("Edit the event") : N_("New event")));
  page.UseForms();
  auto& content = page.content();
  content.SetValue("HEADING", page.title());
  content.SetValue("ACTION", editing ? "/events/" + std::string(context.params.Get("slug")) + "/edit" : "/events");
  content.SetValue("SLUG", input.slug);
  content.SetValue("COUNTRY", input.country);
  content.SetValue("TIME_ZONE", input.time_zone);
  content.SetValue("STARTS", input.starts);
  content.SetValue("ENDS", input.ends);
  content.SetValue("CAPACITY", input.capacity);
  content.SetValue("SERIES", input.series);
  std::string organizers;
  for (const auto& slug : input.organizers) organizers += (organizers.empty() ? "" : ", ") + slug;
  content.SetValue("ORGANIZERS", organizers);
  for (auto [variable, text] :
       {std::pair{"TITLE", &input.title}, std::pair{"DESCRIPTION", &input.description}, std::pair{"CITY", &input.city},
        std::pair{"VENUE", &input.venue}, std::pair{"DATES_NOTE", &input.dates_note}}) {
    const auto* variant = text->Find(language);
    content.SetValue(variable, variant ? variant->text : "");
  }
  content.SetValue("TEXT_LANGUAGE", language);
  for (const auto& entry : kEventKinds.entries()) {
    auto* option = content.AddSectionDictionary("KIND_OPTION");
    option->SetValue("KEY", Text(entry.key));
    option->SetValue("LABEL", deps.pages.Translate(context, entry.label));
    if (entry.key == input.kind) option->ShowSection("SELECTED");
  }
  for (auth::Visibility visibility :
       {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kOrganization}) {
    auto* option = content.AddSectionDictionary("VISIBILITY_OPTION");
    option->SetValue("KEY", Text(auth::VisibilityKey(visibility)));
    option->SetValue("LABEL", deps.pages.Translate(context, auth::VisibilityLabel(visibility)));
    if (auth::VisibilityKey(visibility) == input.visibility) option->ShowSection("SELECTED");
  }
  for (const auto& entry : kRegistrations.entries()) {
    auto* option = content.AddSectionDictionary("REGISTRATION_OPTION");
    option->SetValue("KEY", Text(entry.key));
    option->SetValue("LABEL", deps.pages.Translate(context, entry.label));
    if (entry.key == input.registration) option->ShowSection("SELECTED");
  }
  for (auto [code, zone] : kZones) content.AddSectionDictionary("ZONE_OPTION")->SetValue("ZONE", std::string(zone));
  if (error) deps.pages.ShowErrors(context, content, *error);
  return deps.pages.Render(context, page, status);
}

Result<Response> NewEventPage(RequestContext& context, const Context& deps) {
  if (!EventService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of an organization may create events.")));
  }
  EventInput input;
  input.kind = "conference";
  // The first organization the actor coordinates, as the organizer to start from.
  for (OrganizationId organization : context.actor.OrganizationsWhere(auth::Role::kCoordinator)) {
    if (auto found = deps.organizations.GetById(context.actor, organization)) {
      input.organizers.push_back(found->slug);
      break;
    }
  }
  return EventFormPage(context, deps, input, false, std::nullopt, 200);
}

// After a save, to the event's page at its address as stored (the service trims what was typed):
// a Location header is built from validated values only.
Result<Response> ToSavedEvent(RequestContext& context, const Context& deps, EventId id) {
  auto saved = deps.events.Get(context.actor, id);
  if (!saved) return Fail(saved.error());
  return Response::Redirect(fmt::format("/events/{}?saved=1", saved->slug));
}

Result<Response> CreateEvent(RequestContext& context, const Context& deps) {
  if (!EventService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of an organization may create events.")));
  }
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  EventInput input = ReadEventForm(*form, context, EventInput{});
  auto created = deps.events.Create(context.actor, input);
  if (!created) {
    if (created.error().code() != ErrorCode::kInvalidArgument) return Fail(created.error());
    return EventFormPage(context, deps, input, false, created.error(), 422);
  }
  return ToSavedEvent(context, deps, *created);
}

Result<Event> EventToChange(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  if (!EventService::MayManage(context.actor, *event)) {
    return Fail(Error::PermissionDenied(N_("Only the coordinators of the event's organizers may change it.")));
  }
  return event;
}

Result<Response> EditEventPage(RequestContext& context, const Context& deps) {
  auto event = EventToChange(context, deps);
  if (!event) return Fail(event.error());
  return EventFormPage(context, deps, InputFrom(*event), true, std::nullopt, 200);
}

Result<Response> UpdateEvent(RequestContext& context, const Context& deps) {
  auto event = EventToChange(context, deps);
  if (!event) return Fail(event.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  EventInput input = ReadEventForm(*form, context, InputFrom(*event));
  auto saved = deps.events.Update(context.actor, event->id, input);
  if (!saved) {
    if (saved.error().code() != ErrorCode::kInvalidArgument) return Fail(saved.error());
    return EventFormPage(context, deps, input, true, saved.error(), 422);
  }
  return ToSavedEvent(context, deps, event->id);
}

// --- iCalendar ---

Response Calendar(std::string body, const std::string& file_name) {
  Response response;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "text/calendar; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

std::string SessionSummary(const Session& session, const Event& event, const std::string& language) {
  std::string title = session.title.TextIn(language);
  return title.empty() ? event.title.TextIn(language, event.slug) : title;
}

Result<Response> EventCalendar(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  const std::string& language = context.language;
  std::vector<CalendarEntry> entries;
  std::string place = event->venue.TextIn(language);
  std::string city = event->city.TextIn(language);
  if (!city.empty()) place += (place.empty() ? "" : ", ") + city;
  entries.push_back({fmt::format("event-{}@entente", event->id.value()), event->title.TextIn(language, event->slug),
                     event->description.TextIn(language), place, "/events/" + event->slug, event->time_zone,
                     event->starts, event->ends});
  for (const auto& session : event->sessions) {
    if (!session.starts.has_time()) continue;
    entries.push_back({fmt::format("session-{}@entente", session.id.value()), SessionSummary(session, *event, language),
                       session.description.TextIn(language), session.room, "/events/" + event->slug, event->time_zone,
                       session.starts, session.ends});
  }
  return Calendar(WriteCalendar(entries, event->title.TextIn(language, event->slug)), event->slug + ".ics");
}

Result<Response> SessionCalendar(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  SessionId id = context.params.GetId<SessionId>("id");
  for (const auto& session : event->sessions) {
    if (session.id != id) continue;
    CalendarEntry entry{fmt::format("session-{}@entente", session.id.value()),
                        SessionSummary(session, *event, context.language),
                        session.description.TextIn(context.language),
                        session.room,
                        "/events/" + event->slug,
                        event->time_zone,
                        session.starts,
                        session.ends};
    return Calendar(WriteCalendar({entry}, entry.summary), fmt::format("{}-session-{}.ics", event->slug, id.value()));
  }
  return Fail(Error::NotFound());
}

std::vector<CalendarEntry> AgendaEntries(const std::vector<AgendaItem>& items, const Context& deps,
                                         const std::string& language) {
  std::vector<CalendarEntry> entries;
  for (const auto& item : items) {
    std::string summary;
    if (item.kind == AgendaItem::Kind::kSession) {
      summary = item.title.TextIn(language, item.event_title.TextIn(language, item.event_slug));
    } else {
      std::string with = item.with.empty() ? item.with_name.TextIn(language) : item.with;
      summary = deps.pages.catalogs().TranslateWith(language, N_("Meeting with {1}"), with);
    }
    entries.push_back(
        {fmt::format("{}-{}@entente", item.kind == AgendaItem::Kind::kSession ? "session" : "meeting", item.uid),
         summary, item.event_title.TextIn(language, item.event_slug), item.room, "/events/" + item.event_slug,
         item.time_zone, item.starts, item.ends});
  }
  return entries;
}

// --- Delegation agendas ---

struct AgendaContext {
  Event event;
  Delegation delegation;
  std::vector<AgendaItem> items;
  std::string home_zone;
};

Result<AgendaContext> LoadAgenda(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  DelegationId id = context.params.GetId<DelegationId>("id");
  auto items = deps.events.Agenda(context.actor, event->id, id);
  if (!items) return Fail(items.error());
  AgendaContext result{*event, {}, std::move(*items), ""};
  for (const auto& delegation : event->delegations) {
    if (delegation.id == id) result.delegation = delegation;
  }
  if (auto organizations = deps.organizations.ListAll(context.actor)) {
    for (const auto& organization : *organizations) {
      if (organization.id == result.delegation.organization.id) result.home_zone = HomeZone(organization.country_code);
    }
  }
  return result;
}

Result<Response> AgendaPage(RequestContext& context, const Context& deps) {
  auto agenda = LoadAgenda(context, deps);
  if (!agenda) return Fail(agenda.error());
  const std::string& language = context.language;
  std::string organization = OrganizationName(agenda->delegation.organization, language);
  render::Page page("events/agenda.tpl",
                    deps.pages.catalogs().TranslateWith(language, N_("Agenda of the delegation of {1}"), organization));
  auto& content = page.content();
  content.SetValue("HEADING", page.title());
  content.SetValue("SLUG", agenda->event.slug);
  content.SetValue("DELEGATION_ID", std::to_string(agenda->delegation.id.value()));
  content.SetValue("FORM_ACTION",
                   fmt::format("/events/{}/delegations/{}/agenda", agenda->event.slug, agenda->delegation.id.value()));
  content.ShowSection("DELEGATION");
  SetLocalized(content, "EVENT_TITLE", "EVENT_TITLE_LANG", agenda->event.title, language, agenda->event.slug);
  content.SetValue("TIME_ZONE", agenda->event.time_zone);
  std::string viewer_zone = ViewerZone(context, agenda->home_zone);
  FillZoneChoice(content, agenda->event.time_zone, viewer_zone);
  if (!viewer_zone.empty()) content.SetValue("TZ_QUERY", "?tz=" + viewer_zone);
  for (const auto& item : agenda->items) {
    auto* row = content.AddSectionDictionary("ITEM");
    row->SetValue("DAY", item.starts.known() ? DayText(deps, language, *item.starts.day) : "");
    auto [own, other] = TimeTexts(deps, language, item.time_zone, viewer_zone, item.starts, item.ends);
    row->SetValue("TIME", own);
    if (!other.empty()) row->SetValueAndShowSection("OTHER_TIME", other, "HAS_OTHER_TIME");
    std::string with = item.with.empty() ? item.with_name.TextIn(language) : item.with;
    row->SetValue("WHAT", item.kind == AgendaItem::Kind::kSession
                              ? item.title.TextIn(language)
                              : deps.pages.catalogs().TranslateWith(language, N_("Meeting with {1}"), with));
    row->SetValue("ROOM", item.room);
  }
  if (agenda->items.empty()) content.ShowSection("NO_ITEMS");
  if (context.request.QueryParam("requested")) content.ShowSection("REQUESTED");
  page.UseForms();
  return deps.pages.Render(context, page);
}

Result<Response> AgendaCalendar(RequestContext& context, const Context& deps) {
  auto agenda = LoadAgenda(context, deps);
  if (!agenda) return Fail(agenda.error());
  return Calendar(WriteCalendar(AgendaEntries(agenda->items, deps, context.language),
                                agenda->event.title.TextIn(context.language, agenda->event.slug)),
                  fmt::format("{}-agenda-{}.ics", agenda->event.slug, agenda->delegation.id.value()));
}

Response Pdf(std::string body, const std::string& file_name) {
  Response response;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "application/pdf");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.SetHeader("Content-Security-Policy", "sandbox");
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

// An agenda as a PDF in the viewer's language: times in the event's zone, with `viewer_zone`'s
// beside them when it differs, as the agenda page shows them.
std::string AgendaPdfBody(const RequestContext& context, const Context& deps, const std::string& heading,
                          const Event& event, const std::vector<AgendaItem>& items, const std::string& viewer_zone) {
  const std::string& language = context.language;
  PdfDocument document;
  document.language = language;
  document.heading = heading;
  document.paragraphs.push_back(event.title.TextIn(language, event.slug) + "\n" +
                                deps.pages.catalogs().TranslateWith(language, N_("Times in {1}"), event.time_zone));
  for (const auto& item : items) {
    auto [own, other] = TimeTexts(deps, language, item.time_zone, viewer_zone, item.starts, item.ends);
    std::string with = item.with.empty() ? item.with_name.TextIn(language) : item.with;
    std::string line = (item.starts.known() ? DayText(deps, language, *item.starts.day) : "") + "  " + own;
    if (!other.empty()) line += "  (" + other + ")";
    line += "\n" + (item.kind == AgendaItem::Kind::kSession
                        ? item.title.TextIn(language)
                        : deps.pages.catalogs().TranslateWith(language, N_("Meeting with {1}"), with));
    if (!item.room.empty()) line += " · " + item.room;
    document.paragraphs.push_back(line);
  }
  if (items.empty()) document.paragraphs.push_back(deps.pages.Translate(context, N_("No meeting scheduled yet.")));
  document.footer = "Entente";
  return RenderPdf(document);
}

Result<Response> AgendaPdf(RequestContext& context, const Context& deps) {
  auto agenda = LoadAgenda(context, deps);
  if (!agenda) return Fail(agenda.error());
  std::string heading =
      deps.pages.catalogs().TranslateWith(context.language, N_("Agenda of the delegation of {1}"),
                                          OrganizationName(agenda->delegation.organization, context.language));
  return Pdf(
      AgendaPdfBody(context, deps, heading, agenda->event, agenda->items, ViewerZone(context, agenda->home_zone)),
      fmt::format("{}-agenda-{}.pdf", agenda->event.slug, agenda->delegation.id.value()));
}

// The signed-in user's own agenda as a PDF; `tz` adds the viewer's zone as on the page.
Result<Response> MyAgendaPdf(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto items = deps.events.Agenda(context.actor, event->id, std::nullopt);
  if (!items) return Fail(items.error());
  return Pdf(AgendaPdfBody(context, deps, deps.pages.Translate(context, N_("Your agenda")), *event, *items,
                           ViewerZone(context, "")),
             fmt::format("{}-agenda.pdf", event->slug));
}

// The signed-in user's own agenda at an event: sessions they speak at or moderate and their
// meetings (for users linked to a person of the directory).
Result<Response> MyAgendaPage(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto items = deps.events.Agenda(context.actor, event->id, std::nullopt);
  if (!items) return Fail(items.error());
  const std::string& language = context.language;
  render::Page page("events/agenda.tpl", deps.pages.Translate(context, N_("Your agenda")));
  auto& content = page.content();
  content.SetValue("HEADING", page.title());
  content.SetValue("SLUG", event->slug);
  SetLocalized(content, "EVENT_TITLE", "EVENT_TITLE_LANG", event->title, language, event->slug);
  content.SetValue("TIME_ZONE", event->time_zone);
  content.SetValue("FORM_ACTION", "/events/" + event->slug + "/agenda");
  std::string viewer_zone = ViewerZone(context, "");
  FillZoneChoice(content, event->time_zone, viewer_zone);
  for (const auto& item : *items) {
    auto* row = content.AddSectionDictionary("ITEM");
    row->SetValue("DAY", item.starts.known() ? DayText(deps, language, *item.starts.day) : "");
    auto [own, other] = TimeTexts(deps, language, item.time_zone, viewer_zone, item.starts, item.ends);
    row->SetValue("TIME", own);
    if (!other.empty()) row->SetValueAndShowSection("OTHER_TIME", other, "HAS_OTHER_TIME");
    std::string with = item.with.empty() ? item.with_name.TextIn(language) : item.with;
    row->SetValue("WHAT", item.kind == AgendaItem::Kind::kSession
                              ? item.title.TextIn(language)
                              : deps.pages.catalogs().TranslateWith(language, N_("Meeting with {1}"), with));
    row->SetValue("ROOM", item.room);
  }
  if (items->empty()) content.ShowSection("NO_ITEMS");
  if (!viewer_zone.empty()) content.SetValue("TZ_QUERY", "?tz=" + viewer_zone);
  content.ShowSection("PERSONAL");
  return deps.pages.Render(context, page);
}

// --- Invitations ---

Result<Response> InvitationsPage(RequestContext& context, const Context& deps) {
  auto invitations = deps.events.InvitationsForActor(context.actor);
  if (!invitations) return Fail(invitations.error());
  const std::string& language = context.language;
  render::Page page("events/invitations.tpl", deps.pages.Translate(context, N_("Invitations")));
  auto& content = page.content();
  for (const auto& [invitation, event] : *invitations) {
    auto* item = content.AddSectionDictionary("INVITATION");
    item->SetValue("ID", std::to_string(invitation.id.value()));
    item->SetValue("EVENT_SLUG", event.slug);
    SetLocalized(*item, "EVENT_TITLE", "EVENT_TITLE_LANG", event.title, language, event.slug);
    item->SetValue("DATES", DatesText(deps, context, event.starts, event.ends));
    SetLocalized(*item, "CITY", "CITY_LANG", event.city, language, "");
    std::string from = invitation.from_person ? invitation.from_person->name : "";
    if (invitation.from_organization)
      from += (from.empty() ? "" : ", ") + OrganizationName(*invitation.from_organization, language);
    item->SetValue("FROM", from);
    if (invitation.to_organization) item->SetValue("TO", OrganizationName(*invitation.to_organization, language));
    item->SetValue("STATUS", deps.pages.Translate(context, kInvitationStatuses.Label(invitation.status)));
    if (invitation.invited_count) {
      item->SetValueAndShowSection("COUNT", std::to_string(*invitation.invited_count), "HAS_COUNT");
      item->SetValue("SIZE_VALUE", std::to_string(*invitation.invited_count));
    }
    if (invitation.status == InvitationStatus::kPending) {
      item->ShowSection("PENDING");
      page.UseForms();
    }
    if (invitation.delegation) {
      item->SetValueAndShowSection("DELEGATION_ID", std::to_string(invitation.delegation->value()), "HAS_DELEGATION");
    }
    item->SetValue("LETTER_LANGUAGE", Text(i18n::NativeName(invitation.language)));
    item->SetValue("LETTER_LANGUAGE_CODE", invitation.language);
  }
  if (invitations->empty()) content.ShowSection("NO_INVITATIONS");
  if (auto answered = context.request.QueryParam("answered")) {
    const char* notice = *answered == "accepted" ? N_("The invitation is accepted: your delegation is recorded.")
                                                 : N_("The invitation is declined.");
    content.SetValueAndShowSection("NOTICE", deps.pages.Translate(context, notice), "ANSWERED");
  }
  return deps.pages.Render(context, page);
}

Result<Response> AnswerInvitation(RequestContext& context, const Context& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  bool accept = form->Get("answer") == "accept";
  auto answered =
      deps.events.Answer(context.actor, context.params.GetId<InvitationId>("id"), accept, form->Get("delegation_size"));
  if (!answered) return Fail(answered.error());
  return Response::Redirect(fmt::format("/events/invitations?answered={}", accept ? "accepted" : "declined"));
}

Result<Response> InvitationLetter(RequestContext& context, const Context& deps) {
  auto invitation = deps.events.GetInvitation(context.actor, context.params.GetId<InvitationId>("id"));
  if (!invitation) return Fail(invitation.error());
  // The letter reads in the invitee's language, whatever the interface language.
  const std::string language = invitation->language;
  auto event = deps.events.Get(auth::Actor::System(context.request_id), invitation->event);
  if (!event) return Fail(event.error());
  const auto& catalogs = deps.pages.catalogs();
  PdfDocument document;
  document.language = language;
  document.heading = catalogs.Translate(language, N_("Invitation"));
  std::string to = invitation->to_person ? invitation->to_person->name : "";
  if (invitation->to_organization)
    to += (to.empty() ? "" : ", ") + OrganizationName(*invitation->to_organization, language);
  std::string from = invitation->from_person ? invitation->from_person->name : "";
  if (invitation->from_organization)
    from += (from.empty() ? "" : ", ") + OrganizationName(*invitation->from_organization, language);
  document.paragraphs.push_back(catalogs.TranslateWith(language, N_("To: {1}"), to));
  document.paragraphs.push_back(catalogs.TranslateWith(language, N_("From: {1}"), from));
  std::string title = event->title.TextIn(language, event->slug);
  std::string dates =
      event->starts.known()
          ? catalogs.FormatDate(language, event->ends.known() && *event->ends.day != *event->starts.day
                                              ? PartialDate::DayRange(*event->starts.day, *event->ends.day)
                                                    .value_or(PartialDate::Day(*event->starts.day))
                                              : PartialDate::Day(*event->starts.day))
          : catalogs.Translate(language, N_("dates not given in the sources"));
  std::string city = event->city.TextIn(language, catalogs.Translate(language, N_("not given in the sources")));
  document.paragraphs.push_back(
      catalogs.TranslateWith(language, N_("We have the honour of inviting you to {1}."), title));
  document.paragraphs.push_back(catalogs.TranslateWith(language, N_("Place: {1}"), city) + "\n" +
                                catalogs.TranslateWith(language, N_("Dates: {1}"), dates));
  if (invitation->invited_count) {
    document.paragraphs.push_back(catalogs.TranslateWith(
        language, N_("The invitation is for a delegation of {1}."),
        fmt::format("{} {}", catalogs.FormatNumber(language, *invitation->invited_count),
                    catalogs.TranslatePlural(language, "member", "members", *invitation->invited_count))));
  }
  if (!event->description.empty()) document.paragraphs.push_back(event->description.TextIn(language));
  document.paragraphs.push_back(
      catalogs.TranslateWith(language, N_("Status of the invitation: {1}"),
                             catalogs.Translate(language, kInvitationStatuses.Label(invitation->status))));
  if (invitation->sent_on.known()) document.signature.push_back(catalogs.FormatDate(language, invitation->sent_on));
  document.signature.push_back(from);
  document.footer = catalogs.Translate(language, N_("Issued by Entente from the record of the invitation."));
  return Pdf(RenderPdf(document), fmt::format("invitation-{}-{}.pdf", invitation->id.value(), language));
}

// --- Private meetings ---

Result<Response> MeetingsPage(RequestContext& context, const Context& deps, std::optional<Error> form_error = {},
                              int status = 200, std::optional<ScheduleOutcome> outcome = {}) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto board = deps.events.Meetings(context.actor, event->id);
  if (!board) return Fail(board.error());
  const std::string& language = context.language;
  render::Page page("events/meetings.tpl", deps.pages.Translate(context, N_("Private meetings")));
  page.UseForms();
  auto& content = page.content();
  content.SetValue("SLUG", event->slug);
  SetLocalized(content, "EVENT_TITLE", "EVENT_TITLE_LANG", event->title, language, event->slug);
  content.SetValue("TIME_ZONE", event->time_zone);
  auto describe = [&](const MeetingRequest& request) {
    std::string who = request.requester_person ? request.requester_person->name : "";
    if (request.requester_delegation) {
      for (const auto& delegation : event->delegations) {
        if (delegation.id == *request.requester_delegation) {
          who = deps.pages.catalogs().TranslateWith(language, N_("Delegation of {1}"),
                                                    OrganizationName(delegation.organization, language));
        }
      }
    }
    std::string with = request.host_person         ? request.host_person->name
                       : request.host_organization ? OrganizationName(*request.host_organization, language)
                                                   : "";
    return std::pair{who, with};
  };
  std::map<std::pair<long long, long long>, const MeetingRequest*> grid;
  for (const auto& request : board->requests) {
    if (request.slot && request.room) grid[{request.slot->value(), request.room->value()}] = &request;
  }
  for (const auto& room : board->rooms) {
    auto* header = content.AddSectionDictionary("ROOM");
    header->SetValue("NAME", room.name);
    auto* option = content.AddSectionDictionary("ROOM_OPTION");
    option->SetValue("ID", std::to_string(room.id.value()));
    option->SetValue("NAME", room.name);
  }
  for (const auto& slot : board->slots) {
    auto* row = content.AddSectionDictionary("SLOT");
    row->SetValue("DAY", slot.starts.known() ? DayText(deps, language, *slot.starts.day) : "");
    row->SetValue("TIME", TimeTexts(deps, language, event->time_zone, "", slot.starts, slot.ends).first);
    auto* option = content.AddSectionDictionary("SLOT_OPTION");
    option->SetValue("ID", std::to_string(slot.id.value()));
    option->SetValue("LABEL", (slot.starts.known() ? DayText(deps, language, *slot.starts.day) : "") + " " +
                                  TimeTexts(deps, language, event->time_zone, "", slot.starts, slot.ends).first);
    for (const auto& room : board->rooms) {
      auto* cell = row->AddSectionDictionary("CELL");
      auto it = grid.find({slot.id.value(), room.id.value()});
      if (it == grid.end()) continue;
      auto [who, with] = describe(*it->second);
      cell->SetValueAndShowSection("WHO", who, "BOOKED");
      cell->SetValue("WITH", with);
      if (it->second->pinned) cell->ShowSection("PINNED");
    }
  }
  std::map<long long, UnmetReason> unmet;
  if (outcome) {
    for (const auto& item : outcome->unmet) unmet[item.request.value()] = item.reason;
    content.SetValueAndShowSection(
        "OUTCOME",
        deps.pages.catalogs().TranslateWith(language, N_("Meetings scheduled: {1}."),
                                            fmt::format("{} / {}", outcome->met, outcome->requested)),
        "HAS_OUTCOME");
  }
  for (const auto& request : board->requests) {
    auto* item = content.AddSectionDictionary("REQUEST");
    auto [who, with] = describe(request);
    item->SetValue("ID", std::to_string(request.id.value()));
    item->SetValue("WHO", who);
    item->SetValue("WITH", with);
    item->SetValue("PRIORITY", std::to_string(request.priority));
    if (request.slot) {
      item->ShowSection("PLACED");
      if (request.pinned) item->ShowSection("PINNED");
    } else if (auto it = unmet.find(request.id.value()); it != unmet.end()) {
      const char* reason =
          it->second == UnmetReason::kNoCommonAvailability ? N_("No slot where both sides are available.")
          : it->second == UnmetReason::kNoRoomFree         ? N_("Every table is taken when both sides are free.")
          : it->second == UnmetReason::kPinConflict
              ? N_("Pinned where another pinned meeting already is.")
              : N_("One side already has a meeting in every slot where both are free.");
      item->SetValueAndShowSection("REASON", deps.pages.Translate(context, reason), "UNMET");
    } else {
      item->ShowSection("NOT_SCHEDULED");
    }
  }
  for (const auto& delegation : event->delegations) {
    auto* option = content.AddSectionDictionary("DELEGATION_OPTION");
    option->SetValue("ID", std::to_string(delegation.id.value()));
    option->SetValue("NAME", OrganizationName(delegation.organization, language));
  }
  if (board->requests.empty()) content.ShowSection("NO_REQUESTS");
  if (form_error) deps.pages.ShowErrors(context, content, *form_error);
  return deps.pages.Render(context, page, status);
}

template <typename Act>
Result<Response> MeetingsForm(RequestContext& context, const Context& deps, Act&& act) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  Status done = act(*event, *form);
  if (!done) {
    if (done.error().code() != ErrorCode::kInvalidArgument) return Fail(done.error());
    return MeetingsPage(context, deps, done.error(), 422);
  }
  return Response::Redirect(fmt::format("/events/{}/meetings", event->slug));
}

// From the organizers' meetings page, or from a delegation's agenda (its own coordinators, who
// do not see the meetings page: they go back to the agenda, and errors come on the error page).
Result<Response> RequestMeeting(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto created =
      deps.events.RequestMeeting(context.actor, event->id, form->Get("delegation"), form->Get("requester"),
                                 form->Get("host_person"), form->Get("host_organization"), form->Get("priority"));
  bool from_agenda = form->Get("from") == "agenda";
  if (!created) {
    if (created.error().code() != ErrorCode::kInvalidArgument || from_agenda) return Fail(created.error());
    return MeetingsPage(context, deps, created.error(), 422);
  }
  if (from_agenda) {
    return Response::Redirect(
        fmt::format("/events/{}/delegations/{}/agenda?requested=1", event->slug,
                    DelegationId::Parse(form->Get("delegation")).value_or(DelegationId()).value()));
  }
  return Response::Redirect(fmt::format("/events/{}/meetings", event->slug));
}

// Availability of one side: `party` is 'delegation:<id>', 'person:<slug>' or 'organization:<slug>';
// the slots ticked (none ticked: every slot).
Result<Response> SetAvailability(RequestContext& context, const Context& deps) {
  return MeetingsForm(context, deps, [&](const Event& event, const http::Form& form) -> Status {
    auto board = deps.events.Meetings(context.actor, event.id);  // access first
    if (!board) return Fail(board.error());
    std::vector<long long> slots;
    for (const auto& slot : board->slots) {
      if (form.Get(fmt::format("slot_{}", slot.id.value())) == "1") slots.push_back(slot.id.value());
    }
    return deps.events.SetAvailability(context.actor, event.id, form.Get("party"), slots);
  });
}

Result<Response> AddSlot(RequestContext& context, const Context& deps) {
  return MeetingsForm(context, deps, [&](const Event& event, const http::Form& form) -> Status {
    auto created = deps.events.AddSlot(context.actor, event.id, form.Get("starts"), form.Get("ends"));
    if (!created) return Fail(created.error());
    return {};
  });
}

Result<Response> AddRoom(RequestContext& context, const Context& deps) {
  return MeetingsForm(context, deps, [&](const Event& event, const http::Form& form) -> Status {
    auto created = deps.events.AddRoom(context.actor, event.id, form.Get("name"));
    if (!created) return Fail(created.error());
    return {};
  });
}

Result<Response> RunSchedule(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, std::string(context.params.Get("slug")));
  if (!event) return Fail(event.error());
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto outcome = deps.events.Schedule(context.actor, event->id);
  if (!outcome) return Fail(outcome.error());
  // The page itself (not a redirect): the unmet requests and their reasons belong to this run.
  return MeetingsPage(context, deps, std::nullopt, 200, *outcome);
}

Result<Response> PinMeeting(RequestContext& context, const Context& deps) {
  return MeetingsForm(context, deps, [&](const Event& event, const http::Form& form) -> Status {
    MeetingRequestId request = context.params.GetId<MeetingRequestId>("id");
    // Access first, then the meeting: only then does the form's content matter.
    auto board = deps.events.Meetings(context.actor, event.id);
    if (!board) return Fail(board.error());
    if (std::none_of(board->requests.begin(), board->requests.end(),
                     [&](const MeetingRequest& item) { return item.id == request; })) {
      return Fail(Error::NotFound());
    }
    if (form.Get("unpin") == "1") return deps.events.Unpin(context.actor, event.id, request);
    auto slot = SlotId::Parse(form.Get("slot"));
    auto room = RoomId::Parse(form.Get("room"));
    if (!slot || !room) {
      return Fail(
          Error::InvalidArgument(N_("Please correct the fields below."), {{"slot", N_("Choose a slot and a table.")}}));
    }
    return deps.events.Pin(context.actor, event.id, request, *slot, *room);
  });
}

// --- Personal feed ---

Result<Response> FeedPage(RequestContext& context, const Context& deps, const std::string& token = "") {
  render::Page page("events/feed.tpl", deps.pages.Translate(context, N_("Your calendar feed")));
  page.UseForms();
  if (!token.empty()) page.content().SetValueAndShowSection("FEED_PATH", "/events/feed/" + token + ".ics", "HAS_TOKEN");
  return deps.pages.Render(context, page);
}

Result<Response> NewFeed(RequestContext& context, const Context& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto token = deps.events.NewFeedToken(context.actor);
  if (!token) return Fail(token.error());
  // Shown once, on this response; only its hash is stored.
  return FeedPage(context, deps, *token);
}

Result<Response> Feed(RequestContext& context, const Context& deps) {
  std::string file(context.params.Get("file"));
  if (!file.ends_with(".ics")) return Fail(Error::NotFound());
  auto items = deps.events.Feed(file.substr(0, file.size() - 4));
  if (!items) return Fail(items.error());
  return Calendar(WriteCalendar(AgendaEntries(*items, deps, context.language), "Entente"), "entente.ics");
}

// --- JSON ---

json TextJson(const i18n::LocalizedText& text) { return http::LocalizedJson(text); }

i18n::LocalizedText TextFromJson(const json& value) {
  i18n::LocalizedText text;
  if (!value.is_object()) return text;
  for (const auto& [language, variant] : value.items()) {
    if (!i18n::IsSupportedLanguage(language)) continue;
    if (variant.is_string()) {
      text.Set(language, variant.get<std::string>(), true);
    } else if (variant.is_object()) {
      text.Set(language, variant.value("text", ""), variant.value("original", true));
    }
  }
  return text;
}

json WallJson(const WallTime& time) {
  json result = {{"local", time.known() ? json(time.ToString()) : json(nullptr)}};
  result["utc"] = time.utc ? json(UtcText(time)) : json(nullptr);
  return result;
}

json OrganizationJson(const NamedOrganization& organization) {
  return {{"organization_id", organization.id.value()},
          {"organization", organization.slug},
          {"name", TextJson(organization.name)}};
}

json PersonJson(const std::optional<NamedPerson>& person) {
  if (!person) return nullptr;
  return {{"person_id", person->id.value()}, {"person", person->slug}, {"name", person->name}};
}

json SummaryJson(const EventSummary& event) {
  return {{"id", event.id.value()},
          {"slug", event.slug},
          {"kind", kEventKinds.Key(event.kind)},
          {"visibility", auth::VisibilityKey(event.visibility)},
          {"time_zone", event.time_zone},
          {"country", event.country.empty() ? json(nullptr) : json(event.country)},
          {"starts", WallJson(event.starts)},
          {"ends", WallJson(event.ends)},
          {"title", TextJson(event.title)},
          {"city", TextJson(event.city)},
          {"series", event.series ? json(event.series->slug) : json(nullptr)}};
}

json InvitationJson(const Invitation& invitation) {
  return {
      {"id", invitation.id.value()},
      {"event_id", invitation.event.value()},
      {"from_organization",
       invitation.from_organization ? OrganizationJson(*invitation.from_organization) : json(nullptr)},
      {"from_person", PersonJson(invitation.from_person)},
      {"to_organization", invitation.to_organization ? OrganizationJson(*invitation.to_organization) : json(nullptr)},
      {"to_person", PersonJson(invitation.to_person)},
      {"invited_count", invitation.invited_count ? json(*invitation.invited_count) : json(nullptr)},
      {"language", invitation.language},
      {"status", kInvitationStatuses.Key(invitation.status)},
      {"sent_on", invitation.sent_on.ToString()},
      {"delegation_id", invitation.delegation ? json(invitation.delegation->value()) : json(nullptr)}};
}

// A participant; its status and consent only for the event's managers, who see everyone.
json ParticipantJson(const Participant& participant, bool manager) {
  json item = {{"id", participant.id.value()},
               {"person", PersonJson(participant.person)},
               {"role", kParticipantRoles.Key(participant.role)}};
  if (manager) {
    item["status"] = kParticipantStatuses.Key(participant.status);
    item["consent_to_list"] = participant.consent_to_list;
    item["delegation_id"] = participant.delegation ? json(participant.delegation->value()) : json(nullptr);
  }
  return item;
}

json DelegationJson(const Delegation& delegation) {
  json members = json::array();
  for (const auto& member : delegation.members) members.push_back(PersonJson(member));
  return {{"id", delegation.id.value()},
          {"organization", OrganizationJson(delegation.organization)},
          {"head", PersonJson(delegation.head)},
          {"size", delegation.size ? json(*delegation.size) : json(nullptr)},
          {"members", members}};
}

json AwardJson(const Award& award) {
  return {{"id", award.id.value()},
          {"title", TextJson(award.title)},
          {"citation", TextJson(award.citation)},
          {"presented_by", PersonJson(award.presented_by)},
          {"recipient", PersonJson(award.recipient)},
          {"recipient_role", TextJson(award.recipient_role)},
          {"awarded_on", award.awarded_on.ToString()}};
}

json EventJson(const Event& event, const auth::Actor& actor) {
  bool manager = EventService::MayManage(actor, event);
  json sessions = json::array();
  for (const auto& session : event.sessions) {
    json speakers = json::array(), moderators = json::array(), met = json::array();
    for (const auto& person : session.speakers) speakers.push_back(PersonJson(person));
    for (const auto& person : session.moderators) moderators.push_back(PersonJson(person));
    for (const auto& organization : session.organizations_met) met.push_back(OrganizationJson(organization));
    sessions.push_back({{"id", session.id.value()},
                        {"kind", kSessionKinds.Key(session.kind)},
                        {"starts", WallJson(session.starts)},
                        {"ends", WallJson(session.ends)},
                        {"room", session.room},
                        {"title", TextJson(session.title)},
                        {"description", TextJson(session.description)},
                        {"speakers", speakers},
                        {"moderators", moderators},
                        {"organizations_met", met}});
  }
  json organizers = json::array(), delegations = json::array(), participants = json::array(),
       invitations = json::array(), awards = json::array();
  for (const auto& organizer : event.organizers) organizers.push_back(OrganizationJson(organizer));
  for (const auto& delegation : event.delegations) delegations.push_back(DelegationJson(delegation));
  for (const auto& participant : event.participants) {
    if (!manager && (!participant.consent_to_list || participant.status != ParticipantStatus::kConfirmed)) continue;
    participants.push_back(ParticipantJson(participant, manager));
  }
  for (const auto& invitation : event.invitations) {
    if (manager || EventService::MayAnswer(actor, invitation)) invitations.push_back(InvitationJson(invitation));
  }
  for (const auto& award : event.awards) awards.push_back(AwardJson(award));
  EventSummary summary{event.id,     event.slug, event.kind,  event.visibility, event.time_zone, event.country,
                       event.starts, event.ends, event.title, event.city,       event.series};
  json result = SummaryJson(summary);
  result.update({{"description", TextJson(event.description)},
                 {"venue", TextJson(event.venue)},
                 {"programme", TextJson(event.programme)},
                 {"dates_note", TextJson(event.dates_note)},
                 {"capacity", event.capacity ? json(*event.capacity) : json(nullptr)},
                 {"registration", kRegistrations.Key(event.registration)},
                 {"organizers", organizers},
                 {"objectives", event.objectives},
                 {"sessions", sessions},
                 {"delegations", delegations},
                 {"participants", participants},
                 {"invitations", invitations},
                 {"awards", awards}});
  return result;
}

Error BadShape() { return Error::InvalidArgument(N_("The request body does not have the expected shape.")); }

std::string StringOr(const json& object, const char* key, const std::string& fallback) {
  if (!object.contains(key) || object.at(key).is_null()) return fallback;
  const json& value = object.at(key);
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return value.get<std::string>();
}

Result<EventInput> EventInputFromJson(const json& body, EventInput input) {
  try {
    if (!body.is_object()) return Fail(BadShape());
    input.slug = StringOr(body, "slug", input.slug);
    input.kind = StringOr(body, "kind", input.kind);
    input.visibility = StringOr(body, "visibility", input.visibility);
    input.country = StringOr(body, "country", input.country);
    input.time_zone = StringOr(body, "time_zone", input.time_zone);
    input.starts = StringOr(body, "starts", input.starts);
    input.ends = StringOr(body, "ends", input.ends);
    input.capacity = StringOr(body, "capacity", input.capacity);
    input.registration = StringOr(body, "registration", input.registration);
    input.series = StringOr(body, "series", input.series);
    for (auto [key, target] : {std::pair{"title", &input.title}, std::pair{"description", &input.description},
                               std::pair{"city", &input.city}, std::pair{"venue", &input.venue},
                               std::pair{"programme", &input.programme}, std::pair{"dates_note", &input.dates_note}}) {
      if (body.contains(key)) *target = TextFromJson(body.at(key));
    }
    if (body.contains("organizers")) input.organizers = body.at("organizers").get<std::vector<std::string>>();
    if (body.contains("objectives")) input.objectives = body.at("objectives").get<std::vector<long long>>();
    return input;
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
}

Result<Response> ApiList(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  if (!page_request) return Fail(page_request.error());
  auto filter = ReadFilter(context.request);
  if (!filter) return Fail(filter.error());
  if (!context.request.QueryParam("when")) filter->when = When::kAll;
  auto found = deps.events.List(context.actor, *filter, *page_request);
  if (!found) return Fail(found.error());
  return http::JsonResponse(http::PageJson(*found, SummaryJson));
}

Result<Response> ApiGet(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, context.params.GetId<EventId>("id"));
  if (!event) return Fail(event.error());
  return http::JsonResponse(EventJson(*event, context.actor));
}

Result<Response> ApiCreate(RequestContext& context, const Context& deps) {
  if (!EventService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of an organization may create events.")));
  }
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = EventInputFromJson(*body, EventInput{});
  if (!input) return Fail(input.error());
  auto created = deps.events.Create(context.actor, *input);
  if (!created) return Fail(created.error());
  auto event = deps.events.Get(context.actor, *created);
  if (!event) return Fail(event.error());
  return http::JsonResponse(EventJson(*event, context.actor), 201);
}

Result<Response> ApiUpdate(RequestContext& context, const Context& deps) {
  EventId id = context.params.GetId<EventId>("id");
  auto event = deps.events.Get(context.actor, id);
  if (!event) return Fail(event.error());
  if (!EventService::MayManage(context.actor, *event)) {
    return Fail(Error::PermissionDenied(N_("Only the coordinators of the event's organizers may change it.")));
  }
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto input = EventInputFromJson(*body, InputFrom(*event));
  if (!input) return Fail(input.error());
  auto saved = deps.events.Update(context.actor, id, *input);
  if (!saved) return Fail(saved.error());
  auto updated = deps.events.Get(context.actor, id);
  if (!updated) return Fail(updated.error());
  return http::JsonResponse(EventJson(*updated, context.actor));
}

Result<Response> ApiAddSession(RequestContext& context, const Context& deps) {
  EventId id = context.params.GetId<EventId>("id");
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  SessionInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    input.kind = StringOr(*body, "kind", "conference");
    input.starts = StringOr(*body, "starts", "");
    input.ends = StringOr(*body, "ends", "");
    input.room = StringOr(*body, "room", "");
    input.title = TextFromJson(body->value("title", json(nullptr)));
    input.description = TextFromJson(body->value("description", json(nullptr)));
    input.speakers = body->value("speakers", std::vector<std::string>{});
    input.moderators = body->value("moderators", std::vector<std::string>{});
    input.organizations_met = body->value("organizations_met", std::vector<std::string>{});
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  auto created = deps.events.AddSession(context.actor, id, input);
  if (!created) return Fail(created.error());
  return http::JsonResponse({{"id", created->value()}}, 201);
}

Result<Response> ApiRegister(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  bool consent = body->is_object() && body->value("consent_to_list", false);
  auto status = deps.events.Register(context.actor, context.params.GetId<EventId>("id"), consent);
  if (!status) return Fail(status.error());
  return http::JsonResponse({{"status", kParticipantStatuses.Key(*status)}}, 201);
}

Result<Response> ApiInvite(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  InvitationInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    input.from_organization = StringOr(*body, "from_organization", "");
    input.from_person = StringOr(*body, "from_person", "");
    input.to_organization = StringOr(*body, "to_organization", "");
    input.to_person = StringOr(*body, "to_person", "");
    input.invited_count = StringOr(*body, "invited_count", "");
    input.language = StringOr(*body, "language", "en");
    input.sent_on = StringOr(*body, "sent_on", "");
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  auto created = deps.events.Invite(context.actor, context.params.GetId<EventId>("id"), input);
  if (!created) return Fail(created.error());
  auto invitation = deps.events.GetInvitation(context.actor, *created);
  if (!invitation) return Fail(invitation.error());
  return http::JsonResponse(InvitationJson(*invitation), 201);
}

Result<Response> ApiAnswer(RequestContext& context, const Context& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  std::string answer, size;
  try {
    if (!body->is_object()) return Fail(BadShape());
    answer = StringOr(*body, "answer", "");
    size = StringOr(*body, "delegation_size", "");
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  if (answer != "accept" && answer != "decline") {
    return Fail(
        Error::InvalidArgument(N_("Please correct the fields below."), {{"answer", N_("Answer accept or decline.")}}));
  }
  InvitationId id = context.params.GetId<InvitationId>("id");
  auto answered = deps.events.Answer(context.actor, id, answer == "accept", size);
  if (!answered) return Fail(answered.error());
  auto invitation = deps.events.GetInvitation(context.actor, id);
  if (!invitation) return Fail(invitation.error());
  return http::JsonResponse(InvitationJson(*invitation));
}

// Load → check access: the event by its id, and its managers only (the service checks again).
Result<Event> ManagedEvent(RequestContext& context, const Context& deps) {
  auto event = deps.events.Get(context.actor, context.params.GetId<EventId>("id"));
  if (!event) return Fail(event.error());
  if (!EventService::MayManage(context.actor, *event)) {
    return Fail(Error::PermissionDenied(N_("Only the coordinators of the event's organizers may change it.")));
  }
  return event;
}

// The participant `id` of the event as stored after a change.
Result<Response> ParticipantResponse(RequestContext& context, const Context& deps, ParticipantId id, int status) {
  auto event = deps.events.Get(context.actor, context.params.GetId<EventId>("id"));
  if (!event) return Fail(event.error());
  for (const auto& participant : event->participants) {
    if (participant.id == id) return http::JsonResponse(ParticipantJson(participant, true), status);
  }
  return Fail(Error::NotFound());
}

Result<Response> ApiAddParticipant(RequestContext& context, const Context& deps) {
  auto event = ManagedEvent(context, deps);
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  ParticipantInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    input.person = StringOr(*body, "person", "");
    input.role = StringOr(*body, "role", "guest");
    input.consent_to_list = body->value("consent_to_list", false);
    input.delegation = StringOr(*body, "delegation_id", "");
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  auto created = deps.events.AddParticipant(context.actor, event->id, input);
  if (!created) return Fail(created.error());
  return ParticipantResponse(context, deps, *created, 201);
}

Result<Response> ApiUpdateParticipant(RequestContext& context, const Context& deps) {
  auto event = ManagedEvent(context, deps);
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  if (!body->is_object() || !body->contains("consent_to_list") || !body->at("consent_to_list").is_boolean()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"consent_to_list", N_("Answer true or false.")}}));
  }
  ParticipantId participant = context.params.GetId<ParticipantId>("participant");
  auto saved =
      deps.events.SetParticipantConsent(context.actor, event->id, participant, body->at("consent_to_list").get<bool>());
  if (!saved) return Fail(saved.error());
  return ParticipantResponse(context, deps, participant, 200);
}

Result<Response> ApiRemoveParticipant(RequestContext& context, const Context& deps) {
  auto event = ManagedEvent(context, deps);
  if (!event) return Fail(event.error());
  auto removed =
      deps.events.RemoveParticipant(context.actor, event->id, context.params.GetId<ParticipantId>("participant"));
  if (!removed) return Fail(removed.error());
  return Response::NoContent();
}

// Approves or declines a registration awaiting the organizers (or on the waiting list).
Result<Response> ApiDecide(RequestContext& context, const Context& deps) {
  auto event = ManagedEvent(context, deps);
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  std::string decision;
  try {
    if (!body->is_object()) return Fail(BadShape());
    decision = StringOr(*body, "decision", "");
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  if (decision != "approve" && decision != "decline") {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"decision", N_("Answer approve or decline.")}}));
  }
  ParticipantId participant = context.params.GetId<ParticipantId>("participant");
  auto decided = deps.events.Decide(context.actor, event->id, participant, decision == "approve");
  if (!decided) return Fail(decided.error());
  return ParticipantResponse(context, deps, participant, 200);
}

// A delegation from one organization: its head and members from the directory, or only its size.
Result<Response> ApiAddDelegation(RequestContext& context, const Context& deps) {
  auto event = ManagedEvent(context, deps);
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  DelegationInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    input.organization = StringOr(*body, "organization", "");
    input.head = StringOr(*body, "head", "");
    if (auto size = body->find("size"); size != body->end() && !size->is_null()) {
      if (!size->is_number_integer()) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"size", N_("Enter a whole number of at least 1.")}}));
      }
      input.size = std::to_string(size->get<long long>());
    }
    if (auto members = body->find("members"); members != body->end() && !members->is_null()) {
      if (!members->is_array()) return Fail(BadShape());
      for (const auto& member : *members) input.members.push_back(member.get<std::string>());
    }
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  auto created = deps.events.AddDelegation(context.actor, event->id, input);
  if (!created) return Fail(created.error());
  auto saved = deps.events.Get(context.actor, event->id);
  if (!saved) return Fail(saved.error());
  for (const auto& delegation : saved->delegations) {
    if (delegation.id == *created) return http::JsonResponse(DelegationJson(delegation), 201);
  }
  return Fail(Error::NotFound());
}

Result<Response> ApiAddAward(RequestContext& context, const Context& deps) {
  auto event = ManagedEvent(context, deps);
  if (!event) return Fail(event.error());
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  AwardInput input;
  try {
    if (!body->is_object()) return Fail(BadShape());
    input.event = event->slug;
    input.presented_by = StringOr(*body, "presented_by", "");
    input.recipient = StringOr(*body, "recipient", "");
    input.title = TextFromJson(body->value("title", json(nullptr)));
    input.citation = TextFromJson(body->value("citation", json(nullptr)));
    input.recipient_role = TextFromJson(body->value("recipient_role", json(nullptr)));
    input.awarded_on = StringOr(*body, "awarded_on", "");
  } catch (const json::exception&) {
    return Fail(BadShape());
  }
  auto created = deps.events.AddAward(context.actor, input);
  if (!created) return Fail(created.error());
  auto saved = deps.events.Get(context.actor, event->id);
  if (!saved) return Fail(saved.error());
  for (const auto& award : saved->awards) {
    if (award.id == *created) return http::JsonResponse(AwardJson(award), 201);
  }
  return Fail(Error::NotFound());
}

json BoardJson(const MeetingBoard& board) {
  json slots = json::array(), rooms = json::array(), requests = json::array();
  for (const auto& slot : board.slots) {
    slots.push_back({{"id", slot.id.value()}, {"starts", WallJson(slot.starts)}, {"ends", WallJson(slot.ends)}});
  }
  for (const auto& room : board.rooms) rooms.push_back({{"id", room.id.value()}, {"name", room.name}});
  for (const auto& request : board.requests) {
    requests.push_back({{"id", request.id.value()},
                        {"requester_delegation_id",
                         request.requester_delegation ? json(request.requester_delegation->value()) : json(nullptr)},
                        {"requester_person", PersonJson(request.requester_person)},
                        {"host_person", PersonJson(request.host_person)},
                        {"host_organization",
                         request.host_organization ? OrganizationJson(*request.host_organization) : json(nullptr)},
                        {"priority", request.priority},
                        {"slot_id", request.slot ? json(request.slot->value()) : json(nullptr)},
                        {"room_id", request.room ? json(request.room->value()) : json(nullptr)},
                        {"pinned", request.pinned}});
  }
  return {{"slots", slots}, {"rooms", rooms}, {"requests", requests}};
}

Result<Response> ApiMeetings(RequestContext& context, const Context& deps) {
  auto board = deps.events.Meetings(context.actor, context.params.GetId<EventId>("id"));
  if (!board) return Fail(board.error());
  return http::JsonResponse(BoardJson(*board));
}

Result<Response> ApiSchedule(RequestContext& context, const Context& deps) {
  auto outcome = deps.events.Schedule(context.actor, context.params.GetId<EventId>("id"));
  if (!outcome) return Fail(outcome.error());
  json unmet = json::array();
  for (const auto& item : outcome->unmet) {
    const char* reason = item.reason == UnmetReason::kNoCommonAvailability ? "no_common_availability"
                         : item.reason == UnmetReason::kNoRoomFree         ? "no_room_free"
                         : item.reason == UnmetReason::kPinConflict        ? "pin_conflict"
                                                                           : "parties_booked";
    unmet.push_back({{"request_id", item.request.value()}, {"reason", reason}});
  }
  return http::JsonResponse({{"met", outcome->met}, {"requested", outcome->requested}, {"unmet", unmet}});
}

}  // namespace

void AddRoutes(http::Router& router, const render::PageRenderer& pages, EventService& events,
               directory::OrganizationService& organizations) {
  // Not copyable (the page cache holds a mutex): made in place.
  auto deps = std::shared_ptr<Context>(new Context{pages, events, organizations, {}});
  auto bind = [deps](auto handler) {
    return [deps, handler](RequestContext& context) { return handler(context, *deps); };
  };
  router.Add({.method = Method::kGet, .pattern = "/events", .access = Access::Anyone(), .handler = bind(ListPage)});
  router.Add(
      {.method = Method::kGet, .pattern = "/events/new", .access = Access::SignedIn(), .handler = bind(NewEventPage)});
  router.Add(
      {.method = Method::kPost, .pattern = "/events", .access = Access::SignedIn(), .handler = bind(CreateEvent)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/edit",
              .access = Access::SignedIn(),
              .handler = bind(EditEventPage)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/edit",
              .access = Access::SignedIn(),
              .handler = bind(UpdateEvent)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/invitations",
              .access = Access::SignedIn(),
              .handler = bind(InvitationsPage)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/invitations/{id:id}/answer",
              .access = Access::SignedIn(),
              .handler = bind(AnswerInvitation)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/invitations/{id:id}/letter.pdf",
              .access = Access::SignedIn(),
              .handler = bind(InvitationLetter)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/feed",
              .access = Access::SignedIn(),
              .handler = [deps](RequestContext& context) { return FeedPage(context, *deps); }});
  router.Add(
      {.method = Method::kPost, .pattern = "/events/feed", .access = Access::SignedIn(), .handler = bind(NewFeed)});
  // The feed's token is its own authority (calendar applications send no cookie).
  router.Add(
      {.method = Method::kGet, .pattern = "/events/feed/{file}", .access = Access::Anyone(), .handler = bind(Feed)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}",
              .access = Access::Anyone(),
              .handler = [deps](RequestContext& context) { return CachedEventPage(context, *deps); }});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/calendar.ics",
              .access = Access::Anyone(),
              .handler = bind(EventCalendar)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/sessions/{id:id}/calendar.ics",
              .access = Access::Anyone(),
              .handler = bind(SessionCalendar)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/register",
              .access = Access::SignedIn(),
              .handler = bind(Register)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/participants/decide",
              .access = Access::SignedIn(),
              .handler = bind(DecideParticipant)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/participants",
              .access = Access::SignedIn(),
              .handler = bind(AddParticipant)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/participants/{id:id}/consent",
              .access = Access::SignedIn(),
              .handler = bind(SetParticipantConsent)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/participants/{id:id}/remove",
              .access = Access::SignedIn(),
              .handler = bind(RemoveParticipant)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/awards",
              .access = Access::SignedIn(),
              .handler = bind(AddAward)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/sessions",
              .access = Access::SignedIn(),
              .handler = bind(AddSession)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/delegations",
              .access = Access::SignedIn(),
              .handler = bind(AddDelegation)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/invitations",
              .access = Access::SignedIn(),
              .handler = bind(Invite)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/meetings",
              .access = Access::SignedIn(),
              .handler = [deps](RequestContext& context) { return MeetingsPage(context, *deps); }});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/meetings/requests",
              .access = Access::SignedIn(),
              .handler = bind(RequestMeeting)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/meetings/availability",
              .access = Access::SignedIn(),
              .handler = bind(SetAvailability)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/meetings/slots",
              .access = Access::SignedIn(),
              .handler = bind(AddSlot)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/meetings/rooms",
              .access = Access::SignedIn(),
              .handler = bind(AddRoom)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/meetings/schedule",
              .access = Access::SignedIn(),
              .handler = bind(RunSchedule)});
  router.Add({.method = Method::kPost,
              .pattern = "/events/{slug:slug}/meetings/{id:id}/pin",
              .access = Access::SignedIn(),
              .handler = bind(PinMeeting)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/agenda",
              .access = Access::SignedIn(),
              .handler = bind(MyAgendaPage)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/agenda.pdf",
              .access = Access::SignedIn(),
              .handler = bind(MyAgendaPdf)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/delegations/{id:id}/agenda",
              .access = Access::SignedIn(),
              .handler = bind(AgendaPage)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/delegations/{id:id}/agenda.ics",
              .access = Access::SignedIn(),
              .handler = bind(AgendaCalendar)});
  router.Add({.method = Method::kGet,
              .pattern = "/events/{slug:slug}/delegations/{id:id}/agenda.pdf",
              .access = Access::SignedIn(),
              .handler = bind(AgendaPdf)});
  router.Add(
      {.method = Method::kGet, .pattern = "/api/v1/events", .access = Access::Anyone(), .handler = bind(ApiList)});
  router.Add(
      {.method = Method::kPost, .pattern = "/api/v1/events", .access = Access::SignedIn(), .handler = bind(ApiCreate)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/events/{id:id}",
              .access = Access::Anyone(),
              .handler = bind(ApiGet)});
  router.Add({.method = Method::kPut,
              .pattern = "/api/v1/events/{id:id}",
              .access = Access::SignedIn(),
              .handler = bind(ApiUpdate)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/sessions",
              .access = Access::SignedIn(),
              .handler = bind(ApiAddSession)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/registrations",
              .access = Access::SignedIn(),
              .handler = bind(ApiRegister)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/participants",
              .access = Access::SignedIn(),
              .handler = bind(ApiAddParticipant)});
  router.Add({.method = Method::kPatch,
              .pattern = "/api/v1/events/{id:id}/participants/{participant:id}",
              .access = Access::SignedIn(),
              .handler = bind(ApiUpdateParticipant)});
  router.Add({.method = Method::kDelete,
              .pattern = "/api/v1/events/{id:id}/participants/{participant:id}",
              .access = Access::SignedIn(),
              .handler = bind(ApiRemoveParticipant)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/participants/{participant:id}/decision",
              .access = Access::SignedIn(),
              .handler = bind(ApiDecide)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/delegations",
              .access = Access::SignedIn(),
              .handler = bind(ApiAddDelegation)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/awards",
              .access = Access::SignedIn(),
              .handler = bind(ApiAddAward)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/invitations",
              .access = Access::SignedIn(),
              .handler = bind(ApiInvite)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/invitations/{id:id}/answer",
              .access = Access::SignedIn(),
              .handler = bind(ApiAnswer)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/events/{id:id}/meetings",
              .access = Access::SignedIn(),
              .handler = bind(ApiMeetings)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/events/{id:id}/meetings/schedule",
              .access = Access::SignedIn(),
              .handler = bind(ApiSchedule)});
}

std::vector<render::NavItem> Navigation() { return {{"/events", N_("Events")}}; }

}  // namespace entente::events
