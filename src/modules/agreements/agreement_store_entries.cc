// The agreement store's entries of an agreement's record: follow-ups, activities, reviews and
// signed documents.

#include <sodium.h>

#include "core/base/time.h"
#include "modules/agreements/agreement_store.h"
#include "modules/agreements/agreement_store_internal.h"

namespace entente::agreements {

using store::FirstDay;
using store::kActivityTexts;
using store::kFollowUpTexts;
using store::kReviewTexts;
using store::LastDay;

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

ReviewId AgreementStore::UpsertReview(soci::session& sql, const auth::Permit<AgreementId>& permit, int year, UserId author,
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
  return ReviewId(review);
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

}  // namespace entente::agreements
