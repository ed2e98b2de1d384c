#pragma once
// The only place with SQL for organizations. Functions take the session of a Database::Read or
// Database::Write call and throw soci errors, which those calls turn into Errors.

#include <soci/soci.h>

#include <optional>
#include <string_view>
#include <vector>

#include "core/base/ids.h"
#include "modules/directory/model.h"

namespace entente::directory {

class OrganizationStore {
 public:
  // Inserts, or updates the organization with the same slug; replaces its names. Returns its id.
  OrganizationId Upsert(soci::session& sql, const OrganizationInput& input, OrganizationKind kind,
                        std::optional<OrganizationId> parent, std::optional<JurisdictionId> jurisdiction) const;

  JurisdictionId UpsertJurisdiction(soci::session& sql, const std::string& code, const i18n::LocalizedText& name) const;
  std::optional<JurisdictionId> FindJurisdiction(soci::session& sql, const std::string& code) const;
  std::vector<Jurisdiction> ListJurisdictions(soci::session& sql) const;
  // One organization with its names; nullopt when there is none with that slug.
  std::optional<Organization> FindBySlug(soci::session& sql, const std::string& slug) const;
  std::optional<Organization> FindById(soci::session& sql, OrganizationId id) const;
  std::vector<Organization> Children(soci::session& sql, OrganizationId parent) const;

  std::optional<OrganizationId> FindIdBySlug(soci::session& sql, std::string_view slug) const;

  // Organizations without a parent, with their names, ordered by id.
  std::vector<Organization> ListTopLevel(soci::session& sql) const;
  // Every organization, with its names, ordered by id.
  std::vector<Organization> ListAll(soci::session& sql) const;

  DirectorySummary Summary(soci::session& sql) const;

  // `id` and every organization above it, nearest first. Role scope (DESIGN.md: a role on X
  // covers X and its descendants) is checked against this list.
  std::vector<OrganizationId> SelfAndAncestors(soci::session& sql, OrganizationId id) const;
  // `id` and every organization below it.
  std::vector<OrganizationId> SelfAndDescendants(soci::session& sql, OrganizationId id) const;

 private:
  // Organizations matching the filter, with their names, ordered by id.
  std::vector<Organization> List(soci::session& sql, bool top_level_only, long long parent = 0,
                                 const std::string& slug = "") const;
};

}  // namespace entente::directory
