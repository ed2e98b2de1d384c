#pragma once
// `entente seed synthetic --members N`: a realistic, deterministic synthetic roll for tests and
// benchmarks — French, Kazakh and Russian names in both scripts with the spelling variants real
// rolls have, cities, languages and practice areas — on two bars of its own, marked synthetic
// (the bars' names say so, and every person carries the synthetic flag).

#include <cstddef>
#include <functional>

#include "core/base/error.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/roll_service.h"

namespace entente::directory {

// The same `members` people every time (a fixed seed and our own arithmetic, not the standard
// library's distributions, whose output differs between implementations).
Status SeedSynthetic(OrganizationService& organizations, RollService& roll, size_t members,
                     const std::function<void(size_t, size_t)>& progress = {});

// The synthetic person `index` (0-based) as a roll entry: exposed for tests and benchmarks that
// need to know what was generated.
PeopleStore::RollEntry SyntheticEntry(size_t index);

}  // namespace entente::directory
