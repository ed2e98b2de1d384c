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

Result<OrganizationId> OrganizationService::Create(const auth::Actor& actor, const OrganizationInput& input) {
  return Save(actor, input, /*must_be_new=*/true);
}

Status OrganizationService::Update(const auth::Actor& actor, OrganizationId id, OrganizationInput input) {
  auto existing = GetById(id);
  if (!existing) return Fail(existing.error());
  // Who may comes first: a refusal does not depend on what was sent.
  if (!actor.Holds(auth::Role::kBarAdmin, id)) return Fail(Error::PermissionDenied());
  input.slug = existing->slug;
  // Moving an organization under another is allowed only to whoever administers the new parent.
  auto saved = Save(actor, input, /*must_be_new=*/false);
  if (!saved) return Fail(saved.error());
  return {};
}

Result<OrganizationId> OrganizationService::Save(const auth::Actor& actor, const OrganizationInput& input) {
  return Save(actor, input, /*must_be_new=*/false);
}

Result<OrganizationId> OrganizationService::Save(const auth::Actor& actor, const OrganizationInput& input,
                                                 bool must_be_new) {
  if (!actor.IsPlatformAdmin() && !actor.HoldsAnywhere(auth::Role::kBarAdmin)) return Fail(Error::PermissionDenied());
  if (auto errors = ValidateOrganization(input); !errors.empty()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  }
  return database_.Write([&](soci::session& sql) -> Result<OrganizationId> {
    auto existing = store_.FindIdBySlug(sql, input.slug);
    if (existing && must_be_new) {
      return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                         {{"slug", N_("This address is already taken.")}}));
    }
    std::optional<OrganizationId> parent;
    if (!input.parent_slug.empty()) {
      parent = store_.FindIdBySlug(sql, input.parent_slug);
      if (!parent) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"parent", N_("There is no such parent organization.")}}));
      }
    }
    std::optional<JurisdictionId> jurisdiction;
    if (!input.jurisdiction.empty()) {
      jurisdiction = store_.FindJurisdiction(sql, input.jurisdiction);
      if (!jurisdiction) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"jurisdiction", N_("There is no such jurisdiction.")}}));
      }
    }
    // Who may: the organization's administrators; for a new one, its parent's; a platform
    // admin anywhere (and alone at the top level).
    bool allowed = actor.IsPlatformAdmin() || (existing ? actor.Holds(auth::Role::kBarAdmin, *existing)
                                                        : parent && actor.Holds(auth::Role::kBarAdmin, *parent));
    if (existing && parent && store_.FindById(sql, *existing)->parent != parent &&
        !actor.Holds(auth::Role::kBarAdmin, *parent)) {
      allowed = false;  // moved under an organization the actor does not administer
    }
    if (!allowed) return Fail(Error::PermissionDenied());
    if (existing && parent) {
      // No cycles: the new parent may not be the organization itself or one below it.
      for (OrganizationId below : store_.SelfAndDescendants(sql, *existing)) {
        if (below == *parent) {
          return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                             {{"parent", N_("An organization cannot be placed under itself.")}}));
        }
      }
    }
    OrganizationId id = store_.Upsert(sql, input, *ParseKind(input.kind), parent, jurisdiction);
    audit::Record(
        sql, actor,
        {existing ? "organization.update" : "organization.create", "organization", id.value(), id,
         nlohmann::json({{"slug", input.slug}, {"kind", input.kind}, {"visibility", input.visibility}}).dump()});
    return id;
  });
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

Result<Organization> OrganizationService::GetBySlug(const std::string& slug) {
  return database_.Read([&](soci::session& sql) -> Result<Organization> {
    auto organization = store_.FindBySlug(sql, slug);
    if (!organization) return Fail(Error::NotFound());
    return *organization;
  });
}

Result<Organization> OrganizationService::GetById(OrganizationId id) {
  return database_.Read([&](soci::session& sql) -> Result<Organization> {
    auto organization = store_.FindById(sql, id);
    if (!organization) return Fail(Error::NotFound());
    return *organization;
  });
}

Result<std::vector<Organization>> OrganizationService::Children(OrganizationId parent) {
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<Organization>> { return store_.Children(sql, parent); });
}

Result<std::vector<Organization>> OrganizationService::ListTopLevel() {
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<Organization>> { return store_.ListTopLevel(sql); });
}

Result<std::vector<Organization>> OrganizationService::ListAll() {
  return database_.Read([&](soci::session& sql) -> Result<std::vector<Organization>> { return store_.ListAll(sql); });
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
