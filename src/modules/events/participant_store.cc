// EventStore: delegations, participants and registrations.

#include "modules/events/event_store.h"

#include "core/base/time.h"

#include "modules/events/event_store_rows.h"

namespace entente::events {

using namespace store_rows;  // NOLINT(google-build-using-namespace): the store's own helpers

DelegationId EventStore::InsertDelegation(soci::session& sql, const auth::Permit<InvitationId>& invitation,
                                          EventId event, OrganizationId organization, std::optional<int> size) const {
  (void)invitation;  // the permit of the invitation being accepted, in the same transaction
  return InsertDelegationRow(sql, event, organization, std::nullopt, size, {});
}

DelegationId EventStore::InsertDelegation(soci::session& sql, const auth::Permit<EventId>& permit,
                                          OrganizationId organization, std::optional<PersonId> head,
                                          std::optional<int> size, const std::vector<PersonId>& members) const {
  return InsertDelegationRow(sql, permit.id(), organization, head, size, members);
}

DelegationId EventStore::InsertDelegationRow(soci::session& sql, EventId event, OrganizationId organization,
                                             std::optional<PersonId> head, std::optional<int> size,
                                             const std::vector<PersonId>& members) const {
  long long event_id = event.value(), organization_id = organization.value(), id = 0;
  auto [head_id, head_i] = Nullable(head);
  int size_value = size.value_or(0);
  soci::indicator size_i = size ? soci::i_ok : soci::i_null;
  std::string now = NowUtc();
  sql << "INSERT INTO event_delegations (event_id, organization_id, head_person_id, size, created_at_utc) "
         "VALUES (:e, :o, :h, :s, :now) RETURNING id",
      soci::use(event_id), soci::use(organization_id), soci::use(head_id, head_i), soci::use(size_value, size_i),
      soci::use(now), soci::into(id);
  for (PersonId member : members) {
    long long person = member.value();
    sql << "INSERT INTO event_delegation_members (delegation_id, person_id) VALUES (:d, :p)", soci::use(id),
        soci::use(person);
  }
  return DelegationId(id);
}

void EventStore::SetDelegationSize(soci::session& sql, DelegationId delegation, std::optional<int> size) const {
  long long id = delegation.value();
  int size_value = size.value_or(0);
  soci::indicator size_i = size ? soci::i_ok : soci::i_null;
  sql << "UPDATE event_delegations SET size = :s WHERE id = :id", soci::use(size_value, size_i), soci::use(id);
}

ParticipantId EventStore::InsertParticipant(soci::session& sql, const auth::Permit<EventId>& event,
                                            std::optional<PersonId> person, ParticipantRole role,
                                            ParticipantStatus status, ListConsent consent,
                                            std::optional<DelegationId> delegation) const {
  return InsertParticipantRow(sql, event.id(), person, UserId(), role, status, consent, delegation);
}

ParticipantId EventStore::InsertRegistration(soci::session& sql, EventId event, UserId user,
                                             std::optional<PersonId> person, ParticipantStatus status,
                                             ListConsent consent) const {
  return InsertParticipantRow(sql, event, person, user, ParticipantRole::kGuest, status, consent, std::nullopt);
}

ParticipantId EventStore::InsertParticipantRow(soci::session& sql, EventId event, std::optional<PersonId> person,
                                               UserId user, ParticipantRole role, ParticipantStatus status,
                                               ListConsent consent, std::optional<DelegationId> delegation) const {
  long long event_id = event.value(), id = 0;
  auto [person_id, person_i] = Nullable(person);
  auto [delegation_id, delegation_i] = Nullable(delegation);
  long long user_id = user.value();
  soci::indicator user_i = user.valid() ? soci::i_ok : soci::i_null;
  std::string role_key(kParticipantRoles.Key(role)), status_key(kParticipantStatuses.Key(status)), now = NowUtc();
  int consent_value = consent == ListConsent::kListed ? 1 : 0;
  sql << "INSERT INTO event_participants (event_id, person_id, user_id, role, status, consent_to_list, delegation_id, "
         "created_at_utc) VALUES (:e, :p, :u, :r, :s, :c, :d, :now) RETURNING id",
      soci::use(event_id), soci::use(person_id, person_i), soci::use(user_id, user_i), soci::use(role_key),
      soci::use(status_key), soci::use(consent_value), soci::use(delegation_id, delegation_i), soci::use(now),
      soci::into(id);
  return ParticipantId(id);
}

void EventStore::SetParticipantStatus(soci::session& sql, const auth::Permit<EventId>& event, ParticipantId participant,
                                      ParticipantStatus status) const {
  long long event_id = event.id().value(), id = participant.value();
  std::string key(kParticipantStatuses.Key(status));
  sql << "UPDATE event_participants SET status = :s WHERE id = :id AND event_id = :e", soci::use(key), soci::use(id),
      soci::use(event_id);
}

void EventStore::SetParticipantConsent(soci::session& sql, const auth::Permit<ParticipantId>& participant,
                                       ListConsent consent) const {
  long long id = participant.id().value();
  int consent_value = consent == ListConsent::kListed ? 1 : 0;
  sql << "UPDATE event_participants SET consent_to_list = :c WHERE id = :id", soci::use(consent_value), soci::use(id);
}

void EventStore::DeleteParticipant(soci::session& sql, const auth::Permit<EventId>& permit,
                                   ParticipantId participant) const {
  EventId event = permit.id();
  long long event_id = event.value(), id = participant.value();
  sql << "DELETE FROM event_participants WHERE id = :id AND event_id = :e", soci::use(id), soci::use(event_id);
}

std::optional<ParticipantId> EventStore::FindParticipantByUser(soci::session& sql, EventId event, UserId user) const {
  long long event_id = event.value(), user_id = user.value(), id = 0;
  sql << "SELECT id FROM event_participants WHERE event_id = :e AND user_id = :u", soci::use(event_id),
      soci::use(user_id), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return ParticipantId(id);
}

}  // namespace entente::events
