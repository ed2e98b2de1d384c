#pragma once
// Cooperation agreements (docs/ARCHITECTURE.md, module 2): what the parties signed, when and where, what
// they promised (objectives), and what was done about it (activities, follow-ups, reviews).
// Every fact the sources may not give is able to say "unknown": a PartialDate that is not
// known, an optional number, a kind whose value is kUnknown.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/visibility.h"
#include "core/base/ids.h"
#include "core/base/partial_date.h"
#include "core/i18n/localized_text.h"

namespace entente::agreements {

using AgreementId = Id<struct AgreementIdTag>;
using ObjectiveId = Id<struct ObjectiveIdTag>;
using DocumentId = Id<struct DocumentIdTag>;
using ActivityId = Id<struct ActivityIdTag>;
using FollowUpId = Id<struct FollowUpIdTag>;
using ReviewId = Id<struct ReviewIdTag>;
using CoordinatorId = Id<struct CoordinatorIdTag>;

enum class AgreementKind { kCooperationAgreement, kMemorandumOfUnderstanding, kTwinning, kProtocol };
// draft → signed → in force → suspended → expired or terminated.
enum class AgreementStatus { kDraft, kSigned, kInForce, kSuspended, kExpired, kTerminated };
enum class TermKind { kUnknown, kFixed, kOpenEnded };
enum class Renewal { kUnknown, kTacit, kExplicit, kNone };
enum class ObjectiveCategory { kExchange, kLegalCooperation, kLegalPractice, kEthics, kTraining, kLegalSystems };
enum class ActivityKind { kBackground, kVisit, kRoundTable, kTraining, kMeeting, kOther };
enum class DocumentType { kPdf, kDocx, kOdt };

std::string_view KindKey(AgreementKind kind);
std::optional<AgreementKind> ParseKind(std::string_view key);
std::string_view KindLabel(AgreementKind kind);
std::string_view StatusKey(AgreementStatus status);
std::optional<AgreementStatus> ParseStatus(std::string_view key);
// English msgid, in the gettext context kStatusContext ("Suspended" of an agreement is not the
// word for a suspended advocate in every language).
std::string_view StatusLabel(AgreementStatus status);
inline constexpr const char* kStatusContext = "agreement status";
std::string_view TermKey(TermKind term);
std::optional<TermKind> ParseTerm(std::string_view key);
std::string_view RenewalKey(Renewal renewal);
std::optional<Renewal> ParseRenewal(std::string_view key);
std::string_view RenewalLabel(Renewal renewal);
std::string_view CategoryKey(ObjectiveCategory category);
std::optional<ObjectiveCategory> ParseCategory(std::string_view key);
std::string_view CategoryLabel(ObjectiveCategory category);
std::string_view ActivityKindKey(ActivityKind kind);
std::optional<ActivityKind> ParseActivityKind(std::string_view key);
std::string_view ActivityKindLabel(ActivityKind kind);
std::string_view DocumentTypeKey(DocumentType type);
std::optional<DocumentType> ParseDocumentType(std::string_view key);
std::string_view DocumentMediaType(DocumentType type);

inline constexpr AgreementKind kAllKinds[] = {AgreementKind::kCooperationAgreement,
                                              AgreementKind::kMemorandumOfUnderstanding, AgreementKind::kTwinning,
                                              AgreementKind::kProtocol};
inline constexpr AgreementStatus kAllStatuses[] = {AgreementStatus::kDraft,   AgreementStatus::kSigned,
                                                   AgreementStatus::kInForce, AgreementStatus::kSuspended,
                                                   AgreementStatus::kExpired, AgreementStatus::kTerminated};
inline constexpr ObjectiveCategory kAllCategories[] = {
    ObjectiveCategory::kExchange, ObjectiveCategory::kLegalCooperation, ObjectiveCategory::kLegalPractice,
    ObjectiveCategory::kEthics,   ObjectiveCategory::kTraining,         ObjectiveCategory::kLegalSystems};
inline constexpr ActivityKind kAllActivityKinds[] = {ActivityKind::kBackground, ActivityKind::kVisit,
                                                     ActivityKind::kRoundTable, ActivityKind::kTraining,
                                                     ActivityKind::kMeeting,    ActivityKind::kOther};
inline constexpr Renewal kAllRenewals[] = {Renewal::kUnknown, Renewal::kTacit, Renewal::kExplicit, Renewal::kNone};

// Whether an agreement may go from `from` to `to` (the same status is always allowed): nothing
// returns to a draft, and an expired or terminated agreement stays so.
bool MayMove(AgreementStatus from, AgreementStatus to);

struct Party {
  OrganizationId organization;
  std::string organization_slug;
  i18n::LocalizedText organization_name;
  std::string jurisdiction;           // code of the party's jurisdiction, or empty
  std::optional<PersonId> signatory;  // unknown when absent
  std::string signatory_slug;
  std::string signatory_name;
  std::string signatory_title;  // position title key held at signing ("chairman")
};

struct Coordinator {
  CoordinatorId id;
  OrganizationId organization;
  std::string organization_slug;
  PersonId person;
  std::string person_slug;
  std::string person_name;
  PartialDate starts_on;
  PartialDate ends_on;
};

struct Objective {
  ObjectiveId id;
  int sequence = 0;  // from 1
  i18n::LocalizedText text;
  std::vector<ObjectiveCategory> categories;
};

struct Document {
  DocumentId id;
  std::string language;
  std::string file_name;
  DocumentType type = DocumentType::kPdf;
  long long size_bytes = 0;
  std::string sha256_hex;
  std::string uploaded_at_utc;
};

struct FollowUp {
  FollowUpId id;
  PartialDate entry_on;
  UserId author;  // not valid(): none (loaded from a source)
  std::string author_name;
  std::string source;
  i18n::LocalizedText text;
};

struct Review {
  ReviewId id;
  int year = 0;
  UserId author;  // not valid(): none
  std::string author_name;
  i18n::LocalizedText findings;
  i18n::LocalizedText decisions;
  i18n::LocalizedText next_actions;
};

struct Activity {
  ActivityId id;
  ActivityKind kind = ActivityKind::kOther;
  PartialDate happened_on;
  i18n::LocalizedText text;
  i18n::LocalizedText place;
  std::vector<ObjectiveId> objectives;
  // Set for an activity another module records (an event serving objectives): its page. Such an
  // activity has no id of the agreement's own, counts on the tracker, and stays off the timeline
  // (which tells the agreement's own story).
  std::string link;
};

// An activity another module records for an objective of an agreement (an event that serves it).
struct LinkedActivity {
  ObjectiveId objective;
  ActivityKind kind = ActivityKind::kOther;
  PartialDate happened_on;
  i18n::LocalizedText text;
  i18n::LocalizedText place;
  std::string link;  // its page, such as /events/rentree-du-barreau-de-paris-2014
};

struct Agreement {
  AgreementId id;
  std::string slug;
  AgreementKind kind = AgreementKind::kCooperationAgreement;
  AgreementStatus status = AgreementStatus::kDraft;
  auth::Visibility visibility = auth::Visibility::kPublic;
  i18n::LocalizedText title;
  PartialDate signed_on;
  PartialDate in_force_on;
  PartialDate suspended_on;
  PartialDate ended_on;
  i18n::LocalizedText signing_place;
  i18n::LocalizedText occasion;
  std::optional<long long> occasion_event_id;  // once the events module exists
  TermKind term = TermKind::kUnknown;
  std::optional<int> term_months;
  Renewal renewal = Renewal::kUnknown;
  std::optional<int> notice_months;
  std::optional<std::vector<std::string>> authentic_languages;  // unknown when absent
  std::optional<OrganizationId> initiated_by;
  std::string initiated_by_slug;
  i18n::LocalizedText initiated_by_name;
  std::optional<OrganizationId> supported_by;  // the programme or funder
  std::string supported_by_slug;
  i18n::LocalizedText supported_by_name;
  std::string updated_at_utc;
  std::vector<Party> parties;
  std::vector<Coordinator> coordinators;
  std::vector<Objective> objectives;
  std::vector<Document> documents;
  std::vector<FollowUp> follow_ups;
  std::vector<Review> reviews;
  std::vector<Activity> activities;

  std::vector<OrganizationId> PartyIds() const;
};

// A line of the list.
struct AgreementSummary {
  AgreementId id;
  std::string slug;
  AgreementKind kind = AgreementKind::kCooperationAgreement;
  AgreementStatus status = AgreementStatus::kDraft;
  auth::Visibility visibility = auth::Visibility::kPublic;
  i18n::LocalizedText title;
  PartialDate signed_on;
  std::vector<Party> parties;  // without signatories
};

struct AgreementFilter {
  std::string party;         // organization slug
  std::string jurisdiction;  // code of a party's jurisdiction
  std::string status;        // status key
  int year = 0;              // of signing; 0: any
};

// --- What creating or updating takes (text fields as typed; the service parses them) ---

struct PartyInput {
  std::string organization;  // slug
  std::string signatory;     // person slug; empty when unknown
};

struct CoordinatorInput {
  std::string organization;  // slug of a party
  std::string person;        // slug
  std::string starts_on;
  std::string ends_on;
};

struct ObjectiveInput {
  std::optional<ObjectiveId> id;  // an existing objective of the agreement; nullopt for a new one
  i18n::LocalizedText text;
  std::vector<std::string> categories;
};

struct AgreementInput {
  std::string slug;
  std::string kind = "cooperation_agreement";
  std::string status = "draft";
  std::string visibility = "public";
  i18n::LocalizedText title;
  std::string signed_on, in_force_on, suspended_on, ended_on;  // PartialDate text
  i18n::LocalizedText signing_place;
  i18n::LocalizedText occasion;
  std::string term = "unknown";  // unknown, fixed, open_ended
  std::string term_months;       // when fixed
  std::string renewal = "unknown";
  std::string notice_months;  // empty: unknown
  std::optional<std::vector<std::string>> authentic_languages;
  std::string initiated_by;  // organization slugs, empty when unknown
  std::string supported_by;
  std::vector<PartyInput> parties;
  std::vector<CoordinatorInput> coordinators;
  std::vector<ObjectiveInput> objectives;
};

struct FollowUpInput {
  std::string entry_on;
  i18n::LocalizedText text;
  std::string source;
};

struct ActivityInput {
  std::string kind = "other";
  std::string happened_on;
  i18n::LocalizedText text;
  i18n::LocalizedText place;
  std::vector<ObjectiveId> objectives;  // the agreement's own
};

struct ReviewInput {
  int year = 0;
  i18n::LocalizedText findings;
  i18n::LocalizedText decisions;
  i18n::LocalizedText next_actions;
};

struct DocumentInput {
  std::string language;
  std::string file_name;
  std::string_view content;
};

}  // namespace entente::agreements
