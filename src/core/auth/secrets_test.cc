#include "core/auth/secrets.h"

#include <gtest/gtest.h>

namespace entente::auth {
namespace {

TEST(PasswordRulesTest, LengthIsCountedInCharactersAndCommonPasswordsAreRefused) {
  struct Case {
    std::string password;
    bool accepted;
  };
  for (const auto& [password, accepted] : std::vector<Case>{
           {"short pass", false},
           {"Қазақ тілі 14", true},              // 13 code points, more bytes
           {"ұлттық-құқық", true},               // 12 Cyrillic letters and a hyphen
           {"ұлттыққұқ", false},                 // 9 code points, 18 bytes
           {std::string(128, 'x') + "", false},  // one letter repeated
           {"correct horse battery staple", true},
           {std::string(129, 'a') + "b", false},
           {"Password2024!", false},
           {"motdepasse123", false},
           {"qwertyqwerty", false},
           {"123456789012", false},
           {"111111111111", false},
           {"1q2w3e4r5t6y", false},
           {"пароль123456", false},
           {"the Rentrée of 2014", true},
           {std::string("bad\xff utf-8 bytes"), false},
       }) {
    EXPECT_EQ(CheckPasswordRules(password, "someone@example.org", "Someone").empty(), accepted) << password;
  }
  EXPECT_FALSE(CheckPasswordRules("someone@example.org", "someone@example.org", "Someone").empty());
}

TEST(PasswordHashTest, Argon2idWithAUniqueSalt) {
  auto first = HashPassword("the same password for both");
  auto second = HashPassword("the same password for both");
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(first->starts_with("$argon2id$"));
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(VerifyPassword("the same password for both", *first));
  EXPECT_FALSE(VerifyPassword("the same password for bot", *first));
  // No truncation: a long password differing only at its end does not verify.
  std::string long_password(120, 'k');
  auto long_hash = HashPassword(long_password + "12345678");
  EXPECT_FALSE(VerifyPassword(long_password + "12345679", *long_hash));
}

TEST(TokenTest, TokensAreRandomAndOnlyTheirHashIsKept) {
  std::string a = NewToken();
  std::string b = NewToken();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(HashToken(a).size(), 64u);
  EXPECT_EQ(HashToken(a), HashToken(a));
  EXPECT_NE(HashToken(a), HashToken(b));
}

TEST(CsrfTest, TokensAreBoundToTheirValue) {
  CsrfTokens tokens(NewSecretHex());
  std::string token = tokens.For("session-hash-1");
  EXPECT_TRUE(tokens.Verify("session-hash-1", token));
  EXPECT_FALSE(tokens.Verify("session-hash-2", token));
  EXPECT_FALSE(tokens.Verify("session-hash-1", token.substr(1)));
  EXPECT_FALSE(tokens.Verify("", tokens.For("")));
  CsrfTokens other(NewSecretHex());
  EXPECT_FALSE(other.Verify("session-hash-1", token));
}

}  // namespace
}  // namespace entente::auth
