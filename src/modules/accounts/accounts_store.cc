#include "modules/accounts/accounts_store.h"

#include <map>
#include <stdexcept>

#include "core/base/time.h"
#include "core/db/query.h"
#include "modules/directory/lookup.h"

namespace entente::accounts {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, email, display_name, preferred_language, is_demo, disabled, created_at_utc, "
    "COALESCE(last_seen_at_utc, ''), password_hash FROM users ";

std::optional<StoredUser> FetchUser(soci::statement& statement, StoredUser& row, int& is_demo, int& disabled,
                                    long long& id) {
  if (!statement.fetch()) return std::nullopt;
  row.user.id = UserId(id);
  row.user.is_demo = is_demo != 0;
  row.user.disabled = disabled != 0;
  return row;
}

template <typename Bind>
std::optional<StoredUser> QueryUser(soci::session& sql, const std::string& where, Bind&& bind) {
  StoredUser row;
  long long id = 0;
  int is_demo = 0, disabled = 0;
  soci::statement statement = (sql.prepare << (kUserColumns + where), soci::into(id), soci::into(row.user.email),
                               soci::into(row.user.display_name), soci::into(row.user.preferred_language),
                               soci::into(is_demo), soci::into(disabled), soci::into(row.user.created_at_utc),
                               soci::into(row.user.last_seen_at_utc), soci::into(row.password_hash), bind);
  statement.execute();
  return FetchUser(statement, row, is_demo, disabled, id);
}

}  // namespace

UserId AccountsStore::InsertUser(soci::session& sql, const NewUser& user, const std::string& password_hash,
                                 AccountKind kind) const {
  long long id = 0;
  int demo = kind == AccountKind::kDemo ? 1 : 0;
  std::string now = NowUtc();
  sql << "INSERT INTO users (email, display_name, preferred_language, password_hash, is_demo, created_at_utc) "
         "VALUES (:email, :name, :language, :hash, :demo, :now) RETURNING id",
      soci::use(user.email), soci::use(user.display_name), soci::use(user.preferred_language), soci::use(password_hash),
      soci::use(demo), soci::use(now), soci::into(id);
  return UserId(id);
}

UserCounts AccountsStore::CountUsers(soci::session& sql) const {
  UserCounts counts;
  sql << "SELECT COALESCE(SUM(CASE WHEN is_demo <> 0 THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN is_demo = 0 THEN 1 ELSE 0 END), 0) FROM users",
      soci::into(counts.demo), soci::into(counts.other);
  return counts;
}

std::optional<StoredUser> AccountsStore::FindUserByEmail(soci::session& sql, const std::string& email) const {
  return QueryUser(sql, "WHERE email = :email", soci::use(email));
}

std::optional<StoredUser> AccountsStore::FindUser(soci::session& sql, UserId id) const {
  long long value = id.value();
  return QueryUser(sql, "WHERE id = :id", soci::use(value));
}

Page<User> AccountsStore::ListUsers(soci::session& sql, const std::string& search,
                                    const std::optional<std::vector<OrganizationId>>& within,
                                    const PageRequest& page) const {
  auto filter = [&](db::Query& query) {
    if (!search.empty()) {
      query.Append(" AND (lower(u.email) ")
          .BindContains(search)
          .Append(" OR lower(u.display_name) ")
          .BindContains(search)
          .Append(")");
    }
    if (within) {
      std::vector<long long> ids;
      for (auto organization : *within) ids.push_back(organization.value());
      query
          .Append(
              " AND (EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.revoked_at_utc IS NULL "
              "AND g.organization_id IN (")
          .BindList(ids)
          .Append(
              ")) OR EXISTS (SELECT 1 FROM directory_memberships m WHERE m.person_id = u.person_id AND "
              "m.organization_id IN (")
          .BindList(ids)
          .Append(")))");
    }
  };
  Page<User> result;
  result.page = page.page;
  result.per_page = page.per_page;
  db::Query count("SELECT COUNT(*) FROM users u WHERE 1 = 1");
  filter(count);
  result.total = count.Scalar<long long>(sql);
  db::Query query(
      "SELECT u.id, u.email, u.display_name, u.preferred_language, u.is_demo, u.disabled, u.created_at_utc, "
      "COALESCE(u.last_seen_at_utc, '') FROM users u WHERE 1 = 1");
  filter(query);
  query.Append(" ORDER BY u.display_name, u.id LIMIT ")
      .Bind(static_cast<long long>(page.per_page))
      .Append(" OFFSET ")
      .Bind(page.offset());
  User row;
  long long id = 0;
  int is_demo = 0, disabled = 0;
  soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
    s.exchange(soci::into(id));
    s.exchange(soci::into(row.email));
    s.exchange(soci::into(row.display_name));
    s.exchange(soci::into(row.preferred_language));
    s.exchange(soci::into(is_demo));
    s.exchange(soci::into(disabled));
    s.exchange(soci::into(row.created_at_utc));
    s.exchange(soci::into(row.last_seen_at_utc));
  });
  statement.execute(false);
  while (statement.fetch()) {
    row.id = UserId(id);
    row.is_demo = is_demo != 0;
    row.disabled = disabled != 0;
    result.items.push_back(row);
  }
  return result;
}

void AccountsStore::SetPassword(soci::session& sql, UserId user, const std::string& password_hash) const {
  long long id = user.value();
  sql << "UPDATE users SET password_hash = :hash WHERE id = :id", soci::use(password_hash), soci::use(id);
}

void AccountsStore::SetPreferences(soci::session& sql, UserId user, const std::string& display_name,
                                   const std::string& language) const {
  long long id = user.value();
  sql << "UPDATE users SET display_name = :name, preferred_language = :language WHERE id = :id",
      soci::use(display_name), soci::use(language), soci::use(id);
}

void AccountsStore::TouchUser(soci::session& sql, UserId user, const std::string& now) const {
  long long id = user.value();
  sql << "UPDATE users SET last_seen_at_utc = :now WHERE id = :id", soci::use(now), soci::use(id);
}

long long AccountsStore::InsertSession(soci::session& sql, const std::string& token_hash, UserId user,
                                       const std::string& now, const std::string& expires_at,
                                       const std::string& remote_address) const {
  long long id = 0;
  long long user_id = user.value();
  sql << "INSERT INTO sessions (token_hash, user_id, created_at_utc, last_seen_at_utc, expires_at_utc, remote_address) "
         "VALUES (:hash, :user, :now, :seen, :expires, :address) RETURNING id",
      soci::use(token_hash), soci::use(user_id), soci::use(now), soci::use(now), soci::use(expires_at),
      soci::use(remote_address), soci::into(id);
  return id;
}

std::optional<StoredSession> AccountsStore::FindSession(soci::session& sql, const std::string& token_hash,
                                                        const std::string& now) const {
  StoredSession session;
  long long user = 0;
  sql << "SELECT s.id, s.user_id, s.last_seen_at_utc, s.expires_at_utc FROM sessions s JOIN users u ON u.id = "
         "s.user_id "
         "WHERE s.token_hash = :hash AND s.revoked_at_utc IS NULL AND s.expires_at_utc > :now AND u.disabled = 0",
      soci::use(token_hash), soci::use(now), soci::into(session.id), soci::into(user),
      soci::into(session.last_seen_at_utc), soci::into(session.expires_at_utc);
  if (!sql.got_data()) return std::nullopt;
  session.user = UserId(user);
  return session;
}

void AccountsStore::TouchSession(soci::session& sql, long long session, const std::string& now) const {
  sql << "UPDATE sessions SET last_seen_at_utc = :now WHERE id = :id", soci::use(now), soci::use(session);
}

void AccountsStore::RevokeSession(soci::session& sql, long long session, const std::string& now) const {
  sql << "UPDATE sessions SET revoked_at_utc = :now WHERE id = :id AND revoked_at_utc IS NULL", soci::use(now),
      soci::use(session);
}

int AccountsStore::RevokeSessionsOf(soci::session& sql, UserId user, const std::string& now) const {
  long long id = user.value();
  soci::statement statement = (sql.prepare << "UPDATE sessions SET revoked_at_utc = :now "
                                              "WHERE user_id = :user AND revoked_at_utc IS NULL",
                               soci::use(now), soci::use(id));
  statement.execute(true);
  return static_cast<int>(statement.get_affected_rows());
}

std::vector<auth::RoleGrant> AccountsStore::GrantsOf(soci::session& sql, UserId user) const {
  long long user_id = user.value();
  std::vector<auth::RoleGrant> grants;
  std::map<long long, size_t> by_id;
  {
    long long id = 0, organization = 0;
    std::string role;
    soci::indicator organization_indicator = soci::i_null;
    soci::statement statement =
        (sql.prepare << "SELECT id, role, organization_id FROM role_grants "
                        "WHERE user_id = :user AND revoked_at_utc IS NULL ORDER BY id",
         soci::use(user_id), soci::into(id), soci::into(role), soci::into(organization, organization_indicator));
    statement.execute();
    while (statement.fetch()) {
      auto parsed = auth::ParseRole(role);
      if (!parsed) continue;
      auth::RoleGrant grant{auth::RoleGrantId(id), *parsed, std::nullopt, {}};
      if (organization_indicator == soci::i_ok) grant.organization = OrganizationId(organization);
      by_id[id] = grants.size();
      grants.push_back(std::move(grant));
    }
  }
  // Each grant's organization and everything below it, in one recursive query.
  long long grant_id = 0, organization = 0;
  soci::statement statement =
      (sql.prepare << "WITH RECURSIVE tree (grant_id, organization_id, depth) AS ("
                      "  SELECT g.id, g.organization_id, 0 FROM role_grants g"
                      "  WHERE g.user_id = :user AND g.revoked_at_utc IS NULL AND g.organization_id IS NOT NULL"
                      "  UNION ALL"
                      "  SELECT tree.grant_id, o.id, tree.depth + 1 FROM directory_organizations o"
                      "  JOIN tree ON o.parent_id = tree.organization_id WHERE tree.depth < 32"
                      ") SELECT grant_id, organization_id FROM tree ORDER BY grant_id, depth, organization_id",
       soci::use(user_id), soci::into(grant_id), soci::into(organization));
  statement.execute();
  while (statement.fetch()) {
    auto it = by_id.find(grant_id);
    if (it != by_id.end()) grants[it->second].scope.push_back(OrganizationId(organization));
  }
  return grants;
}

std::vector<GrantView> AccountsStore::GrantViewsOf(soci::session& sql, UserId user) const {
  long long user_id = user.value();
  std::vector<GrantView> views;
  long long id = 0, organization = 0;
  std::string role, slug, granted_at;
  soci::indicator organization_indicator = soci::i_null, slug_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << "SELECT g.id, g.role, g.organization_id, o.slug, g.granted_at_utc FROM role_grants g "
                      "LEFT JOIN directory_organizations o ON o.id = g.organization_id "
                      "WHERE g.user_id = :user AND g.revoked_at_utc IS NULL ORDER BY g.id",
       soci::use(user_id), soci::into(id), soci::into(role), soci::into(organization, organization_indicator),
       soci::into(slug, slug_indicator), soci::into(granted_at));
  statement.execute();
  while (statement.fetch()) {
    GrantView view;
    view.id = auth::RoleGrantId(id);
    view.user = user;
    view.role = auth::ParseRole(role).value_or(auth::Role::kMember);
    if (organization_indicator == soci::i_ok) view.organization = OrganizationId(organization);
    view.organization_slug = slug_indicator == soci::i_ok ? slug : "";
    view.granted_at_utc = granted_at;
    views.push_back(std::move(view));
  }
  return views;
}

std::optional<GrantView> AccountsStore::FindGrant(soci::session& sql, auth::RoleGrantId grant) const {
  long long id = grant.value(), user = 0, organization = 0;
  std::string role, granted_at;
  soci::indicator organization_indicator = soci::i_null;
  sql << "SELECT user_id, role, organization_id, granted_at_utc FROM role_grants "
         "WHERE id = :id AND revoked_at_utc IS NULL",
      soci::use(id), soci::into(user), soci::into(role), soci::into(organization, organization_indicator),
      soci::into(granted_at);
  if (!sql.got_data()) return std::nullopt;
  GrantView view;
  view.id = grant;
  view.user = UserId(user);
  view.role = auth::ParseRole(role).value_or(auth::Role::kMember);
  if (organization_indicator == soci::i_ok) view.organization = OrganizationId(organization);
  view.granted_at_utc = granted_at;
  return view;
}

std::optional<auth::RoleGrantId> AccountsStore::FindActiveGrant(soci::session& sql, UserId user, auth::Role role,
                                                                std::optional<OrganizationId> organization) const {
  db::Query query("SELECT id FROM role_grants WHERE revoked_at_utc IS NULL AND user_id = ");
  query.Bind(user.value()).Append(" AND role = ").Bind(std::string(auth::RoleKey(role)));
  if (organization) {
    query.Append(" AND organization_id = ").Bind(organization->value());
  } else {
    query.Append(" AND organization_id IS NULL");
  }
  auto ids = query.Column<long long>(sql);
  if (ids.empty()) return std::nullopt;
  return auth::RoleGrantId(ids.front());
}

auth::RoleGrantId AccountsStore::InsertGrant(soci::session& sql, const auth::Permit<UserId>& user,
                                             const auth::Permit<OrganizationId>& organization, auth::Role role,
                                             UserId granted_by, const std::string& now) const {
  bool on_organization = organization.id().valid();
  if (on_organization == (role == auth::Role::kPlatformAdmin)) {
    throw std::logic_error("AccountsStore::InsertGrant: the platform admin role alone is held on no organization");
  }
  long long user_id = user.id().value(), organization_id = organization.id().value(), by = granted_by.value();
  soci::indicator organization_indicator = on_organization ? soci::i_ok : soci::i_null;
  soci::indicator by_indicator = granted_by.valid() ? soci::i_ok : soci::i_null;
  std::string role_key(auth::RoleKey(role));
  long long id = 0;
  sql << "INSERT INTO role_grants (user_id, role, organization_id, granted_by, granted_at_utc) "
         "VALUES (:user, :role, :organization, :by, :now) RETURNING id",
      soci::use(user_id), soci::use(role_key), soci::use(organization_id, organization_indicator),
      soci::use(by, by_indicator), soci::use(now), soci::into(id);
  return auth::RoleGrantId(id);
}

void AccountsStore::RevokeGrant(soci::session& sql, const auth::Permit<auth::RoleGrantId>& grant, UserId revoked_by,
                                const std::string& now) const {
  long long id = grant.id().value(), by = revoked_by.value();
  soci::indicator by_indicator = revoked_by.valid() ? soci::i_ok : soci::i_null;
  sql << "UPDATE role_grants SET revoked_at_utc = :now, revoked_by = :by WHERE id = :id AND revoked_at_utc IS NULL",
      soci::use(now), soci::use(by, by_indicator), soci::use(id);
}

std::vector<OrganizationId> AccountsStore::ReachOf(soci::session& sql, UserId user) const {
  std::vector<OrganizationId> reach;
  db::Query query(
      "SELECT g.organization_id FROM role_grants g WHERE g.organization_id IS NOT NULL AND g.revoked_at_utc IS NULL "
      "AND g.user_id = ");
  query.Bind(user.value())
      .Append(
          " UNION SELECT m.organization_id FROM directory_memberships m JOIN users u ON u.person_id = m.person_id "
          "WHERE u.id = ")
      .Bind(user.value());
  for (long long id : query.Column<long long>(sql)) reach.push_back(OrganizationId(id));
  return reach;
}

std::optional<std::string> AccountsStore::LinkedPersonSlug(soci::session& sql, UserId user) const {
  long long id = user.value();
  std::string slug;
  sql << "SELECT p.slug FROM users u JOIN directory_people p ON p.id = u.person_id WHERE u.id = :id", soci::use(id),
      soci::into(slug);
  if (!sql.got_data()) return std::nullopt;
  return slug;
}

std::optional<AccountsStore::PersonRef> AccountsStore::FindPerson(soci::session& sql, const std::string& slug) const {
  auto found = directory::CurrentPersonBySlug(sql, slug);
  if (!found) return std::nullopt;
  PersonRef person;
  person.id = *found;
  long long id = found->value();
  db::Query query("SELECT organization_id FROM directory_memberships WHERE person_id = ");
  query.Bind(id).Append(" UNION SELECT organization_id FROM directory_positions WHERE person_id = ").Bind(id);
  for (long long organization : query.Column<long long>(sql))
    person.organizations.push_back(OrganizationId(organization));
  auto users = db::Query("SELECT id FROM users WHERE person_id = ").Bind(id).Column<long long>(sql);
  if (!users.empty()) person.linked_user = UserId(users.front());
  return person;
}

void AccountsStore::LinkPerson(soci::session& sql, const auth::Permit<UserId>& user,
                               const std::optional<auth::Permit<PersonId>>& person) const {
  long long user_id = user.id().value(), person_id = person ? person->id().value() : 0;
  soci::indicator person_indicator = person ? soci::i_ok : soci::i_null;
  sql << "UPDATE users SET person_id = :person WHERE id = :id", soci::use(person_id, person_indicator),
      soci::use(user_id);
}

std::optional<auth::Visibility> AccountsStore::OrganizationVisibility(soci::session& sql,
                                                                      OrganizationId organization) const {
  long long id = organization.value();
  std::string visibility;
  sql << "SELECT visibility FROM directory_organizations WHERE id = :id", soci::use(id), soci::into(visibility);
  if (!sql.got_data()) return std::nullopt;
  return auth::ParseVisibility(visibility).value_or(auth::Visibility::kOrganization);
}

std::optional<OrganizationId> AccountsStore::OrganizationBySlug(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM directory_organizations WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return OrganizationId(id);
}

ApiTokenId AccountsStore::InsertApiToken(soci::session& sql, UserId user, const ApiToken& token,
                                         const std::string& token_hash) const {
  long long id = 0, user_id = user.value();
  std::string scope(auth::TokenScopeKey(token.scope));
  sql << "INSERT INTO api_tokens (user_id, name, token_hash, scope, created_at_utc, expires_at_utc) "
         "VALUES (:user, :name, :hash, :scope, :created, :expires) RETURNING id",
      soci::use(user_id), soci::use(token.name), soci::use(token_hash), soci::use(scope),
      soci::use(token.created_at_utc), soci::use(token.expires_at_utc), soci::into(id);
  return ApiTokenId(id);
}

std::vector<ApiToken> AccountsStore::ApiTokensOf(soci::session& sql, UserId user) const {
  long long user_id = user.value();
  std::vector<ApiToken> tokens;
  ApiToken row;
  long long id = 0;
  std::string scope;
  soci::statement statement =
      (sql.prepare << "SELECT id, name, scope, created_at_utc, expires_at_utc, COALESCE(last_used_at_utc, '') "
                      "FROM api_tokens WHERE user_id = :user AND revoked_at_utc IS NULL ORDER BY id",
       soci::use(user_id), soci::into(id), soci::into(row.name), soci::into(scope), soci::into(row.created_at_utc),
       soci::into(row.expires_at_utc), soci::into(row.last_used_at_utc));
  statement.execute();
  while (statement.fetch()) {
    row.id = ApiTokenId(id);
    row.scope = auth::ParseTokenScope(scope).value_or(auth::TokenScope::kRead);
    tokens.push_back(row);
  }
  return tokens;
}

bool AccountsStore::RevokeApiToken(soci::session& sql, UserId user, ApiTokenId token, const std::string& now) const {
  long long user_id = user.value(), token_id = token.value();
  soci::statement statement = (sql.prepare << "UPDATE api_tokens SET revoked_at_utc = :now "
                                              "WHERE id = :id AND user_id = :user AND revoked_at_utc IS NULL",
                               soci::use(now), soci::use(token_id), soci::use(user_id));
  statement.execute(true);
  return statement.get_affected_rows() > 0;
}

int AccountsStore::RevokeApiTokensOf(soci::session& sql, UserId user, const std::string& now) const {
  long long user_id = user.value();
  soci::statement statement = (sql.prepare << "UPDATE api_tokens SET revoked_at_utc = :now "
                                              "WHERE user_id = :user AND revoked_at_utc IS NULL",
                               soci::use(now), soci::use(user_id));
  statement.execute(true);
  return static_cast<int>(statement.get_affected_rows());
}

std::optional<AccountsStore::StoredApiToken> AccountsStore::FindApiToken(soci::session& sql,
                                                                         const std::string& token_hash,
                                                                         const std::string& now) const {
  long long user = 0;
  StoredApiToken token;
  std::string scope;
  sql << "SELECT t.user_id, t.id, t.scope, t.expires_at_utc, COALESCE(t.last_used_at_utc, '') "
         "FROM api_tokens t JOIN users u ON u.id = t.user_id "
         "WHERE t.token_hash = :hash AND t.revoked_at_utc IS NULL AND t.expires_at_utc > :now AND u.disabled = 0",
      soci::use(token_hash), soci::use(now), soci::into(user), soci::into(token.credential.id), soci::into(scope),
      soci::into(token.credential.expires_at_utc), soci::into(token.last_used_at_utc);
  if (!sql.got_data()) return std::nullopt;
  auto parsed = auth::ParseTokenScope(scope);
  if (!parsed) return std::nullopt;
  token.user = UserId(user);
  token.credential.scope = *parsed;
  return token;
}

void AccountsStore::TouchApiToken(soci::session& sql, long long token, const std::string& now) const {
  sql << "UPDATE api_tokens SET last_used_at_utc = :now WHERE id = :id", soci::use(now), soci::use(token);
}

void AccountsStore::InsertFailure(soci::session& sql, const std::string& email, const std::string& remote_address,
                                  const std::string& now) const {
  sql << "INSERT INTO sign_in_failures (email, remote_address, at_utc) VALUES (:email, :address, :now)",
      soci::use(email), soci::use(remote_address), soci::use(now);
}

AccountsStore::RecentFailures AccountsStore::FailuresForEmail(soci::session& sql, const std::string& email,
                                                              const std::string& since) const {
  RecentFailures failures;
  soci::indicator last_indicator = soci::i_null;
  sql << "SELECT COUNT(*), MAX(at_utc) FROM sign_in_failures WHERE email = :email AND at_utc >= :since",
      soci::use(email), soci::use(since), soci::into(failures.count), soci::into(failures.last_at_utc, last_indicator);
  if (last_indicator != soci::i_ok) failures.last_at_utc.clear();
  return failures;
}

long long AccountsStore::AddAttempt(soci::session& sql, const std::string& address, const std::string& window_start,
                                    const std::string& forget_before) const {
  sql << "DELETE FROM sign_in_attempts WHERE window_start_utc < :before", soci::use(forget_before);
  long long attempts = 0;
  sql << "INSERT INTO sign_in_attempts (remote_address, window_start_utc, attempts) VALUES (:address, :window, 1) "
         "ON CONFLICT (remote_address, window_start_utc) DO UPDATE SET attempts = sign_in_attempts.attempts + 1 "
         "RETURNING attempts",
      soci::use(address), soci::use(window_start), soci::into(attempts);
  return attempts;
}

void AccountsStore::ReturnAttempt(soci::session& sql, const std::string& address,
                                  const std::string& window_start) const {
  sql << "UPDATE sign_in_attempts SET attempts = attempts - 1 "
         "WHERE remote_address = :address AND window_start_utc = :window AND attempts > 0",
      soci::use(address), soci::use(window_start);
}

}  // namespace entente::accounts
