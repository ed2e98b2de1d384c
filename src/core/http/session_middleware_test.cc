#include "core/http/session_middleware.h"

#include <gtest/gtest.h>

namespace entente::http {
namespace {

TEST(SessionCookieTest, HostPrefixAndSecureBehindTls) {
  auto plain = SessionCookie::For(PublicScheme::kHttp, 12);
  EXPECT_EQ(plain.name, "entente_session");
  EXPECT_EQ(plain.Set("abc"), "entente_session=abc; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax");
  auto tls = SessionCookie::For(PublicScheme::kHttps, 1);
  EXPECT_EQ(tls.name, "__Host-entente_session");
  EXPECT_EQ(tls.Set("abc"), "__Host-entente_session=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(tls.Clear(), "__Host-entente_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
}

}  // namespace
}  // namespace entente::http
