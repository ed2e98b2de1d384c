// Creating and editing an event, and the forms posted on its page (programme, delegations,
// invitations, registration, participants, awards). Each goes through render::SubmitForm: a
// refused input shows the page again with the errors (422), a saved one redirects.

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <type_traits>
#include <utility>

#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/http/forms.h"
#include "core/i18n/languages.h"
#include "core/render/forms.h"
#include "modules/events/event_times.h"
#include "modules/events/events_handlers.h"

namespace entente::events {

using render::FormMode;

namespace {

// The lists typed in a field: slugs separated by commas, spaces or lines.
std::vector<std::string> SlugList(const std::string& text) { return SplitList(text, ", \r\n"); }

// A text typed in `language` into a new record: the original, or none when blank.
i18n::LocalizedText Typed(const std::string& language, const std::string& text) {
  return i18n::LocalizedText().WithTyped(language, text);
}

// The same error with its fields renamed `prefix` + field, so that a form's errors show beside
// its own fields and not beside the like-named fields of the page's other forms.
Error Prefixed(const Error& error, const std::string& prefix) {
  if (error.code() != ErrorCode::kInvalidArgument) return error;
  std::vector<FieldError> fields;
  for (const auto& field : error.fields()) fields.push_back({prefix + field.field, field.message});
  return Error::InvalidArgument(error.message(), std::move(fields));
}

// The input before a form is read: empty.
template <typename Input>
Input Empty() {
  if constexpr (std::is_same_v<Input, http::Form>) {
    return http::Form({});
  } else {
    return Input{};
  }
}

// A form posted on the event page: `read(form, event)` → the input, `save(event, input)` →
// Result<…>; refused, the event page again with the errors; saved, back to the page at `anchor`.
template <typename Read, typename Save>
Result<Response> EventPagePost(RequestContext& context, const Context& deps, Read&& read, Save&& save,
                               const char* anchor) {
  using Input = std::invoke_result_t<Read, const http::Form&, const Event&>;
  auto event = EventOfPath(context, deps);
  if (!event) return Fail(event.error());
  return render::SubmitForm(
      context.request, Empty<Input>(), [&](const http::Form& form, const Input&) { return read(form, *event); },
      [&](const Input& input) { return save(*event, input); },
      [&](const Input&, const Error& error) { return EventPage(context, deps, error, 422); },
      [&](const auto&) -> Result<Response> {
        return Response::Redirect(fmt::format("/events/{}?saved=1#{}", event->slug, anchor));
      });
}

// For the forms whose fields the save reads itself.
auto FormItself() {
  return [](const http::Form& form, const Event&) { return form; };
}

// The "list me publicly" box.
ListConsent ConsentField(const http::Form& form) {
  return form.Get("consent_to_list") == "1" ? ListConsent::kListed : ListConsent::kUnlisted;
}

// A service call that returns a Status, as SubmitForm's save (which needs a value).
Result<bool> Done(Status status) {
  if (!status) return Fail(status.error());
  return true;
}

// The form's fields over `base` (the event as stored, or empty): texts in the language chosen on
// the form, the other languages kept.
EventInput ReadEventForm(const http::Form& form, const RequestContext& context, EventInput base) {
  std::string language = render::TextLanguage(form, context.language);
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
  input.title = base.title.WithTyped(language, form.Get("title"));
  input.description = base.description.WithTyped(language, form.Get("description"));
  input.city = base.city.WithTyped(language, form.Get("city"));
  input.venue = base.venue.WithTyped(language, form.Get("venue"));
  input.dates_note = base.dates_note.WithTyped(language, form.Get("dates_note"));
  input.organizers = SlugList(form.Get("organizers"));
  return input;
}

void FillEventFields(ctemplate::TemplateDictionary& content, const EventInput& input, const std::string& language) {
  content.SetValue("SLUG", input.slug);
  content.SetValue("COUNTRY", input.country);
  content.SetValue("TIME_ZONE", input.time_zone);
  content.SetValue("STARTS", input.starts);
  content.SetValue("ENDS", input.ends);
  content.SetValue("CAPACITY", input.capacity);
  content.SetValue("SERIES", input.series);
  content.SetValue("ORGANIZERS", fmt::format("{}", fmt::join(input.organizers, ", ")));
  for (auto [variable, text] :
       {std::pair{"TITLE", &input.title}, std::pair{"DESCRIPTION", &input.description}, std::pair{"CITY", &input.city},
        std::pair{"VENUE", &input.venue}, std::pair{"DATES_NOTE", &input.dates_note}}) {
    const auto* variant = text->Find(language);
    content.SetValue(variable, variant ? variant->text : "");
  }
  content.SetValue("TEXT_LANGUAGE", language);
}

// The form over `input`; its texts are edited in `text_language` (the page's language unless the
// form that was refused chose another).
Result<Response> EventFormPage(RequestContext& context, const Context& deps, const EventInput& input, FormMode mode,
                               const Error* error, int status, const std::string& text_language) {
  bool editing = mode == FormMode::kEdit;
  render::Page page("events/form.tpl", deps.pages.Translate(context, editing ? N_("Edit the event") : N_("New event")));
  page.UseForms();
  auto& content = page.content();
  content.SetValue("HEADING", page.title());
  content.SetValue("ACTION", editing ? "/events/" + std::string(context.params.Get("slug")) + "/edit" : "/events");
  FillEventFields(content, input, text_language);
  render::AddOptions(content, "KIND_OPTION", EnumOptions(kEventKinds, deps, context), input.kind);
  render::AddOptions(content, "VISIBILITY_OPTION", VisibilityOptions(deps, context), input.visibility);
  render::AddOptions(content, "REGISTRATION_OPTION", EnumOptions(kRegistrations, deps, context), input.registration);
  FillZoneOptions(content);
  if (error) deps.pages.ShowErrors(context, content, *error);
  return deps.pages.Render(context, page, status);
}

// After a save, to the event's page at its address as stored (the service trims what was typed):
// a Location header is built from validated values only.
Result<Response> ToSavedEvent(RequestContext& context, const Context& deps, EventId id) {
  auto saved = deps.events.Get(context.actor, id);
  if (!saved) return Fail(saved.error());
  return Response::Redirect(fmt::format("/events/{}?saved=1", saved->slug));
}

// The create and the edit form's submit: `save(input)` → Result<EventId>.
template <typename Save>
Result<Response> SubmitEvent(RequestContext& context, const Context& deps, FormMode mode, EventInput base,
                             Save&& save) {
  std::string text_language = context.language;
  return render::SubmitForm(
      context.request, std::move(base),
      [&](const http::Form& form, EventInput input) {
        text_language = render::TextLanguage(form, context.language);
        return ReadEventForm(form, context, std::move(input));
      },
      save,
      [&](const EventInput& input, const Error& error) {
        return EventFormPage(context, deps, input, mode, &error, 422, text_language);
      },
      [&](EventId id) { return ToSavedEvent(context, deps, id); });
}

}  // namespace

Result<Response> NewEventPage(RequestContext& context, const Context& deps) {
  if (auto may = CheckMayCreate(context); !may) return Fail(may.error());
  EventInput input;
  input.kind = "conference";
  // The first organization the actor coordinates, as the organizer to start from.
  for (OrganizationId organization : context.actor.OrganizationsWhere(auth::Role::kCoordinator)) {
    if (auto found = deps.organizations.GetById(context.actor, organization)) {
      input.organizers.push_back(found->slug);
      break;
    }
  }
  return EventFormPage(context, deps, input, FormMode::kCreate, nullptr, 200, context.language);
}

Result<Response> CreateEvent(RequestContext& context, const Context& deps) {
  if (auto may = CheckMayCreate(context); !may) return Fail(may.error());
  return SubmitEvent(context, deps, FormMode::kCreate, EventInput{},
                     [&](const EventInput& input) { return deps.events.Create(context.actor, input); });
}

Result<Response> EditEventPage(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfPath(context, deps));
  if (!event) return Fail(event.error());
  return EventFormPage(context, deps, InputFrom(*event), FormMode::kEdit, nullptr, 200, context.language);
}

Result<Response> UpdateEvent(RequestContext& context, const Context& deps) {
  auto event = Managed(context, EventOfPath(context, deps));
  if (!event) return Fail(event.error());
  return SubmitEvent(context, deps, FormMode::kEdit, InputFrom(*event),
                     [&](const EventInput& input) -> Result<EventId> {
                       if (auto saved = deps.events.Update(context.actor, event->id, input); !saved) {
                         return Fail(saved.error());
                       }
                       return event->id;
                     });
}

Result<Response> AddSession(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps,
      [&](const http::Form& form, const Event&) {
        SessionInput input;
        input.kind = form.Get("kind");
        input.starts = form.Get("starts");
        input.ends = form.Get("ends");
        input.room = form.Get("room");
        input.title = Typed(context.language, form.Get("title"));
        input.speakers = SlugList(form.Get("speakers"));
        input.moderators = SlugList(form.Get("moderators"));
        input.organizations_met = SlugList(form.Get("organizations_met"));
        return input;
      },
      [&](const Event& event, const SessionInput& input) {
        return deps.events.AddSession(context.actor, event.id, input);
      },
      "programme-heading");
}

Result<Response> AddDelegation(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps,
      [](const http::Form& form, const Event&) {
        return DelegationInput{form.Get("organization"), form.Get("head"), form.Get("size"),
                               SlugList(form.Get("members"))};
      },
      [&](const Event& event, const DelegationInput& input) {
        return deps.events.AddDelegation(context.actor, event.id, input);
      },
      "delegations-heading");
}

Result<Response> Invite(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps,
      [](const http::Form& form, const Event&) {
        return InvitationInput{
            form.Get("from_organization"), form.Get("from_person"), form.Get("to_organization"), form.Get("to_person"),
            form.Get("invited_count"),     form.Get("language"),    form.Get("sent_on")};
      },
      [&](const Event& event, const InvitationInput& input) {
        return deps.events.Invite(context.actor, event.id, input);
      },
      "invitations-heading");
}

// Registration: back to the page with the status it ended in (confirmed, pending, waiting).
Result<Response> Register(RequestContext& context, const Context& deps) {
  auto event = EventOfPath(context, deps);
  if (!event) return Fail(event.error());
  return render::SubmitForm(
      context.request, ListConsent::kUnlisted, [](const http::Form& form, ListConsent) { return ConsentField(form); },
      [&](ListConsent consent) { return deps.events.Register(context.actor, event->id, consent); },
      [&](ListConsent, const Error& error) { return EventPage(context, deps, error, 422); },
      [&](ParticipantStatus status) -> Result<Response> {
        return Response::Redirect(fmt::format("/events/{}?registered={}#registration-heading", event->slug,
                                              kParticipantStatuses.Key(status)));
      });
}

Result<Response> DecideParticipant(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps, FormItself(),
      [&](const Event& event, const http::Form& form) -> Result<ParticipantStatus> {
        auto participant = ParticipantId::Parse(form.Get("participant"));
        if (!participant) return Fail(Error::NotFound());
        Decision decision = form.Get("decision") == "approve" ? Decision::kApprove : Decision::kDecline;
        return deps.events.Decide(context.actor, event.id, *participant, decision);
      },
      "participants-heading");
}

Result<Response> AddParticipant(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps,
      [](const http::Form& form, const Event&) {
        return ParticipantInput{form.Get("person"), form.Get("role"), form.Get("consent_to_list") == "1",
                                form.Get("delegation")};
      },
      [&](const Event& event, const ParticipantInput& input) -> Result<ParticipantId> {
        auto created = deps.events.AddParticipant(context.actor, event.id, input);
        if (!created) return Fail(Prefixed(created.error(), "participant_"));
        return created;
      },
      "participants-heading");
}

Result<Response> SetParticipantConsent(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps, FormItself(),
      [&](const Event& event, const http::Form& form) {
        return Done(deps.events.SetParticipantConsent(context.actor, event.id,
                                                      context.params.GetId<ParticipantId>("id"), ConsentField(form)));
      },
      "participants-heading");
}

Result<Response> RemoveParticipant(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps, FormItself(),
      [&](const Event& event, const http::Form&) {
        return Done(deps.events.RemoveParticipant(context.actor, event.id, context.params.GetId<ParticipantId>("id")));
      },
      "participants-heading");
}

Result<Response> AddAward(RequestContext& context, const Context& deps) {
  return EventPagePost(
      context, deps,
      [&](const http::Form& form, const Event& event) {
        AwardInput input;
        input.event = event.slug;
        input.presented_by = form.Get("presented_by");
        input.recipient = form.Get("recipient");
        input.title = Typed(context.language, form.Get("title"));
        input.citation = Typed(context.language, form.Get("citation"));
        input.recipient_role = Typed(context.language, form.Get("recipient_role"));
        input.awarded_on = form.Get("awarded_on");
        return input;
      },
      [&](const Event&, const AwardInput& input) -> Result<AwardId> {
        auto created = deps.events.AddAward(context.actor, input);
        if (!created) return Fail(Prefixed(created.error(), "award_"));
        return created;
      },
      "awards-heading");
}

}  // namespace entente::events
