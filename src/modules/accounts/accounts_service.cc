#include "modules/accounts/accounts_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "core/auth/secrets.h"
#include "core/base/log_text.h"
#include "core/base/messages.h"
#include "core/base/text.h"
#include "core/base/time.h"
#include "core/db/settings.h"
#include "core/i18n/languages.h"

namespace entente::accounts {
namespace {

using auth::Actor;
using auth::Role;

std::string Ago(std::chrono::seconds age) { return UtcTimestamp(std::chrono::system_clock::now() - age); }

std::string Later(std::chrono::seconds delay) { return UtcTimestamp(std::chrono::system_clock::now() + delay); }

// The same answer for every way a sign-in can fail (docs/SECURITY.md 2).
Error SignInRefused() { return Error::Unauthenticated(N_("The email or password is not correct.")); }

std::string Json(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// An actor for changes made from the terminal: no user, a request id of its own.
// The platform acting for itself, from the terminal or a loader.
Actor TerminalActor(const std::string& request_id) { return Actor::System(request_id); }

std::vector<FieldError> CheckProfile(const NewUser& user) {
  std::vector<FieldError> errors;
  if (!NormalizeEmail(user.email)) errors.push_back({"email", N_("Enter an email address, such as name@example.org.")});
  if (user.display_name.empty() || user.display_name.size() > 200) {
    errors.push_back({"display_name", N_("Enter a name of 1 to 200 characters.")});
  }
  if (!i18n::IsSupportedLanguage(user.preferred_language)) {
    errors.push_back({"preferred_language", N_("Choose English, French, Russian or Kazakh.")});
  }
  return errors;
}

}  // namespace

std::chrono::seconds SignInDelay(const SessionPolicy& policy, long long failures, std::chrono::seconds since_last) {
  if (failures < policy.failures_before_delay) return std::chrono::seconds(0);
  long long doublings = failures - policy.failures_before_delay;
  long long delay = doublings >= 30 ? policy.max_delay_seconds
                                    : std::min<long long>(policy.max_delay_seconds, 1LL << doublings);
  return std::chrono::seconds(std::max<long long>(0, delay - since_last.count()));
}

std::optional<std::string> NormalizeEmail(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
  size_t at = email.find('@');
  if (email.size() > 254 || at == std::string_view::npos || at == 0 || at + 1 >= email.size() ||
      email.find('@', at + 1) != std::string_view::npos || email.find('.', at) == std::string_view::npos) {
    return std::nullopt;
  }
  std::string normalized;
  for (unsigned char c : email) {
    if (c <= 0x20 || c == 0x7f) return std::nullopt;
    normalized.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  }
  return normalized;
}

Result<UserId> AccountsService::CreatePlatformAdmin(const NewUser& input, const std::string& request_id) {
  NewUser user = input;
  auto errors = CheckProfile(user);
  auto password_errors = auth::CheckPasswordRules(user.password, user.email, user.display_name);
  errors.insert(errors.end(), password_errors.begin(), password_errors.end());
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  user.email = *NormalizeEmail(user.email);
  auto hash = auth::HashPassword(user.password);
  if (!hash) return Fail(hash.error());
  Actor actor = TerminalActor(request_id);
  return database_.Write([&](soci::session& sql) -> Result<UserId> {
    if (store_.FindUserByEmail(sql, user.email)) {
      return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                         {{"email", N_("A user with this email already exists.")}}));
    }
    UserId id = store_.InsertUser(sql, user, *hash, /*is_demo=*/false);
    auto grant = store_.InsertGrant(sql, *auth::Policy::AsSystem(actor, "user", id),
                                    *auth::Policy::ForPlatform(actor), Role::kPlatformAdmin, UserId(), NowUtc());
    audit::Record(sql, actor, {"user.create", "user", id.value(), std::nullopt, Json({{"email", user.email}})});
    audit::Record(sql, actor,
                  {"role.grant", "role_grant", grant.value(), std::nullopt,
                   Json({{"user_id", id.value()}, {"role", "platform_admin"}})});
    return id;
  });
}

Status AccountsService::SetPasswordFromTerminal(const std::string& email, const std::string& password,
                                                const std::string& request_id) {
  auto normalized = NormalizeEmail(email);
  if (!normalized) return Fail(Error::NotFound(N_("There is no user with this email.")));
  Actor actor = TerminalActor(request_id);
  auto found = database_.Read([&](soci::session& sql) -> Result<std::optional<StoredUser>> {
    return store_.FindUserByEmail(sql, *normalized);
  });
  if (!found) return Fail(found.error());
  if (!*found) return Fail(Error::NotFound(N_("There is no user with this email.")));
  const User& user = (*found)->user;
  if (auto errors = auth::CheckPasswordRules(password, user.email, user.display_name); !errors.empty()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  }
  auto hash = auth::HashPassword(password);
  if (!hash) return Fail(hash.error());
  return database_.Write([&](soci::session& sql) -> Status {
    std::string now = NowUtc();
    store_.SetPassword(sql, user.id, *hash);
    int revoked = store_.RevokeSessionsOf(sql, user.id, now);
    int tokens_revoked = store_.RevokeApiTokensOf(sql, user.id, now);
    audit::Record(sql, actor,
                  {"user.password", "user", user.id.value(), std::nullopt,
                   Json({{"sessions_revoked", revoked}, {"api_tokens_revoked", tokens_revoked}, {"by", "terminal"}})});
    return {};
  });
}

Result<std::vector<User>> AccountsService::ListAllUsers() {
  return database_.Read([&](soci::session& sql) -> Result<std::vector<User>> {
    return store_.ListUsers(sql, "", true, {}, PageRequest{1, 100000}).items;
  });
}

Result<UserCounts> AccountsService::CountUsers() {
  return database_.Read([&](soci::session& sql) -> Result<UserCounts> { return store_.CountUsers(sql); });
}

Result<UserId> AccountsService::EnsureDemoUser(const NewUser& user,
                                               const std::vector<std::pair<Role, std::string>>& roles,
                                               const std::string& request_id) {
  auto hash = auth::HashPassword(user.password);
  if (!hash) return Fail(hash.error());
  Actor actor = TerminalActor(request_id);
  return database_.Write([&](soci::session& sql) -> Result<UserId> {
    UserId id;
    if (auto existing = store_.FindUserByEmail(sql, user.email)) {
      id = existing->user.id;
    } else {
      id = store_.InsertUser(sql, user, *hash, /*is_demo=*/true);
      audit::Record(sql, actor,
                    {"user.create", "user", id.value(), std::nullopt, Json({{"email", user.email}, {"demo", true}})});
    }
    for (const auto& [role, slug] : roles) {
      std::optional<OrganizationId> organization;
      if (!slug.empty()) {
        organization = store_.OrganizationBySlug(sql, slug);
        if (!organization) return Fail(Error::Internal("demo account: no organization " + slug));
      }
      if (store_.FindActiveGrant(sql, id, role, organization)) continue;
      auto grant = store_.InsertGrant(sql, *auth::Policy::AsSystem(actor, "user", id),
                                      *auth::Policy::AsSystem(actor, "organization", organization.value_or(OrganizationId())),
                                      role, UserId(), NowUtc());
      audit::Record(sql, actor,
                    {"role.grant", "role_grant", grant.value(), organization,
                     Json({{"user_id", id.value()}, {"role", auth::RoleKey(role)}})});
    }
    return id;
  });
}

Result<std::string> AccountsService::CountAttempt(const std::string& email, const std::string& remote_address,
                                                  const std::string& request_id) {
  // The account's wait…
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto account_wait = database_.Read([&](soci::session& sql) -> Result<std::chrono::seconds> {
    auto failures = store_.FailuresForEmail(sql, email, UtcTimestamp(now - std::chrono::hours(1)));
    auto last = ParseUtcTimestamp(failures.last_at_utc);
    if (!last) return std::chrono::seconds(0);
    return SignInDelay(policy_, failures.count, std::chrono::duration_cast<std::chrono::seconds>(now - *last));
  });
  if (!account_wait) return Fail(account_wait.error());
  if (account_wait->count() > 0) {
    spdlog::warn("sign-in refused (account waits {} s) for {} from {} rid={}", account_wait->count(),
                 EscapeForLog(email), EscapeForLog(remote_address), request_id);
    return Fail(Error::TooManyRequests(N_("Too many failed sign-ins for this account. Please wait a moment and try again."))
                    .WithRetryAfter(static_cast<int>(account_wait->count())));
  }
  // …then the address's hourly count, taken in the same statement that adds this attempt.
  auto hour = std::chrono::floor<std::chrono::hours>(now);
  std::string window = UtcTimestamp(hour);
  auto attempts = database_.Write([&](soci::session& sql) -> Result<long long> {
    return store_.AddAttempt(sql, remote_address, window, UtcTimestamp(hour - std::chrono::hours(1)));
  });
  if (!attempts) return Fail(attempts.error());
  if (*attempts > policy_.attempts_per_address_per_hour) {
    auto wait = std::chrono::duration_cast<std::chrono::seconds>(hour + std::chrono::hours(1) - now);
    spdlog::warn("sign-in refused (address limit) for {} from {} rid={}", EscapeForLog(email),
                 EscapeForLog(remote_address), request_id);
    return Fail(Error::TooManyRequests(N_("Too many sign-in attempts from your network. Please try again later."))
                    .WithRetryAfter(static_cast<int>(std::max<long long>(1, wait.count()))));
  }
  return window;
}

Status AccountsService::ReturnAttempt(const std::string& remote_address, const std::string& window) {
  return database_.Write([&](soci::session& sql) -> Status {
    store_.ReturnAttempt(sql, remote_address, window);
    return {};
  });
}

Result<NewSession> AccountsService::SignIn(const std::string& email_input, const std::string& password,
                                           const std::string& remote_address, const std::string& request_id) {
  std::string email = NormalizeEmail(email_input).value_or(email_input.substr(0, 254));
  Actor anonymous = TerminalActor(request_id);
  // Limits first, so that a refused attempt costs no password hashing.
  auto window = CountAttempt(email, remote_address, request_id);
  if (!window) return Fail(window.error());

  auto found = database_.Read([&](soci::session& sql) -> Result<std::pair<std::optional<StoredUser>, bool>> {
    return std::pair(store_.FindUserByEmail(sql, email), db::GetSetting(sql, db::kDemoSetting) == "1");
  });
  if (!found) return Fail(found.error());
  const auto& [user, demo_database] = *found;
  bool accepted = false;
  std::string reason = "unknown email";
  if (user) {
    accepted = auth::VerifyPassword(password, user->password_hash);
    reason = accepted ? "" : "wrong password";
    if (accepted && user->user.disabled) accepted = false, reason = "disabled account";
    if (accepted && user->user.is_demo && !demo_database)
      accepted = false, reason = "demo account outside a demo database";
  } else {
    auth::SpendVerificationTime(password);
  }
  if (!accepted) {
    auto recorded = database_.Write([&](soci::session& sql) -> Status {
      store_.InsertFailure(sql, email, remote_address, NowUtc());
      audit::Record(sql, anonymous,
                    {"session.sign_in_failed", "user", user ? user->user.id.value() : 0, std::nullopt,
                     Json({{"email", email}, {"remote_address", remote_address}})});
      return {};
    });
    spdlog::warn("sign-in failed for {} from {}: {} rid={}", EscapeForLog(email), EscapeForLog(remote_address),
                 reason, request_id);
    if (!recorded) return Fail(recorded.error());
    return Fail(SignInRefused());
  }
  // The right password: the attempt does not count against the address.
  if (auto returned = ReturnAttempt(remote_address, *window); !returned) return Fail(returned.error());
  // Two-factor sign-in: no session yet, but a pending second-factor step (two_factor.cc).
  if (auto second_factor = BeginSecondFactor(*user, remote_address, request_id)) return std::move(*second_factor);
  std::string token = auth::NewToken();
  auto created = database_.Write([&](soci::session& sql) -> Status {
    std::string now = NowUtc();
    store_.InsertSession(sql, auth::HashToken(token), user->user.id, now,
                         Later(std::chrono::hours(policy_.absolute_hours)), remote_address);
    store_.TouchUser(sql, user->user.id, now);
    Actor actor(user->user.id, user->user.display_name, user->user.preferred_language, {});
    actor.SetRequestId(request_id);
    audit::Record(
        sql, actor,
        {"session.sign_in", "user", user->user.id.value(), std::nullopt, Json({{"remote_address", remote_address}})});
    return {};
  });
  if (!created) return Fail(created.error());
  spdlog::info("signed in: user {} from {} rid={}", user->user.id.value(), EscapeForLog(remote_address), request_id);
  return NewSession{token, user->user.id};
}

Result<auth::Actor> AccountsService::LoadActor(soci::session& sql, UserId user, const std::string& request_id) {
  auto stored = store_.FindUser(sql, user);
  if (!stored) return Fail(Error::Unauthenticated());
  auto grants = store_.GrantsOf(sql, user);
  bool withhold_admin_roles = TwoFactorRequired(sql, stored->user, grants) && !two_factor_store_.IsEnrolled(sql, user);
  Actor actor(user, stored->user.display_name, stored->user.preferred_language, std::move(grants));
  actor.SetRequestId(request_id);
  // An administrator without two-factor sign-in acts without the admin roles until enrolled.
  if (withhold_admin_roles) actor.WithholdAdminRoles();
  return actor;
}

Result<std::optional<auth::Actor>> AccountsService::AuthenticateSession(const std::string& token,
                                                                        const std::string& request_id) {
  if (token.size() != 43) return std::optional<Actor>();
  std::string hash = auth::HashToken(token);
  std::optional<StoredSession> session;
  auto actor = database_.Read([&](soci::session& sql) -> Result<std::optional<Actor>> {
    session = store_.FindSession(sql, hash, NowUtc());
    if (!session) return std::optional<Actor>();
    if (session->last_seen_at_utc < Ago(std::chrono::minutes(policy_.idle_minutes))) return std::optional<Actor>();
    auto loaded = LoadActor(sql, session->user, request_id);
    if (!loaded) return std::optional<Actor>();
    return std::optional<Actor>(std::move(*loaded));
  });
  if (!actor || !*actor) return actor;
  // Keep the session alive, writing at most once a minute.
  if (session->last_seen_at_utc < Ago(std::chrono::minutes(1))) {
    auto touched = database_.Write([&](soci::session& sql) -> Status {
      std::string now = NowUtc();
      store_.TouchSession(sql, session->id, now);
      store_.TouchUser(sql, session->user, now);
      return {};
    });
    if (!touched) spdlog::warn("could not record session activity: {}", touched.error().message());
  }
  return actor;
}

Result<std::optional<auth::Actor>> AccountsService::AuthenticateApiToken(const std::string& token,
                                                                         const std::string& request_id) {
  if (token.size() != 43) return std::optional<Actor>();
  std::string hash = auth::HashToken(token);
  std::optional<AccountsStore::StoredApiToken> owner;
  auto actor = database_.Read([&](soci::session& sql) -> Result<std::optional<Actor>> {
    owner = store_.FindApiToken(sql, hash, NowUtc());
    if (!owner) return std::optional<Actor>();
    auto loaded = LoadActor(sql, owner->user, request_id);
    if (!loaded) return std::optional<Actor>();
    loaded->ActThrough(owner->credential);
    return std::optional<Actor>(std::move(*loaded));
  });
  // "Last used", written at most once a minute: a syncing system may call many times a second.
  if (actor && *actor && owner->last_used_at_utc < Ago(std::chrono::minutes(1))) {
    auto touched = database_.Write([&](soci::session& sql) -> Status {
      store_.TouchApiToken(sql, owner->credential.id, NowUtc());
      return {};
    });
    if (!touched) spdlog::warn("could not record API token use: {}", touched.error().message());
  }
  return actor;
}

Status AccountsService::SignOut(const Actor& actor, const std::string& session_token) {
  std::string hash = auth::HashToken(session_token);
  return database_.Write([&](soci::session& sql) -> Status {
    std::string now = NowUtc();
    if (auto session = store_.FindSession(sql, hash, now)) {
      store_.RevokeSession(sql, session->id, now);
      audit::Record(sql, actor, {"session.sign_out", "user", actor.user().value(), std::nullopt, "{}"});
    }
    return {};
  });
}

Result<NewSession> AccountsService::ChangePassword(const Actor& actor, const std::string& current,
                                                   const std::string& password, const std::string& remote_address) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  auto stored = database_.Read(
      [&](soci::session& sql) -> Result<std::optional<StoredUser>> { return store_.FindUser(sql, actor.user()); });
  if (!stored) return Fail(stored.error());
  if (!*stored) return Fail(Error::Unauthenticated());
  const StoredUser& user = **stored;
  if (!auth::VerifyPassword(current, user.password_hash)) {
    spdlog::warn("password change refused for user {}: wrong current password rid={}", actor.user().value(),
                 actor.request_id());
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"current_password", N_("The current password is not correct.")}}));
  }
  if (auto errors = auth::CheckPasswordRules(password, user.user.email, user.user.display_name); !errors.empty()) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  }
  auto hash = auth::HashPassword(password);
  if (!hash) return Fail(hash.error());
  std::string token = auth::NewToken();
  auto changed = database_.Write([&](soci::session& sql) -> Status {
    std::string now = NowUtc();
    store_.SetPassword(sql, actor.user(), *hash);
    int revoked = store_.RevokeSessionsOf(sql, actor.user(), now);
    int tokens_revoked = store_.RevokeApiTokensOf(sql, actor.user(), now);
    store_.InsertSession(sql, auth::HashToken(token), actor.user(), now,
                         Later(std::chrono::hours(policy_.absolute_hours)), remote_address);
    audit::Record(sql, actor,
                  {"user.password", "user", actor.user().value(), std::nullopt,
                   Json({{"sessions_revoked", revoked}, {"api_tokens_revoked", tokens_revoked}})});
    return {};
  });
  if (!changed) return Fail(changed.error());
  return NewSession{token, actor.user()};
}

Status AccountsService::SetPreferences(const Actor& actor, const std::string& display_name,
                                       const std::string& language) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  std::vector<FieldError> errors;
  if (display_name.empty() || display_name.size() > 200) {
    errors.push_back({"display_name", N_("Enter a name of 1 to 200 characters.")});
  }
  if (!i18n::IsSupportedLanguage(language)) {
    errors.push_back({"preferred_language", N_("Choose English, French, Russian or Kazakh.")});
  }
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  return database_.Write([&](soci::session& sql) -> Status {
    store_.SetPreferences(sql, actor.user(), display_name, language);
    audit::Record(
        sql, actor,
        {"user.preferences", "user", actor.user().value(), std::nullopt, Json({{"preferred_language", language}})});
    return {};
  });
}

bool AccountsService::MayManage(const Actor& actor, soci::session& sql, UserId user) {
  return auth::Policy::ManageUser(actor, user, store_.ReachOf(sql, user)).has_value();
}

Result<Page<User>> AccountsService::ListUsers(const Actor& actor, const std::string& search, const PageRequest& page) {
  bool all = actor.IsPlatformAdmin();
  auto scope = actor.OrganizationsWhere(Role::kBarAdmin);
  if (!all && scope.empty()) return Fail(Error::PermissionDenied());
  std::string folded;
  for (unsigned char c : search) folded.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  return database_.Read(
      [&](soci::session& sql) -> Result<Page<User>> { return store_.ListUsers(sql, folded, all, scope, page); });
}

Result<User> AccountsService::GetUser(const Actor& actor, UserId user) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<User> {
    if (actor.user() != user && !MayManage(actor, sql, user)) return Fail(Error::NotFound());
    auto stored = store_.FindUser(sql, user);
    if (!stored) return Fail(Error::NotFound());
    return stored->user;
  });
}

Result<std::vector<GrantView>> AccountsService::GrantsOf(const Actor& actor, UserId user) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<std::vector<GrantView>> {
    if (actor.user() != user && !MayManage(actor, sql, user)) return Fail(Error::NotFound());
    if (!store_.FindUser(sql, user)) return Fail(Error::NotFound());
    return store_.GrantViewsOf(sql, user);
  });
}

namespace {

constexpr const char* kMayNotGrant = N_("You may not grant this role on this organization.");

// Bar admins grant and revoke what a bar admin is not; platform admins anything.
bool MayHandOut(const Actor& actor, Role role) {
  return actor.IsPlatformAdmin() || (role != Role::kPlatformAdmin && role != Role::kBarAdmin);
}

}  // namespace

Result<auth::RoleGrantId> AccountsService::Grant(const Actor& actor, UserId user, const std::string& role_key,
                                                 std::optional<OrganizationId> organization) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  auto role = auth::ParseRole(role_key);
  std::vector<FieldError> errors;
  if (!role) errors.push_back({"role", N_("Choose a role from the list.")});
  if (role && *role == Role::kPlatformAdmin && organization) {
    errors.push_back({"organization", N_("The platform admin role is held on no organization.")});
  }
  if (role && *role != Role::kPlatformAdmin && !organization) {
    errors.push_back({"organization", N_("Choose the organization the role is held on.")});
  }
  return database_.Write([&](soci::session& sql) -> Result<auth::RoleGrantId> {
    // A grant links a user and an organization: leave on both. A user out of the actor's reach
    // is not shown to exist, whatever was asked.
    if (!store_.FindUser(sql, user)) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "user", user.value()));
    auto user_permit = auth::Policy::ManageUser(actor, user, store_.ReachOf(sql, user));
    if (!user_permit) return Fail(user_permit.error());
    // Then leave on the organization named, before what else was sent is judged.
    auto invalid = [&] { return Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)); };
    std::optional<auth::Permit<OrganizationId>> organization_permit;
    if (organization) {
      // An organization the actor may not see is as unknown as one that does not exist.
      auto visibility = store_.OrganizationVisibility(sql, *organization);
      if (!visibility || !auth::Policy::MayView(actor, {*visibility, {*organization}, {}})) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"organization", N_("There is no such organization.")}}));
      }
      auto permit = auth::Policy::ActFor(actor, Role::kBarAdmin, *organization, *visibility, kMayNotGrant);
      if (!permit) return Fail(permit.error());
      organization_permit = *permit;
      if (!errors.empty()) return Fail(invalid());
    } else {
      if (!errors.empty()) return Fail(invalid());
      auto permit = auth::Policy::ForPlatform(actor, kMayNotGrant);
      if (!permit) return Fail(permit.error());
      organization_permit = *permit;
    }
    if (!MayHandOut(actor, *role)) {
      return Fail(auth::Policy::Refuse(actor, Error::PermissionDenied(kMayNotGrant), "user", user.value()));
    }
    if (auto existing = store_.FindActiveGrant(sql, user, *role, organization)) return *existing;
    auto grant = store_.InsertGrant(sql, *user_permit, *organization_permit, *role, actor.user(), NowUtc());
    audit::Record(sql, actor,
                  {"role.grant", "role_grant", grant.value(), organization,
                   Json({{"user_id", user.value()}, {"role", role_key}})});
    spdlog::info("role granted: {} on organization {} to user {} by user {} rid={}", role_key,
                 organization ? organization->value() : 0, user.value(), actor.user().value(), actor.request_id());
    return grant;
  });
}

Status AccountsService::Revoke(const Actor& actor, auth::RoleGrantId grant_id) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Status {
    auto grant = store_.FindGrant(sql, grant_id);
    if (!grant) return Fail(Error::NotFound());
    // A grant of a user out of the actor's reach is not shown to exist.
    if (!auth::Policy::ManageUser(actor, grant->user, store_.ReachOf(sql, grant->user))) {
      return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "role grant", grant_id.value()));
    }
    std::vector<OrganizationId> owners;
    if (grant->organization) owners.push_back(*grant->organization);
    auto permit = auth::Policy::Change(actor, Role::kBarAdmin, "role grant", grant_id,
                                       {auth::Visibility::kPublic, owners, {}}, N_("You may not revoke this role."));
    if (!permit) return Fail(permit.error());
    if (!MayHandOut(actor, grant->role)) {
      return Fail(auth::Policy::Refuse(actor, Error::PermissionDenied(N_("You may not revoke this role.")),
                                       "role grant", grant_id.value()));
    }
    store_.RevokeGrant(sql, *permit, actor.user(), NowUtc());
    audit::Record(sql, actor,
                  {"role.revoke", "role_grant", grant_id.value(), grant->organization,
                   Json({{"user_id", grant->user.value()}, {"role", auth::RoleKey(grant->role)}})});
    spdlog::info("role revoked: grant {} by user {} rid={}", grant_id.value(), actor.user().value(),
                 actor.request_id());
    return {};
  });
}

Status AccountsService::LinkPerson(const Actor& actor, UserId user, const std::string& person_slug) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Status {
    if (!store_.FindUser(sql, user)) return Fail(auth::Policy::Refuse(actor, Error::NotFound(), "user", user.value()));
    auto user_permit = auth::Policy::ManageUser(actor, user, store_.ReachOf(sql, user));
    if (!user_permit) return Fail(user_permit.error());
    if (actor.user() == user) {
      return Fail(auth::Policy::Refuse(
          actor,
          Error::PermissionDenied(N_("You may not link your own account to a person: ask an administrator of "
                                     "the person's bar.")),
          "user", user.value()));
    }
    std::optional<auth::Permit<PersonId>> person_permit;
    std::string linked = person_slug;
    if (!person_slug.empty()) {
      auto person = store_.FindPerson(sql, person_slug);
      if (!person) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"person", N_("There is no such person in the directory.")}}));
      }
      auto permit =
          auth::Policy::Change(actor, Role::kBarAdmin, "person", person->id,
                               {auth::Visibility::kPublic, person->organizations, {}},
                               N_("Only the administrators of this person's bars may link them to an account."));
      if (!permit) return Fail(permit.error());
      if (person->linked_user && *person->linked_user != user) {
        return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                           {{"person", N_("This person is already linked to another account.")}}));
      }
      person_permit = *permit;
    }
    store_.LinkPerson(sql, *user_permit, person_permit);
    audit::Record(sql, actor,
                  {"user.person_link", "user", user.value(), std::nullopt,
                   Json({{"person", linked.empty() ? nlohmann::json(nullptr) : nlohmann::json(linked)}})});
    return {};
  });
}

Result<std::string> AccountsService::LinkedPerson(const Actor& actor, UserId user) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<std::string> {
    if (actor.user() != user && !MayManage(actor, sql, user)) return Fail(Error::NotFound());
    if (!store_.FindUser(sql, user)) return Fail(Error::NotFound());
    return store_.LinkedPersonSlug(sql, user).value_or("");
  });
}

Result<std::pair<ApiToken, std::string>> AccountsService::CreateApiToken(const Actor& actor,
                                                                         const NewApiToken& request) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  std::vector<FieldError> errors;
  std::string name(TrimSpaces(request.name));
  if (name.empty() || name.size() > 100) {
    errors.push_back({"name", N_("Name the token (1 to 100 characters), e.g. after the system that uses it.")});
  }
  auto scope = auth::ParseTokenScope(request.scope);
  if (!scope) {
    errors.push_back({"scope", N_("Choose what the token may do: read, write, or administer.")});
  } else if (actor.token() && !auth::Covers(actor.token()->scope, *scope)) {
    errors.push_back({"scope", N_("A token cannot make a token that may do more than itself.")});
  } else if (*scope == auth::TokenScope::kAdmin && !actor.HoldsAnywhere(Role::kBarAdmin)) {
    errors.push_back({"scope", N_("Only administrators can make a token that administers.")});
  }
  if (request.expires_in_days < 1 || request.expires_in_days > kMaxTokenDays) {
    errors.push_back({"expires_in_days", N_("A token lasts from 1 to 365 days.")});
  }
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));

  ApiToken created{.name = name, .scope = *scope, .created_at_utc = NowUtc(),
                   .expires_at_utc = Later(std::chrono::days(request.expires_in_days))};
  // A token's token lives no longer than the one that made it.
  if (actor.token() && actor.token()->expires_at_utc < created.expires_at_utc) {
    created.expires_at_utc = actor.token()->expires_at_utc;
  }
  std::string token = auth::NewToken();
  return database_.Write([&](soci::session& sql) -> Result<std::pair<ApiToken, std::string>> {
    created.id = store_.InsertApiToken(sql, actor.user(), created, auth::HashToken(token));
    audit::Record(sql, actor,
                  {"api_token.create", "api_token", created.id, std::nullopt,
                   Json({{"name", name},
                         {"scope", auth::TokenScopeKey(created.scope)},
                         {"expires_at", created.expires_at_utc},
                         {"by_token", actor.token() ? nlohmann::json(actor.token()->id) : nlohmann::json(nullptr)}})});
    return std::pair(created, token);
  });
}

Result<std::vector<ApiToken>> AccountsService::ApiTokens(const Actor& actor) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read(
      [&](soci::session& sql) -> Result<std::vector<ApiToken>> { return store_.ApiTokensOf(sql, actor.user()); });
}

Status AccountsService::RevokeApiToken(const Actor& actor, long long token) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Write([&](soci::session& sql) -> Status {
    // Another user's token is not found: ids of others' records reveal nothing.
    if (!store_.RevokeApiToken(sql, actor.user(), token, NowUtc())) return Fail(Error::NotFound());
    audit::Record(sql, actor, {"api_token.revoke", "api_token", token, std::nullopt, "{}"});
    return {};
  });
}

Result<Page<audit::LoggedEntry>> AccountsService::SearchAudit(const Actor& actor, const audit::Filter& filter,
                                                              const PageRequest& page) {
  audit::Filter scoped = filter;
  if (!actor.IsPlatformAdmin()) {
    auto scope = actor.OrganizationsWhere(Role::kBarAdmin);
    if (scope.empty()) return Fail(Error::PermissionDenied());
    std::vector<long long> ids;
    for (auto id : scope) ids.push_back(id.value());
    scoped.organizations = std::move(ids);
  }
  return database_.Read(
      [&](soci::session& sql) -> Result<Page<audit::LoggedEntry>> { return audit::Search(sql, scoped, page); });
}

}  // namespace entente::accounts
