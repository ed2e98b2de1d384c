#pragma once
// The only place with SQL for organizations. Functions take the session of a Database::Read or
// Database::Write call and throw soci errors, which those calls turn into Errors.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/policy.h"
#include "core/base/ids.h"
#include "modules/directory/model.h"

namespace entente::directory {

class OrganizationStore {
 public:
  // Inserts an organization below the one of `parent`'s permit (a platform's permit for one at
  // the top level: Policy::AsSystem, or a platform admin's); input.slug must be free. Returns its id.
  OrganizationId Insert(soci::session& sql, const auth::Permit<OrganizationId>& parent, const OrganizationInput& input,
                        OrganizationKind kind, std::optional<OrganizationId> parent_id,
                        std::optional<JurisdictionId> jurisdiction) const;
  // Updates the organization of the permit and replaces its names. A move under another parent
  // needs that parent's permit too (`new_parent`), or the platform's.
  void Update(soci::session& sql, const auth::Permit<OrganizationId>& organization, const OrganizationInput& input,
              OrganizationKind kind, std::optional<OrganizationId> parent_id,
              const std::optional<auth::Permit<OrganizationId>>& new_parent,
              std::optional<JurisdictionId> jurisdiction) const;

  JurisdictionId UpsertJurisdiction(soci::session& sql, const std::string& code, const i18n::LocalizedText& name) const;
  std::optional<JurisdictionId> FindJurisdiction(soci::session& sql, const std::string& code) const;
  std::vector<Jurisdiction> ListJurisdictions(soci::session& sql) const;
  // One organization with its names; nullopt when there is none with that slug.
  std::optional<Organization> FindBySlug(soci::session& sql, const std::string& slug) const;
  std::optional<Organization> FindById(soci::session& sql, OrganizationId id) const;
  // The organizations directly below `parent` that `viewer` may see.
  std::vector<Organization> Children(soci::session& sql, const auth::Actor& viewer, OrganizationId parent) const;

  std::optional<OrganizationId> FindIdBySlug(soci::session& sql, std::string_view slug) const;

  // Organizations without a parent that `viewer` may see, with their names, ordered by id.
  std::vector<Organization> ListTopLevel(soci::session& sql, const auth::Actor& viewer) const;
  // Every organization `viewer` may see, with its names, ordered by id.
  std::vector<Organization> ListAll(soci::session& sql, const auth::Actor& viewer) const;

  // Counts of the public organizations (the home page's figures, the same for everyone).
  DirectorySummary Summary(soci::session& sql) const;

  // `id` and every organization above it, nearest first. Role scope (docs/ARCHITECTURE.md: a role on X
  // covers X and its descendants) is checked against this list.
  std::vector<OrganizationId> SelfAndAncestors(soci::session& sql, OrganizationId id) const;
  // `id` and every organization below it.
  std::vector<OrganizationId> SelfAndDescendants(soci::session& sql, OrganizationId id) const;

 private:
  // Inserts, or updates the organization with the same slug; replaces its names.
  OrganizationId Upsert(soci::session& sql, const OrganizationInput& input, OrganizationKind kind,
                        std::optional<OrganizationId> parent, std::optional<JurisdictionId> jurisdiction) const;
  // Which organizations List reads: every one, those at the top level, those directly below
  // `parent`, or the one with `slug`.
  struct ListFilter {
    enum class Level { kAny, kTopLevel } level = Level::kAny;
    std::optional<OrganizationId> parent;
    std::string slug;
  };
  // Organizations matching the filter (and visible to `viewer`, unless null), with their names,
  // ordered by id.
  std::vector<Organization> List(soci::session& sql, const auth::Actor* viewer, const ListFilter& filter) const;
};

}  // namespace entente::directory
