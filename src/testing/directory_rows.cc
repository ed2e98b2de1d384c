#include "testing/directory_rows.h"

namespace entente::testing {

void AddOrganizationRow(soci::session& sql, const std::string& slug, const std::string& english_name) {
  sql << "INSERT INTO organizations (slug, kind, visibility, created_at_utc) VALUES (:slug, 'bar', 'public', "
         "'2026-01-01T00:00:00Z')",
      soci::use(slug);
  sql << "INSERT INTO organization_texts (owner_id, field, language, text, is_original) "
         "SELECT id, 'name', 'en', :name, 1 FROM organizations WHERE slug = :slug",
      soci::use(english_name), soci::use(slug);
}

void AddPersonRow(soci::session& sql, const std::string& slug, const std::string& display_name) {
  sql << "INSERT INTO people (slug, display_name, sort_key, created_at_utc, updated_at_utc) VALUES (:slug, :name, "
         ":sort_key, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      soci::use(slug), soci::use(display_name), soci::use(slug);
}

}  // namespace entente::testing
