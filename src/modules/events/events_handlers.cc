#include "modules/events/events_handlers.h"

#include <fmt/format.h>

#include "core/base/messages.h"

namespace entente::events {

std::optional<Response> PageCache::Find(const std::string& key, std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation ||
      std::chrono::steady_clock::now() - it->second.built_at > kPageCacheAge) {
    return std::nullopt;
  }
  return it->second.response;
}

void PageCache::Store(const std::string& key, std::uint64_t generation, const Response& response) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[key] = Entry{generation, std::chrono::steady_clock::now(), response};
}

std::string OrganizationName(const NamedOrganization& organization, const std::string& language) {
  return organization.name.TextIn(language, organization.slug);
}

std::string StatusText(const Context& deps, const RequestContext& context, ParticipantStatus status) {
  return deps.pages.Translate(context, kParticipantStatuses.Label(status));
}

namespace {

std::string Side(const std::optional<NamedPerson>& person, const std::optional<NamedOrganization>& organization,
                 const std::string& language) {
  std::string text = person ? person->name : "";
  if (organization) text += (text.empty() ? "" : ", ") + OrganizationName(*organization, language);
  return text;
}

}  // namespace

std::string InvitationFrom(const Invitation& invitation, const std::string& language) {
  return Side(invitation.from_person, invitation.from_organization, language);
}

std::string InvitationTo(const Invitation& invitation, const std::string& language) {
  return Side(invitation.to_person, invitation.to_organization, language);
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

Result<Event> EventOfPath(const RequestContext& context, const Context& deps) {
  return deps.events.Get(context.actor, std::string(context.params.Get("slug")));
}

Result<Event> Managed(const RequestContext& context, Result<Event> event) {
  if (!event) return Fail(event.error());
  if (!EventService::MayManage(context.actor, *event)) {
    return Fail(Error::PermissionDenied(N_("Only the coordinators of the event's organizers may change it.")));
  }
  return event;
}

Status CheckMayCreate(const RequestContext& context) {
  if (!EventService::MayCreate(context.actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of an organization may create events.")));
  }
  return {};
}

Response CalendarResponse(std::string body, const std::string& file_name) {
  Response response;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "text/calendar; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

Response PdfResponse(std::string body, const std::string& file_name) {
  Response response;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "application/pdf");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.SetHeader("Content-Security-Policy", "sandbox");
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

std::vector<render::Option> VisibilityOptions(const Context& deps, const RequestContext& context) {
  std::vector<render::Option> options;
  for (auth::Visibility visibility :
       {auth::Visibility::kPublic, auth::Visibility::kMembers, auth::Visibility::kOrganization}) {
    options.push_back({std::string(auth::VisibilityKey(visibility)),
                       deps.pages.Translate(context, auth::VisibilityLabel(visibility))});
  }
  return options;
}

std::vector<render::Option> DelegationOptions(const Event& event, const std::string& language) {
  std::vector<render::Option> options;
  for (const auto& delegation : event.delegations) {
    options.push_back({std::to_string(delegation.id.value()), OrganizationName(delegation.organization, language)});
  }
  return options;
}

std::string AgendaWhat(const Context& deps, const std::string& language, const AgendaItem& item) {
  if (item.kind == AgendaItem::Kind::kSession) return item.title.TextIn(language);
  std::string with = item.with.empty() ? item.with_name.TextIn(language) : item.with;
  return deps.pages.catalogs().TranslateWith(language, N_("Meeting with {1}"), with);
}

std::vector<CalendarEntry> AgendaEntries(const std::vector<AgendaItem>& items, const Context& deps,
                                         const std::string& language) {
  std::vector<CalendarEntry> entries;
  for (const auto& item : items) {
    std::string summary = AgendaWhat(deps, language, item);
    if (summary.empty()) summary = item.event_title.TextIn(language, item.event_slug);
    entries.push_back(
        {fmt::format("{}-{}@entente", item.kind == AgendaItem::Kind::kSession ? "session" : "meeting", item.uid),
         summary, item.event_title.TextIn(language, item.event_slug), item.room, "/events/" + item.event_slug,
         item.time_zone, item.starts, item.ends});
  }
  return entries;
}

}  // namespace entente::events
