#pragma once
// Organizations: validation and transactions around OrganizationStore.
// TODO(#3): every call takes the acting user (const Actor&) and checks it.

#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/db/database.h"
#include "modules/directory/model.h"
#include "modules/directory/organization_store.h"
#include "modules/directory/related_records.h"

namespace entente::directory {

class OrganizationService {
 public:
  explicit OrganizationService(db::Database& database) : database_(database) {}

  // Creates or updates (by slug), for loaders. kInvalidArgument with field errors for a bad
  // slug, kind, country code, visibility, unknown parent or missing name; nothing is written
  // then. Who may: a platform admin anywhere; a bar admin of the organization (to update it) or
  // of its parent (to create one below it).
  Result<OrganizationId> Save(const auth::Actor& actor, const OrganizationInput& input);
  // The same as Save, refusing a slug already taken (field "slug").
  Result<OrganizationId> Create(const auth::Actor& actor, const OrganizationInput& input);
  // Updates organization `id`; its slug stays.
  Status Update(const auth::Actor& actor, OrganizationId id, OrganizationInput input);

  // Creates or updates a jurisdiction by code (FR, KZ, EU).
  Result<JurisdictionId> SaveJurisdiction(const std::string& code, const i18n::LocalizedText& name);
  Result<std::vector<Jurisdiction>> ListJurisdictions();
  Result<Organization> GetBySlug(const std::string& slug);
  Result<Organization> GetById(OrganizationId id);
  Result<std::vector<Organization>> Children(OrganizationId parent);

  Result<std::vector<Organization>> ListTopLevel();
  Result<std::vector<Organization>> ListAll();
  Result<DirectorySummary> Summary();

  // Another module's records about organizations (agreements, events). Set at start-up, before
  // serving.
  void AddRelatedSource(RelatedSource source) { related_sources_.push_back(std::move(source)); }
  // Each source's records about the organization that `actor` may see, in the order added.
  Result<std::vector<RelatedRecords>> Related(const auth::Actor& actor, const std::string& slug) const;

 private:
  Result<OrganizationId> Save(const auth::Actor& actor, const OrganizationInput& input, bool must_be_new);
  db::Database& database_;
  OrganizationStore store_;
  std::vector<RelatedSource> related_sources_;
};

// Field errors of an input, without touching the database (used by Save and by tests).
std::vector<FieldError> ValidateOrganization(const OrganizationInput& input);

}  // namespace entente::directory
