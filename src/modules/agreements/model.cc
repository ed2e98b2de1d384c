#include "modules/agreements/model.h"

#include "core/base/enum_table.h"
#include "core/base/messages.h"

namespace entente::agreements {
namespace {

constexpr EnumTable<AgreementKind, 4> kKinds{{{
    {AgreementKind::kCooperationAgreement, "cooperation_agreement", N_("Cooperation agreement")},
    {AgreementKind::kMemorandumOfUnderstanding, "memorandum_of_understanding", N_("Memorandum of understanding")},
    {AgreementKind::kTwinning, "twinning", N_("Twinning")},
    {AgreementKind::kProtocol, "protocol", N_("Protocol")},
}}};

constexpr EnumTable<AgreementStatus, 6> kStatuses{{{
    {AgreementStatus::kDraft, "draft", NC_("agreement status", "Draft")},
    {AgreementStatus::kSigned, "signed", NC_("agreement status", "Signed")},
    {AgreementStatus::kInForce, "in_force", NC_("agreement status", "In force")},
    {AgreementStatus::kSuspended, "suspended", NC_("agreement status", "Suspended")},
    {AgreementStatus::kExpired, "expired", NC_("agreement status", "Expired")},
    {AgreementStatus::kTerminated, "terminated", NC_("agreement status", "Terminated")},
}}};

constexpr EnumTable<TermKind, 3> kTerms{{{
    {TermKind::kUnknown, "unknown", N_("unknown")},
    {TermKind::kFixed, "fixed", N_("Fixed term")},
    {TermKind::kOpenEnded, "open_ended", N_("Open-ended")},
}}};

constexpr EnumTable<Renewal, 4> kRenewals{{{
    {Renewal::kUnknown, "unknown", N_("unknown")},
    {Renewal::kTacit, "tacit", N_("Tacit renewal")},
    {Renewal::kExplicit, "explicit", N_("Explicit renewal")},
    {Renewal::kNone, "none", N_("No renewal")},
}}};

constexpr EnumTable<ObjectiveCategory, 6> kCategories{{{
    {ObjectiveCategory::kExchange, "exchange", N_("Exchange between the bars")},
    {ObjectiveCategory::kLegalCooperation, "legal_cooperation", N_("Legal and judicial cooperation among members")},
    {ObjectiveCategory::kLegalPractice, "legal_practice", N_("Information on legal practice")},
    {ObjectiveCategory::kEthics, "ethics", N_("Ethics")},
    {ObjectiveCategory::kTraining, "training", N_("Professional training")},
    {ObjectiveCategory::kLegalSystems, "legal_systems", N_("Laws and legal and judicial systems")},
}}};

constexpr EnumTable<ActivityKind, 6> kActivityKinds{{{
    {ActivityKind::kBackground, "background", N_("Background")},
    {ActivityKind::kVisit, "visit", N_("Visit")},
    {ActivityKind::kRoundTable, "round_table", N_("Round-table")},
    {ActivityKind::kTraining, "training", N_("Training")},
    {ActivityKind::kMeeting, "meeting", N_("Meeting")},
    {ActivityKind::kOther, "other", N_("Other activity")},
}}};

constexpr EnumTable<DocumentType, 3> kDocumentTypes{{{
    {DocumentType::kPdf, "pdf", "application/pdf"},
    {DocumentType::kDocx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {DocumentType::kOdt, "odt", "application/vnd.oasis.opendocument.text"},
}}};

int Rank(AgreementStatus status) {
  switch (status) {
    case AgreementStatus::kDraft:
      return 0;
    case AgreementStatus::kSigned:
      return 1;
    case AgreementStatus::kInForce:
    case AgreementStatus::kSuspended:
      return 2;
    case AgreementStatus::kExpired:
    case AgreementStatus::kTerminated:
      return 3;
  }
  return 0;
}

}  // namespace

std::string_view KindKey(AgreementKind kind) { return kKinds.Key(kind); }
std::optional<AgreementKind> ParseKind(std::string_view key) { return kKinds.Parse(key); }
std::string_view KindLabel(AgreementKind kind) { return kKinds.Label(kind); }
std::string_view StatusKey(AgreementStatus status) { return kStatuses.Key(status); }
std::optional<AgreementStatus> ParseStatus(std::string_view key) { return kStatuses.Parse(key); }
std::string_view StatusLabel(AgreementStatus status) { return kStatuses.Label(status); }
std::string_view TermKey(TermKind term) { return kTerms.Key(term); }
std::optional<TermKind> ParseTerm(std::string_view key) { return kTerms.Parse(key); }
std::string_view RenewalKey(Renewal renewal) { return kRenewals.Key(renewal); }
std::optional<Renewal> ParseRenewal(std::string_view key) { return kRenewals.Parse(key); }
std::string_view RenewalLabel(Renewal renewal) { return kRenewals.Label(renewal); }
std::string_view CategoryKey(ObjectiveCategory category) { return kCategories.Key(category); }
std::optional<ObjectiveCategory> ParseCategory(std::string_view key) { return kCategories.Parse(key); }
std::string_view CategoryLabel(ObjectiveCategory category) { return kCategories.Label(category); }
std::string_view ActivityKindKey(ActivityKind kind) { return kActivityKinds.Key(kind); }
std::optional<ActivityKind> ParseActivityKind(std::string_view key) { return kActivityKinds.Parse(key); }
std::string_view ActivityKindLabel(ActivityKind kind) { return kActivityKinds.Label(kind); }
std::string_view DocumentTypeKey(DocumentType type) { return kDocumentTypes.Key(type); }
std::optional<DocumentType> ParseDocumentType(std::string_view key) { return kDocumentTypes.Parse(key); }
std::string_view DocumentMediaType(DocumentType type) { return kDocumentTypes.Label(type); }

bool MayMove(AgreementStatus from, AgreementStatus to) {
  if (from == to) return true;
  if (to == AgreementStatus::kDraft) return false;
  if (Rank(from) == 3) return false;
  // Suspended and in force go back and forth; otherwise forward only.
  return Rank(to) >= Rank(from);
}

std::vector<OrganizationId> Agreement::PartyIds() const {
  std::vector<OrganizationId> ids;
  for (const auto& party : parties) ids.push_back(party.organization);
  return ids;
}

}  // namespace entente::agreements
