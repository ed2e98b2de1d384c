#include "modules/directory/model.h"

#include "core/base/enum_table.h"
#include "core/base/messages.h"

namespace entente::directory {
namespace {

constexpr EnumTable<OrganizationKind, 9> kKinds{{{
    {OrganizationKind::kBar, "bar", N_("Bar")},
    {OrganizationKind::kNationalBar, "national_bar", N_("National bar or collegium")},
    {OrganizationKind::kCommittee, "committee", N_("Committee")},
    {OrganizationKind::kTrainingCentre, "training_centre", N_("Training centre")},
    {OrganizationKind::kMinistry, "ministry", N_("Ministry or department")},
    {OrganizationKind::kCourtCouncil, "court_council", N_("Judicial council")},
    {OrganizationKind::kUnion, "union", N_("Union")},
    {OrganizationKind::kProgramme, "programme", N_("International programme")},
    {OrganizationKind::kOther, "other", N_("Other organization")},
}}};

}  // namespace

std::string_view KindKey(OrganizationKind kind) { return kKinds.Key(kind); }
std::optional<OrganizationKind> ParseKind(std::string_view key) { return kKinds.Parse(key); }
std::string_view KindLabel(OrganizationKind kind) { return kKinds.Label(kind); }

}  // namespace entente::directory
