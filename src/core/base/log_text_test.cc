#include "core/base/log_text.h"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(EscapeForLog, KeepsPlainTextAsItIs) {
  EXPECT_EQ(EscapeForLog("/people/pierre-olivier-sur?q=Сүр"), "/people/pierre-olivier-sur?q=Сүр");
}

TEST(EscapeForLog, WritesControlCharactersQuotesAndBackslashesAsHex) {
  EXPECT_EQ(EscapeForLog("a\r\nINFO forged"), "a\\x0d\\x0aINFO forged");
  EXPECT_EQ(EscapeForLog(std::string_view("x\0y", 3)), "x\\x00y");
  EXPECT_EQ(EscapeForLog("\x1b[31m\x7f"), "\\x1b[31m\\x7f");
  EXPECT_EQ(EscapeForLog("say \"hi\" \\ bye"), "say \\x22hi\\x22 \\x5c bye");
}

}  // namespace
}  // namespace entente
