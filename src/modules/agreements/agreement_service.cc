#include "modules/agreements/agreement_service.h"

#include <algorithm>
#include <map>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "core/audit/audit_log.h"
#include "core/auth/visibility.h"
#include "core/base/json_text.h"
#include "core/base/messages.h"
#include "core/i18n/languages.h"
#include "modules/agreements/documents.h"
#include "modules/agreements/rules.h"
#include "modules/directory/lookup.h"

namespace entente::agreements {
namespace {

constexpr const char* kCorrect = N_("Please correct the fields below.");

Error Invalid(std::vector<FieldError> errors) { return Error::InvalidArgument(kCorrect, std::move(errors)); }

bool MayView(const auth::Actor& actor, const Agreement& agreement) {
  return actor.IsPlatformAdmin() || auth::MayView(actor, agreement.visibility, std::nullopt, agreement.PartyIds(), {});
}

std::optional<OrganizationId> FirstParty(const Agreement& agreement) {
  if (agreement.parties.empty()) return std::nullopt;
  return agreement.parties.front().organization;
}

// What the rules could not check without the database: organizations and people exist, each
// signatory holds a position in their party, objectives named by id are the agreement's own.
struct Resolved {
  AgreementRecord record;
  std::vector<PartyRecord> parties;
  std::vector<CoordinatorRecord> coordinators;
  std::vector<ObjectiveRecord> objectives;
};

AgreementRecord RecordOf(const AgreementInput& input) {
  AgreementRecord record;
  record.slug = input.slug;
  record.kind = *ParseKind(input.kind);
  record.status = *ParseStatus(input.status);
  record.visibility = *auth::ParseVisibility(input.visibility);
  record.title = input.title;
  record.signing_place = input.signing_place;
  record.occasion = input.occasion;
  record.signed_on = *PartialDate::Parse(input.signed_on);
  record.in_force_on = *PartialDate::Parse(input.in_force_on);
  record.suspended_on = *PartialDate::Parse(input.suspended_on);
  record.ended_on = *PartialDate::Parse(input.ended_on);
  record.term = *ParseTerm(input.term);
  if (record.term == TermKind::kFixed) record.term_months = std::stoi(input.term_months);
  record.renewal = *ParseRenewal(input.renewal);
  if (!input.notice_months.empty()) record.notice_months = std::stoi(input.notice_months);
  record.authentic_languages = input.authentic_languages;
  return record;
}

void ResolveOrganizations(soci::session& sql, const auth::Actor& actor, const AgreementInput& input,
                          AgreementRecord& record, std::vector<FieldError>& errors) {
  for (auto [slug, target] :
       {std::pair{&input.initiated_by, &record.initiated_by}, std::pair{&input.supported_by, &record.supported_by}}) {
    if (slug->empty()) continue;
    *target = directory::VisibleOrganizationBySlug(sql, actor, *slug);
    if (!*target) {
      errors.push_back(
          {slug == &input.initiated_by ? "initiated_by" : "supported_by", N_("There is no such organization.")});
    }
  }
}

// The parties by slug → id, each signatory with the title they signed under.
std::map<std::string, OrganizationId> ResolveParties(soci::session& sql, const AgreementStore& store,
                                                     const auth::Actor& actor, const AgreementInput& input,
                                                     Resolved& resolved, std::vector<FieldError>& errors) {
  std::map<std::string, OrganizationId> party_ids;
  for (const auto& party : input.parties) {
    auto organization = directory::VisibleOrganizationBySlug(sql, actor, party.organization);
    if (!organization) {
      errors.push_back({"parties", N_("There is no such organization.")});
      continue;
    }
    party_ids[party.organization] = *organization;
    PartyRecord item{*organization, std::nullopt, ""};
    if (!party.signatory.empty()) {
      auto person = directory::PersonBySlug(sql, party.signatory);
      if (!person) {
        errors.push_back({"signatories", N_("There is no such person in the directory.")});
      } else if (auto title = store.SignatoryTitle(sql, *person, *organization, resolved.record.signed_on)) {
        item.signatory = *person;
        item.signatory_title = *title;
      } else {
        errors.push_back(
            {"signatories", N_("A signatory must hold a position in the party they sign for (see the directory).")});
      }
    }
    resolved.parties.push_back(std::move(item));
  }
  return party_ids;
}

void ResolveCoordinators(soci::session& sql, const AgreementInput& input,
                         const std::map<std::string, OrganizationId>& party_ids, Resolved& resolved,
                         std::vector<FieldError>& errors) {
  for (const auto& coordinator : input.coordinators) {
    auto person = directory::PersonBySlug(sql, coordinator.person);
    auto party = party_ids.find(coordinator.organization);
    if (!person) {
      errors.push_back({"coordinators", N_("There is no such person in the directory.")});
      continue;
    }
    if (party == party_ids.end()) continue;  // reported by the rules
    resolved.coordinators.push_back(
        {party->second, *person, *PartialDate::Parse(coordinator.starts_on), *PartialDate::Parse(coordinator.ends_on)});
  }
}

void ResolveObjectives(const AgreementInput& input, const std::vector<ObjectiveId>& own_objectives, Resolved& resolved,
                       std::vector<FieldError>& errors) {
  for (const auto& objective : input.objectives) {
    ObjectiveRecord item;
    if (objective.id) {
      if (std::find(own_objectives.begin(), own_objectives.end(), *objective.id) == own_objectives.end()) {
        errors.push_back({"objectives", N_("This objective is not one of the agreement's.")});
        continue;
      }
      item.existing = *objective.id;
    }
    item.text = objective.text;
    for (const auto& category : objective.categories) item.categories.push_back(*ParseCategory(category));
    resolved.objectives.push_back(std::move(item));
  }
}

Result<Resolved> Resolve(soci::session& sql, const AgreementStore& store, const auth::Actor& actor,
                         const AgreementInput& input, const std::vector<ObjectiveId>& own_objectives) {
  std::vector<FieldError> errors;
  Resolved resolved;
  resolved.record = RecordOf(input);
  ResolveOrganizations(sql, actor, input, resolved.record, errors);
  auto party_ids = ResolveParties(sql, store, actor, input, resolved, errors);
  ResolveCoordinators(sql, input, party_ids, resolved, errors);
  ResolveObjectives(input, own_objectives, resolved, errors);
  if (!errors.empty()) return Fail(Invalid(std::move(errors)));
  return resolved;
}

bool CoordinatesAny(const auth::Actor& actor, const std::vector<PartyRecord>& parties) {
  return actor.IsPlatformAdmin() || std::any_of(parties.begin(), parties.end(), [&](const PartyRecord& party) {
           return actor.Holds(auth::Role::kCoordinator, party.organization);
         });
}

// Who may see a record, from the widest (public) to the narrowest (private).
bool Wider(auth::Visibility wanted, auth::Visibility current) {
  return static_cast<int>(wanted) < static_cast<int>(current);
}

auth::Owners OwnersOf(auth::Visibility visibility, const std::vector<OrganizationId>& parties) {
  return {visibility, parties, {}};
}

std::vector<OrganizationId> PartyIdsOf(const std::vector<PartyRecord>& parties) {
  std::vector<OrganizationId> ids;
  for (const auto& party : parties) ids.push_back(party.organization);
  return ids;
}

std::string Details(const std::string& slug, const std::string& what = "") {
  nlohmann::json details = {{"slug", slug}};
  if (!what.empty()) details["what"] = what;
  return details.dump();
}

}  // namespace

std::string Sha256Hex(std::string_view content) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

bool AgreementService::MayEdit(const auth::Actor& actor, const Agreement& agreement) {
  if (actor.IsPlatformAdmin()) return true;
  if (!actor.signed_in()) return false;
  return std::any_of(agreement.parties.begin(), agreement.parties.end(),
                     [&](const Party& party) { return actor.Holds(auth::Role::kCoordinator, party.organization); });
}

bool AgreementService::MayCreate(const auth::Actor& actor) {
  return actor.IsPlatformAdmin() || (actor.signed_in() && actor.HoldsAnywhere(auth::Role::kCoordinator));
}

Result<Page<AgreementSummary>> AgreementService::List(const auth::Actor& actor, const AgreementFilter& filter,
                                                      const PageRequest& page) {
  std::vector<FieldError> errors;
  if (!filter.status.empty() && !ParseStatus(filter.status)) {
    errors.push_back({"status", N_("Choose a status from the list.")});
  }
  if (filter.year != 0 && (filter.year < 1900 || filter.year > 2200)) {
    errors.push_back({"year", N_("Give a year such as 2014.")});
  }
  if (filter.party.size() > 100) errors.push_back({"party", N_("There is no such organization.")});
  if (filter.jurisdiction.size() > 10) errors.push_back({"jurisdiction", N_("There is no such jurisdiction.")});
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the search."), std::move(errors)));
  return database_.Read(
      [&](soci::session& sql) -> Result<Page<AgreementSummary>> { return store_.List(sql, actor, filter, page); });
}

Result<Agreement> AgreementService::Get(const auth::Actor& actor, const std::string& slug) {
  return WithLinkedActivities(actor, database_.Read([&](soci::session& sql) -> Result<Agreement> {
    auto id = store_.FindIdBySlug(sql, slug);
    if (!id) return Fail(Error::NotFound());
    auto agreement = store_.Load(sql, *id);
    if (!agreement || !MayView(actor, *agreement)) return Fail(Error::NotFound());
    return std::move(*agreement);
  }));
}

Result<Agreement> AgreementService::Get(const auth::Actor& actor, AgreementId id) {
  return WithLinkedActivities(actor, database_.Read([&](soci::session& sql) -> Result<Agreement> {
    auto agreement = store_.Load(sql, id);
    if (!agreement || !MayView(actor, *agreement)) return Fail(Error::NotFound());
    return std::move(*agreement);
  }));
}

Result<Agreement> AgreementService::WithLinkedActivities(const auth::Actor& actor, Result<Agreement> agreement) {
  if (!agreement || sources_.empty() || agreement->objectives.empty()) return agreement;
  std::vector<ObjectiveId> objectives;
  for (const auto& objective : agreement->objectives) objectives.push_back(objective.id);
  for (const auto& source : sources_) {
    auto linked = source(actor, objectives);
    if (!linked) return Fail(linked.error());
    // One activity per page, serving every objective it was linked to.
    for (auto& item : *linked) {
      auto same =
          std::find_if(agreement->activities.begin(), agreement->activities.end(),
                       [&](const Activity& activity) { return !item.link.empty() && activity.link == item.link; });
      if (same != agreement->activities.end()) {
        same->objectives.push_back(item.objective);
        continue;
      }
      Activity activity;
      activity.kind = item.kind;
      activity.happened_on = item.happened_on;
      activity.text = std::move(item.text);
      activity.place = std::move(item.place);
      activity.objectives = {item.objective};
      activity.link = std::move(item.link);
      agreement->activities.push_back(std::move(activity));
    }
  }
  return agreement;
}

Result<bool> AgreementService::SlugTaken(const std::string& slug) {
  return database_.Read([&](soci::session& sql) -> Result<bool> { return store_.FindIdBySlug(sql, slug).has_value(); });
}

Result<AgreementService::Changing> AgreementService::LoadForChange(soci::session& sql, const auth::Actor& actor,
                                                                   AgreementId id) const {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  auto agreement = store_.Load(sql, id);
  if (!agreement) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "agreement", id.value()));
  auto permit = auth::Policy::Change(
      actor, auth::Role::kCoordinator, "agreement", id, OwnersOf(agreement->visibility, agreement->PartyIds()),
      N_("Only the coordinators and administrators of a party may change this agreement."));
  if (!permit) return Fail(permit.error());
  return Changing{std::move(*agreement), *permit};
}

Result<AgreementId> AgreementService::Create(const auth::Actor& actor, const AgreementInput& input) {
  if (!actor.signed_in() && !actor.IsPlatformAdmin()) return Fail(Error::Unauthenticated());
  if (!MayCreate(actor)) {
    return Fail(
        Error::PermissionDenied(N_("Only the coordinators and administrators of a bar may record agreements.")));
  }
  if (auto errors = ValidateAgreement(input); !errors.empty()) return Fail(Invalid(std::move(errors)));
  return database_.Write([&](soci::session& sql) -> Result<AgreementId> {
    if (store_.FindIdBySlug(sql, input.slug)) {
      return Fail(Invalid({{"slug", N_("Another agreement already has this address.")}}));
    }
    auto resolved = Resolve(sql, store_, actor, input, {});
    if (!resolved) return Fail(resolved.error());
    // Recorded for a party the actor coordinates (Resolve found only parties the actor may see).
    std::optional<auth::Permit<OrganizationId>> party;
    for (const auto& candidate : resolved->parties) {
      if (auto permit = auth::Policy::Change(actor, auth::Role::kCoordinator, "organization", candidate.organization,
                                             OwnersOf(auth::Visibility::kPublic, {candidate.organization}))) {
        party = *permit;
        break;
      }
    }
    if (!party) {
      return Fail(Error::PermissionDenied(N_("You may record an agreement only for a party you coordinate.")));
    }
    AgreementId id = store_.Insert(sql, *party, resolved->record);
    auto permit = auth::Policy::Change(actor, auth::Role::kCoordinator, "agreement", id,
                                       OwnersOf(resolved->record.visibility, PartyIdsOf(resolved->parties)));
    if (!permit) return Fail(permit.error());
    store_.ReplaceParties(sql, *permit, resolved->parties);
    store_.ReplaceCoordinators(sql, *permit, resolved->coordinators);
    store_.SyncObjectives(sql, *permit, resolved->objectives);
    audit::Record(sql, actor,
                  {"agreement.create", "agreement", id.value(),
                   resolved->parties.empty() ? std::nullopt : std::optional(resolved->parties.front().organization),
                   Details(input.slug)});
    return id;
  });
}

Status AgreementService::Update(const auth::Actor& actor, AgreementId id, const AgreementInput& input) {
  return database_.Write([&](soci::session& sql) -> Status {
    auto current = LoadForChange(sql, actor, id);
    if (!current) return Fail(current.error());
    // Who may change the parties and the visibility comes before what else was sent (403 then,
    // whatever the rest says). A party joins or leaves only by the hand of those who coordinate
    // it: one party may not remove another, nor sign someone up. Unknown organizations and
    // visibilities are left to the field checks below, and so is a list without parties.
    std::vector<OrganizationId> before = current->PartyIds(), after;
    for (const auto& party : input.parties) {
      if (auto organization = directory::VisibleOrganizationBySlug(sql, actor, party.organization)) {
        after.push_back(*organization);
      }
    }
    if (input.parties.empty()) after = before;
    auto changed = [&](OrganizationId organization) {
      return std::find(before.begin(), before.end(), organization) == before.end() ||
             std::find(after.begin(), after.end(), organization) == after.end();
    };
    for (const auto& list : {before, after}) {
      for (OrganizationId organization : list) {
        if (changed(organization) && !actor.Holds(auth::Role::kCoordinator, organization)) {
          return Fail(auth::Policy::Refuse(
              actor, Error::PermissionDenied(N_("You may add or remove only the parties you coordinate.")), "agreement",
              id.value()));
        }
      }
    }
    // Letting more people see it is for those who coordinate every party.
    if (auto wanted = auth::ParseVisibility(input.visibility);
        wanted && Wider(*wanted, current->visibility) &&
        !std::all_of(before.begin(), before.end(), [&](OrganizationId organization) {
          return actor.Holds(auth::Role::kCoordinator, organization);
        })) {
      return Fail(auth::Policy::Refuse(
          actor,
          Error::PermissionDenied(
              N_("Only someone who coordinates every party may let more people see this agreement.")),
          "agreement", id.value()));
    }
    if (auto errors = ValidateAgreement(input); !errors.empty()) return Fail(Invalid(std::move(errors)));
    auto status = *ParseStatus(input.status);
    if (!MayMove(current->status, status)) {
      return Fail(Invalid({{"status", N_("The agreement cannot go back to this status.")}}));
    }
    if (auto other = store_.FindIdBySlug(sql, input.slug); other && *other != id) {
      return Fail(Invalid({{"slug", N_("Another agreement already has this address.")}}));
    }
    auto resolved = Resolve(sql, store_, actor, input, store_.ObjectiveIds(sql, id));
    if (!resolved) return Fail(resolved.error());
    // One cannot hand an agreement over to parties one does not coordinate.
    if (!CoordinatesAny(actor, resolved->parties)) {
      return Fail(Invalid({{"parties", N_("Keep among the parties one that you coordinate.")}}));
    }
    const auto& permit = current->permit;
    store_.Update(sql, permit, resolved->record);
    store_.ReplaceParties(sql, permit, resolved->parties);
    store_.ReplaceCoordinators(sql, permit, resolved->coordinators);
    store_.SyncObjectives(sql, permit, resolved->objectives);
    nlohmann::json details = {{"slug", input.slug}};
    if (current->status != status) details["status"] = {StatusKey(current->status), StatusKey(status)};
    audit::Record(sql, actor, {"agreement.update", "agreement", id.value(), FirstParty(*current), details.dump()});
    return {};
  });
}

Result<FollowUpId> AgreementService::AddFollowUp(const auth::Actor& actor, AgreementId id, const FollowUpInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<FollowUpId> {
    auto agreement = LoadForChange(sql, actor, id);
    if (!agreement) return Fail(agreement.error());
    if (auto errors = ValidateFollowUp(input); !errors.empty()) return Fail(Invalid(std::move(errors)));
    auto date = *PartialDate::Parse(input.entry_on);
    FollowUpId follow_up = store_.InsertFollowUp(sql, agreement->permit, date, actor.user(), input.source, input.text);
    audit::Record(sql, actor,
                  {"agreement.follow_up", "agreement", id.value(), FirstParty(*agreement),
                   Details(agreement->slug, date.ToString())});
    return follow_up;
  });
}

Result<ActivityId> AgreementService::AddActivity(const auth::Actor& actor, AgreementId id, const ActivityInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<ActivityId> {
    auto agreement = LoadForChange(sql, actor, id);
    if (!agreement) return Fail(agreement.error());
    if (auto errors = ValidateActivity(input); !errors.empty()) return Fail(Invalid(std::move(errors)));
    std::vector<ObjectiveId> objectives;
    for (ObjectiveId objective : input.objectives) {
      bool own = std::any_of(agreement->objectives.begin(), agreement->objectives.end(),
                             [&](const Objective& item) { return item.id == objective; });
      if (!own) return Fail(Invalid({{"objectives", N_("This objective is not one of the agreement's.")}}));
      if (std::find(objectives.begin(), objectives.end(), objective) == objectives.end())
        objectives.push_back(objective);
    }
    auto date = *PartialDate::Parse(input.happened_on);
    ActivityId activity = store_.InsertActivity(sql, agreement->permit, *ParseActivityKind(input.kind), date,
                                                actor.user(), input.text, input.place, objectives);
    audit::Record(
        sql, actor,
        {"agreement.activity", "agreement", id.value(), FirstParty(*agreement), Details(agreement->slug, input.kind)});
    return activity;
  });
}

Result<ReviewId> AgreementService::SaveReview(const auth::Actor& actor, AgreementId id, const ReviewInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<ReviewId> {
    auto agreement = LoadForChange(sql, actor, id);
    if (!agreement) return Fail(agreement.error());
    if (auto errors = ValidateReview(input); !errors.empty()) return Fail(Invalid(std::move(errors)));
    ReviewId review = store_.UpsertReview(sql, agreement->permit, input.year, actor.user(), input);
    audit::Record(sql, actor,
                  {"agreement.review", "agreement", id.value(), FirstParty(*agreement),
                   Details(agreement->slug, std::to_string(input.year))});
    return review;
  });
}

Result<DocumentId> AgreementService::AddDocument(const auth::Actor& actor, AgreementId id, const DocumentInput& input) {
  return database_.Write([&](soci::session& sql) -> Result<DocumentId> {
    auto agreement = LoadForChange(sql, actor, id);
    if (!agreement) return Fail(agreement.error());
    if (!i18n::IsSupportedLanguage(input.language) &&
        (input.language.size() < 2 || input.language.size() > 3 ||
         !std::all_of(input.language.begin(), input.language.end(), [](char c) { return c >= 'a' && c <= 'z'; }))) {
      return Fail(Invalid({{"language", N_("Give the language of the text as an ISO code: fr, ru, kk, en.")}}));
    }
    auto type = RecognizeDocument(input.file_name, input.content);
    if (!type) return Fail(type.error());
    std::string sha256 = Sha256Hex(input.content);
    DocumentId document = store_.InsertDocument(sql, agreement->permit, input.language, input.file_name, *type,
                                                input.content, sha256, actor.user());
    nlohmann::json details = {{"slug", agreement->slug}, {"file", input.file_name}, {"sha256", sha256}};
    audit::Record(sql, actor,
                  {"agreement.document", "agreement", id.value(), FirstParty(*agreement), JsonText(details)});
    return document;
  });
}

Result<DocumentFile> AgreementService::GetDocument(const auth::Actor& actor, AgreementId id, DocumentId document) {
  return database_.Read([&](soci::session& sql) -> Result<DocumentFile> {
    auto agreement = store_.Load(sql, id);
    if (!agreement || !MayView(actor, *agreement)) return Fail(Error::NotFound());
    auto found = std::find_if(agreement->documents.begin(), agreement->documents.end(),
                              [&](const Document& item) { return item.id == document; });
    if (found == agreement->documents.end()) return Fail(Error::NotFound());
    auto content = store_.DocumentContent(sql, id, document);
    if (!content) return Fail(Error::NotFound());
    return DocumentFile{found->file_name, found->type, std::move(*content)};
  });
}

AgreementInput InputFrom(const Agreement& agreement) {
  AgreementInput input;
  input.slug = agreement.slug;
  input.kind = std::string(KindKey(agreement.kind));
  input.status = std::string(StatusKey(agreement.status));
  input.visibility = std::string(auth::VisibilityKey(agreement.visibility));
  input.title = agreement.title;
  input.signed_on = agreement.signed_on.ToString();
  input.in_force_on = agreement.in_force_on.ToString();
  input.suspended_on = agreement.suspended_on.ToString();
  input.ended_on = agreement.ended_on.ToString();
  input.signing_place = agreement.signing_place;
  input.occasion = agreement.occasion;
  input.term = std::string(TermKey(agreement.term));
  input.term_months = agreement.term_months ? std::to_string(*agreement.term_months) : "";
  input.renewal = std::string(RenewalKey(agreement.renewal));
  input.notice_months = agreement.notice_months ? std::to_string(*agreement.notice_months) : "";
  input.authentic_languages = agreement.authentic_languages;
  input.initiated_by = agreement.initiated_by_slug;
  input.supported_by = agreement.supported_by_slug;
  for (const auto& party : agreement.parties) input.parties.push_back({party.organization_slug, party.signatory_slug});
  for (const auto& coordinator : agreement.coordinators) {
    input.coordinators.push_back({coordinator.organization_slug, coordinator.person_slug,
                                  coordinator.starts_on.ToString(), coordinator.ends_on.ToString()});
  }
  for (const auto& objective : agreement.objectives) {
    ObjectiveInput item;
    item.id = objective.id;
    item.text = objective.text;
    for (ObjectiveCategory category : objective.categories) item.categories.emplace_back(CategoryKey(category));
    input.objectives.push_back(std::move(item));
  }
  return input;
}

}  // namespace entente::agreements
