#include "modules/directory/lookup.h"

#include "modules/directory/model.h"
#include "modules/directory/organization_store.h"

namespace entente::directory {

std::optional<PersonId> PersonBySlug(soci::session& sql, const std::string& slug) {
  long long id = 0;
  sql << "SELECT id FROM people WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return PersonId(id);
}

std::optional<PersonId> CurrentPersonBySlug(soci::session& sql, const std::string& slug) {
  long long id = 0;
  sql << "SELECT id FROM people WHERE slug = :slug AND merged_into IS NULL", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return PersonId(id);
}

std::optional<OrganizationId> VisibleOrganizationBySlug(soci::session& sql, const auth::Actor& viewer,
                                                        const std::string& slug) {
  auto organization = OrganizationStore().FindBySlug(sql, slug);
  if (!organization || !MayView(viewer, *organization)) return std::nullopt;
  return organization->id;
}

bool JurisdictionExists(soci::session& sql, const std::string& code) {
  long long id = 0;
  sql << "SELECT id FROM jurisdictions WHERE code = :code", soci::use(code), soci::into(id);
  return sql.got_data();
}

}  // namespace entente::directory
