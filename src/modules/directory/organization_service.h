#pragma once
// Organizations: validation and transactions around OrganizationStore.
// Reads take the actor and answer kNotFound for an organization it may not see (lists leave
// those out, in SQL); writes ask the policy (core/auth/policy.h) for a permit on the
// organization, and on the new parent for a creation or a move.

#include <string_view>
#include <vector>

#include "core/auth/actor.h"
#include "core/auth/policy.h"
#include "core/base/error.h"
#include "core/db/database.h"
#include "modules/directory/model.h"
#include "modules/directory/organization_store.h"
#include "modules/directory/related_records.h"

namespace entente::directory {

// Leave to act on `slug`'s organization as its administrator: kNotFound when there is none or
// the actor may not see it, kPermissionDenied (with `refusal`) when it does not administer it.
Result<auth::Permit<OrganizationId>> AdminPermit(soci::session& sql, const OrganizationStore& organizations,
                                                 const auth::Actor& actor, const std::string& slug,
                                                 std::string_view refusal = {});

class OrganizationService {
 public:
  explicit OrganizationService(db::Database& database) : database_(database) {}

  // Creates or updates (by slug), for loaders. kInvalidArgument with field errors for a bad
  // slug, kind, country code, visibility, unknown (or invisible) parent or missing name;
  // nothing is written then. Who may: a platform admin anywhere; a bar admin of the
  // organization (to update it) or of its parent (to create one below it, or move it there).
  Result<OrganizationId> Save(const auth::Actor& actor, const OrganizationInput& input);
  // The same as Save, refusing a slug already taken (field "slug").
  Result<OrganizationId> Create(const auth::Actor& actor, const OrganizationInput& input);
  // Updates organization `id`; its slug stays (and its parent and visibility, when the input
  // says to keep them).
  Status Update(const auth::Actor& actor, OrganizationId id, OrganizationInput input);
  // Leave to act as `role` for organization `id` (kNotFound if there is none, or the actor may
  // not see it), for other modules' links to an organization inside their own transaction.
  Result<auth::Permit<OrganizationId>> PermitFor(soci::session& sql, const auth::Actor& actor, OrganizationId id,
                                                 auth::Role role, std::string_view refusal = {}) const;

  // Whether the actor administers `slug`'s organization (AdminPermit), for a form that adds a
  // record below it: checked before anything sent is read.
  Status Administers(const auth::Actor& actor, const std::string& slug);

  // Creates or updates a jurisdiction by code (FR, KZ, EU).
  Result<JurisdictionId> SaveJurisdiction(const std::string& code, const i18n::LocalizedText& name);
  Result<std::vector<Jurisdiction>> ListJurisdictions();
  // kNotFound also for one the actor may not see.
  Result<Organization> GetBySlug(const auth::Actor& actor, const std::string& slug);
  Result<Organization> GetById(const auth::Actor& actor, OrganizationId id);
  Result<std::vector<Organization>> Children(const auth::Actor& actor, OrganizationId parent);

  // Those the actor may see.
  Result<std::vector<Organization>> ListTopLevel(const auth::Actor& actor);
  Result<std::vector<Organization>> ListAll(const auth::Actor& actor);
  Result<DirectorySummary> Summary();

  // Another module's records about organizations (agreements, events). Set at start-up, before
  // serving.
  void AddRelatedSource(RelatedSource source) { related_sources_.push_back(std::move(source)); }
  // Each source's records about the organization that `actor` may see, in the order added.
  Result<std::vector<RelatedRecords>> Related(const auth::Actor& actor, const std::string& slug) const;

 private:
  // Whether Save may update an organization with the input's slug, or only create one.
  enum class SlugTaken { kUpdate, kRefuse };
  Result<OrganizationId> Save(const auth::Actor& actor, const OrganizationInput& input, SlugTaken taken);
  Status Write(soci::session& sql, const auth::Actor& actor, OrganizationId id, OrganizationInput input) const;
  db::Database& database_;
  OrganizationStore store_;
  std::vector<RelatedSource> related_sources_;
};

// Field errors of an input, without touching the database (used by Save and by tests).
std::vector<FieldError> ValidateOrganization(const OrganizationInput& input);

}  // namespace entente::directory
