#pragma once
// The only place with SQL for agreements. Functions take the session of a Database::Read or
// Database::Write call and throw soci errors, which those calls turn into Errors. Writes
// expect to run inside the caller's transaction.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/auth/policy.h"
#include "core/base/pagination.h"
#include "modules/agreements/model.h"

namespace entente::agreements {

// An agreement's own row and texts, with slugs already resolved to ids by the service.
struct AgreementRecord {
  std::string slug;
  AgreementKind kind = AgreementKind::kCooperationAgreement;
  AgreementStatus status = AgreementStatus::kDraft;
  auth::Visibility visibility = auth::Visibility::kPublic;
  i18n::LocalizedText title, signing_place, occasion;
  PartialDate signed_on, in_force_on, suspended_on, ended_on;
  TermKind term = TermKind::kUnknown;
  std::optional<int> term_months;
  Renewal renewal = Renewal::kUnknown;
  std::optional<int> notice_months;
  std::optional<std::vector<std::string>> authentic_languages;
  std::optional<OrganizationId> initiated_by, supported_by;
};

struct PartyRecord {
  OrganizationId organization;
  std::optional<PersonId> signatory;
  std::string signatory_title;
};

struct CoordinatorRecord {
  OrganizationId organization;
  PersonId person;
  PartialDate starts_on, ends_on;
};

struct ObjectiveRecord {
  std::optional<ObjectiveId> existing;
  i18n::LocalizedText text;
  std::vector<ObjectiveCategory> categories;
};

class AgreementStore {
 public:
  std::optional<AgreementId> FindIdBySlug(soci::session& sql, const std::string& slug) const;
  bool Exists(soci::session& sql, AgreementId id) const;
  // The whole agreement with its parties, objectives, documents (without their bytes), log,
  // reviews and activities; nullopt when there is none. Does not check visibility.
  std::optional<Agreement> Load(soci::session& sql, AgreementId id) const;

  // The agreements `actor` may see that match `filter`, newest signing first; the visibility
  // condition is part of the SQL, so the total counts visible agreements only.
  Page<AgreementSummary> List(soci::session& sql, const auth::Actor& actor, const AgreementFilter& filter,
                              const PageRequest& page) const;

  // Writes take the policy's permit for the agreement (core/auth/policy.h); a new agreement
  // the permit to act for one of its parties.
  AgreementId Insert(soci::session& sql, const auth::Permit<OrganizationId>& party, const AgreementRecord& record) const;
  void Update(soci::session& sql, const auth::Permit<AgreementId>& agreement, const AgreementRecord& record) const;
  void ReplaceParties(soci::session& sql, const auth::Permit<AgreementId>& agreement,
                      const std::vector<PartyRecord>& parties) const;
  void ReplaceCoordinators(soci::session& sql, const auth::Permit<AgreementId>& agreement,
                           const std::vector<CoordinatorRecord>& coordinators) const;
  // Keeps the objectives named by `existing` (updating text, categories and order), inserts the
  // new ones and deletes the others (with their links to activities).
  void SyncObjectives(soci::session& sql, const auth::Permit<AgreementId>& agreement,
                      const std::vector<ObjectiveRecord>& objectives) const;
  std::vector<ObjectiveId> ObjectiveIds(soci::session& sql, AgreementId id) const;

  FollowUpId InsertFollowUp(soci::session& sql, const auth::Permit<AgreementId>& agreement, const PartialDate& entry_on, UserId author,
                            const std::string& source, const i18n::LocalizedText& text) const;
  ActivityId InsertActivity(soci::session& sql, const auth::Permit<AgreementId>& agreement, ActivityKind kind, const PartialDate& happened_on,
                            UserId author, const i18n::LocalizedText& text, const i18n::LocalizedText& place,
                            const std::vector<ObjectiveId>& objectives) const;
  // One review per agreement and year: a second one for the same year replaces the first.
  ReviewId UpsertReview(soci::session& sql, const auth::Permit<AgreementId>& agreement, int year, UserId author, const ReviewInput& texts) const;
  DocumentId InsertDocument(soci::session& sql, const auth::Permit<AgreementId>& agreement,
                            const std::string& language,
                            const std::string& file_name, DocumentType type, std::string_view content,
                            const std::string& sha256_hex, UserId author) const;
  // The bytes of a document of this agreement; nullopt when the agreement has no such document.
  std::optional<std::string> DocumentContent(soci::session& sql, AgreementId id, DocumentId document) const;

  // The title key of a position `person` holds or held in `organization` (covering `on` when
  // several), or nullopt when there is none: a signatory signs for a party they hold office in.
  std::optional<std::string> SignatoryTitle(soci::session& sql, PersonId person, OrganizationId organization,
                                            const PartialDate& on) const;
};

}  // namespace entente::agreements
