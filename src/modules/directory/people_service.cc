#include "modules/directory/people_service.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/audit/audit_log.h"
#include "core/base/messages.h"
#include "core/db/settings.h"
#include "core/search/name_folding.h"
#include "core/search/slug.h"
#include "modules/directory/lookup.h"
#include "modules/directory/organization_service.h"

namespace entente::directory {
namespace {

Error FieldProblem(std::string field, const char* message) {
  return Error::InvalidArgument(N_("Please correct the fields below."), {{std::move(field), message}});
}

}  // namespace

std::vector<FieldError> ValidatePerson(const PersonInput& input) {
  std::vector<FieldError> errors;
  if (!IsSlug(input.slug)) errors.push_back({"slug", N_("Use lower-case letters, digits and hyphens (at most 100).")});
  if (input.gender != "" && input.gender != "female" && input.gender != "male" && input.gender != "other") {
    errors.push_back({"gender", N_("Choose a gender from the list, or leave it unknown.")});
  }
  for (const auto& name : input.names) {
    if (name.full_name.empty() || name.full_name.size() > 300) {
      errors.push_back({"names", N_("A name must have between 1 and 300 characters.")});
    }
  }
  // The name as written comes first and is never replaced by a variant.
  if (!input.names.empty() && input.names.front().kind != NameKind::kAsWritten) {
    errors.push_back({"names", N_("The first name in the list must be the name as written.")});
  }
  if (input.names.size() > 20) errors.push_back({"names", N_("Give at most 20 names.")});
  for (const auto& contact : input.contacts) {
    if (contact.value.empty() || contact.value.size() > 300) {
      errors.push_back({"contacts", N_("A contact detail must have between 1 and 300 characters.")});
    } else if (contact.kind == ContactKind::kEmail &&
               (contact.value.find('@') == std::string::npos || contact.value.find(' ') != std::string::npos)) {
      errors.push_back({"contacts", N_("Enter an email address, such as name@example.org.")});
    } else if (contact.kind == ContactKind::kWebsite && !contact.value.starts_with("https://") &&
               !contact.value.starts_with("http://")) {
      errors.push_back({"contacts", N_("Enter a web address starting with https://.")});
    }
    if (!IsContactVisibility(contact.visibility)) {
      errors.push_back({"contacts", N_("Choose who may see each contact detail from the list.")});
    }
  }
  if (input.contacts.size() > 20) errors.push_back({"contacts", N_("Give at most 20 contact details.")});
  for (const auto& area : input.practice_areas) {
    if (area.empty() || area.size() > 100) {
      errors.push_back({"practice_areas", N_("A practice area must have between 1 and 100 characters.")});
    }
  }
  for (const auto& language : input.languages) {
    if (language.size() < 2 || language.size() > 3)
      errors.push_back({"languages", N_("Give languages as ISO codes: fr, ru, kk, en.")});
  }
  if (input.city.size() > 200) errors.push_back({"city", N_("This is too long (at most 200 characters).")});
  return errors;
}

Result<PersonId> PeopleService::SavePerson(const auth::Actor& actor, const PersonInput& input) {
  if (auto errors = ValidatePerson(input); !errors.empty()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  }
  return database_.Write([&](soci::session& sql) -> Result<PersonId> {
    auto existing = PersonBySlug(sql, input.slug);
    PersonId id;
    if (existing) {
      auto permit = auth::Policy::AsSystem(actor, "person", *existing);
      if (!permit) return Fail(permit.error());
      store_.Update(sql, *permit, input);
      id = *existing;
    } else {
      auto permit = auth::Policy::AsSystem(actor, "organization", OrganizationId());
      if (!permit) return Fail(permit.error());
      id = store_.Insert(sql, *permit, input);
    }
    audit::Record(sql, actor,
                  {existing ? "person.update" : "person.create", "person", id.value(), std::nullopt,
                   nlohmann::json({{"slug", input.slug}}).dump()});
    return id;
  });
}

Person AsSeenBy(const auth::Actor& actor, Person person) {
  std::erase_if(person.memberships, [&](const Membership& membership) {
    return !auth::MayView(actor, membership.bar_visibility, membership.bar, {}, {});
  });
  std::erase_if(person.positions, [&](const Position& position) {
    return !auth::MayView(actor, position.organization_visibility, position.organization, {}, {});
  });
  return person;
}

std::vector<Contact> VisibleContacts(const auth::Actor& actor, const Person& person) {
  std::vector<OrganizationId> organizations;
  for (const auto& membership : person.memberships) organizations.push_back(membership.bar);
  for (const auto& position : person.positions) organizations.push_back(position.organization);
  std::vector<Contact> visible;
  for (const auto& contact : person.contacts) {
    bool may = false;
    if (contact.visibility == auth::Visibility::kOrganization) {
      for (OrganizationId organization : organizations) {
        may = may || auth::MayView(actor, contact.visibility, organization, {}, {});
      }
    } else {
      may = auth::MayView(actor, contact.visibility, std::nullopt, {}, {});
    }
    if (may) visible.push_back(contact);
  }
  return visible;
}

std::string PersonSlugBase(const PersonInput& input) {
  std::string slug = input.names.empty() ? "" : search::Slugify(input.names.front().full_name);
  // "new" is the address of the form that creates a person.
  if (slug.empty() || slug == "new") return "person";
  return slug;
}

namespace {

constexpr const char* kOnlyBarAdmins = N_("Only the bar's administrators may change its roll.");
constexpr const char* kMergeRefused = N_("You may merge only people you may edit.");

// The organizations a person belongs to, for the policy: those whose roll they are on or where
// they held a position — their administrators may edit the person. People are public.
auth::Owners OwnersOf(soci::session& sql, const PeopleStore& store, PersonId id) {
  return {auth::Visibility::kPublic, store.OrganizationsOf(sql, id), {}};
}

Result<auth::Permit<PersonId>> PermitToEdit(soci::session& sql, const PeopleStore& store, const auth::Actor& actor,
                                            PersonId id, std::string_view refusal = {}) {
  auto person = store.Find(sql, id);
  if (!person || person->merged_into) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "person", id.value()));
  return auth::Policy::Change(actor, auth::Role::kBarAdmin, "person", id, OwnersOf(sql, store, id), refusal);
}

// Leave to write on `slug`'s organization as its administrator. An organization the actor may
// not see is answered like one that does not exist: a field error on `field`.
Result<auth::Permit<OrganizationId>> PermitForOrganization(soci::session& sql, const OrganizationStore& organizations,
                                                           const auth::Actor& actor, const std::string& slug,
                                                           const char* field, std::string_view refusal = {}) {
  auto permit = AdminPermit(sql, organizations, actor, slug, refusal);
  if (!permit && permit.error().code() == ErrorCode::kNotFound) {
    return Fail(FieldProblem(field, N_("There is no such organization.")));
  }
  return permit;
}

}  // namespace

Result<PersonId> PeopleService::CreatePerson(const auth::Actor& actor, PersonInput input,
                                             const MembershipInput& membership) {
  if (!actor.IsPlatformAdmin() && !actor.HoldsAnywhere(auth::Role::kBarAdmin)) return Fail(Error::PermissionDenied());
  // Who may comes before what was sent: a bar the actor sees but does not administer is refused.
  auto bar_permit = database_.Read([&](soci::session& sql) -> Result<auth::Permit<OrganizationId>> {
    return AdminPermit(sql, organizations_, actor, membership.bar_slug, kOnlyBarAdmins);
  });
  if (!bar_permit && bar_permit.error().code() == ErrorCode::kPermissionDenied) return Fail(bar_permit.error());
  input.slug = "person";  // replaced below; validated meanwhile as a placeholder
  std::vector<FieldError> errors = ValidatePerson(input);
  auto admitted = PartialDate::Parse(membership.admitted_on);
  if (!admitted) errors.push_back({"admitted_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
  auto status = ParseStatus(membership.status);
  if (!status) errors.push_back({"status", N_("Choose a status from the list.")});
  if (membership.roll_number.size() > 50)
    errors.push_back({"roll_number", N_("This is too long (at most 50 characters).")});
  if (input.names.empty()) errors.push_back({"names", N_("Give the name as written.")});
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  return database_.Write([&](soci::session& sql) -> Result<PersonId> {
    auto bar = PermitForOrganization(sql, organizations_, actor, membership.bar_slug, "bar", kOnlyBarAdmins);
    if (!bar) return Fail(bar.error());
    if (!membership.roll_number.empty() && store_.RollNumbers(sql, bar->id()).contains(membership.roll_number)) {
      return Fail(FieldProblem("roll_number", N_("This roll number is already on the bar's roll.")));
    }
    std::string base = PersonSlugBase(input);
    input.slug = base;
    for (int n = 2; PersonBySlug(sql, input.slug); ++n) input.slug = fmt::format("{}-{}", base, n);
    PersonId id = store_.Insert(sql, *bar, input);
    // The bar's permit covers the person it has just put on its roll.
    auto person =
        auth::Policy::Change(actor, auth::Role::kBarAdmin, "person", id, {auth::Visibility::kPublic, {bar->id()}, {}});
    if (!person) return Fail(person.error());
    store_.UpsertMembership(sql, *person, *bar, membership.roll_number, *admitted, *status, PartialDate());
    audit::Record(sql, actor,
                  {"person.create", "person", id.value(), bar->id(),
                   nlohmann::json({{"slug", input.slug}, {"roll_number", membership.roll_number}}).dump()});
    return id;
  });
}

Status PeopleService::UpdatePerson(const auth::Actor& actor, PersonId id, PersonInput input) {
  input.slug = "person";  // the stored slug is kept; a placeholder for validation
  std::vector<FieldError> errors = ValidatePerson(input);
  return database_.Write([&](soci::session& sql) -> Status {
    auto permit = PermitToEdit(sql, store_, actor, id);
    if (!permit) return Fail(permit.error());
    if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
    auto existing = store_.Find(sql, id);
    input.slug = existing->slug;
    input.synthetic = existing->synthetic;
    store_.Update(sql, *permit, input);
    nlohmann::json changed = {{"slug", existing->slug}};
    if (existing->display_name != (input.names.empty() ? "" : input.names.front().full_name)) {
      changed["name_as_written"] = {existing->display_name, input.names.empty() ? "" : input.names.front().full_name};
    }
    changed["names"] = input.names.size();
    changed["contacts"] = input.contacts.size();
    audit::Record(sql, actor, {"person.update", "person", id.value(), std::nullopt, changed.dump()});
    return {};
  });
}

Result<bool> PeopleService::MayEdit(const auth::Actor& actor, PersonId id) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return false;
  return database_.Read([&](soci::session& sql) -> Result<bool> {
    return auth::Policy::MayAct(actor, auth::Role::kBarAdmin, OwnersOf(sql, store_, id));
  });
}

Status PeopleService::Merge(const auth::Actor& actor, PersonId keep, PersonId duplicate) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto kept_permit = PermitToEdit(sql, store_, actor, keep, kMergeRefused);
    if (!kept_permit) return Fail(kept_permit.error());
    if (keep == duplicate) {
      return Fail(FieldProblem("duplicate", N_("Choose another person: a record cannot be merged into itself.")));
    }
    auto other = store_.Find(sql, duplicate);
    if (!other || other->merged_into) {
      return Fail(FieldProblem("duplicate", N_("There is no such person, or the record was already merged.")));
    }
    auto duplicate_permit = PermitToEdit(sql, store_, actor, duplicate, kMergeRefused);
    if (!duplicate_permit) return Fail(duplicate_permit.error());
    auto kept = store_.Find(sql, keep);
    PersonInput merged;
    merged.slug = kept->slug;
    merged.synthetic = kept->synthetic;
    merged.gender = kept->gender.empty() ? other->gender : kept->gender;
    merged.city = kept->city.empty() ? other->city : kept->city;
    merged.names = kept->names;
    // The other record's names join as they were written, after the kept record's own.
    for (const auto& name : other->names) {
      bool known = std::any_of(merged.names.begin(), merged.names.end(),
                               [&](const PersonName& existing) { return existing.full_name == name.full_name; });
      if (!known) merged.names.push_back(name);
    }
    auto unite = [](std::vector<std::string> a, const std::vector<std::string>& b) {
      for (const auto& value : b) {
        if (std::find(a.begin(), a.end(), value) == a.end()) a.push_back(value);
      }
      return a;
    };
    merged.languages = unite(kept->languages, other->languages);
    merged.practice_areas = unite(kept->practice_areas, other->practice_areas);
    merged.contacts = kept->contacts;
    for (const auto& contact : other->contacts) {
      bool known = std::any_of(merged.contacts.begin(), merged.contacts.end(), [&](const Contact& existing) {
        return existing.kind == contact.kind && existing.value == contact.value;
      });
      if (!known) merged.contacts.push_back(contact);
    }
    store_.Merge(sql, *kept_permit, *duplicate_permit, merged);
    audit::Record(sql, actor,
                  {"person.merge", "person", keep.value(), std::nullopt,
                   nlohmann::json({{"kept", kept->slug}, {"merged", other->slug}}).dump()});
    return {};
  });
}

Status PeopleService::SaveMembership(const auth::Actor& actor, PersonId person, const MembershipInput& input) {
  // Who may comes first: a refusal does not depend on what else was sent. A membership links
  // the person and the bar: it needs leave on both (a bar's administrators may not put another
  // bar's member on their roll, and so gain that person's record).
  return database_.Write([&](soci::session& sql) -> Status {
    auto person_permit = PermitToEdit(sql, store_, actor, person);
    if (!person_permit) return Fail(person_permit.error());
    auto bar = PermitForOrganization(sql, organizations_, actor, input.bar_slug, "bar", kOnlyBarAdmins);
    if (!bar) return Fail(bar.error());
    std::vector<FieldError> errors;
    auto admitted = PartialDate::Parse(input.admitted_on);
    if (!admitted) errors.push_back({"admitted_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    auto since = PartialDate::Parse(input.status_since);
    if (!since) errors.push_back({"status_since", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    auto status = ParseStatus(input.status);
    if (!status) errors.push_back({"status", N_("Choose a status from the list.")});
    if (input.roll_number.size() > 50)
      errors.push_back({"roll_number", N_("This is too long (at most 50 characters).")});
    if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
    if (!input.roll_number.empty()) {
      auto held = store_.RollNumbers(sql, bar->id());
      if (auto it = held.find(input.roll_number); it != held.end() && it->second.person != person) {
        return Fail(FieldProblem("roll_number", N_("This roll number is already on the bar's roll.")));
      }
    }
    store_.UpsertMembership(sql, *person_permit, *bar, input.roll_number, *admitted, *status, *since);
    audit::Record(sql, actor,
                  {"membership.save", "person", person.value(), bar->id(),
                   nlohmann::json({{"roll_number", input.roll_number}, {"status", input.status}}).dump()});
    return {};
  });
}

Status PeopleService::SavePosition(const auth::Actor& actor, PersonId person, const PositionInput& input) {
  // Who may comes first; like a membership, a position needs leave on the person and on the
  // organization.
  return database_.Write([&](soci::session& sql) -> Status {
    auto person_permit = PermitToEdit(sql, store_, actor, person);
    if (!person_permit) return Fail(person_permit.error());
    auto organization = PermitForOrganization(sql, organizations_, actor, input.organization_slug, "organization");
    if (!organization) return Fail(organization.error());
    std::vector<FieldError> errors;
    auto title = ParseTitle(input.title);
    if (!title) errors.push_back({"title", N_("Choose a title from the list.")});
    auto starts = PartialDate::Parse(input.starts_on);
    auto ends = PartialDate::Parse(input.ends_on);
    auto attested = PartialDate::Parse(input.attested_on);
    if (!starts) errors.push_back({"starts_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    if (!ends) errors.push_back({"ends_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    if (!attested) errors.push_back({"attested_on", N_("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY.")});
    if (starts && ends && starts->known() && ends->known() &&
        std::chrono::sys_days(ends->LastDay()) < std::chrono::sys_days(starts->FirstDay())) {
      errors.push_back({"ends_on", N_("The end cannot come before the start.")});
    }
    if (input.source.size() > 300) errors.push_back({"source", N_("This is too long (at most 300 characters).")});
    if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
    store_.UpsertPosition(sql, *person_permit, *organization, *title, *starts, *ends, *attested, input.source);
    audit::Record(sql, actor,
                  {"position.save", "person", person.value(), organization->id(),
                   nlohmann::json({{"title", input.title}, {"attested_on", input.attested_on}}).dump()});
    return {};
  });
}

Result<Person> PeopleService::GetPerson(const std::string& slug) {
  return database_.Read([&](soci::session& sql) -> Result<Person> {
    auto id = PersonBySlug(sql, slug);
    if (!id) return Fail(Error::NotFound());
    auto person = store_.Find(sql, *id);
    if (!person) return Fail(Error::NotFound());
    return *person;
  });
}

Result<Person> PeopleService::GetPerson(PersonId id) {
  return database_.Read([&](soci::session& sql) -> Result<Person> {
    auto person = store_.Find(sql, id);
    if (!person) return Fail(Error::NotFound());
    return *person;
  });
}

Result<size_t> PeopleService::RefreshNameKeys(const std::function<void(size_t)>& progress) {
  constexpr std::string_view kSetting = "directory.name_folding";
  const std::string current = std::to_string(search::kFoldingVersion);
  auto recorded = database_.Read(
      [&](soci::session& sql) -> Result<std::optional<std::string>> { return db::GetSetting(sql, kSetting); });
  if (!recorded) return Fail(recorded.error());
  if (*recorded == current) return size_t{0};
  constexpr long long kBatch = 5000;
  PersonId after;
  size_t done = 0, changed = 0;
  while (true) {
    auto batch = database_.Write([&](soci::session& sql) -> Result<PeopleStore::ReindexBatch> {
      return store_.ReindexNames(sql, after, kBatch);
    });
    if (!batch) return Fail(batch.error());
    if (batch->people == 0) break;
    after = batch->last_id;
    done += batch->people;
    changed += batch->changed;
    if (progress) progress(done);
  }
  auto recorded_now = database_.Write([&](soci::session& sql) -> Status {
    store_.PruneDeletionVariants(sql);
    db::SetSetting(sql, kSetting, current);
    return {};
  });
  if (!recorded_now) return Fail(recorded_now.error());
  return changed;
}

Result<OrganizationPeople> PeopleService::OrganizationDetails(OrganizationId organization) {
  return database_.Read([&](soci::session& sql) -> Result<OrganizationPeople> {
    OrganizationPeople details;
    details.member_count = store_.MemberCount(sql, organization);
    for (auto& [person, position] : store_.OfficeHolders(sql, organization)) {
      auto found = store_.Find(sql, person);
      if (!found) continue;
      details.holders.push_back({person, found->slug, found->display_name, std::move(position)});
    }
    return details;
  });
}

Result<std::vector<PersonId>> PeopleService::HoldersOn(const std::string& organization_slug, PositionTitle title,
                                                       const std::string& day) {
  auto parsed = PartialDate::Parse(day);
  if (!parsed || parsed->precision() != DatePrecision::kDay) {
    return Fail(FieldProblem("day", N_("Enter a date as YYYY-MM-DD.")));
  }
  return database_.Read([&](soci::session& sql) -> Result<std::vector<PersonId>> {
    auto organization = organizations_.FindIdBySlug(sql, organization_slug);
    if (!organization) return Fail(Error::NotFound());
    return store_.HoldersOn(sql, *organization, title, day);
  });
}

}  // namespace entente::directory
