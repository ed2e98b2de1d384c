// iCalendar files: an event, a session, and the personal feed of a user's sessions and meetings.

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "modules/events/events_handlers.h"
#include "modules/events/ical.h"

namespace entente::events {

namespace {

CalendarEntry SessionEntry(const Session& session, const Event& event, const std::string& language) {
  std::string title = session.title.TextIn(language);
  return {fmt::format("session-{}@entente", session.id.value()),
          title.empty() ? event.title.TextIn(language, event.slug) : title,
          session.description.TextIn(language),
          session.room,
          "/events/" + event.slug,
          event.time_zone,
          session.starts,
          session.ends};
}

}  // namespace

Result<Response> EventCalendar(RequestContext& context, const Context& deps) {
  auto event = EventOfPath(context, deps);
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
    entries.push_back(SessionEntry(session, *event, language));
  }
  return CalendarResponse(WriteCalendar(entries, event->title.TextIn(language, event->slug)), event->slug + ".ics");
}

Result<Response> SessionCalendar(RequestContext& context, const Context& deps) {
  auto event = EventOfPath(context, deps);
  if (!event) return Fail(event.error());
  SessionId id = context.params.GetId<SessionId>("id");
  for (const auto& session : event->sessions) {
    if (session.id != id) continue;
    CalendarEntry entry = SessionEntry(session, *event, context.language);
    return CalendarResponse(WriteCalendar({entry}, entry.summary),
                            fmt::format("{}-session-{}.ics", event->slug, id.value()));
  }
  return Fail(Error::NotFound());
}

Result<Response> FeedPage(RequestContext& context, const Context& deps, const std::string& token) {
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
  return CalendarResponse(WriteCalendar(AgendaEntries(*items, deps, context.language), "Entente"), "entente.ics");
}

}  // namespace entente::events
