// EventService: invitations and their answers.

#include "modules/events/event_service.h"

#include <algorithm>
#include <map>
#include <set>
#include "core/auth/visibility.h"
#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "modules/directory/lookup.h"
#include "modules/events/event_service_rules.h"
#include "modules/events/rules.h"

namespace entente::events {

using namespace service_rules;  // NOLINT(google-build-using-namespace): the service's own rules

Result<InvitationId> EventService::Invite(const auth::Actor& actor, EventId id, const InvitationInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<InvitationId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    auto find_organization = [&](const std::string& slug, const char* field) -> std::optional<OrganizationId> {
      if (slug.empty()) return std::nullopt;
      auto found = directory::VisibleOrganizationBySlug(sql, actor, slug);
      if (!found) errors.push_back({field, N_("There is no such organization.")});
      return found;
    };
    auto find_person = [&](const std::string& slug, const char* field) -> std::optional<PersonId> {
      if (slug.empty()) return std::nullopt;
      auto found = directory::PersonBySlug(sql, slug);
      if (!found) errors.push_back({field, N_("There is no such person in the directory.")});
      return found;
    };
    auto from_organization = find_organization(input.from_organization, "from_organization");
    auto from_person = find_person(input.from_person, "from_person");
    auto to_organization = find_organization(input.to_organization, "to_organization");
    auto to_person = find_person(input.to_person, "to_person");
    if (input.from_organization.empty() && input.from_person.empty()) {
      errors.push_back({"from_organization", N_("Say who invites: an organization or a person.")});
    }
    if (input.to_organization.empty() && input.to_person.empty()) {
      errors.push_back({"to_organization", N_("Say who is invited: an organization or a person.")});
    }
    auto count = ReadCount(input.invited_count, "invited_count", 1000);
    if (!count) errors.insert(errors.end(), count.error().fields().begin(), count.error().fields().end());
    if (!i18n::IsSupportedLanguage(input.language))
      errors.push_back({"language", N_("Choose a language from the list.")});
    auto sent_on = PartialDate::Parse(input.sent_on);
    if (!sent_on) errors.push_back({"sent_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    InvitationId invitation = store_.InsertInvitation(sql, event->permit, from_organization, from_person,
                                                      to_organization, to_person, *count, input.language, *sent_on);
    Audit(sql, actor, "event.invitation.create", "event_invitation", invitation.value(), Owner(*event),
          {{"event", event->slug}, {"to_organization", input.to_organization}, {"to_person", input.to_person}});
    return invitation;
  });
}

Result<Invitation> EventService::GetInvitation(const auth::Actor& actor, InvitationId id) {
  return database_.Read([&](soci::session& sql) -> Result<Invitation> {
    auto invitation = store_.LoadInvitation(sql, id);
    if (!invitation) return Fail(Error::NotFound());
    auto event = store_.Load(sql, invitation->event);
    // The letter is for those who sent it and those it is addressed to (docs/SECURITY.md 7: a 404
    // for anyone else, never the record).
    if (!event || !(MayAnswer(actor, *invitation) || MayManage(actor, *event))) return Fail(Error::NotFound());
    return std::move(*invitation);
  });
}

Result<InvitationId> EventService::Answer(const auth::Actor& actor, InvitationId id, InvitationAnswer answer,
                                          const std::string& delegation_size) {
  bool accept = answer == InvitationAnswer::kAccept;
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<InvitationId> {
    auto invitation = store_.LoadInvitation(sql, id);
    if (!invitation) return Fail(Error::NotFound());
    auto event = store_.Load(sql, invitation->event);
    if (!event) return Fail(Error::NotFound());
    if (!MayAnswer(actor, *invitation)) {
      if (!MayManage(actor, *event)) return Fail(Error::NotFound());
      return Fail(Error::PermissionDenied(N_("Only the coordinators of the invited organization may answer.")));
    }
    if (invitation->status != InvitationStatus::kPending) {
      return Fail(Error::Conflict(N_("This invitation has already been answered.")));
    }
    std::optional<DelegationId> delegation;
    if (accept && invitation->to_organization) {
      auto size = ReadCount(delegation_size, "delegation_size", 1000);
      if (!size) return Fail(size.error());
      std::optional<int> people = *size ? *size : invitation->invited_count;
      if (people && invitation->invited_count && *people > *invitation->invited_count) {
        return Fail(Invalid({{"delegation_size", N_("The invitation is for fewer people.")}}));
      }
      if (people && event->capacity && event->ConfirmedCount() + *people > *event->capacity) {
        return Fail(Invalid({{"delegation_size", N_("The event does not have room for so many people.")}}));
      }
      auto permit = auth::Policy::Change(actor, auth::Role::kCoordinator, "event invitation", id,
                                         {auth::Visibility::kPublic, {invitation->to_organization->id}, {}});
      if (!permit) return Fail(permit.error());
      delegation = store_.InsertDelegation(sql, *permit, event->id, invitation->to_organization->id, people);
    }
    store_.RespondToInvitation(sql, id, accept ? InvitationStatus::kAccepted : InvitationStatus::kDeclined, delegation,
                               actor.user());
    Audit(sql, actor, accept ? "event.invitation.accept" : "event.invitation.decline", "event_invitation", id.value(),
          invitation->to_organization ? std::optional(invitation->to_organization->id) : std::nullopt,
          {{"event", event->slug}, {"delegation_size", delegation_size}});
    return id;
  });
}

Result<std::vector<std::pair<Invitation, EventSummary>>> EventService::InvitationsForActor(const auth::Actor& actor) {
  return database_.Read([&](soci::session& sql) -> Result<std::vector<std::pair<Invitation, EventSummary>>> {
    std::vector<std::pair<Invitation, EventSummary>> result;
    auto organizations = actor.OrganizationsWhere(auth::Role::kCoordinator);
    if (organizations.empty()) return result;
    for (auto& invitation : store_.InvitationsTo(sql, organizations)) {
      auto event = store_.Load(sql, invitation.event);
      if (!event || !MayView(actor, *event)) continue;
      EventSummary summary;
      summary.id = event->id;
      summary.slug = event->slug;
      summary.kind = event->kind;
      summary.time_zone = event->time_zone;
      summary.starts = event->starts;
      summary.ends = event->ends;
      summary.title = event->title;
      summary.city = event->city;
      result.push_back({std::move(invitation), std::move(summary)});
    }
    return result;
  });
}

}  // namespace entente::events
