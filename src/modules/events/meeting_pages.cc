// Private meetings: requests, slots and tables, availability, the scheduler, pinning by hand.

#include <fmt/format.h>

#include <map>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/render/forms.h"
#include "modules/events/event_times.h"
#include "modules/events/events_handlers.h"

namespace entente::events {

using render::SetLocalized;
using render::Text;

namespace {

// A form POST on the meetings page: runs `act`, then back to the page (or the page with errors).
template <typename Act>
Result<Response> MeetingsForm(RequestContext& context, const Context& deps, Act&& act) {
  auto event = EventOfPath(context, deps);
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

// Who asked for a meeting and with whom, as the meetings page names them.
std::pair<std::string, std::string> Describe(const Context& deps, const std::string& language, const Event& event,
                                             const MeetingRequest& request) {
  std::string who = request.requester_person ? request.requester_person->name : "";
  if (request.requester_delegation) {
    for (const auto& delegation : event.delegations) {
      if (delegation.id == *request.requester_delegation) {
        who = deps.pages.catalogs().TranslateWith(language, N_("Delegation of {1}"),
                                                  OrganizationName(delegation.organization, language));
      }
    }
  }
  std::string with = request.host_person         ? request.host_person->name
                     : request.host_organization ? OrganizationName(*request.host_organization, language)
                                                 : "";
  return {who, with};
}

// The slots × tables grid, with the meetings placed in it, and the slot and table options.
void FillGrid(ctemplate::TemplateDictionary& content, const Context& deps, const std::string& language,
              const Event& event, const MeetingBoard& board) {
  std::map<std::pair<long long, long long>, const MeetingRequest*> grid;
  for (const auto& request : board.requests) {
    if (request.slot && request.room) grid[{request.slot->value(), request.room->value()}] = &request;
  }
  std::vector<render::Option> rooms;
  for (const auto& room : board.rooms) {
    content.AddSectionDictionary("ROOM")->SetValue("NAME", room.name);
    rooms.push_back({std::to_string(room.id.value()), room.name});
  }
  render::AddOptions(content, "ROOM_OPTION", rooms);
  for (const auto& slot : board.slots) {
    auto* row = content.AddSectionDictionary("SLOT");
    std::string day = slot.starts.known() ? DayText(deps.pages, language, *slot.starts.day) : "";
    std::string time = TimeTexts(deps.pages, language, event.time_zone, "", slot.starts, slot.ends).first;
    row->SetValue("DAY", day);
    row->SetValue("TIME", time);
    auto* option = content.AddSectionDictionary("SLOT_OPTION");
    option->SetValue("ID", std::to_string(slot.id.value()));
    option->SetValue("LABEL", day + " " + time);
    for (const auto& room : board.rooms) {
      auto* cell = row->AddSectionDictionary("CELL");
      auto it = grid.find({slot.id.value(), room.id.value()});
      if (it == grid.end()) continue;
      auto [who, with] = Describe(deps, language, event, *it->second);
      cell->SetValueAndShowSection("WHO", who, "BOOKED");
      cell->SetValue("WITH", with);
      if (it->second->pinned) cell->ShowSection("PINNED");
    }
  }
}

const char* UnmetText(UnmetReason reason) {
  switch (reason) {
    case UnmetReason::kNoCommonAvailability:
      return N_("No slot where both sides are available.");
    case UnmetReason::kNoRoomFree:
      return N_("Every table is taken when both sides are free.");
    case UnmetReason::kPinConflict:
      return N_("Pinned where another pinned meeting already is.");
    default:
      return N_("One side already has a meeting in every slot where both are free.");
  }
}

// The requests, placed or not, with why a run of the scheduler (`outcome`) left some unmet.
void FillRequests(ctemplate::TemplateDictionary& content, const RequestContext& context, const Context& deps,
                  const Event& event, const MeetingBoard& board, const std::optional<ScheduleOutcome>& outcome) {
  const std::string& language = context.language;
  std::map<long long, UnmetReason> unmet;
  if (outcome) {
    for (const auto& item : outcome->unmet) unmet[item.request.value()] = item.reason;
    content.SetValueAndShowSection(
        "OUTCOME",
        deps.pages.catalogs().TranslateWith(language, N_("Meetings scheduled: {1}."),
                                            fmt::format("{} / {}", outcome->met, outcome->requested)),
        "HAS_OUTCOME");
  }
  for (const auto& request : board.requests) {
    auto* item = content.AddSectionDictionary("REQUEST");
    auto [who, with] = Describe(deps, language, event, request);
    item->SetValue("ID", std::to_string(request.id.value()));
    item->SetValue("WHO", who);
    item->SetValue("WITH", with);
    item->SetValue("PRIORITY", std::to_string(request.priority));
    if (request.slot) {
      item->ShowSection("PLACED");
      if (request.pinned) item->ShowSection("PINNED");
    } else if (auto it = unmet.find(request.id.value()); it != unmet.end()) {
      item->SetValueAndShowSection("REASON", deps.pages.Translate(context, UnmetText(it->second)), "UNMET");
    } else {
      item->ShowSection("NOT_SCHEDULED");
    }
  }
  if (board.requests.empty()) content.ShowSection("NO_REQUESTS");
}

}  // namespace

Result<Response> MeetingsPage(RequestContext& context, const Context& deps, std::optional<Error> form_error, int status,
                              std::optional<ScheduleOutcome> outcome) {
  auto event = EventOfPath(context, deps);
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
  FillGrid(content, deps, language, *event, *board);
  FillRequests(content, context, deps, *event, *board, outcome);
  render::AddOptions(content, "DELEGATION_OPTION", DelegationOptions(*event, language));
  if (form_error) deps.pages.ShowErrors(context, content, *form_error);
  return deps.pages.Render(context, page, status);
}

// From the organizers' meetings page, or from a delegation's agenda (its own coordinators, who
// do not see the meetings page: they go back to the agenda, and errors come on the error page).
Result<Response> RequestMeeting(RequestContext& context, const Context& deps) {
  auto event = EventOfPath(context, deps);
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
    std::vector<SlotId> slots;
    for (const auto& slot : board->slots) {
      if (form.Get(fmt::format("slot_{}", slot.id.value())) == "1") slots.push_back(slot.id);
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
  auto event = EventOfPath(context, deps);
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

}  // namespace entente::events
