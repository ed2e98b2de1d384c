#pragma once
// The only place with SQL for two-factor sign-in: TOTP secrets (confirmed and pending), the last
// accepted time step, recovery codes (hashes only) and pending second-factor steps at sign-in.
// Functions take the session of a Database::Read or Write call and throw soci errors.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/ids.h"

namespace entente::accounts {

struct StoredTwoFactor {
  std::string secret_base32;  // empty when not enrolled
  std::string confirmed_at_utc;
  std::optional<std::int64_t> last_time_step;
  std::string pending_secret_base32;  // empty when no enrolment waits for its first code
};

struct StoredChallenge {
  long long id = 0;
  UserId user;
};

class TwoFactorStore {
 public:
  std::optional<StoredTwoFactor> Find(soci::session& sql, UserId user) const;
  // Whether the user has a confirmed secret (one query, for every authenticated request of an
  // admin).
  bool IsEnrolled(soci::session& sql, UserId user) const;
  // Starts (or restarts) an enrolment: the pending secret, the confirmed one left in force.
  void SetPending(soci::session& sql, UserId user, const std::string& secret_base32, const std::string& now) const;
  // The pending secret becomes the one in force, with `step` as its last accepted step.
  void Confirm(soci::session& sql, UserId user, std::int64_t step, const std::string& now) const;
  // Records `step` as accepted unless a step at or after it already was: false for a replay,
  // decided inside the write transaction so that two requests cannot both use one code.
  bool AdvanceStep(soci::session& sql, UserId user, std::int64_t step) const;
  // Forgets the secrets, the recovery codes and the pending sign-in steps of the user.
  void Remove(soci::session& sql, UserId user) const;

  // Recovery codes: every earlier code of the user deleted, these hashes stored.
  void ReplaceRecoveryCodes(soci::session& sql, UserId user, const std::vector<std::string>& code_hashes,
                            const std::string& now) const;
  // Marks an unused code of the user as used; false when there is none with that hash.
  bool UseRecoveryCode(soci::session& sql, UserId user, const std::string& code_hash, const std::string& now) const;
  int RecoveryCodesLeft(soci::session& sql, UserId user) const;

  // Pending second-factor steps of a sign-in.
  void InsertChallenge(soci::session& sql, const std::string& token_hash, UserId user, const std::string& now,
                       const std::string& expires_at, const std::string& remote_address) const;
  // A step neither used nor expired.
  std::optional<StoredChallenge> FindChallenge(soci::session& sql, const std::string& token_hash,
                                               const std::string& now) const;
  void EndChallenge(soci::session& sql, long long challenge, const std::string& now) const;
};

}  // namespace entente::accounts
