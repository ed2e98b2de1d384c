#include "modules/directory/people_model.h"

#include "core/base/enum_table.h"
#include "core/base/messages.h"

namespace entente::directory {
namespace {

constexpr EnumTable<NameScript, 2> kScripts{{{
    {NameScript::kLatin, "Latn", N_("Latin")},
    {NameScript::kCyrillic, "Cyrl", N_("Cyrillic")},
}}};

constexpr EnumTable<NameKind, 4> kNameKinds{{{
    {NameKind::kAsWritten, "as_written", N_("as written")},
    {NameKind::kPreferred, "preferred", N_("preferred")},
    {NameKind::kPassport, "passport", N_("passport")},
    {NameKind::kTransliterated, "transliterated", N_("transliterated")},
}}};

constexpr EnumTable<MembershipStatus, 4> kStatuses{{{
    {MembershipStatus::kActive, "active", N_("Active")},
    {MembershipStatus::kSuspended, "suspended", N_("Suspended")},
    {MembershipStatus::kHonorary, "honorary", N_("Honorary")},
    {MembershipStatus::kFormer, "former", N_("Former")},
}}};

constexpr EnumTable<PositionTitle, 11> kTitles{{{
    {PositionTitle::kChairman, "chairman", NC_("position", "Chairman")},
    {PositionTitle::kPresident, "president", NC_("position", "President (bâtonnier)")},
    {PositionTitle::kVicePresident, "vice_president", NC_("position", "Vice-president")},
    {PositionTitle::kBoardMember, "board_member", NC_("position", "Member of the board")},
    {PositionTitle::kCouncilMember, "council_member", NC_("position", "Member of the council")},
    {PositionTitle::kHead, "head", NC_("position", "Head")},
    {PositionTitle::kDeputyHead, "deputy_head", NC_("position", "Deputy head")},
    {PositionTitle::kTeamLeader, "team_leader", NC_("position", "Team leader")},
    {PositionTitle::kMember, "member", NC_("position", "Member")},
    {PositionTitle::kSecretary, "secretary", NC_("position", "Secretary")},
    {PositionTitle::kSubDirector, "sub_director", NC_("position", "Sub-director")},
}}};

constexpr EnumTable<ContactKind, 4> kContactKinds{{{
    {ContactKind::kEmail, "email", N_("Email")},
    {ContactKind::kPhone, "phone", N_("Telephone")},
    {ContactKind::kAddress, "address", N_("Postal address")},
    {ContactKind::kWebsite, "website", N_("Website")},
}}};

}  // namespace

std::string_view ContactKindKey(ContactKind kind) { return kContactKinds.Key(kind); }
std::optional<ContactKind> ParseContactKind(std::string_view key) { return kContactKinds.Parse(key); }
std::string_view ContactKindLabel(ContactKind kind) { return kContactKinds.Label(kind); }
bool IsContactVisibility(auth::Visibility visibility) {
  return visibility == auth::Visibility::kPublic || visibility == auth::Visibility::kMembers ||
         visibility == auth::Visibility::kOrganization;
}

std::string_view ScriptKey(NameScript script) { return kScripts.Key(script); }
std::optional<NameScript> ParseScript(std::string_view key) { return kScripts.Parse(key); }
std::string_view NameKindKey(NameKind kind) { return kNameKinds.Key(kind); }
std::optional<NameKind> ParseNameKind(std::string_view key) { return kNameKinds.Parse(key); }
std::string_view NameKindLabel(NameKind kind) { return kNameKinds.Label(kind); }
std::string_view StatusKey(MembershipStatus status) { return kStatuses.Key(status); }
std::optional<MembershipStatus> ParseStatus(std::string_view key) { return kStatuses.Parse(key); }
std::string_view StatusLabel(MembershipStatus status) { return kStatuses.Label(status); }
std::string_view TitleKey(PositionTitle title) { return kTitles.Key(title); }
std::optional<PositionTitle> ParseTitle(std::string_view key) { return kTitles.Parse(key); }
std::string_view TitleLabel(PositionTitle title) { return kTitles.Label(title); }

NameScript DetectScript(std::string_view name) {
  // Cyrillic letters are U+0400–U+04FF: UTF-8 lead bytes 0xD0–0xD3.
  for (unsigned char c : name) {
    if (c >= 0xD0 && c <= 0xD3) return NameScript::kCyrillic;
  }
  return NameScript::kLatin;
}

std::vector<long long> IdValues(const std::vector<PersonId>& ids) {
  std::vector<long long> values;
  values.reserve(ids.size());
  for (PersonId id : ids) values.push_back(id.value());
  return values;
}

std::vector<PersonId> PersonIds(const std::vector<long long>& values) {
  std::vector<PersonId> ids;
  ids.reserve(values.size());
  for (long long value : values) ids.emplace_back(value);
  return ids;
}

}  // namespace entente::directory
