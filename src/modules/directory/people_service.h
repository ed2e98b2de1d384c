#pragma once
// People, rolls and positions, and Find a lawyer. Reads are public (the directory of lawyers is
// public); writes ask the policy (core/auth/policy.h): a person belongs to the organizations
// whose roll they are on or where they held a position, and those organizations'
// administrators may edit them. A link between a person and an organization (a membership, a
// position) needs leave on both.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/base/text.h"
#include "core/db/database.h"
#include "modules/directory/organization_store.h"
#include "modules/directory/people_model.h"
#include "modules/directory/people_store.h"

namespace entente::directory {

class PeopleService {
 public:
  explicit PeopleService(db::Database& database) : database_(database) {}

  // Creates or updates (by slug), for loaders (demo, tests): the platform itself only
  // (Actor::System); anyone else gets kPermissionDenied.
  Result<PersonId> SavePerson(const auth::Actor& actor, const PersonInput& input);

  // A new person on the roll of `membership.bar_slug`, which the actor administers; the slug is
  // made from the name as written (input.slug is ignored). Person and membership are written
  // together or not at all.
  Result<PersonId> CreatePerson(const auth::Actor& actor, PersonInput input, const MembershipInput& membership);
  // Replaces the person's names, gender, city, languages, practice areas and contacts (the slug
  // stays). Administrators of one of the person's bars or organizations, and platform admins;
  // others get kPermissionDenied.
  Status UpdatePerson(const auth::Actor& actor, PersonId id, PersonInput input);
  // Whether the actor may edit the person (see UpdatePerson).
  Result<bool> MayEdit(const auth::Actor& actor, PersonId id);
  // Merges `duplicate` into `keep` (two records of the same person): `keep` gains the other's
  // names as variants, its languages, practice areas, contacts, memberships and positions; the
  // duplicate's address then leads to `keep`. The actor must be allowed to edit both.
  Status Merge(const auth::Actor& actor, PersonId keep, PersonId duplicate);
  // Someone who may edit the person and administers the bar (or a platform admin). A bar the
  // actor may not see is answered as unknown (field "bar").
  Status SaveMembership(const auth::Actor& actor, PersonId person, const MembershipInput& input);
  // Someone who may edit the person and administers the organization (or a platform admin).
  Status SavePosition(const auth::Actor& actor, PersonId person, const PositionInput& input);

  Result<Person> GetPerson(const std::string& slug);
  Result<Person> GetPerson(PersonId id);

  // Find a lawyer. Ordered by relevance (exact word > beginning of a word > one typo), then by
  // name: in `language`'s collation when fewer than 200 people match, else by the folded name
  // (docs/SEARCH.md "Order"). `total` is counted up to 200, or to one past the page asked if
  // further: a total equal to that cap is a lower bound. Reads only what the page needs, never
  // every match. kInvalidArgument for a query over 200 characters or an unknown filter value.
  // Without a search text (filters only) the list is in (sort_key, id) order and offers keyset
  // paging: `next_after` holds the next page's cursor, and `query.after` resumes after one;
  // with a text, `query.after` is kBadRequest (field "after").
  Result<Page<LawyerHit>> FindLawyers(const LawyerQuery& query, const std::string& language);

  // When the name folding changed since the stored keys were written (search::kFoldingVersion,
  // recorded in the setting "directory.name_folding"): folds every person's names again and
  // rewrites the keys that changed, a batch per transaction (the search stays usable meanwhile),
  // then records the version. Returns the number of people whose keys changed; nothing to do
  // when the version is current. `progress(done)` after each batch.
  Result<size_t> RefreshNameKeys(const std::function<void(size_t)>& progress = {});

  Result<OrganizationPeople> OrganizationDetails(OrganizationId organization);

  // Who held `title` on the organization on `day` (YYYY-MM-DD).
  Result<std::vector<PersonId>> HoldersOn(const std::string& organization_slug, PositionTitle title,
                                          const std::string& day);

 private:
  db::Database& database_;
  PeopleStore store_;
  OrganizationStore organizations_;
};

std::vector<FieldError> ValidatePerson(const PersonInput& input);

// The person as `actor` may see them: without the memberships and positions in organizations
// hidden from the actor (an organization of `organization` visibility is not named to others).
Person AsSeenBy(const auth::Actor& actor, Person person);

// The contact details of `person` that `actor` may see: public ones to anyone, "members" ones to
// signed-in users, "organization" ones to those holding a role on one of the person's bars or
// organizations.
std::vector<Contact> VisibleContacts(const auth::Actor& actor, const Person& person);

// A readable slug for a person from the name as written ("daniyar-kanafin"), or "person" for
// an unnamed one. The caller makes it unique.
std::string PersonSlugBase(const PersonInput& input);

}  // namespace entente::directory
