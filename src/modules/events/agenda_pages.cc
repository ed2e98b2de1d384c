// Agendas: a delegation's meetings, and a user's own sessions and meetings at an event, as pages,
// iCalendar and PDF.

#include "modules/events/events_handlers.h"

#include <fmt/format.h>

#include "core/base/messages.h"
#include "modules/events/event_times.h"
#include "modules/events/ical.h"
#include "modules/events/letter_pdf.h"

namespace entente::events {

using render::SetLocalized;
using render::Text;

namespace {

struct AgendaContext {
  Event event;
  Delegation delegation;
  std::vector<AgendaItem> items;
  std::string home_zone;
};

Result<AgendaContext> LoadAgenda(RequestContext& context, const Context& deps) {
  auto event = EventOfPath(context, deps);
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
    auto [own, other] = TimeTexts(deps.pages, language, item.time_zone, viewer_zone, item.starts, item.ends);
    std::string line = (item.starts.known() ? DayText(deps.pages, language, *item.starts.day) : "") + "  " + own;
    if (!other.empty()) line += "  (" + other + ")";
    line += "\n" + AgendaWhat(deps, language, item);
    if (!item.room.empty()) line += " · " + item.room;
    document.paragraphs.push_back(line);
  }
  if (items.empty()) document.paragraphs.push_back(deps.pages.Translate(context, N_("No meeting scheduled yet.")));
  document.footer = "Entente";
  return RenderPdf(document);
}

// An agenda page (events/agenda.tpl) of `event`: its items by day and time, in the event's zone
// and the viewer's (`viewer_zone`), posting its zone choice to `form_action`.
void FillAgenda(render::Page& page, const RequestContext& context, const Context& deps, const Event& event,
                const std::vector<AgendaItem>& items, const std::string& viewer_zone, const std::string& form_action) {
  const std::string& language = context.language;
  auto& content = page.content();
  content.SetValue("HEADING", page.title());
  content.SetValue("SLUG", event.slug);
  SetLocalized(content, "EVENT_TITLE", "EVENT_TITLE_LANG", event.title, language, event.slug);
  content.SetValue("TIME_ZONE", event.time_zone);
  content.SetValue("FORM_ACTION", form_action);
  FillZoneChoice(content, event.time_zone, viewer_zone);
  if (!viewer_zone.empty()) content.SetValue("TZ_QUERY", "?tz=" + viewer_zone);
  for (const auto& item : items) {
    auto* row = content.AddSectionDictionary("ITEM");
    row->SetValue("DAY", item.starts.known() ? DayText(deps.pages, language, *item.starts.day) : "");
    auto [own, other] = TimeTexts(deps.pages, language, item.time_zone, viewer_zone, item.starts, item.ends);
    row->SetValue("TIME", own);
    if (!other.empty()) row->SetValueAndShowSection("OTHER_TIME", other, "HAS_OTHER_TIME");
    row->SetValue("WHAT", AgendaWhat(deps, language, item));
    row->SetValue("ROOM", item.room);
  }
  if (items.empty()) content.ShowSection("NO_ITEMS");
}

std::string DelegationHeading(const RequestContext& context, const Context& deps, const AgendaContext& agenda) {
  return deps.pages.catalogs().TranslateWith(context.language, N_("Agenda of the delegation of {1}"),
                                             OrganizationName(agenda.delegation.organization, context.language));
}

}  // namespace

Result<Response> AgendaPage(RequestContext& context, const Context& deps) {
  auto agenda = LoadAgenda(context, deps);
  if (!agenda) return Fail(agenda.error());
  std::string path = fmt::format("/events/{}/delegations/{}/agenda", agenda->event.slug, agenda->delegation.id.value());
  render::Page page("events/agenda.tpl", DelegationHeading(context, deps, *agenda));
  FillAgenda(page, context, deps, agenda->event, agenda->items, ViewerZone(context, agenda->home_zone), path);
  page.content().SetValue("DELEGATION_ID", std::to_string(agenda->delegation.id.value()));
  page.content().ShowSection("DELEGATION");
  if (context.request.QueryParam("requested")) page.content().ShowSection("REQUESTED");
  page.UseForms();
  return deps.pages.Render(context, page);
}

Result<Response> AgendaCalendar(RequestContext& context, const Context& deps) {
  auto agenda = LoadAgenda(context, deps);
  if (!agenda) return Fail(agenda.error());
  return CalendarResponse(WriteCalendar(AgendaEntries(agenda->items, deps, context.language),
                                        agenda->event.title.TextIn(context.language, agenda->event.slug)),
                          fmt::format("{}-agenda-{}.ics", agenda->event.slug, agenda->delegation.id.value()));
}

Result<Response> AgendaPdf(RequestContext& context, const Context& deps) {
  auto agenda = LoadAgenda(context, deps);
  if (!agenda) return Fail(agenda.error());
  return PdfResponse(AgendaPdfBody(context, deps, DelegationHeading(context, deps, *agenda), agenda->event,
                                   agenda->items, ViewerZone(context, agenda->home_zone)),
                     fmt::format("{}-agenda-{}.pdf", agenda->event.slug, agenda->delegation.id.value()));
}

// The signed-in user's own agenda as a PDF; `tz` adds the viewer's zone as on the page.
Result<Response> MyAgendaPdf(RequestContext& context, const Context& deps) {
  auto event = EventOfPath(context, deps);
  if (!event) return Fail(event.error());
  auto items = deps.events.Agenda(context.actor, event->id, std::nullopt);
  if (!items) return Fail(items.error());
  return PdfResponse(AgendaPdfBody(context, deps, deps.pages.Translate(context, N_("Your agenda")), *event, *items,
                                   ViewerZone(context, "")),
                     fmt::format("{}-agenda.pdf", event->slug));
}

// The signed-in user's own agenda at an event: sessions they speak at or moderate and their
// meetings (for users linked to a person of the directory).
Result<Response> MyAgendaPage(RequestContext& context, const Context& deps) {
  auto event = EventOfPath(context, deps);
  if (!event) return Fail(event.error());
  auto items = deps.events.Agenda(context.actor, event->id, std::nullopt);
  if (!items) return Fail(items.error());
  render::Page page("events/agenda.tpl", deps.pages.Translate(context, N_("Your agenda")));
  FillAgenda(page, context, deps, *event, *items, ViewerZone(context, ""), "/events/" + event->slug + "/agenda");
  page.content().ShowSection("PERSONAL");
  return deps.pages.Render(context, page);
}

}  // namespace entente::events
