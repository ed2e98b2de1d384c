#include "core/auth/secrets.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <optional>

#include "core/base/messages.h"

namespace entente::auth {
namespace {

// Words and keyboard runs at the root of the most common passwords (in the languages of the
// platform's users); a password that is one of them, repeated or followed by digits and
// punctuation ("Password2024!", "qwertyqwerty", "motdepasse123") is refused.
constexpr std::string_view kCommonRoots[] = {
    "password",  "passw0rd",  "p@ssw0rd",     "p@ssword", "pass",       "motdepasse",   "parol",      "пароль",
    "құпиясөз",  "qwerty",    "qwertyuiop",   "azerty",   "azertyuiop", "qwertz",       "йцукен",     "asdfgh",
    "asdfghjkl", "zxcvbn",    "zxcvbnm",      "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "zaq12wsx",   "zaq1xsw2",
    "qazwsx",    "qazwsxedc", "iloveyou",     "letmein",  "welcome",    "bienvenue",    "admin",      "administrator",
    "root",      "user",      "login",        "football", "baseball",   "soccer",       "hockey",     "monkey",
    "dragon",    "master",    "shadow",       "sunshine", "princess",   "superman",     "batman",     "trustno1",
    "starwars",  "whatever",  "freedom",      "secret",   "changeme",   "bonjour",      "soleil",     "chocolat",
    "doudou",    "loulou",    "marseille",    "paris",    "almaty",     "astana",       "kazakhstan", "qazaqstan",
    "france",    "avocat",    "advocate",     "lawyer",   "barreau",    "entente",      "abc",        "abcd",
    "abcdef",    "abcdefgh",  "abcdefghijkl", "test",     "testtest",   "default",      "guest",      "michael",
    "jennifer",  "jordan",    "charlie",      "andrew",   "thomas",     "nicolas",      "alexandre",
};

std::string FoldForComparison(std::string_view password) {
  std::string folded;
  for (unsigned char c : password)
    folded.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  return folded;
}

bool IsCommon(std::string_view password) {
  std::string folded = FoldForComparison(password);
  // Strip trailing digits and punctuation: "password2024!" → "password".
  size_t end = folded.size();
  while (end > 0) {
    unsigned char c = static_cast<unsigned char>(folded[end - 1]);
    if (c < 0x80 && !std::isalpha(c)) {
      --end;
    } else {
      break;
    }
  }
  std::string root = folded.substr(0, end);
  if (root.empty()) {
    // Only digits and punctuation: refuse runs of one character and counting sequences.
    bool same = std::all_of(folded.begin(), folded.end(), [&](char c) { return c == folded[0]; });
    bool counting = true;
    for (size_t i = 1; i < folded.size(); ++i) {
      if ((folded[i] - folded[i - 1] + 10) % 10 != 1) counting = false;
    }
    return same || counting;
  }
  for (std::string_view common : kCommonRoots) {
    if (root == common) return true;
    // The same word repeated: "qwertyqwerty".
    if (root.size() % common.size() == 0 && root.size() > common.size()) {
      bool repeated = true;
      for (size_t i = 0; i < root.size(); i += common.size()) {
        if (std::string_view(root).substr(i, common.size()) != common) repeated = false;
      }
      if (repeated) return true;
    }
  }
  return std::all_of(root.begin(), root.end(), [&](char c) { return c == root[0]; });
}

// Counts code points; nullopt when the text is not valid UTF-8.
std::optional<size_t> CodePoints(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size()) return std::nullopt;
    for (size_t j = 1; j < length; ++j) {
      if ((static_cast<unsigned char>(text[i + j]) >> 6) != 0x2) return std::nullopt;
    }
    i += length;
    ++count;
  }
  return count;
}

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2, '\0');
  sodium_bin2hex(hex.data(), hex.size() + 1, bytes, size);
  return hex;
}

}  // namespace

void InitializeCrypto() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();
  });
}

std::vector<FieldError> CheckPasswordRules(std::string_view password, std::string_view email,
                                           std::string_view display_name) {
  std::vector<FieldError> errors;
  auto length = CodePoints(password);
  if (!length) {
    errors.push_back({"password", N_("The password contains characters that cannot be read.")});
  } else if (*length < kMinimumPasswordLength) {
    errors.push_back({"password", N_("Use at least 12 characters.")});
  } else if (*length > kMaximumPasswordLength) {
    errors.push_back({"password", N_("Use at most 128 characters.")});
  } else if (IsCommon(password)) {
    errors.push_back({"password", N_("This password is too common. Choose one that others would not guess.")});
  } else if (FoldForComparison(password) == FoldForComparison(email) ||
             FoldForComparison(password) == FoldForComparison(display_name)) {
    errors.push_back({"password", N_("The password must differ from your email and name.")});
  }
  return errors;
}

Result<std::string> HashPassword(std::string_view password) {
  InitializeCrypto();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Fail(Error::Internal("crypto_pwhash_str ran out of memory"));
  }
  return std::string(hash);
}

bool VerifyPassword(std::string_view password, const std::string& stored_hash) {
  InitializeCrypto();
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

void SpendVerificationTime(std::string_view password) {
  // A real hash of a fixed password, made once, so the comparison costs what a real one does.
  static const std::string dummy = *HashPassword("entente-timing-equaliser");
  VerifyPassword(password, dummy);
}

std::string NewToken() {
  InitializeCrypto();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(encoded);
}

std::string HashToken(std::string_view token) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return Hex(hash, sizeof hash);
}

std::string NewSecretHex() {
  InitializeCrypto();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

CsrfTokens::CsrfTokens(std::string_view secret_hex) {
  InitializeCrypto();
  size_t length = 0;
  if (sodium_hex2bin(key_.data(), key_.size(), secret_hex.data(), secret_hex.size(), nullptr, &length, nullptr) != 0 ||
      length != key_.size()) {
    std::abort();  // the secret is made by NewSecretHex(); anything else is a bug
  }
}

std::string CsrfTokens::For(std::string_view binding) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(binding.data()), binding.size(), key_.data());
  return Hex(mac, sizeof mac);
}

bool CsrfTokens::Verify(std::string_view binding, std::string_view token) const {
  if (binding.empty()) return false;
  std::string expected = For(binding);
  return token.size() == expected.size() && sodium_memcmp(token.data(), expected.data(), expected.size()) == 0;
}

}  // namespace entente::auth
