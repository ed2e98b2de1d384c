#include "modules/accounts/totp.h"

#include <oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/http/request.h"

namespace entente::accounts::totp {
namespace {

void InitializeOath() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath could not start");
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  });
}

// Lower-case letters and digits without 0/o, 1/l/i: 31 symbols.
constexpr std::string_view kRecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

std::string DigitsOnly(std::string_view code) {
  std::string digits;
  for (char c : code) {
    if (c == ' ' || c == '-') continue;
    digits.push_back(c);
  }
  return digits;
}

}  // namespace

std::string ToBase32(std::string_view raw) {
  InitializeOath();
  char* out = nullptr;
  size_t length = 0;
  if (oath_base32_encode(raw.data(), raw.size(), &out, &length) != OATH_OK || out == nullptr) {
    throw std::runtime_error("base32 encoding failed");
  }
  std::string encoded(out, length);
  std::free(out);
  // Authenticator apps take the secret without padding.
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  return encoded;
}

std::optional<std::string> FromBase32(std::string_view base32) {
  InitializeOath();
  std::string cleaned;
  for (char c : base32) {
    if (c == ' ') continue;
    cleaned.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  // liboath wants the padding back.
  while (cleaned.size() % 8 != 0) cleaned.push_back('=');
  char* out = nullptr;
  size_t length = 0;
  if (oath_base32_decode(cleaned.data(), cleaned.size(), &out, &length) != OATH_OK || out == nullptr) {
    return std::nullopt;
  }
  std::string raw(out, length);
  sodium_memzero(out, length);
  std::free(out);
  return raw;
}

std::string NewSecretBase32() {
  InitializeOath();
  std::string raw(kSecretBytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string encoded = ToBase32(raw);
  sodium_memzero(raw.data(), raw.size());
  return encoded;
}

std::string Generate(std::string_view raw_secret, std::time_t now, unsigned digits) {
  InitializeOath();
  char code[16] = {};
  if (oath_totp_generate2(raw_secret.data(), raw_secret.size(), now, kTimeStepSeconds, OATH_TOTP_DEFAULT_START_TIME,
                          digits, 0, code) != OATH_OK) {
    throw std::runtime_error("TOTP generation failed");
  }
  return code;
}

std::optional<std::int64_t> Check(std::string_view base32_secret, std::string_view code_input, std::time_t now,
                                  std::optional<std::int64_t> last_accepted_step) {
  std::string code = DigitsOnly(code_input);
  if (code.size() != kDigits) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto raw = FromBase32(base32_secret);
  if (!raw || raw->empty()) return std::nullopt;
  int position = 0;
  std::uint64_t counter = 0;
  int rc = oath_totp_validate3(raw->data(), raw->size(), now, kTimeStepSeconds, OATH_TOTP_DEFAULT_START_TIME,
                               kWindowSteps, &position, &counter, code.c_str());
  sodium_memzero(raw->data(), raw->size());
  if (rc < 0) return std::nullopt;
  auto step = static_cast<std::int64_t>(counter);
  // Replay: a step at or before the last accepted one never counts again.
  if (last_accepted_step && step <= *last_accepted_step) return std::nullopt;
  return step;
}

std::string Grouped(std::string_view base32_secret) {
  std::string grouped;
  for (size_t i = 0; i < base32_secret.size(); ++i) {
    if (i > 0 && i % 4 == 0) grouped.push_back(' ');
    grouped.push_back(base32_secret[i]);
  }
  return grouped;
}

namespace {

// RFC 3986 unreserved characters and '@' stay (an account is an email); everything else,
// '/' and ':' included, is percent-encoded.
std::string UriComponent(std::string_view text) { return http::PercentEncode(text, "@"); }

}  // namespace

std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view base32_secret) {
  return "otpauth://totp/" + UriComponent(issuer) + ":" + UriComponent(account) +
         "?secret=" + std::string(base32_secret) + "&issuer=" + UriComponent(issuer) +
         "&algorithm=SHA1&digits=" + std::to_string(kDigits) + "&period=" + std::to_string(kTimeStepSeconds);
}

std::optional<QrPath> QrCodePath(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                       &QRcode_free);
  if (!code) return std::nullopt;
  constexpr int kQuietZone = 4;
  QrPath result;
  result.size = code->width + 2 * kQuietZone;
  // One "M x y h1 v1 h-1 z" square per dark module, runs of dark modules in a row joined.
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if (!(code->data[y * code->width + x] & 1)) continue;
      int run = 1;
      while (x + run < code->width && (code->data[y * code->width + x + run] & 1)) ++run;
      result.path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" +
                     std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run - 1;
    }
  }
  return result;
}

std::string NewRecoveryCode() {
  InitializeOath();
  std::string code;
  for (int i = 0; i < 16; ++i) {
    if (i > 0 && i % 4 == 0) code.push_back('-');
    code.push_back(kRecoveryAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kRecoveryAlphabet.size()))]);
  }
  return code;
}

std::string NormalizeRecoveryCode(std::string_view code) {
  std::string normalized;
  for (unsigned char c : code) {
    if (c == ' ' || c == '-') continue;
    normalized.push_back(static_cast<char>(std::tolower(c)));
  }
  return normalized;
}

bool LooksLikeRecoveryCode(std::string_view code) { return NormalizeRecoveryCode(code).size() == 16; }

}  // namespace entente::accounts::totp
