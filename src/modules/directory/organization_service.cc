#include "modules/directory/organization_service.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/audit/audit_log.h"
#include "core/i18n/languages.h"

namespace entente::directory {

std::vector<FieldError> ValidateOrganization(const OrganizationInput& input) {
  std::vector<FieldError> errors;
  bool slug_ok = !input.slug.empty() && input.slug.size() <= 100 && input.slug.front() != '-';
  for (char c : input.slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) slug_ok = false;
  }
  if (input.slug == "new") slug_ok = false;  // the address of the form that creates one
  if (!slug_ok) errors.push_back({"slug", N_("Use lower-case letters, digits and hyphens (at most 100).")});
  if (!ParseKind(input.kind)) errors.push_back({"kind", N_("Choose a kind of organization from the list.")});
  bool country_ok = input.country_code.empty() || (input.country_code.size() == 2 &&
                                                   std::isupper(static_cast<unsigned char>(input.country_code[0])) &&
                                                   std::isupper(static_cast<unsigned char>(input.country_code[1])));
  if (!country_ok) errors.push_back({"country_code", N_("Enter a two-letter country code, such as FR or KZ.")});
  if (input.city.size() > 200) errors.push_back({"city", N_("This is too long (at most 200 characters).")});
  if (!input.website.empty() && !(input.website.starts_with("https://") || input.website.starts_with("http://"))) {
    errors.push_back({"website", N_("Enter a web address starting with https://.")});
  }
  bool has_name = false;
  for (const auto& [language, variant] : input.name.variants()) {
    if (!i18n::IsSupportedLanguage(language)) errors.push_back({"name", N_("Names can be given in en, fr, ru or kk.")});
    if (variant.text.empty() || variant.text.size() > 500) {
      errors.push_back({"name", N_("A name must have between 1 and 500 characters.")});
    }
    has_name = has_name || !variant.text.empty();
  }
  if (!has_name) errors.push_back({"name", N_("Give the organization's name in at least one language.")});
  auto visibility = auth::ParseVisibility(input.visibility);
  if (!visibility || (*visibility != auth::Visibility::kPublic && *visibility != auth::Visibility::kMembers &&
                      *visibility != auth::Visibility::kOrganization)) {
    errors.push_back({"visibility", N_("Choose who may see it from the list.")});
  }
  return errors;
}

bool MayView(const auth::Actor& actor, const Organization& organization) {
  return auth::MayView(actor, organization.visibility, organization.id, {}, {});
}

Result<auth::Permit<OrganizationId>> AdminPermit(soci::session& sql, const OrganizationStore& organizations,
                                                 const auth::Actor& actor, const std::string& slug,
                                                 std::string_view refusal) {
  auto organization = organizations.FindBySlug(sql, slug);
  if (!organization || !MayView(actor, *organization)) return Fail(Error::NotFound());
  return auth::Policy::ActFor(actor, auth::Role::kBarAdmin, organization->id, organization->visibility, refusal);
}

Status OrganizationService::Administers(const auth::Actor& actor, const std::string& slug) {
  auto permit = database_.Read([&](soci::session& sql) -> Result<auth::Permit<OrganizationId>> {
    return AdminPermit(sql, store_, actor, slug);
  });
  if (!permit) return Fail(permit.error());
  return {};
}

Result<OrganizationId> OrganizationService::Create(const auth::Actor& actor, const OrganizationInput& input) {
  return Save(actor, input, SlugTaken::kRefuse);
}

Result<OrganizationId> OrganizationService::Save(const auth::Actor& actor, const OrganizationInput& input) {
  return Save(actor, input, SlugTaken::kUpdate);
}

namespace {

Error Invalid(const char* field, const char* message) {
  return Error::InvalidArgument(N_("Please correct the fields below."), {{field, message}});
}

// An organization owns itself (a role on one above it covers it: Actor::Holds).
auth::Owners OwnersOf(const Organization& organization) { return {organization.visibility, {organization.id}, {}}; }

}  // namespace

Result<auth::Permit<OrganizationId>> OrganizationService::PermitFor(soci::session& sql, const auth::Actor& actor,
                                                                    OrganizationId id, auth::Role role,
                                                                    std::string_view refusal) const {
  auto organization = store_.FindById(sql, id);
  if (!organization) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "organization", id.value()));
  return auth::Policy::Change(actor, role, "organization", id, OwnersOf(*organization), refusal);
}

Result<OrganizationId> OrganizationService::Save(const auth::Actor& actor, const OrganizationInput& input,
                                                 SlugTaken taken) {
  if (!actor.IsPlatformAdmin() && !actor.HoldsAnywhere(auth::Role::kBarAdmin)) return Fail(Error::PermissionDenied());
  // Who may comes before what was sent: a parent the actor sees but does not administer is
  // refused whatever the rest says (an unknown parent is a field error, below).
  if (!input.parent_slug.empty()) {
    auto parent = Administers(actor, input.parent_slug);
    if (!parent && parent.error().code() == ErrorCode::kPermissionDenied) return Fail(parent.error());
  }
  if (auto errors = ValidateOrganization(input); !errors.empty()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  }
  return database_.Write([&](soci::session& sql) -> Result<OrganizationId> {
    auto existing = store_.FindIdBySlug(sql, input.slug);
    if (existing && taken == SlugTaken::kRefuse) return Fail(Invalid("slug", N_("This address is already taken.")));
    if (existing) {
      if (auto updated = Write(sql, actor, *existing, input); !updated) return Fail(updated.error());
      return *existing;
    }
    // A new organization: its parent's administrators, or a platform admin (alone at the top
    // level). A parent the actor may not see is as unknown as one that does not exist.
    std::optional<OrganizationId> parent;
    std::optional<auth::Permit<OrganizationId>> permit;
    if (!input.parent_slug.empty()) {
      parent = store_.FindIdBySlug(sql, input.parent_slug);
      if (!parent) return Fail(Invalid("parent", N_("There is no such parent organization.")));
      auto allowed = PermitFor(sql, actor, *parent, auth::Role::kBarAdmin);
      if (!allowed && allowed.error().code() == ErrorCode::kNotFound) {
        return Fail(Invalid("parent", N_("There is no such parent organization.")));
      }
      if (!allowed) return Fail(allowed.error());
      permit = *allowed;
    } else {
      auto allowed = auth::Policy::ForPlatform(actor);
      if (!allowed) return Fail(allowed.error());
      permit = *allowed;
    }
    std::optional<JurisdictionId> jurisdiction;
    if (!input.jurisdiction.empty()) {
      jurisdiction = store_.FindJurisdiction(sql, input.jurisdiction);
      if (!jurisdiction) return Fail(Invalid("jurisdiction", N_("There is no such jurisdiction.")));
    }
    OrganizationId id = store_.Insert(sql, *permit, input, *ParseKind(input.kind), parent, jurisdiction);
    audit::Record(
        sql, actor,
        {"organization.create", "organization", id.value(), id,
         nlohmann::json({{"slug", input.slug}, {"kind", input.kind}, {"visibility", input.visibility}}).dump()});
    return id;
  });
}

Status OrganizationService::Update(const auth::Actor& actor, OrganizationId id, OrganizationInput input) {
  return database_.Write([&](soci::session& sql) -> Status { return Write(sql, actor, id, std::move(input)); });
}

Status OrganizationService::Write(soci::session& sql, const auth::Actor& actor, OrganizationId id,
                                  OrganizationInput input) const {
  // Who may comes first: a refusal does not depend on what was sent.
  auto permit = PermitFor(sql, actor, id, auth::Role::kBarAdmin);
  if (!permit) return Fail(permit.error());
  auto existing = store_.FindById(sql, id);
  input.slug = existing->slug;
  std::optional<OrganizationId> parent = existing->parent;
  if (input.keep_parent) {
    if (parent) input.parent_slug = store_.FindById(sql, *parent)->slug;
  } else {
    parent.reset();
    if (!input.parent_slug.empty()) {
      parent = store_.FindIdBySlug(sql, input.parent_slug);
      if (!parent) return Fail(Invalid("parent", N_("There is no such parent organization.")));
    }
  }
  if (input.keep_visibility) input.visibility = std::string(auth::VisibilityKey(existing->visibility));
  if (auto errors = ValidateOrganization(input); !errors.empty()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  }
  // A move needs rights where the organization goes too: the new parent's administrators, or a
  // platform admin to take it to the top level.
  std::optional<auth::Permit<OrganizationId>> new_parent;
  if (parent != existing->parent) {
    auto allowed = parent ? PermitFor(sql, actor, *parent, auth::Role::kBarAdmin) : auth::Policy::ForPlatform(actor);
    if (!allowed && allowed.error().code() == ErrorCode::kNotFound) {
      return Fail(Invalid("parent", N_("There is no such parent organization.")));
    }
    if (!allowed) return Fail(allowed.error());
    new_parent = *allowed;
    if (parent) {
      // No cycles: the new parent may not be the organization itself or one below it.
      for (OrganizationId below : store_.SelfAndDescendants(sql, id)) {
        if (below == *parent) return Fail(Invalid("parent", N_("An organization cannot be placed under itself.")));
      }
    }
  }
  std::optional<JurisdictionId> jurisdiction;
  if (!input.jurisdiction.empty()) {
    jurisdiction = store_.FindJurisdiction(sql, input.jurisdiction);
    if (!jurisdiction) return Fail(Invalid("jurisdiction", N_("There is no such jurisdiction.")));
  }
  store_.Update(sql, *permit, input, *ParseKind(input.kind), parent, new_parent, jurisdiction);
  audit::Record(
      sql, actor,
      {"organization.update", "organization", id.value(), id,
       nlohmann::json({{"slug", input.slug}, {"kind", input.kind}, {"visibility", input.visibility}}).dump()});
  return {};
}

Result<JurisdictionId> OrganizationService::SaveJurisdiction(const std::string& code, const i18n::LocalizedText& name) {
  bool code_ok = code.size() >= 2 && code.size() <= 3 &&
                 std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!code_ok) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"code", N_("Use a code of 2 or 3 capital letters, such as FR or EU.")}}));
  }
  return database_.Write(
      [&](soci::session& sql) -> Result<JurisdictionId> { return store_.UpsertJurisdiction(sql, code, name); });
}

Result<std::vector<Jurisdiction>> OrganizationService::ListJurisdictions() {
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<Jurisdiction>> { return store_.ListJurisdictions(sql); });
}

Result<Organization> OrganizationService::GetBySlug(const auth::Actor& actor, const std::string& slug) {
  return database_.Read([&](soci::session& sql) -> Result<Organization> {
    auto organization = store_.FindBySlug(sql, slug);
    if (!organization || !MayView(actor, *organization)) return Fail(Error::NotFound());
    return *organization;
  });
}

Result<Organization> OrganizationService::GetById(const auth::Actor& actor, OrganizationId id) {
  return database_.Read([&](soci::session& sql) -> Result<Organization> {
    auto organization = store_.FindById(sql, id);
    if (!organization || !MayView(actor, *organization)) return Fail(Error::NotFound());
    return *organization;
  });
}

Result<std::vector<Organization>> OrganizationService::Children(const auth::Actor& actor, OrganizationId parent) {
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<Organization>> { return store_.Children(sql, actor, parent); });
}

Result<std::vector<Organization>> OrganizationService::ListTopLevel(const auth::Actor& actor) {
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<Organization>> { return store_.ListTopLevel(sql, actor); });
}

Result<std::vector<Organization>> OrganizationService::ListAll(const auth::Actor& actor) {
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<Organization>> { return store_.ListAll(sql, actor); });
}

Result<DirectorySummary> OrganizationService::Summary() {
  return database_.Read([&](soci::session& sql) -> Result<DirectorySummary> { return store_.Summary(sql); });
}

Result<std::vector<RelatedRecords>> OrganizationService::Related(const auth::Actor& actor,
                                                                 const std::string& slug) const {
  std::vector<RelatedRecords> related;
  for (const auto& source : related_sources_) {
    auto records = source(actor, slug);
    if (!records) return Fail(records.error());
    related.push_back(std::move(*records));
  }
  return related;
}

}  // namespace entente::directory
