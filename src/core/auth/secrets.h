#pragma once
// Passwords (docs/SECURITY.md 1), tokens (3) and CSRF tokens (8), on libsodium.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"

namespace entente::auth {

// Calls sodium_init(); aborts if libsodium cannot start. Safe to call more than once.
void InitializeCrypto();

inline constexpr size_t kMinimumPasswordLength = 12;  // Unicode code points
inline constexpr size_t kMaximumPasswordLength = 128;

// Field errors ("password") for a password that breaks the rules: too short, too long, not
// UTF-8, on the list of common passwords, or the same as the email or name.
std::vector<FieldError> CheckPasswordRules(std::string_view password, std::string_view email,
                                           std::string_view display_name);

// argon2id (libsodium's crypto_pwhash_str, interactive limits): a unique salt per hash.
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& stored_hash);
// Spends the time of a verification, for an unknown email, so that timing does not tell
// whether an account exists.
void SpendVerificationTime(std::string_view password);

// 256 random bits, base64url without padding (43 characters).
std::string NewToken();
// What is stored of a token: its SHA-256, in hex.
std::string HashToken(std::string_view token);

// HMAC-based CSRF tokens bound to a value the server can recompute: the session's token hash
// for a signed-in user, the random `csrf` cookie for an anonymous visitor (a signed
// double-submit cookie: no database write).
class CsrfTokens {
 public:
  explicit CsrfTokens(std::string_view secret_hex);
  std::string For(std::string_view binding) const;
  bool Verify(std::string_view binding, std::string_view token) const;

 private:
  std::array<unsigned char, 32> key_{};
};

// A new random secret for CsrfTokens, in hex.
std::string NewSecretHex();

}  // namespace entente::auth
