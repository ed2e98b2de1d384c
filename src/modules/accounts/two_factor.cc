// Two-factor sign-in (TOTP, RFC 6238): AccountsService's operations for it. Kept apart from
// accounts_service.cc so that SignIn and LoadActor only call in here.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/auth/secrets.h"
#include "core/base/json_text.h"
#include "core/base/log_text.h"
#include "core/base/messages.h"
#include "core/base/time.h"
#include "core/db/settings.h"
#include "modules/accounts/accounts_service.h"
#include "modules/accounts/totp.h"

namespace entente::accounts {
namespace {

using auth::Actor;
using auth::Role;

constexpr auto kChallengeLifetime = std::chrono::minutes(5);
constexpr const char* kIssuer = "Entente";

Error CodeError(const char* message) {
  return Error::InvalidArgument(N_("Please correct the fields below."), {{"code", message}});
}
Error ChallengeExpired() {
  return Error::Unauthenticated(N_("This sign-in has expired or is not valid. Please sign in again."));
}
constexpr const char* kEnterCode = N_("Enter the 6-digit code from your authenticator app.");
constexpr const char* kWrongCode = N_("This code is not correct, or it has already been used.");

std::vector<std::string> NewRecoveryCodes(std::vector<std::string>& hashes) {
  std::vector<std::string> codes;
  hashes.clear();
  for (int i = 0; i < totp::kRecoveryCodeCount; ++i) {
    codes.push_back(totp::NewRecoveryCode());
    hashes.push_back(auth::HashToken(totp::NormalizeRecoveryCode(codes.back())));
  }
  return codes;
}

bool Blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

bool AccountsService::TwoFactorRequired(soci::session& sql, const User& user,
                                        const std::vector<auth::RoleGrant>& grants) {
  bool admin = std::any_of(grants.begin(), grants.end(), [](const auth::RoleGrant& grant) {
    return grant.role == Role::kPlatformAdmin || grant.role == Role::kBarAdmin;
  });
  if (!admin) return false;
  // Demo accounts in a demo database are exempt: their passwords are published anyway.
  if (user.is_demo && db::GetSetting(sql, db::kDemoSetting) == "1") return false;
  return true;
}

std::optional<Result<NewSession>> AccountsService::BeginSecondFactor(const StoredUser& user,
                                                                     const std::string& remote_address,
                                                                     const std::string& request_id) {
  auto enrolled = database_.Read(
      [&](soci::session& sql) -> Result<bool> { return two_factor_store_.IsEnrolled(sql, user.user.id); });
  if (!enrolled) return Result<NewSession>(Fail(enrolled.error()));
  if (!*enrolled) return std::nullopt;
  std::string token = auth::NewToken();
  auto created = database_.Write([&](soci::session& sql) -> Status {
    two_factor_store_.InsertChallenge(sql, auth::HashToken(token), user.user.id, NowUtc(),
                                      UtcFromNow(kChallengeLifetime), remote_address);
    return {};
  });
  if (!created) return Result<NewSession>(Fail(created.error()));
  spdlog::info("password accepted, second factor pending: user {} from {} rid={}", user.user.id.value(),
               EscapeForLog(remote_address), request_id);
  return Result<NewSession>(NewSession{token, user.user.id, /*second_factor_required=*/true});
}

Result<bool> AccountsService::SignInChallengeOpen(const std::string& challenge_token) {
  if (challenge_token.size() != 43) return false;
  return database_.Read([&](soci::session& sql) -> Result<bool> {
    return two_factor_store_.FindChallenge(sql, auth::HashToken(challenge_token), NowUtc()).has_value();
  });
}

Result<NewSession> AccountsService::CompleteSignIn(const std::string& challenge_token, const std::string& code,
                                                   const std::string& remote_address, const std::string& request_id) {
  if (challenge_token.size() != 43) return Fail(ChallengeExpired());
  std::string challenge_hash = auth::HashToken(challenge_token);
  struct Found {
    StoredChallenge challenge;
    StoredUser user;
  };
  auto found = database_.Read([&](soci::session& sql) -> Result<std::optional<Found>> {
    auto challenge = two_factor_store_.FindChallenge(sql, challenge_hash, NowUtc());
    if (!challenge) return std::optional<Found>();
    auto user = store_.FindUser(sql, challenge->user);
    if (!user) return std::optional<Found>();
    return std::optional<Found>(Found{*challenge, *user});
  });
  if (!found) return Fail(found.error());
  if (!*found) return Fail(ChallengeExpired());
  const User& user = (*found)->user.user;
  // The limits of password sign-ins, on the same failures and attempts.
  auto window = CountAttempt(user.email, remote_address, request_id);
  if (!window) return Fail(window.error());
  if (Blank(code)) return Fail(CodeError(kEnterCode));

  bool recovery = totp::LooksLikeRecoveryCode(code);
  std::string session_token = auth::NewToken();
  Actor actor(user.id, user.display_name, user.preferred_language, {});
  actor.SetRequestId(request_id);
  auto accepted = database_.Write([&](soci::session& sql) -> Result<bool> {
    std::string now = NowUtc();
    // Again inside the transaction: two requests cannot both finish one step.
    auto challenge = two_factor_store_.FindChallenge(sql, challenge_hash, now);
    if (!challenge) return Fail(ChallengeExpired());
    bool ok = false;
    if (recovery) {
      ok = two_factor_store_.UseRecoveryCode(sql, user.id, auth::HashToken(totp::NormalizeRecoveryCode(code)), now);
      if (ok) {
        audit::Record(sql, actor,
                      {"two_factor.recovery_used", "user", user.id.value(), std::nullopt,
                       JsonText({{"recovery_codes_left", two_factor_store_.RecoveryCodesLeft(sql, user.id)}})});
      }
    } else if (auto stored = two_factor_store_.Find(sql, user.id); stored && !stored->secret_base32.empty()) {
      auto step = totp::Check(stored->secret_base32, code, std::time(nullptr), stored->last_time_step);
      ok = step && two_factor_store_.AdvanceStep(sql, user.id, *step);
    }
    if (!ok) {
      store_.InsertFailure(sql, user.email, remote_address, now);
      audit::Record(sql, Actor::System(request_id),
                    {"session.sign_in_failed", "user", user.id.value(), std::nullopt,
                     JsonText({{"email", user.email}, {"remote_address", remote_address}, {"step", "second_factor"}})});
      return false;
    }
    two_factor_store_.EndChallenge(sql, challenge->id, now);
    store_.ReturnAttempt(sql, remote_address, *window);
    store_.InsertSession(sql, auth::HashToken(session_token), user.id, now,
                         UtcFromNow(std::chrono::hours(policy_.absolute_hours)), remote_address);
    store_.TouchUser(sql, user.id, now);
    audit::Record(
        sql, actor,
        {"session.sign_in", "user", user.id.value(), std::nullopt,
         JsonText({{"remote_address", remote_address}, {"second_factor", recovery ? "recovery_code" : "totp"}})});
    return true;
  });
  if (!accepted) return Fail(accepted.error());
  if (!*accepted) {
    spdlog::warn("sign-in failed for user {} from {}: wrong second factor rid={}", user.id.value(),
                 EscapeForLog(remote_address), request_id);
    return Fail(CodeError(kWrongCode));
  }
  spdlog::info("signed in with a second factor ({}): user {} from {} rid={}", recovery ? "recovery code" : "code",
               user.id.value(), EscapeForLog(remote_address), request_id);
  return NewSession{session_token, user.id};
}

Result<TwoFactorStatus> AccountsService::TwoFactorStatusOf(const Actor& actor) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<TwoFactorStatus> {
    auto user = store_.FindUser(sql, actor.user());
    if (!user) return Fail(Error::Unauthenticated());
    TwoFactorStatus status;
    status.required = TwoFactorRequired(sql, user->user, store_.GrantsOf(sql, actor.user()));
    if (auto stored = two_factor_store_.Find(sql, actor.user())) {
      status.enrolled = !stored->secret_base32.empty();
      status.enrolled_at_utc = stored->confirmed_at_utc;
      status.pending = !stored->pending_secret_base32.empty();
    }
    if (status.enrolled) status.recovery_codes_left = two_factor_store_.RecoveryCodesLeft(sql, actor.user());
    return status;
  });
}

Result<TwoFactorEnrolment> AccountsService::StartTwoFactorEnrolment(const Actor& actor,
                                                                    const std::string& current_password) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  auto found = database_.Read([&](soci::session& sql) -> Result<std::pair<std::optional<StoredUser>, bool>> {
    return std::pair(store_.FindUser(sql, actor.user()), two_factor_store_.IsEnrolled(sql, actor.user()));
  });
  if (!found) return Fail(found.error());
  const auto& [user, enrolled] = *found;
  if (!user) return Fail(Error::Unauthenticated());
  if (enrolled && !auth::VerifyPassword(current_password, user->password_hash)) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"current_password", N_("The current password is not correct.")}}));
  }
  std::string secret = totp::NewSecretBase32();
  return database_.Write([&](soci::session& sql) -> Result<TwoFactorEnrolment> {
    two_factor_store_.SetPending(sql, actor.user(), secret, NowUtc());
    audit::Record(
        sql, actor,
        {"two_factor.enrol", "user", actor.user().value(), std::nullopt, JsonText({{"re_enrolment", enrolled}})});
    return TwoFactorEnrolment{secret, totp::OtpauthUri(kIssuer, user->user.email, secret)};
  });
}

Result<TwoFactorEnrolment> AccountsService::PendingTwoFactorEnrolment(const Actor& actor) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  return database_.Read([&](soci::session& sql) -> Result<TwoFactorEnrolment> {
    auto user = store_.FindUser(sql, actor.user());
    auto stored = two_factor_store_.Find(sql, actor.user());
    if (!user || !stored || stored->pending_secret_base32.empty()) return Fail(Error::NotFound());
    return TwoFactorEnrolment{stored->pending_secret_base32,
                              totp::OtpauthUri(kIssuer, user->user.email, stored->pending_secret_base32)};
  });
}

Result<std::vector<std::string>> AccountsService::ConfirmTwoFactor(const Actor& actor, const std::string& code) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  if (Blank(code)) return Fail(CodeError(kEnterCode));
  std::vector<std::string> hashes;
  std::vector<std::string> codes = NewRecoveryCodes(hashes);
  auto confirmed = database_.Write([&](soci::session& sql) -> Result<std::vector<std::string>> {
    auto stored = two_factor_store_.Find(sql, actor.user());
    if (!stored || stored->pending_secret_base32.empty()) {
      return Fail(CodeError(N_("No set-up is waiting for a code: start the set-up again.")));
    }
    auto step = totp::Check(stored->pending_secret_base32, code, std::time(nullptr), std::nullopt);
    if (!step) return Fail(CodeError(kWrongCode));
    std::string now = NowUtc();
    two_factor_store_.Confirm(sql, actor.user(), *step, now);
    two_factor_store_.ReplaceRecoveryCodes(sql, actor.user(), hashes, now);
    audit::Record(sql, actor,
                  {"two_factor.confirm", "user", actor.user().value(), std::nullopt,
                   JsonText({{"recovery_codes", totp::kRecoveryCodeCount}})});
    return codes;
  });
  if (confirmed) spdlog::info("two-factor sign-in confirmed: user {} rid={}", actor.user().value(), actor.request_id());
  return confirmed;
}

Status AccountsService::RemoveTwoFactor(const Actor& actor, const std::string& password, const std::string& code) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  auto stored = database_.Read([&](soci::session& sql) -> Result<std::pair<std::optional<StoredUser>, bool>> {
    auto user = store_.FindUser(sql, actor.user());
    bool required = user && TwoFactorRequired(sql, user->user, store_.GrantsOf(sql, actor.user()));
    return std::pair(user, required);
  });
  if (!stored) return Fail(stored.error());
  if (!stored->first) return Fail(Error::Unauthenticated());
  if (stored->second) {
    return Fail(auth::Policy::Refuse(
        actor,
        Error::PermissionDenied(N_("Two-factor sign-in is required for administrators: you may set it up again "
                                   "with a new device, but not turn it off.")),
        "user", actor.user().value()));
  }
  std::vector<FieldError> errors;
  if (!auth::VerifyPassword(password, stored->first->password_hash)) {
    errors.push_back({"current_password", N_("The current password is not correct.")});
  }
  if (Blank(code)) errors.push_back({"code", kEnterCode});
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the fields below."), std::move(errors)));
  return database_.Write([&](soci::session& sql) -> Status {
    auto current = two_factor_store_.Find(sql, actor.user());
    if (!current || current->secret_base32.empty()) {
      return Fail(CodeError(N_("Two-factor sign-in is not set up for your account.")));
    }
    auto step = totp::Check(current->secret_base32, code, std::time(nullptr), current->last_time_step);
    if (!step || !two_factor_store_.AdvanceStep(sql, actor.user(), *step)) return Fail(CodeError(kWrongCode));
    two_factor_store_.Remove(sql, actor.user());
    audit::Record(sql, actor, {"two_factor.remove", "user", actor.user().value(), std::nullopt, "{}"});
    return {};
  });
}

Result<std::vector<std::string>> AccountsService::RegenerateRecoveryCodes(const Actor& actor, const std::string& code) {
  if (!actor.signed_in()) return Fail(Error::Unauthenticated());
  if (Blank(code)) return Fail(CodeError(kEnterCode));
  std::vector<std::string> hashes;
  std::vector<std::string> codes = NewRecoveryCodes(hashes);
  return database_.Write([&](soci::session& sql) -> Result<std::vector<std::string>> {
    auto current = two_factor_store_.Find(sql, actor.user());
    if (!current || current->secret_base32.empty()) {
      return Fail(CodeError(N_("Two-factor sign-in is not set up for your account.")));
    }
    auto step = totp::Check(current->secret_base32, code, std::time(nullptr), current->last_time_step);
    if (!step || !two_factor_store_.AdvanceStep(sql, actor.user(), *step)) return Fail(CodeError(kWrongCode));
    two_factor_store_.ReplaceRecoveryCodes(sql, actor.user(), hashes, NowUtc());
    audit::Record(sql, actor,
                  {"two_factor.recovery_codes", "user", actor.user().value(), std::nullopt,
                   JsonText({{"recovery_codes", totp::kRecoveryCodeCount}})});
    return codes;
  });
}

Status AccountsService::ResetTwoFactorFromTerminal(const std::string& email, const std::string& request_id) {
  auto normalized = NormalizeEmail(email);
  if (!normalized) return Fail(Error::NotFound(N_("There is no user with this email.")));
  Actor actor = Actor::System(request_id);
  return database_.Write([&](soci::session& sql) -> Status {
    auto user = store_.FindUserByEmail(sql, *normalized);
    if (!user) return Fail(Error::NotFound(N_("There is no user with this email.")));
    bool enrolled = two_factor_store_.IsEnrolled(sql, user->user.id);
    two_factor_store_.Remove(sql, user->user.id);
    int revoked = store_.RevokeSessionsOf(sql, user->user.id, NowUtc());
    audit::Record(sql, actor,
                  {"two_factor.reset", "user", user->user.id.value(), std::nullopt,
                   JsonText({{"by", "terminal"}, {"was_enrolled", enrolled}, {"sessions_revoked", revoked}})});
    spdlog::info("two-factor sign-in reset for user {} ({} sessions signed out) rid={}", user->user.id.value(), revoked,
                 request_id);
    return {};
  });
}

}  // namespace entente::accounts
