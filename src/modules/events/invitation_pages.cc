// Invitations to the organizations one coordinates: the list, the answer, the letter as PDF.

#include "modules/events/events_handlers.h"

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/i18n/languages.h"
#include "modules/events/event_times.h"
#include "modules/events/letter_pdf.h"

namespace entente::events {

using render::SetLocalized;
using render::Text;

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
    item->SetValue("DATES", DatesText(deps.pages, context, event.starts, event.ends));
    SetLocalized(*item, "CITY", "CITY_LANG", event.city, language, "");
    item->SetValue("FROM", InvitationFrom(invitation, language));
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
  InvitationAnswer answer = form->Get("answer") == "accept" ? InvitationAnswer::kAccept : InvitationAnswer::kDecline;
  auto answered =
      deps.events.Answer(context.actor, context.params.GetId<InvitationId>("id"), answer, form->Get("delegation_size"));
  if (!answered) return Fail(answered.error());
  return Response::Redirect(
      fmt::format("/events/invitations?answered={}", answer == InvitationAnswer::kAccept ? "accepted" : "declined"));
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
  std::string to = InvitationTo(*invitation, language);
  std::string from = InvitationFrom(*invitation, language);
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
  return PdfResponse(RenderPdf(document), fmt::format("invitation-{}-{}.pdf", invitation->id.value(), language));
}

}  // namespace entente::events
