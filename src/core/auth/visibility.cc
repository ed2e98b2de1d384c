#include "core/auth/visibility.h"

#include <algorithm>

#include "core/base/enum_table.h"
#include "core/base/messages.h"

namespace entente::auth {
namespace {

constexpr EnumTable<Visibility, 5> kLevels{{{
    {Visibility::kPublic, "public", N_("Public")},
    {Visibility::kMembers, "members", N_("Signed-in users")},
    {Visibility::kParties, "parties", N_("Parties to the agreement")},
    {Visibility::kOrganization, "organization", N_("The organization")},
    {Visibility::kPrivate, "private", N_("The people named only")},
}}};

std::vector<long long> Values(const std::vector<OrganizationId>& ids) {
  std::vector<long long> values;
  for (auto id : ids) values.push_back(id.value());
  return values;
}

}  // namespace

std::string_view VisibilityKey(Visibility visibility) { return kLevels.Key(visibility); }
std::optional<Visibility> ParseVisibility(std::string_view key) { return kLevels.Parse(key); }
std::string_view VisibilityLabel(Visibility visibility) { return kLevels.Label(visibility); }

void AppendVisibleTo(db::Query& query, const Actor& actor, const VisibilityColumns& columns) {
  // sql-fragment-begin: the column names come from the stores' VisibilityColumns, never input.
  query.Append("(").Append(columns.visibility).Append(" = 'public'");
  // A platform admin, and the platform itself (Actor::System), see every record not private.
  if (actor.IsPlatformAdmin()) query.Append(" OR ").Append(columns.visibility).Append(" <> 'private'");
  if (actor.signed_in()) {
    if (!actor.IsPlatformAdmin()) {
      query.Append(" OR ").Append(columns.visibility).Append(" = 'members'");
      std::vector<long long> scope = Values(actor.OrganizationsInScope());
      if (!columns.owner_organization.empty() && !scope.empty()) {
        query.Append(" OR (")
            .Append(columns.visibility)
            .Append(" = 'organization' AND ")
            .Append(columns.owner_organization)
            .Append(" IN (")
            .BindList(scope)
            .Append("))");
      }
      if (!columns.parties.empty() && !scope.empty()) {
        query.Append(" OR (")
            .Append(columns.visibility)
            .Append(" = 'parties' AND EXISTS (SELECT 1 FROM ")
            .Append(columns.parties.from)
            .Append(" WHERE ")
            .Append(columns.parties.match)
            .Append(" AND ")
            .Append(columns.parties.column)
            .Append(" IN (")
            .BindList(scope)
            .Append(")))");
      }
    }
    if (!columns.named_users.empty()) {
      query.Append(" OR (")
          .Append(columns.visibility)
          .Append(" = 'private' AND EXISTS (SELECT 1 FROM ")
          .Append(columns.named_users.from)
          .Append(" WHERE ")
          .Append(columns.named_users.match)
          .Append(" AND ")
          .Append(columns.named_users.column)
          .Append(" = ")
          .Bind(actor.user().value())
          .Append("))");
    }
  }
  // sql-fragment-end
  query.Append(")");
}

bool MayView(const Actor& actor, Visibility visibility, std::optional<OrganizationId> owner,
             const std::vector<OrganizationId>& parties, const std::vector<UserId>& named_users) {
  auto in_scope = [&](OrganizationId organization) {
    auto scope = actor.OrganizationsInScope();
    return std::find(scope.begin(), scope.end(), organization) != scope.end();
  };
  switch (visibility) {
    case Visibility::kPublic:
      return true;
    case Visibility::kMembers:
      return actor.signed_in() || actor.IsPlatformAdmin();
    case Visibility::kParties:
      return actor.IsPlatformAdmin() || std::any_of(parties.begin(), parties.end(), in_scope);
    case Visibility::kOrganization:
      return actor.IsPlatformAdmin() || (owner && in_scope(*owner));
    case Visibility::kPrivate:
      return actor.signed_in() && std::find(named_users.begin(), named_users.end(), actor.user()) != named_users.end();
  }
  return false;
}

}  // namespace entente::auth
