#include <gtest/gtest.h>

#include "app/app.h"

namespace entente::app {
namespace {

TEST(MayReadMetricsTest, LoopbackAndListedAddressesOnly) {
  std::vector<std::string> allowed = {"10.0.0.5", "2001:db8::7"};
  struct Case {
    std::string address;
    bool expected;
  };
  for (const auto& [address, expected] : std::vector<Case>{
           {"127.0.0.1", true},
           {"127.8.9.10", true},
           {"::1", true},
           {"::ffff:127.0.0.1", true},
           {"10.0.0.5", true},
           {"::ffff:10.0.0.5", true},
           {"2001:db8::7", true},
           {"10.0.0.6", false},
           {"192.0.2.1", false},
           {"::ffff:192.0.2.1", false},
           {"", false},
           {"not an address", false},
       }) {
    EXPECT_EQ(MayReadMetrics(address, allowed), expected) << address;
  }
  EXPECT_FALSE(MayReadMetrics("10.0.0.5", {}));
}

}  // namespace
}  // namespace entente::app
