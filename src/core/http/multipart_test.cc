#include "core/http/multipart.h"

#include <gtest/gtest.h>

namespace entente::http {
namespace {

TEST(MultipartTest, ReadsFieldsAndFiles) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roll.csv\"\r\nContent-Type: text/csv\r\n\r\n"
      "roll_number,name\r\nA-1,Канафин\r\n\r\n--XyZ--\r\n";
  auto parts = ParseMultipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(parts) << parts.error().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf_token");
  EXPECT_EQ((*parts)[0].body, "abc");
  EXPECT_EQ((*parts)[1].filename, "roll.csv");
  EXPECT_EQ((*parts)[1].content_type, "text/csv");
  EXPECT_EQ((*parts)[1].body, "roll_number,name\r\nA-1,Канафин\r\n");
}

TEST(MultipartTest, RefusesWhatItCannotRead) {
  EXPECT_EQ(ParseMultipart("application/json", "{}").error().code(), ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(ParseMultipart("multipart/form-data", "x").error().code(), ErrorCode::kUnsupportedMediaType);
  for (std::string body : {std::string(""), std::string("--b\r\nno headers end"), std::string("--b\r\nBroken\r\n\r\nx\r\n--b--"),
                           std::string("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"),
                           std::string("--bXX")}) {
    auto parts = ParseMultipart("multipart/form-data; boundary=b", body);
    EXPECT_FALSE(parts) << body;
  }
  std::string many;
  for (int i = 0; i < 40; ++i) many += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  many += "--b--";
  EXPECT_FALSE(ParseMultipart("multipart/form-data; boundary=b", many, 32));
}

}  // namespace
}  // namespace entente::http
