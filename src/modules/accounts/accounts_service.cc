#include "modules/accounts/accounts_service.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "core/auth/secrets.h"
#include "core/base/json_text.h"
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

// The same answer for every way a sign-in can fail (docs/SECURITY.md 2).
Error SignInRefused() { return Error::Unauthenticated(N_("The email or password is not correct.")); }

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
  long long delay =
      doublings >= 30 ? policy.max_delay_seconds : std::min<long long>(policy.max_delay_seconds, 1LL << doublings);
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
    UserId id = store_.InsertUser(sql, user, *hash, AccountKind::kReal);
    auto grant = store_.InsertGrant(sql, *auth::Policy::AsSystem(actor, "user", id), *auth::Policy::ForPlatform(actor),
                                    Role::kPlatformAdmin, UserId(), NowUtc());
    audit::Record(sql, actor, {"user.create", "user", id.value(), std::nullopt, JsonText({{"email", user.email}})});
    audit::Record(sql, actor,
                  {"role.grant", "role_grant", grant.value(), std::nullopt,
                   JsonText({{"user_id", id.value()}, {"role", "platform_admin"}})});
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
    audit::Record(
        sql, actor,
        {"user.password", "user", user.id.value(), std::nullopt,
         JsonText({{"sessions_revoked", revoked}, {"api_tokens_revoked", tokens_revoked}, {"by", "terminal"}})});
    return {};
  });
}

Result<std::vector<User>> AccountsService::ListAllUsers() {
  return database_.Read([&](soci::session& sql) -> Result<std::vector<User>> {
    return store_.ListUsers(sql, "", std::nullopt, PageRequest{1, 100000}).items;
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
      id = store_.InsertUser(sql, user, *hash, AccountKind::kDemo);
      audit::Record(
          sql, actor,
          {"user.create", "user", id.value(), std::nullopt, JsonText({{"email", user.email}, {"demo", true}})});
    }
    for (const auto& [role, slug] : roles) {
      std::optional<OrganizationId> organization;
      if (!slug.empty()) {
        organization = store_.OrganizationBySlug(sql, slug);
        if (!organization) return Fail(Error::Internal("demo account: no organization " + slug));
      }
      if (store_.FindActiveGrant(sql, id, role, organization)) continue;
      auto grant =
          store_.InsertGrant(sql, *auth::Policy::AsSystem(actor, "user", id),
                             *auth::Policy::AsSystem(actor, "organization", organization.value_or(OrganizationId())),
                             role, UserId(), NowUtc());
      audit::Record(sql, actor,
                    {"role.grant", "role_grant", grant.value(), organization,
                     JsonText({{"user_id", id.value()}, {"role", auth::RoleKey(role)}})});
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
    return Fail(
        Error::TooManyRequests(N_("Too many failed sign-ins for this account. Please wait a moment and try again."))
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
                     JsonText({{"email", email}, {"remote_address", remote_address}})});
      return {};
    });
    spdlog::warn("sign-in failed for {} from {}: {} rid={}", EscapeForLog(email), EscapeForLog(remote_address), reason,
                 request_id);
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
                         UtcFromNow(std::chrono::hours(policy_.absolute_hours)), remote_address);
    store_.TouchUser(sql, user->user.id, now);
    Actor actor(user->user.id, user->user.display_name, user->user.preferred_language, {});
    actor.SetRequestId(request_id);
    audit::Record(sql, actor,
                  {"session.sign_in", "user", user->user.id.value(), std::nullopt,
                   JsonText({{"remote_address", remote_address}})});
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
    if (session->last_seen_at_utc < UtcFromNow(-std::chrono::minutes(policy_.idle_minutes)))
      return std::optional<Actor>();
    auto loaded = LoadActor(sql, session->user, request_id);
    if (!loaded) return std::optional<Actor>();
    return std::optional<Actor>(std::move(*loaded));
  });
  if (!actor || !*actor) return actor;
  // Keep the session alive, writing at most once a minute.
  if (session->last_seen_at_utc < UtcFromNow(-std::chrono::minutes(1))) {
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
  if (actor && *actor && owner->last_used_at_utc < UtcFromNow(-std::chrono::minutes(1))) {
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
                         UtcFromNow(std::chrono::hours(policy_.absolute_hours)), remote_address);
    audit::Record(sql, actor,
                  {"user.password", "user", actor.user().value(), std::nullopt,
                   JsonText({{"sessions_revoked", revoked}, {"api_tokens_revoked", tokens_revoked}})});
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
        {"user.preferences", "user", actor.user().value(), std::nullopt, JsonText({{"preferred_language", language}})});
    return {};
  });
}

}  // namespace entente::accounts
