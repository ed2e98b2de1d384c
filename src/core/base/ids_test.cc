#include "core/base/ids.h"

#include <gtest/gtest.h>

#include <type_traits>

#include "core/base/error.h"

namespace entente {
namespace {

static_assert(!std::is_convertible_v<OrganizationId, UserId>, "distinct id types must not convert");
static_assert(!std::is_convertible_v<std::int64_t, OrganizationId>, "ids are never implicit integers");

TEST(IdTest, ParsesOnlyPositiveCanonicalDecimals) {
  EXPECT_EQ(OrganizationId::Parse("42"), OrganizationId(42));
  EXPECT_EQ(OrganizationId::Parse("999999999999999999"), OrganizationId(999999999999999999));
  for (std::string_view text : {"", "0", "-1", "042", "4x", " 4", "1e3", "9999999999999999999", "+5"}) {
    EXPECT_FALSE(OrganizationId::Parse(text).has_value()) << text;
  }
}

TEST(ErrorTest, FactoriesSetCodesAndNames) {
  auto error = Error::InvalidArgument("Check the form.", {{"email", "Enter an email address."}});
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.CodeName(), "invalid_argument");
  ASSERT_EQ(error.fields().size(), 1u);
  EXPECT_EQ(error.fields()[0].field, "email");
  EXPECT_EQ(Error::NotFound().CodeName(), "not_found");
  EXPECT_EQ(Error::Internal("disk full").CodeName(), "internal");
  Result<int> failed = Fail(Error::Conflict("Already exists."));
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code(), ErrorCode::kConflict);
}

}  // namespace
}  // namespace entente
