#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/visibility.h"
#include "core/base/ids.h"
#include "core/i18n/localized_text.h"

namespace entente::directory {

enum class OrganizationKind {
  kBar,
  kNationalBar,  // a national bar or collegium of advocates
  kCommittee,
  kTrainingCentre,
  kMinistry,  // a ministry or one of its departments
  kCourtCouncil,
  kUnion,
  kProgramme,  // an international programme
  kOther,
};

std::string_view KindKey(OrganizationKind kind);  // as stored: "training_centre"
std::optional<OrganizationKind> ParseKind(std::string_view key);
std::string_view KindLabel(OrganizationKind kind);  // English msgid: "Training centre"

struct Organization {
  OrganizationId id;
  std::string slug;
  OrganizationKind kind = OrganizationKind::kOther;
  std::optional<OrganizationId> parent;
  std::string city;
  std::string country_code;  // ISO 3166-1 alpha-2, or empty when unknown
  std::string jurisdiction;  // code (FR, KZ, EU), or empty
  std::string website;
  // public, members (signed-in users), or organization (those holding a role on it or above it).
  auth::Visibility visibility = auth::Visibility::kPublic;
  i18n::LocalizedText name;
  i18n::LocalizedText alternate_name;  // another name the sources use, when there is one
};

// Whether `actor` may see the organization (its page, its place in lists).
bool MayView(const auth::Actor& actor, const Organization& organization);

struct Jurisdiction {
  JurisdictionId id;
  std::string code;
  i18n::LocalizedText name;
};

// What creating or updating an organization takes; `parent_slug` names an existing organization.
struct OrganizationInput {
  std::string slug;
  std::string kind;
  std::string parent_slug;
  std::string city;
  std::string country_code;
  std::string jurisdiction;  // code of an existing jurisdiction, or empty
  std::string website;
  std::string visibility = "public";  // public, members, organization
  i18n::LocalizedText name;
  i18n::LocalizedText alternate_name;
  // An update that did not say (an API body without "parent" / "visibility") keeps the
  // organization where it is and who may see it.
  bool keep_parent = false;
  bool keep_visibility = false;
};

struct DirectorySummary {
  long long organizations = 0;
  long long bars = 0;  // bars and national bars
  long long countries = 0;
};

}  // namespace entente::directory
