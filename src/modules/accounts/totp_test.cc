#include "modules/accounts/totp.h"

#include <gtest/gtest.h>

#include <set>

namespace entente::accounts::totp {
namespace {

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const std::string kRfcSecret = "12345678901234567890";

TEST(TotpTest, Rfc6238Sha1TestVectors) {
  struct Vector {
    std::time_t time;
    const char* code;
  };
  for (const auto& vector :
       {Vector{59, "94287082"}, Vector{1111111109, "07081804"}, Vector{1111111111, "14050471"},
        Vector{1234567890, "89005924"}, Vector{2000000000, "69279037"}, Vector{20000000000, "65353130"}}) {
    EXPECT_EQ(Generate(kRfcSecret, vector.time, 8), vector.code) << "T=" << vector.time;
    // Six digits are the last six of the eight.
    EXPECT_EQ(Generate(kRfcSecret, vector.time), std::string(vector.code).substr(2)) << "T=" << vector.time;
  }
}

TEST(TotpTest, ChecksTheRfcVectorsThroughBase32) {
  std::string secret = ToBase32(kRfcSecret);
  EXPECT_EQ(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(FromBase32(secret), kRfcSecret);
  EXPECT_EQ(FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), kRfcSecret);
  EXPECT_EQ(Check(secret, "287082", 59, std::nullopt), 1);
  EXPECT_EQ(Check(secret, "081804", 1111111109, std::nullopt), 1111111109 / 30);
  EXPECT_EQ(Check(secret, "081 804", 1111111109, std::nullopt), 1111111109 / 30);
  EXPECT_EQ(Check(secret, "005924", 1234567890, std::nullopt), 1234567890 / 30);
  EXPECT_FALSE(Check(secret, "005925", 1234567890, std::nullopt));
  EXPECT_FALSE(Check(secret, "94287082", 59, std::nullopt)) << "eight digits are not a six-digit code";
  EXPECT_FALSE(Check(secret, "28708a", 59, std::nullopt));
  EXPECT_FALSE(Check(secret, "", 59, std::nullopt));
  EXPECT_FALSE(Check("not base32!", "287082", 59, std::nullopt));
}

TEST(TotpTest, AcceptsOneStepEitherSideAndNoMore) {
  std::string secret = NewSecretBase32();
  auto raw = FromBase32(secret);
  ASSERT_TRUE(raw);
  const std::time_t now = 1'700'000'010;  // 10 s into a step
  const std::int64_t step = now / 30;
  EXPECT_EQ(Check(secret, Generate(*raw, now), now, std::nullopt), step);
  EXPECT_EQ(Check(secret, Generate(*raw, now - 30), now, std::nullopt), step - 1);
  EXPECT_EQ(Check(secret, Generate(*raw, now + 30), now, std::nullopt), step + 1);
  // Two steps away: refused (unless the codes happen to collide, one chance in a million).
  for (std::time_t other : {now - 60, now + 60, now - 3600}) {
    std::string code = Generate(*raw, other);
    if (code == Generate(*raw, now) || code == Generate(*raw, now - 30) || code == Generate(*raw, now + 30)) continue;
    EXPECT_FALSE(Check(secret, code, now, std::nullopt)) << "code of T=" << other;
  }
}

TEST(TotpTest, ReplayIsRefused) {
  std::string secret = NewSecretBase32();
  auto raw = FromBase32(secret);
  const std::time_t now = 1'700'000'000;
  std::string code = Generate(*raw, now);
  auto accepted = Check(secret, code, now, std::nullopt);
  ASSERT_TRUE(accepted);
  EXPECT_FALSE(Check(secret, code, now, accepted)) << "the same code twice";
  EXPECT_FALSE(Check(secret, code, now + 20, accepted)) << "the same code later in its window";
  EXPECT_FALSE(Check(secret, Generate(*raw, now - 30), now, accepted)) << "an older code after a newer one";
  EXPECT_EQ(Check(secret, Generate(*raw, now + 30), now + 30, accepted), *accepted + 1) << "the next code";
}

TEST(TotpTest, SecretsAreRandomAnd160Bits) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    std::string secret = NewSecretBase32();
    EXPECT_EQ(secret.size(), 32u);
    EXPECT_EQ(FromBase32(secret)->size(), kSecretBytes);
    EXPECT_TRUE(seen.insert(secret).second);
  }
  EXPECT_EQ(Grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
}

TEST(TotpTest, OtpauthUriEscapesTheAccount) {
  EXPECT_EQ(OtpauthUri("Entente", "a b&c@example.org", "GEZDGNBV"),
            "otpauth://totp/Entente:a%20b%26c@example.org?secret=GEZDGNBV&issuer=Entente&algorithm=SHA1&digits=6&"
            "period=30");
}

TEST(TotpTest, QrPathHoldsOnlyPathCommands) {
  auto qr = QrCodePath("otpauth://totp/Entente:x@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  ASSERT_TRUE(qr);
  EXPECT_GE(qr->size, 21 + 8);
  EXPECT_FALSE(qr->path.empty());
  for (char c : qr->path) EXPECT_TRUE(std::string_view("0123456789 Mhvz-").find(c) != std::string_view::npos) << c;
}

TEST(TotpTest, RecoveryCodesAreRandomAndNormalized) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string code = NewRecoveryCode();
    EXPECT_EQ(code.size(), 19u);
    EXPECT_TRUE(LooksLikeRecoveryCode(code));
    EXPECT_TRUE(seen.insert(NormalizeRecoveryCode(code)).second);
  }
  EXPECT_EQ(NormalizeRecoveryCode(" ABCD-efgh jkmn-PQRS "), "abcdefghjkmnpqrs");
  EXPECT_FALSE(LooksLikeRecoveryCode("123456"));
}

}  // namespace
}  // namespace entente::accounts::totp
