#include "modules/agreements/agreement_links.h"

#include "core/auth/visibility.h"
#include "core/db/query.h"
#include "core/db/text_table.h"

namespace entente::agreements {
namespace {

constexpr db::TextTable kAgreementTexts("agreement_texts");
constexpr db::TextTable kObjectiveTexts("objective_texts");

std::vector<long long> Values(const std::vector<ObjectiveId>& ids) {
  std::vector<long long> values;
  for (ObjectiveId id : ids) values.push_back(id.value());
  return values;
}

}  // namespace

std::vector<std::pair<ObjectiveId, auth::Owners>> ObjectiveOwners(soci::session& sql,
                                                                  const std::vector<ObjectiveId>& ids) {
  std::vector<std::pair<ObjectiveId, auth::Owners>> found;
  if (ids.empty()) return found;
  db::Query query(
      "SELECT o.id, a.visibility, p.organization_id FROM agreement_objectives o "
      "JOIN agreements a ON a.id = o.agreement_id LEFT JOIN agreement_parties p ON p.agreement_id = a.id "
      "WHERE o.id IN (");
  query.BindList(Values(ids)).Append(") ORDER BY o.id");
  query.ForEachRow(sql, [&](const db::Row& row) {
    ObjectiveId objective(row.Integer(0));
    if (found.empty() || found.back().first != objective) {
      auth::Owners owners;
      owners.visibility = auth::ParseVisibility(row.Text(1)).value_or(auth::Visibility::kParties);
      found.emplace_back(objective, std::move(owners));
    }
    if (!row.IsNull(2)) found.back().second.organizations.push_back(OrganizationId(row.Integer(2)));
  });
  return found;
}

std::optional<ObjectiveId> ObjectiveByNumber(soci::session& sql, const std::string& agreement_slug, int sequence) {
  long long id = 0;
  sql << "SELECT o.id FROM agreement_objectives o JOIN agreements a ON a.id = o.agreement_id WHERE a.slug = :slug AND "
         "o.sequence = :sequence",
      soci::use(agreement_slug), soci::use(sequence), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return ObjectiveId(id);
}

std::vector<ObjectiveLink> PublicObjectives(soci::session& sql, const std::vector<ObjectiveId>& ids) {
  std::vector<ObjectiveLink> found;
  if (ids.empty()) return found;
  db::Query query(
      "SELECT o.id, a.id, a.slug, o.sequence FROM agreement_objectives o JOIN agreements a ON a.id = o.agreement_id "
      "WHERE a.visibility = 'public' AND o.id IN (");
  query.BindList(Values(ids)).Append(") ORDER BY a.id, o.sequence");
  std::vector<long long> objective_ids, agreement_ids;
  query.ForEachRow(sql, [&](const db::Row& row) {
    found.push_back({ObjectiveId(row.Integer(0)), row.Text(2), {}, static_cast<int>(row.Integer(3)), {}});
    objective_ids.push_back(row.Integer(0));
    agreement_ids.push_back(row.Integer(1));
  });
  auto texts = kObjectiveTexts.Load(sql, objective_ids);
  auto titles = kAgreementTexts.Load(sql, agreement_ids);
  for (size_t i = 0; i < found.size(); ++i) {
    found[i].text = db::TextOf(texts, objective_ids[i], "text");
    found[i].agreement_title = db::TextOf(titles, agreement_ids[i], "title");
  }
  return found;
}

std::vector<AgreementLink> PublicAgreementsSignedAt(soci::session& sql, EventId event) {
  db::Query query("SELECT id, slug FROM agreements WHERE visibility = 'public' AND occasion_event_id = ");
  query.Bind(event.value()).Append(" ORDER BY id");
  std::vector<long long> ids;
  std::vector<AgreementLink> found;
  query.ForEachRow(sql, [&](const db::Row& row) {
    ids.push_back(row.Integer(0));
    found.push_back({row.Text(1), {}});
  });
  auto titles = kAgreementTexts.Load(sql, ids);
  for (size_t i = 0; i < found.size(); ++i) found[i].title = db::TextOf(titles, ids[i], "title");
  return found;
}

void SetOccasionEvent(soci::session& sql, const auth::Permit<EventId>& event, const std::string& agreement_slug) {
  long long event_id = event.id().value();
  sql << "UPDATE agreements SET occasion_event_id = :e WHERE slug = :slug", soci::use(event_id),
      soci::use(agreement_slug);
}

}  // namespace entente::agreements
