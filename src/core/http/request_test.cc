#include "core/http/request.h"

#include <gtest/gtest.h>

namespace entente::http {
namespace {

TEST(RequestTest, ParsesQueries) {
  auto pairs = ParseQuery("q=Kanafin+%D0%94%D0%B0%D0%BD%D0%B8%D1%8F%D1%80&page=2&&flag&q=second&bad=%zz");
  ASSERT_EQ(pairs.size(), 5u);
  EXPECT_EQ(pairs[0], (std::pair<std::string, std::string>{"q", "Kanafin Данияр"}));
  EXPECT_EQ(pairs[1].second, "2");
  EXPECT_EQ(pairs[2], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(pairs[4].second, "%zz");
  Request request;
  request.query = "q=a%26b&q=c";
  EXPECT_EQ(request.QueryParam("q"), "a&b");
  EXPECT_FALSE(request.QueryParam("missing"));
}

TEST(RequestTest, PercentCodingRoundTrips) {
  for (std::string text : {"/a b/Қазақша?x=1&y=é", "", "100%", "/%2F"}) {
    EXPECT_EQ(PercentDecode(PercentEncode(text), Plus::kLiteral), text);
  }
  EXPECT_EQ(PercentDecode("a+b%2", Plus::kSpace), "a b%2");
  EXPECT_EQ(PercentDecode("a+b", Plus::kLiteral), "a+b");
}

TEST(RequestTest, ReadsCookies) {
  Request request;
  request.headers = {{"cookie", "theme=dark; lang=kk;  other=\"quoted value\""}, {"cookie", "late=1"}};
  EXPECT_EQ(request.Cookie("lang"), "kk");
  EXPECT_EQ(request.Cookie("other"), "quoted value");
  EXPECT_EQ(request.Cookie("late"), "1");
  EXPECT_FALSE(request.Cookie("lan"));
}

TEST(ResponseTest, HeadersAreReplacedCaseInsensitively) {
  Response response = Response::Html("<p>x</p>");
  response.SetHeader("content-type", "text/plain");
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.Header("Content-Type"), "text/plain");
  EXPECT_EQ(Response::Redirect("/").status, 303);
}

// Issue 11: no value splits a response. CR, LF and NUL anywhere in a header are refused by the
// one place that sets headers, and the headers stay as they were.
TEST(ResponseTest, HeadersWithLineBreaksAreRefused) {
  for (std::string bad :
       {std::string("/a\r\nSet-Cookie: x=1"), std::string("/a\nb"), std::string("/a\rb"), std::string("/a\0b", 4)}) {
    Response response = Response::Text("x");
    auto before = response.headers;
    EXPECT_THROW(response.SetHeader("Location", bad), std::invalid_argument);
    EXPECT_THROW(response.AddHeader("Set-Cookie", bad), std::invalid_argument);
    EXPECT_THROW(response.SetHeader(bad, "1"), std::invalid_argument);
    EXPECT_THROW(Response::Redirect(bad), std::invalid_argument);
    EXPECT_EQ(response.headers, before);
  }
  Response response = Response::Text("x");
  response.AddHeader("Set-Cookie", "a=1; Path=/; HttpOnly");
  response.SetHeader("Location", "/people/kanafin?lang=kk#top");
  EXPECT_EQ(response.Header("Location"), "/people/kanafin?lang=kk#top");
}

TEST(ResponseTest, MethodNamesRoundTrip) {
  for (Method method : {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete}) {
    EXPECT_EQ(ParseMethod(MethodName(method)), method);
  }
  EXPECT_EQ(ParseMethod("get"), Method::kOther);
}

}  // namespace
}  // namespace entente::http
