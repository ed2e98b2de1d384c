// EventService: delegations, participants, registrations and awards.

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

Result<DelegationId> EventService::AddDelegation(const auth::Actor& actor, EventId id, const DelegationInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<DelegationId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    auto organization = directory::VisibleOrganizationBySlug(sql, actor, input.organization);
    if (!organization) errors.push_back({"organization", N_("There is no such organization.")});
    // A delegation joins the event and an organization: the organizers record one for an
    // organization they invited, or its own coordinators do.
    if (organization && !Coordinates(actor, *organization) &&
        std::none_of(event->invitations.begin(), event->invitations.end(), [&](const Invitation& invitation) {
          return invitation.to_organization && invitation.to_organization->id == *organization &&
                 invitation.status != InvitationStatus::kDeclined;
        })) {
      errors.push_back({"organization", N_("Invite the organization first: a delegation comes from an invitation.")});
    }
    std::optional<PersonId> head;
    if (!input.head.empty()) {
      head = directory::PersonBySlug(sql, input.head);
      if (!head) errors.push_back({"head", N_("There is no such person in the directory.")});
    }
    auto size = ReadCount(input.size, "size", 1000);
    if (!size) errors.insert(errors.end(), size.error().fields().begin(), size.error().fields().end());
    std::vector<PersonId> members;
    for (const auto& slug : input.members) {
      if (auto person = directory::PersonBySlug(sql, slug)) {
        members.push_back(*person);
      } else {
        errors.push_back({"members", N_("There is no such person in the directory.")});
      }
    }
    if (size && *size && static_cast<int>(members.size()) > **size) {
      errors.push_back({"size", N_("The delegation has more members than its size.")});
    }
    if (size && *size && event->capacity && event->ConfirmedCount() + **size > *event->capacity) {
      errors.push_back({"size", N_("The event does not have room for so many people.")});
    }
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    DelegationId delegation = store_.InsertDelegation(sql, event->permit, *organization, head, *size, members);
    Audit(sql, actor, "event.delegation.create", "event_delegation", delegation.value(), Owner(*event),
          {{"event", event->slug}, {"organization", input.organization}});
    return delegation;
  });
}

Result<ParticipantId> EventService::AddParticipant(const auth::Actor& actor, EventId id,
                                                   const ParticipantInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<ParticipantId> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    std::vector<FieldError> errors;
    auto person = directory::PersonBySlug(sql, input.person);
    if (!person) errors.push_back({"person", N_("There is no such person in the directory.")});
    auto role = kParticipantRoles.Parse(input.role);
    if (!role) errors.push_back({"role", N_("Choose a role from the list.")});
    std::optional<DelegationId> delegation;
    if (!input.delegation.empty()) {
      delegation = DelegationId::Parse(input.delegation);
      bool own = delegation && std::any_of(event->delegations.begin(), event->delegations.end(),
                                           [&](const Delegation& item) { return item.id == *delegation; });
      if (!own) errors.push_back({"delegation", N_("This delegation is not one of the event's.")});
    }
    if (person && std::any_of(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.person && item.person->id == *person; })) {
      errors.push_back({"person", N_("This person already takes part in the event.")});
    }
    if (event->capacity && event->ConfirmedCount() >= *event->capacity) {
      errors.push_back({"person", N_("The event is full.")});
    }
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    ParticipantId participant =
        store_.InsertParticipant(sql, event->permit, person, *role, ParticipantStatus::kConfirmed,
                                 input.consent_to_list ? ListConsent::kListed : ListConsent::kUnlisted, delegation);
    Audit(sql, actor, "event.participant.create", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"person", input.person}, {"role", input.role}});
    return participant;
  });
}

Status EventService::SetParticipantConsent(const auth::Actor& actor, EventId id, ParticipantId participant,
                                           ListConsent listed) {
  bool consent = listed == ListConsent::kListed;  // for the rule and the audit entry
  return database_.Write([&](soci::session& sql) -> Status {
    if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) {
      return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "event", id.value()));
    }
    auto found = std::find_if(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.id == participant; });
    bool self = found != event->participants.end() && actor.signed_in() && found->user == actor.user();
    // Being listed is the participant's own choice. Organizers record the consent of the people
    // they add themselves (a speaker who agreed by letter), and may take any name off the list;
    // a registrant's consent (given through the site, on registering) only the registrant gives.
    auto permit = [&]() -> Result<auth::Permit<ParticipantId>> {
      if (self) {
        return auth::Policy::Change(actor, auth::Role::kMember, "event participant", participant,
                                    {auth::Visibility::kPrivate, {}, {actor.user()}});
      }
      auto organizer = auth::Policy::Change(actor, auth::Role::kCoordinator, "event", id, OwnersOf(*event),
                                            N_("Only the coordinators of the event's organizers may change it."));
      if (!organizer) return Fail(organizer.error());
      if (found == event->participants.end()) {
        return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "event participant", participant.value()));
      }
      if (consent && found->user) {
        return Fail(auth::Policy::Refuse(actor,
                                         Error::PermissionDenied(N_("Only the registrant may agree to be listed.")),
                                         "event participant", participant.value()));
      }
      return auth::Policy::Change(actor, auth::Role::kCoordinator, "event participant", participant, OwnersOf(*event));
    }();
    if (!permit) return Fail(permit.error());
    store_.SetParticipantConsent(sql, *permit, listed);
    Audit(sql, actor, "event.participant.consent", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"consent_to_list", consent}});
    return {};
  });
}

Status EventService::RemoveParticipant(const auth::Actor& actor, EventId id, ParticipantId participant) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    auto found = std::find_if(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.id == participant; });
    if (found == event->participants.end()) return Fail(Error::NotFound());
    store_.DeleteParticipant(sql, event->permit, participant);
    Audit(sql, actor, "event.participant.delete", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug},
           {"person", found->person ? found->person->slug : ""},
           {"role", kParticipantRoles.Key(found->role)}});
    return {};
  });
}

Result<ParticipantStatus> EventService::Register(const auth::Actor& actor, EventId id, ListConsent consent_to_list) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<ParticipantStatus> {
    auto event = store_.Load(sql, id);
    if (!event || !MayView(actor, *event)) return Fail(Error::NotFound());
    if (store_.FindParticipantByUser(sql, id, actor.user())) {
      return Fail(Error::Conflict(N_("You are already registered for this event.")));
    }
    // Counted inside the write transaction, so two registrations cannot both take the last place.
    auto status = DecideRegistration(event->registration, event->capacity, event->ConfirmedCount());
    if (!status) return Fail(status.error());
    auto person = store_.PersonOfUser(sql, actor.user());
    ParticipantId participant = store_.InsertRegistration(sql, id, actor.user(), person, *status, consent_to_list);
    Audit(sql, actor, "event.register", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"status", kParticipantStatuses.Key(*status)}});
    return *status;
  });
}

Result<ParticipantStatus> EventService::Decide(const auth::Actor& actor, EventId id, ParticipantId participant,
                                               Decision decision) {
  bool approve = decision == Decision::kApprove;
  return database_.Write([&](soci::session& sql) -> Result<ParticipantStatus> {
    auto event = LoadForChange(sql, actor, id);
    if (!event) return Fail(event.error());
    auto found = std::find_if(event->participants.begin(), event->participants.end(),
                              [&](const Participant& item) { return item.id == participant; });
    if (found == event->participants.end()) return Fail(Error::NotFound());
    ParticipantStatus status = ParticipantStatus::kDeclined;
    if (approve) {
      bool full = event->capacity && event->ConfirmedCount() >= *event->capacity;
      status = full ? ParticipantStatus::kWaiting : ParticipantStatus::kConfirmed;
      if (found->status == ParticipantStatus::kConfirmed) status = ParticipantStatus::kConfirmed;
    }
    store_.SetParticipantStatus(sql, event->permit, participant, status);
    Audit(sql, actor, "event.participant.decide", "event_participant", participant.value(), Owner(*event),
          {{"event", event->slug}, {"status", kParticipantStatuses.Key(status)}});
    return status;
  });
}

Result<AwardId> EventService::AddAward(const auth::Actor& actor, const AwardInput& input) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Result<AwardId> {
    std::optional<auth::Permit<EventId>> event_permit;
    std::optional<auth::Permit<OrganizationId>> platform_permit;
    std::optional<OrganizationId> owner;
    if (!input.event.empty()) {
      auto event_id = store_.FindIdBySlug(sql, input.event);
      if (!event_id) return Fail(Invalid({{"event", N_("There is no such event.")}}));
      auto event = LoadForChange(sql, actor, *event_id);
      if (!event) return Fail(event.error());
      owner = Owner(*event);
      event_permit = event->permit;
    } else {
      // An award given at no recorded event is the platform's to record.
      auto permit = auth::Policy::ForPlatform(actor);
      if (!permit) return Fail(permit.error());
      platform_permit = *permit;
    }
    std::vector<FieldError> errors;
    std::optional<PersonId> by, to;
    if (!input.presented_by.empty() && !(by = directory::PersonBySlug(sql, input.presented_by))) {
      errors.push_back({"presented_by", N_("There is no such person in the directory.")});
    }
    if (!input.recipient.empty() && !(to = directory::PersonBySlug(sql, input.recipient))) {
      errors.push_back({"recipient", N_("There is no such person in the directory.")});
    }
    if (input.recipient.empty() && input.recipient_role.empty()) {
      errors.push_back({"recipient", N_("Name the recipient, or the role they held.")});
    }
    if (input.title.empty()) errors.push_back({"title", N_("Give a title.")});
    auto on = PartialDate::Parse(input.awarded_on);
    if (!on) errors.push_back({"awarded_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    if (!errors.empty()) return Fail(Invalid(std::move(errors)));
    AwardId award = store_.InsertAward(sql, event_permit, platform_permit, by, to, input.title, input.citation,
                                       input.recipient_role, *on);
    Audit(sql, actor, "event.award.create", "event_award", award.value(), owner, {{"event", input.event}});
    return award;
  });
}

}  // namespace entente::events
