#pragma once
// Who may see a record (docs/ARCHITECTURE.md, "Roles, scope and visibility"): one mechanism for pages, API
// and search. Lists filter in SQL — AppendVisibleTo() adds the condition, with the actor's
// organizations as bound parameters — so totals and pagination never reveal a hidden record;
// a record loaded by id is checked with MayView(), which decides the same way.
//
//   public        anyone
//   members       any signed-in user
//   parties       users holding a role on a party organization (or an ancestor of one)
//   organization  users holding a role on the owning organization (or an ancestor)
//   private       the people the record names, and no one else (not even a platform admin)
//
// A platform admin sees every record that is not private.

#include <optional>
#include <string_view>
#include <vector>

#include "core/auth/actor.h"
#include "core/db/query.h"

namespace entente::auth {

enum class Visibility { kPublic, kMembers, kParties, kOrganization, kPrivate };

std::string_view VisibilityKey(Visibility visibility);  // as stored: "members"
std::optional<Visibility> ParseVisibility(std::string_view key);
std::string_view VisibilityLabel(Visibility visibility);  // English msgid

// Rows of another table related to the row being filtered:
//   {.from = "agreement_parties p", .match = "p.agreement_id = a.id", .column = "p.organization_id"}
struct RelatedRows {
  std::string_view from;
  std::string_view match;
  std::string_view column;
  bool empty() const { return from.empty(); }
};

// How a table says who may see a row. Each field is SQL written in the store, never input;
// an empty field means the table has no such notion (and rows of that level stay hidden).
struct VisibilityColumns {
  std::string_view visibility;          // "a.visibility"
  std::string_view owner_organization;  // "a.organization_id"
  RelatedRows parties;                  // the party organizations of the row
  RelatedRows named_users;              // the users a private row names
};

// Appends "(condition)" true for the rows `actor` may see.
void AppendVisibleTo(db::Query& query, const Actor& actor, const VisibilityColumns& columns);

// The same decision for one record already loaded.
bool MayView(const Actor& actor, Visibility visibility, std::optional<OrganizationId> owner,
             const std::vector<OrganizationId>& parties, const std::vector<UserId>& named_users);

}  // namespace entente::auth
