#include "modules/agreements/agreement_store.h"

#include <algorithm>
#include <map>

#include <sodium.h>

#include "core/auth/visibility.h"
#include "core/base/time.h"
#include "core/db/query.h"
#include "modules/directory/organization_store.h"
#include "core/db/text_table.h"

namespace entente::agreements {
namespace {

constexpr db::TextTable kAgreementTexts("agreement_texts");
constexpr db::TextTable kObjectiveTexts("objective_texts");
constexpr db::TextTable kFollowUpTexts("follow_up_texts");
constexpr db::TextTable kReviewTexts("review_texts");
constexpr db::TextTable kActivityTexts("activity_texts");
constexpr db::TextTable kOrganizationTexts("organization_texts");

const auth::VisibilityColumns kVisibility{
    .visibility = "a.visibility",
    .owner_organization = "",
    .parties = {.from = "agreement_parties vp", .match = "vp.agreement_id = a.id", .column = "vp.organization_id"},
    .named_users = {},
};

i18n::LocalizedText Field(const std::map<long long, db::TextTable::Texts>& texts, long long owner,
                          std::string_view field) {
  auto it = texts.find(owner);
  if (it == texts.end()) return {};
  auto found = it->second.find(field);
  return found == it->second.end() ? i18n::LocalizedText() : found->second;
}

PartialDate Date(const std::string& text) { return PartialDate::Parse(text).value_or(PartialDate()); }

std::string JoinLanguages(const std::vector<std::string>& languages) {
  std::string joined;
  for (const auto& language : languages) joined += (joined.empty() ? "" : ",") + language;
  return joined;
}

std::vector<std::string> SplitLanguages(const std::string& text) {
  std::vector<std::string> languages;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) languages.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return languages;
}

std::string FirstDay(const PartialDate& date) {
  if (!date.known()) return {};
  return PartialDate::Day(date.FirstDay()).ToString();
}
std::string LastDay(const PartialDate& date) {
  if (!date.known()) return {};
  return PartialDate::Day(date.LastDay()).ToString();
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
        " AND EXISTS (SELECT 1 FROM agreement_parties fp JOIN organizations fo ON fo.id = fp.organization_id "
        "WHERE fp.agreement_id = a.id AND fo.slug = ");
    query.Bind(filter.party).Append(")");
  }
  if (!filter.jurisdiction.empty()) {
    query.Append(
        " AND EXISTS (SELECT 1 FROM agreement_parties jp JOIN organizations jo ON jo.id = jp.organization_id "
        "JOIN jurisdictions j ON j.id = jo.jurisdiction_id WHERE jp.agreement_id = a.id AND j.code = ");
    query.Bind(filter.jurisdiction).Append(")");
  }
  if (!filter.status.empty()) query.Append(" AND a.status = ").Bind(filter.status);
  if (filter.year != 0) query.Append(" AND a.signed_year = ").Bind(static_cast<long long>(filter.year));
}

// The parties of the agreements `ids`, in their order, with names and jurisdictions.
std::map<long long, std::vector<Party>> LoadParties(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, std::vector<Party>> parties;
  if (ids.empty()) return parties;
  db::Query query(
      "SELECT p.agreement_id, p.organization_id, o.slug, COALESCE(j.code, ''), p.signatory_person_id, "
      "COALESCE(pe.slug, ''), COALESCE(pe.display_name, ''), p.signatory_title FROM agreement_parties p "
      "JOIN organizations o ON o.id = p.organization_id LEFT JOIN jurisdictions j ON j.id = o.jurisdiction_id "
      "LEFT JOIN people pe ON pe.id = p.signatory_person_id WHERE p.agreement_id IN (");
  query.BindList(ids).Append(") ORDER BY p.agreement_id, p.sequence");
  long long agreement = 0, organization = 0, signatory = 0;
  soci::indicator signatory_indicator = soci::i_null;
  std::string slug, jurisdiction, person_slug, person_name, title;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(agreement));
    s.exchange(soci::into(organization));
    s.exchange(soci::into(slug));
    s.exchange(soci::into(jurisdiction));
    s.exchange(soci::into(signatory, signatory_indicator));
    s.exchange(soci::into(person_slug));
    s.exchange(soci::into(person_name));
    s.exchange(soci::into(title));
  });
  statement.execute(false);
  std::vector<long long> organizations;
  while (statement.fetch()) {
    Party party;
    party.organization = OrganizationId(organization);
    party.organization_slug = slug;
    party.jurisdiction = jurisdiction;
    if (signatory_indicator == soci::i_ok) {
      party.signatory = PersonId(signatory);
      party.signatory_slug = person_slug;
      party.signatory_name = person_name;
      party.signatory_title = title;
    }
    parties[agreement].push_back(std::move(party));
    organizations.push_back(organization);
  }
  auto names = kOrganizationTexts.Load(sql, organizations);
  for (auto& [agreement_id, list] : parties) {
    for (auto& party : list) party.organization_name = Field(names, party.organization.value(), "name");
  }
  return parties;
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

std::optional<PersonId> AgreementStore::FindPerson(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM people WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return PersonId(id);
}

std::optional<OrganizationId> AgreementStore::FindOrganization(soci::session& sql, const auth::Actor& viewer,
                                                               const std::string& slug) const {
  // The directory's lookup and visibility rule (an organization is its own owner).
  auto organization = directory::OrganizationStore().FindBySlug(sql, slug);
  if (!organization || !directory::MayView(viewer, *organization)) return std::nullopt;
  return organization->id;
}

std::optional<std::string> AgreementStore::SignatoryTitle(soci::session& sql, PersonId person,
                                                          OrganizationId organization, const PartialDate& on) const {
  long long person_id = person.value(), organization_id = organization.value();
  std::string title, covers_from, covers_until;
  soci::statement statement =
      (sql.prepare << "SELECT title, covers_from, covers_until FROM positions "
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

FollowUpId AgreementStore::InsertFollowUp(soci::session& sql, const auth::Permit<AgreementId>& permit, const PartialDate& entry_on,
                                          UserId author, const std::string& source,
                                          const i18n::LocalizedText& text) const {
  AgreementId id = permit.id();
  long long agreement = id.value(), author_id = author.value(), follow_up = 0;
  soci::indicator author_indicator = author.valid() ? soci::i_ok : soci::i_null;
  std::string date = entry_on.ToString(), now = NowUtc();
  sql << "INSERT INTO agreement_follow_ups (agreement_id, entry_on, author_user_id, source, created_at_utc) "
         "VALUES (:agreement, :entry_on, :author, :source, :now) RETURNING id",
      soci::use(agreement), soci::use(date), soci::use(author_id, author_indicator), soci::use(source), soci::use(now),
      soci::into(follow_up);
  kFollowUpTexts.Replace(sql, follow_up, "text", text);
  sql << "UPDATE agreements SET updated_at_utc = :now WHERE id = :id", soci::use(now), soci::use(agreement);
  return FollowUpId(follow_up);
}

ActivityId AgreementStore::InsertActivity(soci::session& sql, const auth::Permit<AgreementId>& permit, ActivityKind kind,
                                          const PartialDate& happened_on, UserId author,
                                          const i18n::LocalizedText& text, const i18n::LocalizedText& place,
                                          const std::vector<ObjectiveId>& objectives) const {
  AgreementId id = permit.id();
  long long agreement = id.value(), author_id = author.value(), activity = 0;
  soci::indicator author_indicator = author.valid() ? soci::i_ok : soci::i_null;
  std::string kind_key(ActivityKindKey(kind)), date = happened_on.ToString(), first = FirstDay(happened_on),
                                               last = LastDay(happened_on), now = NowUtc();
  sql << "INSERT INTO agreement_activities (agreement_id, kind, happened_on, first_day, last_day, author_user_id, "
         "created_at_utc) VALUES (:agreement, :kind, :happened_on, :first_day, :last_day, :author, :now) RETURNING id",
      soci::use(agreement), soci::use(kind_key), soci::use(date), soci::use(first), soci::use(last),
      soci::use(author_id, author_indicator), soci::use(now), soci::into(activity);
  kActivityTexts.Replace(sql, activity, "text", text);
  kActivityTexts.Replace(sql, activity, "place", place);
  for (ObjectiveId objective : objectives) {
    long long objective_id = objective.value();
    sql << "INSERT INTO activity_objectives (activity_id, objective_id) VALUES (:activity, :objective)",
        soci::use(activity), soci::use(objective_id);
  }
  sql << "UPDATE agreements SET updated_at_utc = :now WHERE id = :id", soci::use(now), soci::use(agreement);
  return ActivityId(activity);
}

long long AgreementStore::UpsertReview(soci::session& sql, const auth::Permit<AgreementId>& permit, int year, UserId author,
                                       const ReviewInput& texts) const {
  AgreementId id = permit.id();
  long long agreement = id.value(), author_id = author.value(), review = 0;
  soci::indicator author_indicator = author.valid() ? soci::i_ok : soci::i_null;
  std::string now = NowUtc();
  sql << "INSERT INTO agreement_reviews (agreement_id, year, author_user_id, created_at_utc) "
         "VALUES (:agreement, :year, :author, :now) ON CONFLICT (agreement_id, year) DO UPDATE SET "
         "author_user_id = excluded.author_user_id, created_at_utc = excluded.created_at_utc RETURNING id",
      soci::use(agreement), soci::use(year), soci::use(author_id, author_indicator), soci::use(now), soci::into(review);
  kReviewTexts.Replace(sql, review, "findings", texts.findings);
  kReviewTexts.Replace(sql, review, "decisions", texts.decisions);
  kReviewTexts.Replace(sql, review, "next_actions", texts.next_actions);
  return review;
}

DocumentId AgreementStore::InsertDocument(soci::session& sql, const auth::Permit<AgreementId>& permit, const std::string& language,
                                          const std::string& file_name, DocumentType type, std::string_view content,
                                          const std::string& sha256_hex, UserId author) const {
  AgreementId id = permit.id();
  long long agreement = id.value(), author_id = author.value(), document = 0;
  soci::indicator author_indicator = author.valid() ? soci::i_ok : soci::i_null;
  std::string type_key(DocumentTypeKey(type)), now = NowUtc();
  long long size = static_cast<long long>(content.size());
  sql << "INSERT INTO agreement_documents (agreement_id, language, file_name, file_type, size_bytes, sha256_hex, "
         "uploaded_by, uploaded_at_utc) VALUES (:agreement, :language, :file_name, :type, :size, :sha256, :author, "
         ":now) RETURNING id",
      soci::use(agreement), soci::use(language), soci::use(file_name), soci::use(type_key), soci::use(size),
      soci::use(sha256_hex), soci::use(author_id, author_indicator), soci::use(now), soci::into(document);
  // Base64 text rather than a BLOB: SOCI binds blobs differently on SQLite and PostgreSQL
  // (large objects there), and text is stored the same way on both.
  std::string encoded(sodium_base64_encoded_len(content.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(content.data()),
                    content.size(), sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  sql << "INSERT INTO agreement_document_contents (document_id, content_base64) VALUES (:document, :content)",
      soci::use(document), soci::use(encoded);
  sql << "UPDATE agreements SET updated_at_utc = :now WHERE id = :id", soci::use(now), soci::use(agreement);
  return DocumentId(document);
}

std::optional<std::string> AgreementStore::DocumentContent(soci::session& sql, AgreementId id,
                                                           DocumentId document) const {
  long long agreement = id.value(), document_id = document.value();
  std::string encoded;
  sql << "SELECT c.content_base64 FROM agreement_document_contents c JOIN agreement_documents d "
         "ON d.id = c.document_id WHERE d.id = :document AND d.agreement_id = :agreement",
      soci::use(document_id), soci::use(agreement), soci::into(encoded);
  if (!sql.got_data()) return std::nullopt;
  std::string bytes(encoded.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), encoded.data(), encoded.size(),
                        nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

std::optional<Agreement> AgreementStore::Load(soci::session& sql, AgreementId id) const {
  long long value = id.value();
  Agreement agreement;
  std::string kind, status, visibility, signed_on, in_force_on, suspended_on, ended_on, term, renewal, languages,
      updated;
  int term_months = 0, notice_months = 0;
  long long event = 0, initiated_by = 0, supported_by = 0;
  soci::indicator term_indicator = soci::i_null, notice_indicator = soci::i_null, languages_indicator = soci::i_null,
                  event_indicator = soci::i_null, initiated_indicator = soci::i_null,
                  supported_indicator = soci::i_null;
  sql << "SELECT slug, kind, status, visibility, signed_on, in_force_on, suspended_on, ended_on, occasion_event_id, "
         "term_kind, term_months, renewal, notice_months, authentic_languages, initiated_by, supported_by, "
         "updated_at_utc FROM agreements WHERE id = :id",
      soci::use(value), soci::into(agreement.slug), soci::into(kind), soci::into(status), soci::into(visibility),
      soci::into(signed_on), soci::into(in_force_on), soci::into(suspended_on), soci::into(ended_on),
      soci::into(event, event_indicator), soci::into(term), soci::into(term_months, term_indicator),
      soci::into(renewal), soci::into(notice_months, notice_indicator), soci::into(languages, languages_indicator),
      soci::into(initiated_by, initiated_indicator), soci::into(supported_by, supported_indicator), soci::into(updated);
  if (!sql.got_data()) return std::nullopt;
  agreement.id = id;
  agreement.kind = ParseKind(kind).value_or(AgreementKind::kCooperationAgreement);
  agreement.status = ParseStatus(status).value_or(AgreementStatus::kDraft);
  agreement.visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kParties);
  agreement.signed_on = Date(signed_on);
  agreement.in_force_on = Date(in_force_on);
  agreement.suspended_on = Date(suspended_on);
  agreement.ended_on = Date(ended_on);
  if (event_indicator == soci::i_ok) agreement.occasion_event_id = event;
  agreement.term = ParseTerm(term).value_or(TermKind::kUnknown);
  if (term_indicator == soci::i_ok) agreement.term_months = term_months;
  agreement.renewal = ParseRenewal(renewal).value_or(Renewal::kUnknown);
  if (notice_indicator == soci::i_ok) agreement.notice_months = notice_months;
  if (languages_indicator == soci::i_ok) agreement.authentic_languages = SplitLanguages(languages);
  agreement.updated_at_utc = updated;

  auto texts = kAgreementTexts.Load(sql, {value});
  agreement.title = Field(texts, value, "title");
  agreement.signing_place = Field(texts, value, "signing_place");
  agreement.occasion = Field(texts, value, "occasion");

  std::vector<long long> organizations;
  if (initiated_indicator == soci::i_ok) organizations.push_back(initiated_by);
  if (supported_indicator == soci::i_ok) organizations.push_back(supported_by);
  if (!organizations.empty()) {
    auto names = kOrganizationTexts.Load(sql, organizations);
    auto slug_of = [&](long long organization) {
      std::string slug;
      sql << "SELECT slug FROM organizations WHERE id = :id", soci::use(organization), soci::into(slug);
      return slug;
    };
    if (initiated_indicator == soci::i_ok) {
      agreement.initiated_by = OrganizationId(initiated_by);
      agreement.initiated_by_slug = slug_of(initiated_by);
      agreement.initiated_by_name = Field(names, initiated_by, "name");
    }
    if (supported_indicator == soci::i_ok) {
      agreement.supported_by = OrganizationId(supported_by);
      agreement.supported_by_slug = slug_of(supported_by);
      agreement.supported_by_name = Field(names, supported_by, "name");
    }
  }

  agreement.parties = std::move(LoadParties(sql, {value})[value]);

  {
    long long coordinator = 0, organization = 0, person = 0;
    std::string organization_slug, person_slug, person_name, starts, ends;
    soci::statement statement =
        (sql.prepare << "SELECT c.id, c.organization_id, o.slug, c.person_id, pe.slug, pe.display_name, c.starts_on, "
                        "c.ends_on FROM agreement_coordinators c JOIN organizations o ON o.id = c.organization_id "
                        "JOIN people pe ON pe.id = c.person_id WHERE c.agreement_id = :id ORDER BY c.id",
         soci::use(value), soci::into(coordinator), soci::into(organization), soci::into(organization_slug),
         soci::into(person), soci::into(person_slug), soci::into(person_name), soci::into(starts), soci::into(ends));
    statement.execute();
    while (statement.fetch()) {
      agreement.coordinators.push_back({coordinator, OrganizationId(organization), organization_slug, PersonId(person),
                                        person_slug, person_name, Date(starts), Date(ends)});
    }
  }

  {
    long long objective = 0;
    int sequence = 0;
    std::vector<long long> ids;
    soci::statement statement = (sql.prepare << "SELECT id, sequence FROM agreement_objectives "
                                                "WHERE agreement_id = :id ORDER BY sequence",
                                 soci::use(value), soci::into(objective), soci::into(sequence));
    statement.execute();
    while (statement.fetch()) {
      Objective item;
      item.id = ObjectiveId(objective);
      item.sequence = sequence;
      agreement.objectives.push_back(std::move(item));
      ids.push_back(objective);
    }
    auto objective_texts = kObjectiveTexts.Load(sql, ids);
    std::string category;
    soci::statement categories =
        (sql.prepare << "SELECT c.objective_id, c.category FROM objective_categories c "
                        "JOIN agreement_objectives o ON o.id = c.objective_id WHERE o.agreement_id = :id",
         soci::use(value), soci::into(objective), soci::into(category));
    categories.execute();
    std::map<long long, std::vector<ObjectiveCategory>> by_objective;
    while (categories.fetch()) {
      if (auto parsed = ParseCategory(category)) by_objective[objective].push_back(*parsed);
    }
    for (auto& item : agreement.objectives) {
      item.text = Field(objective_texts, item.id.value(), "text");
      auto& list = by_objective[item.id.value()];
      // In the order of the category list, whatever the order of the rows.
      for (ObjectiveCategory candidate : kAllCategories) {
        if (std::find(list.begin(), list.end(), candidate) != list.end()) item.categories.push_back(candidate);
      }
    }
  }

  {
    long long document = 0, size = 0;
    std::string language, file_name, type, sha256, uploaded;
    soci::statement statement =
        (sql.prepare << "SELECT id, language, file_name, file_type, size_bytes, sha256_hex, uploaded_at_utc "
                        "FROM agreement_documents WHERE agreement_id = :id ORDER BY language, id",
         soci::use(value), soci::into(document), soci::into(language), soci::into(file_name), soci::into(type),
         soci::into(size), soci::into(sha256), soci::into(uploaded));
    statement.execute();
    while (statement.fetch()) {
      agreement.documents.push_back({DocumentId(document), language, file_name,
                                     ParseDocumentType(type).value_or(DocumentType::kPdf), size, sha256, uploaded});
    }
  }

  {
    long long follow_up = 0, author = 0;
    soci::indicator author_indicator = soci::i_null;
    std::string entry_on, source, author_name;
    std::vector<long long> ids;
    soci::statement statement =
        (sql.prepare << "SELECT f.id, f.entry_on, f.author_user_id, COALESCE(u.display_name, ''), f.source "
                        "FROM agreement_follow_ups f LEFT JOIN users u ON u.id = f.author_user_id "
                        "WHERE f.agreement_id = :id ORDER BY f.id",
         soci::use(value), soci::into(follow_up), soci::into(entry_on), soci::into(author, author_indicator),
         soci::into(author_name), soci::into(source));
    statement.execute();
    while (statement.fetch()) {
      FollowUp item;
      item.id = FollowUpId(follow_up);
      item.entry_on = Date(entry_on);
      item.author_user_id = author_indicator == soci::i_ok ? author : 0;
      item.author_name = author_name;
      item.source = source;
      agreement.follow_ups.push_back(std::move(item));
      ids.push_back(follow_up);
    }
    auto follow_up_texts = kFollowUpTexts.Load(sql, ids);
    for (auto& item : agreement.follow_ups) item.text = Field(follow_up_texts, item.id.value(), "text");
    // By date, the undated last; entries of one date in the order they were written.
    std::stable_sort(
        agreement.follow_ups.begin(), agreement.follow_ups.end(), [](const FollowUp& a, const FollowUp& b) {
          if (a.entry_on.known() != b.entry_on.known()) return a.entry_on.known();
          if (!a.entry_on.known()) return false;
          return std::chrono::sys_days(a.entry_on.FirstDay()) < std::chrono::sys_days(b.entry_on.FirstDay());
        });
  }

  {
    long long review = 0, author = 0;
    int year = 0;
    soci::indicator author_indicator = soci::i_null;
    std::string author_name;
    std::vector<long long> ids;
    soci::statement statement =
        (sql.prepare << "SELECT r.id, r.year, r.author_user_id, COALESCE(u.display_name, '') FROM agreement_reviews r "
                        "LEFT JOIN users u ON u.id = r.author_user_id WHERE r.agreement_id = :id ORDER BY r.year",
         soci::use(value), soci::into(review), soci::into(year), soci::into(author, author_indicator),
         soci::into(author_name));
    statement.execute();
    while (statement.fetch()) {
      Review item;
      item.id = review;
      item.year = year;
      item.author_user_id = author_indicator == soci::i_ok ? author : 0;
      item.author_name = author_name;
      agreement.reviews.push_back(std::move(item));
      ids.push_back(review);
    }
    auto review_texts = kReviewTexts.Load(sql, ids);
    for (auto& item : agreement.reviews) {
      item.findings = Field(review_texts, item.id, "findings");
      item.decisions = Field(review_texts, item.id, "decisions");
      item.next_actions = Field(review_texts, item.id, "next_actions");
    }
  }

  {
    long long activity = 0;
    std::string kind_key, happened_on;
    std::vector<long long> ids;
    soci::statement statement = (sql.prepare << "SELECT id, kind, happened_on FROM agreement_activities "
                                                "WHERE agreement_id = :id ORDER BY id",
                                 soci::use(value), soci::into(activity), soci::into(kind_key), soci::into(happened_on));
    statement.execute();
    while (statement.fetch()) {
      Activity item;
      item.id = ActivityId(activity);
      item.kind = ParseActivityKind(kind_key).value_or(ActivityKind::kOther);
      item.happened_on = Date(happened_on);
      agreement.activities.push_back(std::move(item));
      ids.push_back(activity);
    }
    auto activity_texts = kActivityTexts.Load(sql, ids);
    long long objective = 0;
    soci::statement links =
        (sql.prepare << "SELECT l.activity_id, l.objective_id FROM activity_objectives l "
                        "JOIN agreement_activities a ON a.id = l.activity_id WHERE a.agreement_id = :id "
                        "ORDER BY l.objective_id",
         soci::use(value), soci::into(activity), soci::into(objective));
    links.execute();
    std::map<long long, std::vector<ObjectiveId>> by_activity;
    while (links.fetch()) by_activity[activity].emplace_back(objective);
    for (auto& item : agreement.activities) {
      item.text = Field(activity_texts, item.id.value(), "text");
      item.place = Field(activity_texts, item.id.value(), "place");
      item.objectives = by_activity[item.id.value()];
    }
  }
  return agreement;
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
  auto parties = LoadParties(sql, ids);
  for (auto& summary : result.items) {
    summary.title = Field(texts, summary.id.value(), "title");
    summary.parties = std::move(parties[summary.id.value()]);
  }
  return result;
}

}  // namespace entente::agreements
