#include "modules/directory/model.h"

#include <array>
#include <utility>

#include "core/base/messages.h"

namespace entente::directory {
namespace {

struct KindInfo {
  OrganizationKind kind;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<KindInfo, 9> kKinds = {{
    {OrganizationKind::kBar, "bar", N_("Bar")},
    {OrganizationKind::kNationalBar, "national_bar", N_("National bar or collegium")},
    {OrganizationKind::kCommittee, "committee", N_("Committee")},
    {OrganizationKind::kTrainingCentre, "training_centre", N_("Training centre")},
    {OrganizationKind::kMinistry, "ministry", N_("Ministry or department")},
    {OrganizationKind::kCourtCouncil, "court_council", N_("Judicial council")},
    {OrganizationKind::kUnion, "union", N_("Union")},
    {OrganizationKind::kProgramme, "programme", N_("International programme")},
    {OrganizationKind::kOther, "other", N_("Other organization")},
}};

}  // namespace

std::string_view KindKey(OrganizationKind kind) {
  for (const auto& info : kKinds) {
    if (info.kind == kind) return info.key;
  }
  return "other";
}

std::optional<OrganizationKind> ParseKind(std::string_view key) {
  for (const auto& info : kKinds) {
    if (info.key == key) return info.kind;
  }
  return std::nullopt;
}

std::string_view KindLabel(OrganizationKind kind) {
  for (const auto& info : kKinds) {
    if (info.kind == kind) return info.label;
  }
  return N_("Other organization");
}

}  // namespace entente::directory
