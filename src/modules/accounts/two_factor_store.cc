#include "modules/accounts/two_factor_store.h"

namespace entente::accounts {

std::optional<StoredTwoFactor> TwoFactorStore::Find(soci::session& sql, UserId user) const {
  long long user_id = user.value();
  StoredTwoFactor stored;
  long long step = 0;
  soci::indicator step_indicator = soci::i_null;
  sql << "SELECT COALESCE(secret_base32, ''), COALESCE(confirmed_at_utc, ''), last_time_step, "
         "COALESCE(pending_secret_base32, '') FROM two_factor WHERE user_id = :user",
      soci::use(user_id), soci::into(stored.secret_base32), soci::into(stored.confirmed_at_utc),
      soci::into(step, step_indicator), soci::into(stored.pending_secret_base32);
  if (!sql.got_data()) return std::nullopt;
  if (step_indicator == soci::i_ok) stored.last_time_step = step;
  return stored;
}

bool TwoFactorStore::IsEnrolled(soci::session& sql, UserId user) const {
  long long user_id = user.value();
  long long count = 0;
  sql << "SELECT COUNT(*) FROM two_factor WHERE user_id = :user AND secret_base32 IS NOT NULL", soci::use(user_id),
      soci::into(count);
  return count > 0;
}

void TwoFactorStore::SetPending(soci::session& sql, UserId user, const std::string& secret_base32,
                                const std::string& now) const {
  long long user_id = user.value();
  sql << "INSERT INTO two_factor (user_id, pending_secret_base32, pending_created_at_utc) "
         "VALUES (:user, :secret, :now) "
         "ON CONFLICT (user_id) DO UPDATE SET pending_secret_base32 = excluded.pending_secret_base32, "
         "pending_created_at_utc = excluded.pending_created_at_utc",
      soci::use(user_id), soci::use(secret_base32), soci::use(now);
}

void TwoFactorStore::Confirm(soci::session& sql, UserId user, std::int64_t step, const std::string& now) const {
  long long user_id = user.value();
  long long accepted = step;
  sql << "UPDATE two_factor SET secret_base32 = pending_secret_base32, confirmed_at_utc = :now, "
         "last_time_step = :step, pending_secret_base32 = NULL, pending_created_at_utc = NULL "
         "WHERE user_id = :user AND pending_secret_base32 IS NOT NULL",
      soci::use(now), soci::use(accepted), soci::use(user_id);
}

bool TwoFactorStore::AdvanceStep(soci::session& sql, UserId user, std::int64_t step) const {
  long long user_id = user.value();
  long long accepted = step;
  soci::statement statement =
      (sql.prepare << "UPDATE two_factor SET last_time_step = :step WHERE user_id = :user "
                      "AND secret_base32 IS NOT NULL AND (last_time_step IS NULL OR last_time_step < :later)",
       soci::use(accepted), soci::use(user_id), soci::use(accepted));
  statement.execute(true);
  return statement.get_affected_rows() > 0;
}

void TwoFactorStore::Remove(soci::session& sql, UserId user) const {
  long long user_id = user.value();
  sql << "DELETE FROM two_factor_recovery_codes WHERE user_id = :user", soci::use(user_id);
  sql << "DELETE FROM two_factor_challenges WHERE user_id = :user", soci::use(user_id);
  sql << "DELETE FROM two_factor WHERE user_id = :user", soci::use(user_id);
}

void TwoFactorStore::ReplaceRecoveryCodes(soci::session& sql, UserId user, const std::vector<std::string>& code_hashes,
                                          const std::string& now) const {
  long long user_id = user.value();
  sql << "DELETE FROM two_factor_recovery_codes WHERE user_id = :user", soci::use(user_id);
  for (const auto& hash : code_hashes) {
    sql << "INSERT INTO two_factor_recovery_codes (user_id, code_hash, created_at_utc) VALUES (:user, :hash, :now)",
        soci::use(user_id), soci::use(hash), soci::use(now);
  }
}

bool TwoFactorStore::UseRecoveryCode(soci::session& sql, UserId user, const std::string& code_hash,
                                     const std::string& now) const {
  long long user_id = user.value();
  soci::statement statement = (sql.prepare << "UPDATE two_factor_recovery_codes SET used_at_utc = :now "
                                              "WHERE user_id = :user AND code_hash = :hash AND used_at_utc IS NULL",
                               soci::use(now), soci::use(user_id), soci::use(code_hash));
  statement.execute(true);
  return statement.get_affected_rows() > 0;
}

int TwoFactorStore::RecoveryCodesLeft(soci::session& sql, UserId user) const {
  long long user_id = user.value();
  long long count = 0;
  sql << "SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = :user AND used_at_utc IS NULL",
      soci::use(user_id), soci::into(count);
  return static_cast<int>(count);
}

void TwoFactorStore::InsertChallenge(soci::session& sql, const std::string& token_hash, UserId user,
                                     const std::string& now, const std::string& expires_at,
                                     const std::string& remote_address) const {
  long long user_id = user.value();
  sql << "INSERT INTO two_factor_challenges (token_hash, user_id, created_at_utc, expires_at_utc, remote_address) "
         "VALUES (:hash, :user, :now, :expires, :address)",
      soci::use(token_hash), soci::use(user_id), soci::use(now), soci::use(expires_at), soci::use(remote_address);
}

std::optional<StoredChallenge> TwoFactorStore::FindChallenge(soci::session& sql, const std::string& token_hash,
                                                             const std::string& now) const {
  StoredChallenge challenge;
  long long user = 0;
  sql << "SELECT c.id, c.user_id FROM two_factor_challenges c JOIN users u ON u.id = c.user_id "
         "WHERE c.token_hash = :hash AND c.used_at_utc IS NULL AND c.expires_at_utc > :now AND u.disabled = 0",
      soci::use(token_hash), soci::use(now), soci::into(challenge.id), soci::into(user);
  if (!sql.got_data()) return std::nullopt;
  challenge.user = UserId(user);
  return challenge;
}

void TwoFactorStore::EndChallenge(soci::session& sql, long long challenge, const std::string& now) const {
  sql << "UPDATE two_factor_challenges SET used_at_utc = :now WHERE id = :id", soci::use(now), soci::use(challenge);
}

}  // namespace entente::accounts
