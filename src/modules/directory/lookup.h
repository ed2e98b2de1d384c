#pragma once
// What other modules ask the directory inside their own transaction: a person or an
// organization by the slug a form or a JSON body names. The one implementation of these
// look-ups (lookup_store.cc); other modules call these instead of writing SQL over the
// directory's tables (the views of migrations/*/directory/0009 are for their joins,
// scripts/check-module-tables for the rule).

#include <soci/soci.h>

#include <optional>
#include <string>

#include "core/auth/actor.h"
#include "core/base/ids.h"

namespace entente::directory {

// The person with that slug, merged or not (a merged record still answers to its old slug), or
// nullopt.
std::optional<PersonId> PersonBySlug(soci::session& sql, const std::string& slug);
// The same, but only a person who has not been merged into another.
std::optional<PersonId> CurrentPersonBySlug(soci::session& sql, const std::string& slug);
// The organization with that slug when `viewer` may see it (docs/ARCHITECTURE.md, "Roles, scope
// and visibility"), else nullopt: a hidden organization is unknown, as if it did not exist.
std::optional<OrganizationId> VisibleOrganizationBySlug(soci::session& sql, const auth::Actor& viewer,
                                                        const std::string& slug);
// Whether the jurisdiction code (FR, KZ, EU …) is known.
bool JurisdictionExists(soci::session& sql, const std::string& code);

}  // namespace entente::directory
