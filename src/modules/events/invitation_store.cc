// EventStore: invitations and awards.

#include "modules/events/event_store.h"

#include <stdexcept>
#include "core/base/time.h"

#include "modules/events/event_store_rows.h"

namespace entente::events {

using namespace store_rows;  // NOLINT(google-build-using-namespace): the store's own helpers

namespace {

constexpr const char* kInvitationSelect =
    "SELECT i.id, i.event_id, i.from_organization_id, COALESCE(fo.slug, ''), i.from_person_id, COALESCE(fp.slug, ''), "
    "COALESCE(fp.display_name, ''), i.to_organization_id, COALESCE(tor.slug, ''), i.to_person_id, "
    "COALESCE(tp.slug, ''), COALESCE(tp.display_name, ''), i.invited_count, i.language, i.status, i.sent_on, "
    "i.delegation_id, i.responded_at_utc FROM event_invitations i "
    "LEFT JOIN directory_organizations fo ON fo.id = i.from_organization_id LEFT JOIN directory_people fp ON fp.id = "
    "i.from_person_id "
    "LEFT JOIN directory_organizations tor ON tor.id = i.to_organization_id LEFT JOIN directory_people tp ON tp.id = "
    "i.to_person_id ";

std::vector<Invitation> LoadInvitations(soci::session& sql, const db::Query& query) {
  std::vector<Invitation> invitations;
  long long id = 0, event = 0, from_org = 0, from_person = 0, to_org = 0, to_person = 0, delegation = 0;
  int count = 0;
  soci::indicator from_org_i, from_person_i, to_org_i, to_person_i, count_i, delegation_i;
  std::string from_org_slug, from_person_slug, from_person_name, to_org_slug, to_person_slug, to_person_name, language,
      status, sent_on, responded;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(id));
    s.exchange(soci::into(event));
    s.exchange(soci::into(from_org, from_org_i));
    s.exchange(soci::into(from_org_slug));
    s.exchange(soci::into(from_person, from_person_i));
    s.exchange(soci::into(from_person_slug));
    s.exchange(soci::into(from_person_name));
    s.exchange(soci::into(to_org, to_org_i));
    s.exchange(soci::into(to_org_slug));
    s.exchange(soci::into(to_person, to_person_i));
    s.exchange(soci::into(to_person_slug));
    s.exchange(soci::into(to_person_name));
    s.exchange(soci::into(count, count_i));
    s.exchange(soci::into(language));
    s.exchange(soci::into(status));
    s.exchange(soci::into(sent_on));
    s.exchange(soci::into(delegation, delegation_i));
    s.exchange(soci::into(responded));
  });
  statement.execute(false);
  std::vector<long long> organizations;
  struct Raw {
    long long from_org, to_org;
    soci::indicator from_org_i, to_org_i;
    std::string from_org_slug, to_org_slug;
  };
  std::vector<Raw> raws;
  while (statement.fetch()) {
    Invitation invitation;
    invitation.id = InvitationId(id);
    invitation.event = EventId(event);
    invitation.from_person = Person(from_person, from_person_i, from_person_slug, from_person_name);
    invitation.to_person = Person(to_person, to_person_i, to_person_slug, to_person_name);
    if (count_i == soci::i_ok) invitation.invited_count = count;
    invitation.language = language;
    invitation.status = kInvitationStatuses.Parse(status).value_or(InvitationStatus::kPending);
    invitation.sent_on = PartialDate::Parse(sent_on).value_or(PartialDate());
    if (delegation_i == soci::i_ok) invitation.delegation = DelegationId(delegation);
    invitation.responded_at_utc = responded;
    invitations.push_back(std::move(invitation));
    raws.push_back({from_org, to_org, from_org_i, to_org_i, from_org_slug, to_org_slug});
    if (from_org_i == soci::i_ok) organizations.push_back(from_org);
    if (to_org_i == soci::i_ok) organizations.push_back(to_org);
  }
  auto names = OrganizationNames(sql, organizations);
  for (size_t i = 0; i < invitations.size(); ++i) {
    invitations[i].from_organization = Organization(raws[i].from_org, raws[i].from_org_i, raws[i].from_org_slug, names);
    invitations[i].to_organization = Organization(raws[i].to_org, raws[i].to_org_i, raws[i].to_org_slug, names);
  }
  return invitations;
}

}  // namespace

std::vector<Invitation> store_rows::InvitationsOfEvent(soci::session& sql, EventId event) {
  // sql-fragment: kInvitationSelect is this file's literal statement head.
  db::Query query(kInvitationSelect);
  query.Append("WHERE i.event_id = ").Bind(static_cast<long long>(event.value())).Append(" ORDER BY i.id");
  return LoadInvitations(sql, query);
}

InvitationId EventStore::InsertInvitation(soci::session& sql, const auth::Permit<EventId>& event,
                                          std::optional<OrganizationId> from_organization,
                                          std::optional<PersonId> from_person,
                                          std::optional<OrganizationId> to_organization,
                                          std::optional<PersonId> to_person, std::optional<int> invited_count,
                                          const std::string& language, const PartialDate& sent_on) const {
  long long event_id = event.id().value(), id = 0;
  auto [from_org, from_org_i] = Nullable(from_organization);
  auto [from_p, from_p_i] = Nullable(from_person);
  auto [to_org, to_org_i] = Nullable(to_organization);
  auto [to_p, to_p_i] = Nullable(to_person);
  int count = invited_count.value_or(0);
  soci::indicator count_i = invited_count ? soci::i_ok : soci::i_null;
  std::string sent = sent_on.ToString(), now = NowUtc();
  sql << "INSERT INTO event_invitations (event_id, from_organization_id, from_person_id, to_organization_id, "
         "to_person_id, invited_count, language, sent_on, created_at_utc) VALUES (:e, :fo, :fp, :to, :tp, :c, :l, "
         ":sent, :now) RETURNING id",
      soci::use(event_id), soci::use(from_org, from_org_i), soci::use(from_p, from_p_i), soci::use(to_org, to_org_i),
      soci::use(to_p, to_p_i), soci::use(count, count_i), soci::use(language), soci::use(sent), soci::use(now),
      soci::into(id);
  return InvitationId(id);
}

std::optional<Invitation> EventStore::LoadInvitation(soci::session& sql, InvitationId id) const {
  // sql-fragment: kInvitationSelect is this file's literal statement head.
  db::Query query(kInvitationSelect);
  query.Append("WHERE i.id = ").Bind(static_cast<long long>(id.value()));
  auto invitations = LoadInvitations(sql, query);
  if (invitations.empty()) return std::nullopt;
  return invitations.front();
}

void EventStore::RespondToInvitation(soci::session& sql, InvitationId id, InvitationStatus status,
                                     std::optional<DelegationId> delegation, UserId user) const {
  long long invitation = id.value(), user_id = user.value();
  soci::indicator user_i = user.valid() ? soci::i_ok : soci::i_null;
  auto [delegation_id, delegation_i] = Nullable(delegation);
  std::string key(kInvitationStatuses.Key(status)), now = NowUtc();
  sql << "UPDATE event_invitations SET status = :s, delegation_id = :d, responded_by = :u, responded_at_utc = :now "
         "WHERE id = :id",
      soci::use(key), soci::use(delegation_id, delegation_i), soci::use(user_id, user_i), soci::use(now),
      soci::use(invitation);
}

std::vector<Invitation> EventStore::InvitationsTo(soci::session& sql,
                                                  const std::vector<OrganizationId>& organizations) const {
  std::vector<long long> ids;
  for (OrganizationId organization : organizations) ids.push_back(organization.value());
  // sql-fragment: kInvitationSelect is this file's literal statement head.
  db::Query query(kInvitationSelect);
  query.Append("WHERE i.to_organization_id IN (").BindList(ids).Append(") ORDER BY i.id DESC");
  return LoadInvitations(sql, query);
}

AwardId EventStore::InsertAward(soci::session& sql, const std::optional<auth::Permit<EventId>>& event,
                                const std::optional<auth::Permit<OrganizationId>>& platform,
                                std::optional<PersonId> presented_by, std::optional<PersonId> recipient,
                                const i18n::LocalizedText& title, const i18n::LocalizedText& citation,
                                const i18n::LocalizedText& recipient_role, const PartialDate& awarded_on) const {
  if (!event && !platform) throw std::logic_error("an award needs its event's permit or the platform's");
  auto [event_id, event_i] = Nullable(event ? std::optional<EventId>(event->id()) : std::nullopt);
  auto [by, by_i] = Nullable(presented_by);
  auto [to, to_i] = Nullable(recipient);
  std::string on = awarded_on.ToString(), now = NowUtc();
  long long id = 0;
  sql << "INSERT INTO event_awards (event_id, presented_by_person_id, recipient_person_id, awarded_on, created_at_utc) "
         "VALUES (:e, :b, :r, :on, :now) RETURNING id",
      soci::use(event_id, event_i), soci::use(by, by_i), soci::use(to, to_i), soci::use(on), soci::use(now),
      soci::into(id);
  kAwardTexts.Replace(sql, id, "title", title);
  kAwardTexts.Replace(sql, id, "citation", citation);
  kAwardTexts.Replace(sql, id, "recipient_role", recipient_role);
  return AwardId(id);
}

}  // namespace entente::events
