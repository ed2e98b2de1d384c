#pragma once
// People of the directory: names as written with their variants, languages, practice areas,
// memberships of bars' rolls, and positions held over time.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/visibility.h"
#include "core/base/cursor.h"
#include "core/base/ids.h"
#include "core/base/messages.h"
#include "core/base/pagination.h"
#include "core/base/partial_date.h"

namespace entente::directory {

enum class NameScript { kLatin, kCyrillic };
enum class NameKind { kAsWritten, kPreferred, kPassport, kTransliterated };
enum class MembershipStatus { kActive, kSuspended, kHonorary, kFormer };
enum class PositionTitle {
  kChairman,
  kPresident,  // president of a bar, bâtonnier
  kVicePresident,
  kBoardMember,
  kCouncilMember,
  kHead,
  kDeputyHead,
  kTeamLeader,
  kMember,
  kSecretary,
  kSubDirector,
};

enum class ContactKind { kEmail, kPhone, kAddress, kWebsite };

std::string_view ScriptKey(NameScript script);  // "Latn", "Cyrl"
std::optional<NameScript> ParseScript(std::string_view key);
std::string_view NameKindKey(NameKind kind);
std::optional<NameKind> ParseNameKind(std::string_view key);
std::string_view NameKindLabel(NameKind kind);
std::string_view StatusKey(MembershipStatus status);
std::optional<MembershipStatus> ParseStatus(std::string_view key);
std::string_view StatusLabel(MembershipStatus status);
std::string_view TitleKey(PositionTitle title);
std::optional<PositionTitle> ParseTitle(std::string_view key);
// English msgid, in the gettext context "position" (kPositionContext).
std::string_view TitleLabel(PositionTitle title);
inline constexpr const char* kPositionContext = "position";
std::string_view ContactKindKey(ContactKind kind);  // "email"
std::optional<ContactKind> ParseContactKind(std::string_view key);
std::string_view ContactKindLabel(ContactKind kind);  // English msgid
// The visibility levels a contact detail may have: public, members, organization (the person's
// bars and organizations).
bool IsContactVisibility(auth::Visibility visibility);

// The script a name is written in: Cyrillic if it has a Cyrillic letter, else Latin.
NameScript DetectScript(std::string_view name);

// The note on a name variant that the sources do not give and we transliterated (the demo's
// Cyrillic spellings): an interface string, so that each language shows it in its own words.
inline constexpr const char* kOurTransliteration = N_("our transliteration");

struct PersonName {
  std::string full_name;
  NameScript script = NameScript::kLatin;
  NameKind kind = NameKind::kAsWritten;
  std::string language;  // of the spelling, when it matters ("ru", "kk", "fr"); may be empty
  std::string note;      // e.g. "our transliteration"
};

// A contact detail, shown only to those its visibility admits.
struct Contact {
  ContactKind kind = ContactKind::kEmail;
  std::string value;
  auth::Visibility visibility = auth::Visibility::kMembers;
};

struct Membership {
  long long id = 0;
  OrganizationId bar;
  std::string bar_slug;
  auth::Visibility bar_visibility = auth::Visibility::kPublic;  // who may see the bar
  std::string roll_number;
  PartialDate admitted_on;
  MembershipStatus status = MembershipStatus::kActive;
  PartialDate status_since;
};

struct Position {
  long long id = 0;
  OrganizationId organization;
  std::string organization_slug;
  auth::Visibility organization_visibility = auth::Visibility::kPublic;  // who may see the organization
  PositionTitle title = PositionTitle::kMember;
  PartialDate starts_on;
  PartialDate ends_on;
  PartialDate attested_on;
  std::string source;
};

struct Person {
  PersonId id;
  std::string slug;
  std::string display_name;  // the first name as written
  std::string gender;        // "", "female", "male", "other"
  std::string city;
  bool synthetic = false;
  std::optional<PersonId> merged_into;  // set on a duplicate merged into another record
  std::vector<PersonName> names;
  std::vector<std::string> languages;
  std::vector<std::string> practice_areas;
  std::vector<Contact> contacts;  // all of them: callers show those the viewer may see
  std::vector<Membership> memberships;
  std::vector<Position> positions;
};

struct PersonInput {
  std::string slug;
  std::string gender;
  std::string city;
  bool synthetic = false;
  std::vector<PersonName> names;  // the first is the name as written
  std::vector<std::string> languages;
  std::vector<std::string> practice_areas;
  std::vector<Contact> contacts;
};

struct MembershipInput {
  std::string bar_slug;
  std::string roll_number;
  std::string admitted_on;  // PartialDate text
  std::string status = "active";
  std::string status_since;
};

struct PositionInput {
  std::string organization_slug;
  std::string title;
  std::string starts_on;
  std::string ends_on;
  std::string attested_on;
  std::string source;
};

// Find a lawyer: a name in any script or spelling, and filters.
struct LawyerQuery {
  std::string text;
  std::string bar;           // organization slug
  std::string jurisdiction;  // code: FR, KZ
  std::string city;
  std::string language;  // spoken: fr, ru, kk, en
  std::string practice_area;
  std::string status;  // active (default), suspended, honorary, former, or "any"
  PageRequest page;
  // Keyset paging (after=): the rows after this one, in (sort_key, id) order, instead of the
  // page's offset. Only without a search text (a ranked search pages by number).
  std::optional<KeysetCursor> after;
};

// People's ids as the database binds them (db::Query::BindList), and back.
std::vector<long long> IdValues(const std::vector<PersonId>& ids);
std::vector<PersonId> PersonIds(const std::vector<long long>& values);

// What an organization's page shows of its people.
struct OrganizationPeople {
  struct Holder {
    PersonId person;
    std::string slug;
    std::string display_name;
    Position position;
  };
  long long member_count = 0;
  std::vector<Holder> holders;  // positions not known to have ended
};

struct LawyerHit {
  PersonId id;
  std::string slug;
  std::string display_name;
  std::vector<std::string> other_names;  // variants in another script
  std::string city;
  std::vector<std::string> bars;  // slugs
  int score = 0;                  // higher is better: exact > prefix > one typo
};

}  // namespace entente::directory
