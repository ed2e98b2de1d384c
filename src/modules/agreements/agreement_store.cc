// The agreement store's rows: finding an agreement, writing its row, parties, coordinators and
// objectives, and the list. One agreement whole is read in agreement_store_load.cc, the entries
// of its record written in agreement_store_entries.cc.

#include "modules/agreements/agreement_store.h"

#include <algorithm>

#include "core/auth/visibility.h"
#include "core/base/time.h"
#include "core/db/query.h"
#include "modules/agreements/agreement_store_internal.h"

namespace entente::agreements {
namespace {

using store::Date;
using store::FirstDay;
using store::LastDay;
using store::kAgreementTexts;
using store::kObjectiveTexts;

const auth::VisibilityColumns kVisibility{
    .visibility = "a.visibility",
    .owner_organization = "",
    .parties = {.from = "agreement_parties vp", .match = "vp.agreement_id = a.id", .column = "vp.organization_id"},
    .named_users = {},
};

std::string JoinLanguages(const std::vector<std::string>& languages) {
  std::string joined;
  for (const auto& language : languages) joined += (joined.empty() ? "" : ",") + language;
  return joined;
}

// The columns of AgreementRecord as bound values, shared by insert and update.
struct Bound {
  explicit Bound(const AgreementRecord& record)
      : kind(KindKey(record.kind)),
        status(StatusKey(record.status)),
        visibility(auth::VisibilityKey(record.visibility)),
        signed_on(record.signed_on.ToString()),
        in_force_on(record.in_force_on.ToString()),
        suspended_on(record.suspended_on.ToString()),
        ended_on(record.ended_on.ToString()),
        term(TermKey(record.term)),
        renewal(RenewalKey(record.renewal)) {
    if (record.signed_on.known()) {
      signed_year = static_cast<int>(record.signed_on.FirstDay().year());
      signed_year_indicator = soci::i_ok;
    }
    if (record.term_months) {
      term_months = *record.term_months;
      term_months_indicator = soci::i_ok;
    }
    if (record.notice_months) {
      notice_months = *record.notice_months;
      notice_months_indicator = soci::i_ok;
    }
    if (record.authentic_languages) {
      languages = JoinLanguages(*record.authentic_languages);
      languages_indicator = soci::i_ok;
    }
    if (record.initiated_by) {
      initiated_by = record.initiated_by->value();
      initiated_by_indicator = soci::i_ok;
    }
    if (record.supported_by) {
      supported_by = record.supported_by->value();
      supported_by_indicator = soci::i_ok;
    }
  }
  std::string kind, status, visibility, signed_on, in_force_on, suspended_on, ended_on, term, renewal, languages;
  int signed_year = 0, term_months = 0, notice_months = 0;
  long long initiated_by = 0, supported_by = 0;
  soci::indicator signed_year_indicator = soci::i_null, term_months_indicator = soci::i_null,
                  notice_months_indicator = soci::i_null, languages_indicator = soci::i_null,
                  initiated_by_indicator = soci::i_null, supported_by_indicator = soci::i_null;
};

void WriteTexts(soci::session& sql, long long id, const AgreementRecord& record) {
  kAgreementTexts.Replace(sql, id, "title", record.title);
  kAgreementTexts.Replace(sql, id, "signing_place", record.signing_place);
  kAgreementTexts.Replace(sql, id, "occasion", record.occasion);
}

// Appends the filter conditions (after a WHERE clause already begun).
void AppendFilter(db::Query& query, const auth::Actor& actor, const AgreementFilter& filter) {
  query.Append(" AND ");
  auth::AppendVisibleTo(query, actor, kVisibility);
  if (!filter.party.empty()) {
    query.Append(
        " AND EXISTS (SELECT 1 FROM agreement_parties fp JOIN directory_organizations fo ON fo.id = fp.organization_id "
        "WHERE fp.agreement_id = a.id AND fo.slug = ");
    query.Bind(filter.party).Append(")");
  }
  if (!filter.jurisdiction.empty()) {
    query.Append(
        " AND EXISTS (SELECT 1 FROM agreement_parties jp JOIN directory_organizations jo ON jo.id = jp.organization_id "
        "JOIN directory_jurisdictions j ON j.id = jo.jurisdiction_id WHERE jp.agreement_id = a.id AND j.code = ");
    query.Bind(filter.jurisdiction).Append(")");
  }
  if (!filter.status.empty()) query.Append(" AND a.status = ").Bind(filter.status);
  if (filter.year != 0) query.Append(" AND a.signed_year = ").Bind(static_cast<long long>(filter.year));
}

}  // namespace

std::optional<AgreementId> AgreementStore::FindIdBySlug(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM agreements WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return AgreementId(id);
}

bool AgreementStore::Exists(soci::session& sql, AgreementId id) const {
  long long value = id.value(), found = 0;
  sql << "SELECT id FROM agreements WHERE id = :id", soci::use(value), soci::into(found);
  return sql.got_data();
}

std::optional<std::string> AgreementStore::SignatoryTitle(soci::session& sql, PersonId person,
                                                          OrganizationId organization, const PartialDate& on) const {
  long long person_id = person.value(), organization_id = organization.value();
  std::string title, covers_from, covers_until;
  soci::statement statement =
      (sql.prepare << "SELECT title, covers_from, covers_until FROM directory_positions "
                      "WHERE person_id = :person AND organization_id = :organization ORDER BY id",
       soci::use(person_id), soci::use(organization_id), soci::into(title), soci::into(covers_from),
       soci::into(covers_until));
  statement.execute();
  std::optional<std::string> any, covering;
  std::string first = FirstDay(on), last = LastDay(on);
  while (statement.fetch()) {
    if (!any) any = title;
    // A position that may cover the signing is the one whose title the signatory held.
    if (!covering && on.known() && (covers_from.empty() || covers_from <= last) &&
        (covers_until.empty() || covers_until >= first)) {
      covering = title;
    }
  }
  return covering ? covering : any;
}

AgreementId AgreementStore::Insert(soci::session& sql, const auth::Permit<OrganizationId>& party,
                                   const AgreementRecord& record) const {
  (void)party;  // the caller writes the parties, this one among them, in the same transaction
  Bound bound(record);
  std::string now = NowUtc();
  long long id = 0;
  sql << "INSERT INTO agreements (slug, kind, status, visibility, signed_on, signed_year, in_force_on, suspended_on, "
         "ended_on, term_kind, term_months, renewal, notice_months, authentic_languages, initiated_by, supported_by, "
         "created_at_utc, updated_at_utc) VALUES (:slug, :kind, :status, :visibility, :signed_on, :signed_year, "
         ":in_force_on, :suspended_on, :ended_on, :term_kind, :term_months, :renewal, :notice_months, :languages, "
         ":initiated_by, :supported_by, :created, :updated) RETURNING id",
      soci::use(record.slug), soci::use(bound.kind), soci::use(bound.status), soci::use(bound.visibility),
      soci::use(bound.signed_on), soci::use(bound.signed_year, bound.signed_year_indicator),
      soci::use(bound.in_force_on), soci::use(bound.suspended_on), soci::use(bound.ended_on), soci::use(bound.term),
      soci::use(bound.term_months, bound.term_months_indicator), soci::use(bound.renewal),
      soci::use(bound.notice_months, bound.notice_months_indicator),
      soci::use(bound.languages, bound.languages_indicator),
      soci::use(bound.initiated_by, bound.initiated_by_indicator),
      soci::use(bound.supported_by, bound.supported_by_indicator), soci::use(now), soci::use(now), soci::into(id);
  WriteTexts(sql, id, record);
  return AgreementId(id);
}

void AgreementStore::Update(soci::session& sql, const auth::Permit<AgreementId>& permit, const AgreementRecord& record) const {
  AgreementId id = permit.id();
  Bound bound(record);
  std::string now = NowUtc();
  long long value = id.value();
  sql << "UPDATE agreements SET slug = :slug, kind = :kind, status = :status, visibility = :visibility, "
         "signed_on = :signed_on, signed_year = :signed_year, in_force_on = :in_force_on, "
         "suspended_on = :suspended_on, ended_on = :ended_on, term_kind = :term_kind, term_months = :term_months, "
         "renewal = :renewal, notice_months = :notice_months, authentic_languages = :languages, "
         "initiated_by = :initiated_by, supported_by = :supported_by, updated_at_utc = :updated WHERE id = :id",
      soci::use(record.slug), soci::use(bound.kind), soci::use(bound.status), soci::use(bound.visibility),
      soci::use(bound.signed_on), soci::use(bound.signed_year, bound.signed_year_indicator),
      soci::use(bound.in_force_on), soci::use(bound.suspended_on), soci::use(bound.ended_on), soci::use(bound.term),
      soci::use(bound.term_months, bound.term_months_indicator), soci::use(bound.renewal),
      soci::use(bound.notice_months, bound.notice_months_indicator),
      soci::use(bound.languages, bound.languages_indicator),
      soci::use(bound.initiated_by, bound.initiated_by_indicator),
      soci::use(bound.supported_by, bound.supported_by_indicator), soci::use(now), soci::use(value);
  WriteTexts(sql, value, record);
}

void AgreementStore::ReplaceParties(soci::session& sql, const auth::Permit<AgreementId>& permit, const std::vector<PartyRecord>& parties) const {
  AgreementId id = permit.id();
  long long agreement = id.value();
  sql << "DELETE FROM agreement_parties WHERE agreement_id = :id", soci::use(agreement);
  int sequence = 0;
  for (const auto& party : parties) {
    ++sequence;
    long long organization = party.organization.value();
    long long signatory = party.signatory ? party.signatory->value() : 0;
    soci::indicator signatory_indicator = party.signatory ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO agreement_parties (agreement_id, organization_id, sequence, signatory_person_id, "
           "signatory_title) VALUES (:agreement, :organization, :sequence, :signatory, :title)",
        soci::use(agreement), soci::use(organization), soci::use(sequence), soci::use(signatory, signatory_indicator),
        soci::use(party.signatory_title);
  }
}

void AgreementStore::ReplaceCoordinators(soci::session& sql, const auth::Permit<AgreementId>& permit,
                                         const std::vector<CoordinatorRecord>& coordinators) const {
  AgreementId id = permit.id();
  long long agreement = id.value();
  sql << "DELETE FROM agreement_coordinators WHERE agreement_id = :id", soci::use(agreement);
  for (const auto& coordinator : coordinators) {
    long long organization = coordinator.organization.value(), person = coordinator.person.value();
    std::string starts = coordinator.starts_on.ToString(), ends = coordinator.ends_on.ToString();
    sql << "INSERT INTO agreement_coordinators (agreement_id, organization_id, person_id, starts_on, ends_on) "
           "VALUES (:agreement, :organization, :person, :starts, :ends)",
        soci::use(agreement), soci::use(organization), soci::use(person), soci::use(starts), soci::use(ends);
  }
}

std::vector<ObjectiveId> AgreementStore::ObjectiveIds(soci::session& sql, AgreementId id) const {
  long long agreement = id.value();
  std::vector<ObjectiveId> ids;
  soci::rowset<long long> rows =
      (sql.prepare << "SELECT id FROM agreement_objectives WHERE agreement_id = :id ORDER BY sequence",
       soci::use(agreement));
  for (long long value : rows) ids.emplace_back(value);
  return ids;
}

void AgreementStore::SyncObjectives(soci::session& sql, const auth::Permit<AgreementId>& permit,
                                    const std::vector<ObjectiveRecord>& objectives) const {
  AgreementId id = permit.id();
  long long agreement = id.value();
  std::vector<ObjectiveId> current = ObjectiveIds(sql, id);
  for (ObjectiveId existing : current) {
    bool kept = std::any_of(objectives.begin(), objectives.end(),
                            [&](const ObjectiveRecord& record) { return record.existing == existing; });
    if (kept) continue;
    long long value = existing.value();
    sql << "DELETE FROM agreement_objectives WHERE id = :id", soci::use(value);
  }
  int sequence = 0;
  for (const auto& objective : objectives) {
    ++sequence;
    long long objective_id = 0;
    if (objective.existing) {
      objective_id = objective.existing->value();
      sql << "UPDATE agreement_objectives SET sequence = :sequence WHERE id = :id", soci::use(sequence),
          soci::use(objective_id);
    } else {
      sql << "INSERT INTO agreement_objectives (agreement_id, sequence) VALUES (:agreement, :sequence) RETURNING id",
          soci::use(agreement), soci::use(sequence), soci::into(objective_id);
    }
    kObjectiveTexts.Replace(sql, objective_id, "text", objective.text);
    sql << "DELETE FROM objective_categories WHERE objective_id = :id", soci::use(objective_id);
    for (ObjectiveCategory category : objective.categories) {
      std::string key(CategoryKey(category));
      sql << "INSERT INTO objective_categories (objective_id, category) VALUES (:id, :category)",
          soci::use(objective_id), soci::use(key);
    }
  }
}

Page<AgreementSummary> AgreementStore::List(soci::session& sql, const auth::Actor& actor, const AgreementFilter& filter,
                                            const PageRequest& page) const {
  Page<AgreementSummary> result;
  result.page = page.page;
  result.per_page = page.per_page;

  db::Query count("SELECT COUNT(*) FROM agreements a WHERE 1 = 1");
  AppendFilter(count, actor, filter);
  result.total = count.Scalar<long long>(sql, 0);

  db::Query query("SELECT a.id, a.slug, a.kind, a.status, a.visibility, a.signed_on FROM agreements a WHERE 1 = 1");
  AppendFilter(query, actor, filter);
  // Unknown signing dates ('') sort last.
  query.Append(" ORDER BY CASE WHEN a.signed_on = '' THEN 1 ELSE 0 END, a.signed_on DESC, a.id DESC LIMIT ");
  query.Bind(static_cast<long long>(page.per_page)).Append(" OFFSET ").Bind(page.offset());
  long long id = 0;
  std::string slug, kind, status, visibility, signed_on;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(id));
    s.exchange(soci::into(slug));
    s.exchange(soci::into(kind));
    s.exchange(soci::into(status));
    s.exchange(soci::into(visibility));
    s.exchange(soci::into(signed_on));
  });
  statement.execute(false);
  std::vector<long long> ids;
  while (statement.fetch()) {
    AgreementSummary summary;
    summary.id = AgreementId(id);
    summary.slug = slug;
    summary.kind = ParseKind(kind).value_or(AgreementKind::kCooperationAgreement);
    summary.status = ParseStatus(status).value_or(AgreementStatus::kDraft);
    summary.visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kParties);
    summary.signed_on = Date(signed_on);
    result.items.push_back(std::move(summary));
    ids.push_back(id);
  }
  auto texts = kAgreementTexts.Load(sql, ids);
  auto parties = store::LoadParties(sql, ids);
  for (auto& summary : result.items) {
    summary.title = db::TextOf(texts, summary.id.value(), "title");
    summary.parties = std::move(parties[summary.id.value()]);
  }
  return result;
}

}  // namespace entente::agreements
