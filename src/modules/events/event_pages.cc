// The list of events and an event's page.

#include <fmt/format.h>

#include <algorithm>

#include "core/base/messages.h"
#include "core/render/forms.h"
#include "modules/directory/organization_options.h"
#include "modules/events/event_times.h"
#include "modules/events/events_handlers.h"

namespace entente::events {

using render::SetLocalized;
using render::Text;

namespace {

// One row of the timetable.
void FillSession(ctemplate::TemplateDictionary& row, const RequestContext& context, const Context& deps,
                 const Event& event, const Session& session, const std::string& viewer_zone) {
  const std::string& language = context.language;
  row.SetValue("ID", std::to_string(session.id.value()));
  row.SetValue("KIND", deps.pages.Translate(context, kSessionKinds.Label(session.kind)));
  row.SetValue("KIND_KEY", Text(kSessionKinds.Key(session.kind)));
  SetLocalized(row, "TITLE", "TITLE_LANG", session.title, language, "");
  SetLocalized(row, "DESCRIPTION", "DESCRIPTION_LANG", session.description, language, "");
  auto [own, other] = TimeTexts(deps.pages, language, event.time_zone, viewer_zone, session.starts, session.ends);
  if (own.empty()) {
    row.SetValueAndShowSection("TIME", deps.pages.Translate(context, N_("hour not given")), "TIME_UNKNOWN");
  } else {
    row.SetValue("TIME", own);
    if (session.starts.utc) row.SetValue("DATETIME", UtcText(session.starts));
    row.ShowSection("HAS_TIME");
    if (!other.empty()) row.SetValueAndShowSection("OTHER_TIME", other, "HAS_OTHER_TIME");
  }
  if (!session.room.empty()) row.SetValueAndShowSection("ROOM", session.room, "HAS_ROOM");
  for (auto [list, section] : {std::pair{&session.speakers, "SPEAKER"}, std::pair{&session.moderators, "MODERATOR"}}) {
    for (const auto& person : *list) {
      auto* item = row.AddSectionDictionary(section);
      item->SetValue("SLUG", person.slug);
      item->SetValue("NAME", person.name);
    }
  }
  for (const auto& organization : session.organizations_met) {
    auto* item = row.AddSectionDictionary("MET");
    item->SetValue("SLUG", organization.slug);
    SetLocalized(*item, "NAME", "NAME_LANG", organization.name, language, organization.slug);
  }
  if (session.starts.has_time()) row.ShowSection("HAS_ICS");
}

void FillTimetable(const RequestContext& context, const Context& deps, const Event& event,
                   const std::string& viewer_zone, ctemplate::TemplateDictionary& content) {
  const std::string& language = context.language;
  std::string current_day = "-";
  ctemplate::TemplateDictionary* day = nullptr;
  for (const auto& session : event.sessions) {
    std::string key = session.starts.known() ? session.starts.ToString().substr(0, 10) : "";
    if (key != current_day || !day) {
      current_day = key;
      day = content.AddSectionDictionary("DAY");
      if (session.starts.known()) {
        day->SetValue("DAY_TEXT", DayText(deps.pages, language, *session.starts.day));
        day->SetValue("DAY_ISO", key);
      } else {
        day->SetValue("DAY_TEXT", deps.pages.Translate(context, N_("Day not given in the sources")));
        day->ShowSection("DAY_UNKNOWN");
      }
    }
    FillSession(*day->AddSectionDictionary("SESSION"), context, deps, event, session, viewer_zone);
  }
  if (event.sessions.empty()) content.ShowSection("NO_SESSIONS");
}

// --- The list ---

// The search form: when, kind, organizer, country, each with the current choice.
void FillFilters(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
                 const EventFilter& shown) {
  const std::string& language = context.language;
  std::vector<render::Option> when = {
      {"upcoming", deps.pages.Translate(context, N_("Upcoming"))},
      {"past", deps.pages.Translate(context, N_("Past"))},
      {"all", deps.pages.Translate(context, N_("All, with those whose dates are not given"))}};
  render::AddOptions(content, "WHEN_OPTION", when,
                     shown.when == When::kUpcoming ? "upcoming"
                     : shown.when == When::kPast   ? "past"
                                                   : "all");
  render::AddOptions(content, "KIND_OPTION", EnumOptions(kEventKinds, deps, context), shown.kind);
  if (auto organizations = deps.organizations.ListAll(context.actor)) {
    render::AddOptions(content, "ORGANIZER_OPTION", directory::OrganizationOptions(*organizations, language),
                       shown.organizer);
  }
  if (auto jurisdictions = deps.organizations.ListJurisdictions()) {
    std::vector<render::Option> countries;
    for (const auto& jurisdiction : *jurisdictions) {
      countries.push_back({jurisdiction.code, jurisdiction.name.TextIn(language, jurisdiction.code)});
    }
    render::AddOptions(content, "COUNTRY_OPTION", countries, shown.country);
  }
}

void FillEvents(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
                const Page<EventSummary>& found) {
  const std::string& language = context.language;
  content.SetValue("SUMMARY",
                   fmt::format("{} {}", deps.pages.catalogs().FormatNumber(language, found.total),
                               deps.pages.catalogs().TranslatePlural(language, "event", "events", found.total)));
  for (const auto& event : found.items) {
    auto* item = content.AddSectionDictionary("EVENT");
    item->SetValue("SLUG", event.slug);
    SetLocalized(*item, "TITLE", "TITLE_LANG", event.title, language, event.slug);
    item->SetValue("KIND", deps.pages.Translate(context, kEventKinds.Label(event.kind)));
    item->SetValue("DATES", DatesText(deps.pages, context, event.starts, event.ends));
    if (event.starts.known()) item->SetValue("FIRST_DAY", event.starts.ToString().substr(0, 10));
    std::string place = event.city.TextIn(language);
    if (place.empty()) place = deps.pages.Translate(context, N_("place not given in the sources"));
    item->SetValue("PLACE", place);
    if (event.series) {
      SetLocalized(*item->AddSectionDictionary("SERIES"), "NAME", "NAME_LANG", event.series->title, language,
                   event.series->slug);
    }
  }
  if (found.items.empty()) content.ShowSection("NO_EVENTS");
}

void FillSeries(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps) {
  auto series = deps.events.ListSeries();
  if (!series) return;
  const std::string& language = context.language;
  for (const auto& item : *series) {
    auto* row = content.AddSectionDictionary("SERIES_ITEM");
    row->SetValue("SLUG", item.slug);
    SetLocalized(*row, "TITLE", "TITLE_LANG", item.title, language, item.slug);
    SetLocalized(*row, "DESCRIPTION", "DESCRIPTION_LANG", item.description, language, "");
    SetLocalized(*row, "RECURRENCE", "RECURRENCE_LANG", item.recurrence, language,
                 deps.pages.Translate(context, N_("dates not given in the sources")));
  }
}

// --- The event ---

// Kind, dates, place, zone, programme.
void FillFacts(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
               const Event& event) {
  const std::string& language = context.language;
  content.SetValue("SLUG", event.slug);
  // Inside sections where SLUG names a person or an organization.
  content.SetValue("EVENT_SLUG", event.slug);
  SetLocalized(content, "TITLE", "TITLE_LANG", event.title, language, event.slug);
  SetLocalized(content, "DESCRIPTION", "DESCRIPTION_LANG", event.description, language, "");
  content.SetValue("KIND", deps.pages.Translate(context, kEventKinds.Label(event.kind)));
  content.SetValue("DATES", DatesText(deps.pages, context, event.starts, event.ends));
  if (!event.starts.known()) content.ShowSection("DATES_UNKNOWN");
  if (!event.dates_note.empty())
    SetLocalized(*content.AddSectionDictionary("DATES_NOTE"), "TEXT", "TEXT_LANG", event.dates_note, language, "");
  std::string unknown_place = deps.pages.Translate(context, N_("not given in the sources"));
  SetLocalized(content, "CITY", "CITY_LANG", event.city, language, unknown_place);
  if (event.city.empty()) content.ShowSection("CITY_UNKNOWN");
  if (!event.venue.empty())
    SetLocalized(*content.AddSectionDictionary("VENUE"), "TEXT", "TEXT_LANG", event.venue, language, "");
  content.SetValue("COUNTRY", event.country.empty() ? unknown_place : event.country);
  content.SetValue("TIME_ZONE", event.time_zone.empty() ? unknown_place : event.time_zone);
  if (event.organizers.empty()) content.SetValueAndShowSection("UNKNOWN", unknown_place, "ORGANIZERS_UNKNOWN");
  // The zone choice matters only when some session has hours.
  if (std::any_of(event.sessions.begin(), event.sessions.end(),
                  [](const Session& session) { return session.starts.has_time(); })) {
    content.ShowSection("HAS_TIMES");
  }
  if (!event.programme.empty()) {
    SetLocalized(*content.AddSectionDictionary("PROGRAMME"), "TEXT", "TEXT_LANG", event.programme, language, "");
  }
}

// The agreements it serves and those signed at it, its series, its organizers.
void FillLinks(ctemplate::TemplateDictionary& content, const std::string& language, const Event& event) {
  for (const auto& objective : event.served_objectives) {
    auto* item = content.AddSectionDictionary("SERVED_OBJECTIVE");
    item->SetValue("SLUG", objective.agreement_slug);
    SetLocalized(*item, "AGREEMENT", "AGREEMENT_LANG", objective.agreement_title, language, objective.agreement_slug);
    item->SetValue("NUMBER", std::to_string(objective.number));
    SetLocalized(*item, "TEXT", "TEXT_LANG", objective.text, language, "");
  }
  if (!event.served_objectives.empty()) content.ShowSection("SERVES");
  for (const auto& [slug, title] : event.signed_agreements) {
    auto* item = content.AddSectionDictionary("SIGNED_AGREEMENT");
    item->SetValue("SLUG", slug);
    SetLocalized(*item, "TITLE", "TITLE_LANG", title, language, slug);
  }
  if (event.series) {
    auto* series = content.AddSectionDictionary("SERIES");
    series->SetValue("SLUG", event.series->slug);
    SetLocalized(*series, "NAME", "NAME_LANG", event.series->title, language, event.series->slug);
  }
  for (const auto& organizer : event.organizers) {
    auto* item = content.AddSectionDictionary("ORGANIZER");
    item->SetValue("SLUG", organizer.slug);
    SetLocalized(*item, "NAME", "NAME_LANG", organizer.name, language, organizer.slug);
  }
}

void FillPerson(ctemplate::TemplateDictionary& item, const char* section, const NamedPerson& person) {
  auto* row = item.AddSectionDictionary(section);
  row->SetValue("SLUG", person.slug);
  row->SetValue("NAME", person.name);
}

void FillAwards(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
                const Event& event) {
  const std::string& language = context.language;
  for (const auto& award : event.awards) {
    auto* item = content.AddSectionDictionary("AWARD");
    SetLocalized(*item, "TITLE", "TITLE_LANG", award.title, language, "");
    SetLocalized(*item, "CITATION", "CITATION_LANG", award.citation, language, "");
    if (!award.citation.empty()) item->ShowSection("HAS_CITATION");
    item->SetValue("DATE", deps.pages.catalogs().FormatDate(language, award.awarded_on));
    if (award.presented_by) FillPerson(*item, "PRESENTED_BY", *award.presented_by);
    if (award.recipient) {
      NamedPerson recipient = *award.recipient;
      // A person the sources name only by their role is linked by that role.
      if (recipient.name.empty()) recipient.name = award.recipient_role.TextIn(language, recipient.slug);
      FillPerson(*item, "RECIPIENT", recipient);
    }
    if (!award.recipient_role.empty() && !(award.recipient && award.recipient->name.empty())) {
      SetLocalized(*item->AddSectionDictionary("RECIPIENT_ROLE"), "TEXT", "TEXT_LANG", award.recipient_role, language,
                   "");
    }
  }
}

// Delegations: their organization and size; names only when known.
void FillDelegations(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
                     const Event& event, bool manager) {
  const std::string& language = context.language;
  for (const auto& delegation : event.delegations) {
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
    if (delegation.members.empty()) item->ShowSection("NAMES_UNKNOWN");
    for (const auto& member : delegation.members) FillPerson(*item, "MEMBER", member);
    bool own = manager;
    for (OrganizationId organization : context.actor.OrganizationsInScope()) {
      own = own || organization == delegation.organization.id;
    }
    if (own && context.actor.signed_in()) item->ShowSection("AGENDA_LINK");
  }
  if (event.delegations.empty()) content.ShowSection("NO_DELEGATIONS");
}

// Participants who consented to be listed (organizers see everyone, with their status).
void FillParticipants(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
                      const Event& event, bool manager) {
  int listed = 0;
  for (const auto& participant : event.participants) {
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
}

void FillRegistration(render::Page& page, const RequestContext& context, const Context& deps, const Event& event) {
  auto& content = page.content();
  content.SetValue("REGISTRATION", deps.pages.Translate(context, kRegistrations.Label(event.registration)));
  if (event.capacity) {
    content.SetValueAndShowSection("CAPACITY", deps.pages.catalogs().FormatNumber(context.language, *event.capacity),
                                   "HAS_CAPACITY");
  }
  if (event.registration == Registration::kClosed) return;
  if (!context.actor.signed_in()) {
    content.ShowSection("REGISTER_SIGN_IN");
    return;
  }
  auto mine = std::find_if(event.participants.begin(), event.participants.end(),
                           [&](const Participant& item) { return item.user == context.actor.user(); });
  if (mine != event.participants.end()) {
    content.SetValueAndShowSection("MY_STATUS", StatusText(deps, context, mine->status), "REGISTERED");
  } else {
    content.ShowSection("REGISTER_FORM");
    page.UseForms();
  }
}

// Invitations: the organizers and the invitees see them.
void FillInvitations(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
                     const Event& event, bool manager) {
  const std::string& language = context.language;
  for (const auto& invitation : event.invitations) {
    if (!manager && !EventService::MayAnswer(context.actor, invitation)) continue;
    content.ShowSection("INVITATIONS");
    auto* item = content.AddSectionDictionary("INVITATION");
    item->SetValue("ID", std::to_string(invitation.id.value()));
    item->SetValue("FROM", InvitationFrom(invitation, language));
    item->SetValue("TO", InvitationTo(invitation, language));
    item->SetValue("STATUS", deps.pages.Translate(context, kInvitationStatuses.Label(invitation.status)));
    if (invitation.invited_count) {
      item->SetValueAndShowSection("COUNT", deps.pages.catalogs().FormatNumber(language, *invitation.invited_count),
                                   "HAS_COUNT");
    }
  }
}

// The organizers' forms: sessions, invitations, delegations, participants, awards.
void FillManagerForms(render::Page& page, const RequestContext& context, const Context& deps, const Event& event) {
  auto& content = page.content();
  content.ShowSection("MANAGER");
  page.UseForms();
  render::AddOptions(content, "ROLE_OPTION", EnumOptions(kParticipantRoles, deps, context));
  render::AddOptions(content, "DELEGATION_OPTION", DelegationOptions(event, context.language));
  render::AddOptions(content, "SESSION_KIND_OPTION", EnumOptions(kSessionKinds, deps, context));
  render::AddLanguageOptions(content);
  if (auto organizations = deps.organizations.ListAll(context.actor)) {
    render::AddOptions(content, "ORGANIZATION_OPTION",
                       directory::OrganizationOptions(*organizations, context.language));
  }
}

void FillNotices(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps) {
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
}

}  // namespace

Result<Response> ListPage(RequestContext& context, const Context& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  auto filter = ReadFilter(context.request);
  Result<Page<EventSummary>> found = !filter         ? Result<Page<EventSummary>>(Fail(filter.error()))
                                     : !page_request ? Result<Page<EventSummary>>(Fail(page_request.error()))
                                                     : deps.events.List(context.actor, *filter, *page_request);
  render::Page page("events/list.tpl", deps.pages.Translate(context, N_("Events")));
  auto& content = page.content();
  FillFilters(content, context, deps, filter.value_or(EventFilter{}));
  if (context.actor.signed_in()) content.ShowSection("SIGNED_IN");
  if (EventService::MayCreate(context.actor)) content.ShowSection("MAY_CREATE");
  int status = 200;
  if (!found) {
    deps.pages.ShowErrors(context, content, found.error());
    status = http::HttpStatusFor(found.error().code());
  } else {
    FillEvents(content, context, deps, *found);
  }
  FillSeries(content, context, deps);
  return deps.pages.Render(context, page, status);
}

Result<Response> EventPage(RequestContext& context, const Context& deps, std::optional<Error> form_error, int status) {
  auto event = EventOfPath(context, deps);
  if (!event) return Fail(event.error());
  render::Page page("events/event.tpl", event->title.TextIn(context.language, event->slug));
  auto& content = page.content();
  FillFacts(content, context, deps, *event);
  FillLinks(content, context.language, *event);
  std::string viewer_zone = ViewerZone(context, "");
  FillZoneChoice(content, event->time_zone, viewer_zone);
  FillTimetable(context, deps, *event, viewer_zone, content);
  FillAwards(content, context, deps, *event);
  bool manager = EventService::MayManage(context.actor, *event);
  FillDelegations(content, context, deps, *event, manager);
  FillParticipants(content, context, deps, *event, manager);
  FillRegistration(page, context, deps, *event);
  FillInvitations(content, context, deps, *event, manager);
  if (manager) FillManagerForms(page, context, deps, *event);
  FillNotices(content, context, deps);
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

}  // namespace entente::events
