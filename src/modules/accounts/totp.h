#pragma once
// Time-based one-time passwords (RFC 6238) on Debian's liboath, the otpauth:// URI that
// authenticator apps read, its QR code (libqrencode), and recovery codes. Pure functions: no
// database, no clock of their own (the caller passes the time).

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::accounts::totp {

inline constexpr unsigned kTimeStepSeconds = 30;
inline constexpr unsigned kDigits = 6;
// Codes of the step before and after the current one are accepted too (clock drift).
inline constexpr size_t kWindowSteps = 1;
inline constexpr size_t kSecretBytes = 20;  // 160 bits, as RFC 4226 recommends for HMAC-SHA-1
inline constexpr int kRecoveryCodeCount = 10;

// A new random secret (kSecretBytes from libsodium), base32 without padding, upper case.
std::string NewSecretBase32();
// Base32 as liboath writes it; nullopt for text that is not base32.
std::string ToBase32(std::string_view raw);
std::optional<std::string> FromBase32(std::string_view base32);

// The code for `secret` (raw bytes) at Unix time `now`, HMAC-SHA-1, `digits` long.
std::string Generate(std::string_view raw_secret, std::time_t now, unsigned digits = kDigits);

// The time step of an accepted code: `code` (6 digits; spaces ignored) matches `secret` at `now`
// within ±kWindowSteps, and its step is later than `last_accepted_step` (a code is never
// accepted twice, nor one older than the last accepted). nullopt otherwise.
std::optional<std::int64_t> Check(std::string_view base32_secret, std::string_view code, std::time_t now,
                                  std::optional<std::int64_t> last_accepted_step);

// "JBSW Y3DP EHPK 3PXP …": the secret in groups of four, for typing.
std::string Grouped(std::string_view base32_secret);

// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view base32_secret);

// A QR code as the data of one SVG path in a `size` × `size` view box (a quiet zone of 4
// modules included): only digits and the letters M, h, v, z, so it is safe in any attribute.
struct QrPath {
  int size = 0;
  std::string path;
};
std::optional<QrPath> QrCodePath(const std::string& text);

// A recovery code: 16 characters of a 31-symbol alphabet without look-alikes (about 79 bits),
// shown in groups of four ("k7m2-…"). Normalize() folds case and drops spaces and dashes before hashing.
std::string NewRecoveryCode();
std::string NormalizeRecoveryCode(std::string_view code);
// Whether `code` looks like a recovery code rather than a 6-digit TOTP code.
bool LooksLikeRecoveryCode(std::string_view code);

}  // namespace entente::accounts::totp
