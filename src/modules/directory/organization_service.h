#pragma once
// Organizations: validation and transactions around OrganizationStore.
// TODO(#3): every call takes the acting user (const Actor&) and checks it.

#include <vector>

#include "core/base/error.h"
#include "core/db/database.h"
#include "modules/directory/model.h"
#include "modules/directory/organization_store.h"

namespace entente::directory {

class OrganizationService {
 public:
  explicit OrganizationService(db::Database& database) : database_(database) {}

  // Creates or updates (by slug). kInvalidArgument with field errors for a bad slug, kind,
  // country code, unknown parent or missing name; nothing is written then.
  Result<OrganizationId> Save(const OrganizationInput& input);

  // Creates or updates a jurisdiction by code (FR, KZ, EU).
  Result<JurisdictionId> SaveJurisdiction(const std::string& code, const i18n::LocalizedText& name);
  Result<std::vector<Jurisdiction>> ListJurisdictions();
  Result<Organization> GetBySlug(const std::string& slug);
  Result<Organization> GetById(OrganizationId id);
  Result<std::vector<Organization>> Children(OrganizationId parent);

  Result<std::vector<Organization>> ListTopLevel();
  Result<std::vector<Organization>> ListAll();
  Result<DirectorySummary> Summary();

 private:
  db::Database& database_;
  OrganizationStore store_;
};

// Field errors of an input, without touching the database (used by Save and by tests).
std::vector<FieldError> ValidateOrganization(const OrganizationInput& input);

}  // namespace entente::directory
