#include <gtest/gtest.h>

#include "app/app.h"
#include "core/http/client_address.h"

namespace entente::app {
namespace {

TEST(MayReadMetricsTest, LoopbackAndListedAddressesOnly) {
  http::AddressSet allowed = *http::AddressSet::Parse({"10.0.0.5", "2001:db8::7", "192.0.2.128/25"});
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
           {"192.0.2.200", true},
           {"::ffff:192.0.2.1", false},
           {"", false},
           {"not an address", false},
       }) {
    EXPECT_EQ(MayReadMetrics(address, allowed), expected) << address;
  }
  EXPECT_FALSE(MayReadMetrics("10.0.0.5", http::AddressSet()));
}

}  // namespace
}  // namespace entente::app
