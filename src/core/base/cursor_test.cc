#include "core/base/cursor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace entente {
namespace {

TEST(CursorTest, RoundTrips) {
  for (const KeysetCursor& cursor : std::vector<KeysetCursor>{{"kanafin daniyar", 42},
                                                              {"", 1},
                                                              {std::string("a\nb\0c", 5), 9'000'000'000'000LL},
                                                              {"жумабекова асель", 7},
                                                              {std::string(kMaxCursorKeyBytes, 'z'), 3}}) {
    std::string text = EncodeCursor(cursor);
    SCOPED_TRACE(text);
    EXPECT_LE(text.size(), kMaxCursorText);
    // URL-safe: nothing to escape in a query string.
    EXPECT_EQ(text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    auto decoded = DecodeCursor(text);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, cursor);
  }
}

TEST(CursorTest, DifferentRowsGiveDifferentCursors) {
  EXPECT_NE(EncodeCursor({"a", 1}), EncodeCursor({"a", 2}));
  EXPECT_NE(EncodeCursor({"a", 1}), EncodeCursor({"b", 1}));
}

TEST(CursorTest, RefusesWhatItDidNotMake) {
  std::string good = EncodeCursor({"kanafin daniyar", 42});
  std::vector<std::string> bad = {
      "",
      "x",
      "not a cursor",
      "%%%%",
      good + "=",                       // padding is not part of the alphabet used
      good.substr(0, good.size() - 1),  // cut
      good + "A",                       // longer
      std::string(kMaxCursorText + 1, 'A'),
      "AAAAAAAAAAAAAAAAAAAAAAAA",  // decodes, checksum wrong
  };
  // Every single character changed.
  for (size_t i = 0; i < good.size(); ++i) {
    std::string changed = good;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    bad.push_back(changed);
  }
  for (const auto& text : bad) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(DecodeCursor(text).has_value());
  }
}

TEST(CursorTest, RefusesIdsThatAreNotPositive) {
  // A cursor whose checksum is right but whose id is not a positive number is refused too: the
  // encoder never makes one, so only a hand-made cursor gets here.
  EXPECT_FALSE(DecodeCursor(EncodeCursor({"a", 0})).has_value());
  EXPECT_FALSE(DecodeCursor(EncodeCursor({"a", -5})).has_value());
}

}  // namespace
}  // namespace entente
