// The agreement store's reads of one whole agreement (Load), in named steps: its row, its texts,
// the organizations that initiated and supported it, its parties, coordinators, objectives,
// documents, follow-ups, reviews and activities. Other modules' records are read through their
// views (directory_*, accounts_users), never their tables.

#include <algorithm>
#include <map>

#include "core/auth/visibility.h"
#include "core/base/text.h"
#include "core/db/query.h"
#include "modules/agreements/agreement_store.h"
#include "modules/agreements/agreement_store_internal.h"

namespace entente::agreements {
namespace store {

PartialDate Date(const std::string& text) { return PartialDate::Parse(text).value_or(PartialDate()); }

std::string FirstDay(const PartialDate& date) {
  if (!date.known()) return {};
  return PartialDate::Day(date.FirstDay()).ToString();
}
std::string LastDay(const PartialDate& date) {
  if (!date.known()) return {};
  return PartialDate::Day(date.LastDay()).ToString();
}

std::map<long long, std::vector<Party>> LoadParties(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, std::vector<Party>> parties;
  if (ids.empty()) return parties;
  db::Query query(
      "SELECT p.agreement_id, p.organization_id, o.slug, COALESCE(j.code, ''), p.signatory_person_id, "
      "COALESCE(pe.slug, ''), COALESCE(pe.display_name, ''), p.signatory_title FROM agreement_parties p "
      "JOIN directory_organizations o ON o.id = p.organization_id "
      "LEFT JOIN directory_jurisdictions j ON j.id = o.jurisdiction_id "
      "LEFT JOIN directory_people pe ON pe.id = p.signatory_person_id WHERE p.agreement_id IN (");
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
    for (auto& party : list) party.organization_name = db::TextOf(names, party.organization.value(), "name");
  }
  return parties;
}

}  // namespace store

namespace {

using store::Date;

// The agreement's own row; false when there is none.
bool LoadRow(soci::session& sql, AgreementId id, Agreement& agreement) {
  long long value = id.value();
  std::string kind, status, visibility, signed_on, in_force_on, suspended_on, ended_on, term, renewal, languages;
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
      soci::into(initiated_by, initiated_indicator), soci::into(supported_by, supported_indicator),
      soci::into(agreement.updated_at_utc);
  if (!sql.got_data()) return false;
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
  if (languages_indicator == soci::i_ok) agreement.authentic_languages = SplitList(languages, ",");
  if (initiated_indicator == soci::i_ok) agreement.initiated_by = OrganizationId(initiated_by);
  if (supported_indicator == soci::i_ok) agreement.supported_by = OrganizationId(supported_by);
  return true;
}

void LoadTexts(soci::session& sql, Agreement& agreement) {
  long long value = agreement.id.value();
  auto texts = store::kAgreementTexts.Load(sql, {value});
  agreement.title = db::TextOf(texts, value, "title");
  agreement.signing_place = db::TextOf(texts, value, "signing_place");
  agreement.occasion = db::TextOf(texts, value, "occasion");
}

// The slugs and names of the organizations that initiated and supported the agreement.
void LoadSponsors(soci::session& sql, Agreement& agreement) {
  std::vector<long long> organizations;
  if (agreement.initiated_by) organizations.push_back(agreement.initiated_by->value());
  if (agreement.supported_by) organizations.push_back(agreement.supported_by->value());
  if (organizations.empty()) return;
  auto names = store::kOrganizationTexts.Load(sql, organizations);
  auto fill = [&](OrganizationId organization, std::string& slug, i18n::LocalizedText& name) {
    long long id = organization.value();
    sql << "SELECT slug FROM directory_organizations WHERE id = :id", soci::use(id), soci::into(slug);
    name = db::TextOf(names, id, "name");
  };
  if (agreement.initiated_by) fill(*agreement.initiated_by, agreement.initiated_by_slug, agreement.initiated_by_name);
  if (agreement.supported_by) fill(*agreement.supported_by, agreement.supported_by_slug, agreement.supported_by_name);
}

void LoadCoordinators(soci::session& sql, Agreement& agreement) {
  long long value = agreement.id.value(), coordinator = 0, organization = 0, person = 0;
  std::string organization_slug, person_slug, person_name, starts, ends;
  soci::statement statement =
      (sql.prepare << "SELECT c.id, c.organization_id, o.slug, c.person_id, pe.slug, pe.display_name, c.starts_on, "
                      "c.ends_on FROM agreement_coordinators c JOIN directory_organizations o "
                      "ON o.id = c.organization_id JOIN directory_people pe ON pe.id = c.person_id "
                      "WHERE c.agreement_id = :id ORDER BY c.id",
       soci::use(value), soci::into(coordinator), soci::into(organization), soci::into(organization_slug),
       soci::into(person), soci::into(person_slug), soci::into(person_name), soci::into(starts), soci::into(ends));
  statement.execute();
  while (statement.fetch()) {
    agreement.coordinators.push_back({CoordinatorId(coordinator), OrganizationId(organization), organization_slug,
                                      PersonId(person), person_slug, person_name, Date(starts), Date(ends)});
  }
}

void LoadObjectives(soci::session& sql, Agreement& agreement) {
  long long value = agreement.id.value(), objective = 0;
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
  auto objective_texts = store::kObjectiveTexts.Load(sql, ids);
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
    item.text = db::TextOf(objective_texts, item.id.value(), "text");
    auto& list = by_objective[item.id.value()];
    // In the order of the category list, whatever the order of the rows.
    for (ObjectiveCategory candidate : kAllCategories) {
      if (std::find(list.begin(), list.end(), candidate) != list.end()) item.categories.push_back(candidate);
    }
  }
}

void LoadDocuments(soci::session& sql, Agreement& agreement) {
  long long value = agreement.id.value(), document = 0, size = 0;
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

// By date, the undated last; entries of one date in the order they were written.
void SortByDate(std::vector<FollowUp>& follow_ups) {
  std::stable_sort(follow_ups.begin(), follow_ups.end(), [](const FollowUp& a, const FollowUp& b) {
    if (a.entry_on.known() != b.entry_on.known()) return a.entry_on.known();
    if (!a.entry_on.known()) return false;
    return std::chrono::sys_days(a.entry_on.FirstDay()) < std::chrono::sys_days(b.entry_on.FirstDay());
  });
}

void LoadFollowUps(soci::session& sql, Agreement& agreement) {
  long long value = agreement.id.value(), follow_up = 0, author = 0;
  soci::indicator author_indicator = soci::i_null;
  std::string entry_on, source, author_name;
  std::vector<long long> ids;
  soci::statement statement =
      (sql.prepare << "SELECT f.id, f.entry_on, f.author_user_id, COALESCE(u.display_name, ''), f.source "
                      "FROM agreement_follow_ups f LEFT JOIN accounts_users u ON u.id = f.author_user_id "
                      "WHERE f.agreement_id = :id ORDER BY f.id",
       soci::use(value), soci::into(follow_up), soci::into(entry_on), soci::into(author, author_indicator),
       soci::into(author_name), soci::into(source));
  statement.execute();
  while (statement.fetch()) {
    FollowUp item;
    item.id = FollowUpId(follow_up);
    item.entry_on = Date(entry_on);
    if (author_indicator == soci::i_ok) item.author = UserId(author);
    item.author_name = author_name;
    item.source = source;
    agreement.follow_ups.push_back(std::move(item));
    ids.push_back(follow_up);
  }
  auto follow_up_texts = store::kFollowUpTexts.Load(sql, ids);
  for (auto& item : agreement.follow_ups) item.text = db::TextOf(follow_up_texts, item.id.value(), "text");
  SortByDate(agreement.follow_ups);
}

void LoadReviews(soci::session& sql, Agreement& agreement) {
  long long value = agreement.id.value(), review = 0, author = 0;
  int year = 0;
  soci::indicator author_indicator = soci::i_null;
  std::string author_name;
  std::vector<long long> ids;
  soci::statement statement =
      (sql.prepare << "SELECT r.id, r.year, r.author_user_id, COALESCE(u.display_name, '') FROM agreement_reviews r "
                      "LEFT JOIN accounts_users u ON u.id = r.author_user_id WHERE r.agreement_id = :id "
                      "ORDER BY r.year",
       soci::use(value), soci::into(review), soci::into(year), soci::into(author, author_indicator),
       soci::into(author_name));
  statement.execute();
  while (statement.fetch()) {
    Review item;
    item.id = ReviewId(review);
    item.year = year;
    if (author_indicator == soci::i_ok) item.author = UserId(author);
    item.author_name = author_name;
    agreement.reviews.push_back(std::move(item));
    ids.push_back(review);
  }
  auto review_texts = store::kReviewTexts.Load(sql, ids);
  for (auto& item : agreement.reviews) {
    item.findings = db::TextOf(review_texts, item.id.value(), "findings");
    item.decisions = db::TextOf(review_texts, item.id.value(), "decisions");
    item.next_actions = db::TextOf(review_texts, item.id.value(), "next_actions");
  }
}

void LoadActivities(soci::session& sql, Agreement& agreement) {
  long long value = agreement.id.value(), activity = 0, objective = 0;
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
  auto activity_texts = store::kActivityTexts.Load(sql, ids);
  soci::statement links =
      (sql.prepare << "SELECT l.activity_id, l.objective_id FROM activity_objectives l "
                      "JOIN agreement_activities a ON a.id = l.activity_id WHERE a.agreement_id = :id "
                      "ORDER BY l.objective_id",
       soci::use(value), soci::into(activity), soci::into(objective));
  links.execute();
  std::map<long long, std::vector<ObjectiveId>> by_activity;
  while (links.fetch()) by_activity[activity].emplace_back(objective);
  for (auto& item : agreement.activities) {
    item.text = db::TextOf(activity_texts, item.id.value(), "text");
    item.place = db::TextOf(activity_texts, item.id.value(), "place");
    item.objectives = by_activity[item.id.value()];
  }
}

}  // namespace

std::optional<Agreement> AgreementStore::Load(soci::session& sql, AgreementId id) const {
  Agreement agreement;
  if (!LoadRow(sql, id, agreement)) return std::nullopt;
  LoadTexts(sql, agreement);
  LoadSponsors(sql, agreement);
  agreement.parties = std::move(store::LoadParties(sql, {id.value()})[id.value()]);
  LoadCoordinators(sql, agreement);
  LoadObjectives(sql, agreement);
  LoadDocuments(sql, agreement);
  LoadFollowUps(sql, agreement);
  LoadReviews(sql, agreement);
  LoadActivities(sql, agreement);
  return agreement;
}

}  // namespace entente::agreements
