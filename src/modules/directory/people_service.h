#pragma once
// People, rolls and positions, and Find a lawyer. Reads are public (the directory of lawyers is
// public); writes take the acting user and check that they administer the bar or organization.

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.h"
#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/db/database.h"
#include "modules/directory/organization_store.h"
#include "modules/directory/people_model.h"
#include "modules/directory/people_store.h"

namespace entente::directory {

class PeopleService {
 public:
  explicit PeopleService(db::Database& database) : database_(database) {}

  // Creates or updates (by slug). Bar admins (of any organization) and platform admins.
  Result<PersonId> SavePerson(const auth::Actor& actor, const PersonInput& input);
  // A bar admin of the bar (or a platform admin).
  Status SaveMembership(const auth::Actor& actor, PersonId person, const MembershipInput& input);
  // A bar admin of the organization (or a platform admin).
  Status SavePosition(const auth::Actor& actor, PersonId person, const PositionInput& input);

  Result<Person> GetPerson(const std::string& slug);
  Result<Person> GetPerson(PersonId id);

  // Find a lawyer. Ordered by relevance (exact word > beginning of a word > one typo), then by
  // the name in `language`'s collation. kInvalidArgument for a query over 200 characters or an
  // unknown filter value.
  Result<Page<LawyerHit>> FindLawyers(const LawyerQuery& query, const std::string& language);

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

}  // namespace entente::directory
