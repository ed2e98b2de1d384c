#include "core/http/client_address.h"

#include <gtest/gtest.h>

namespace entente::http {
namespace {

AddressSet Trusted(const std::vector<std::string>& entries) {
  auto set = AddressSet::Parse(entries);
  EXPECT_TRUE(set) << (set ? "" : set.error().message());
  return set ? *set : AddressSet();
}

TEST(AddressSetTest, MatchesAddressesAndRangesOfBothFamilies) {
  AddressSet set = Trusted({"127.0.0.1", "10.0.0.0/8", "192.168.1.128/25", "2001:db8::/32", "::1"});
  EXPECT_TRUE(set.Contains("127.0.0.1"));
  EXPECT_FALSE(set.Contains("127.0.0.2"));
  EXPECT_TRUE(set.Contains("10.200.3.4"));
  EXPECT_FALSE(set.Contains("11.0.0.1"));
  EXPECT_TRUE(set.Contains("192.168.1.200"));
  EXPECT_FALSE(set.Contains("192.168.1.100"));
  EXPECT_TRUE(set.Contains("::ffff:10.1.2.3")) << "an IPv4-mapped address is the IPv4 address";
  EXPECT_TRUE(set.Contains("2001:db8:ffff::1"));
  EXPECT_FALSE(set.Contains("2001:db9::1"));
  EXPECT_TRUE(set.Contains("::1"));
  EXPECT_FALSE(set.Contains("not an address"));
  EXPECT_FALSE(set.Contains(""));
}

TEST(AddressSetTest, RefusesWhatIsNeitherAnAddressNorARange) {
  for (std::string bad : {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "2001:db8::/129", "localhost", "10.0.0"}) {
    auto set = AddressSet::Parse({"127.0.0.1", bad});
    ASSERT_FALSE(set) << bad;
    EXPECT_NE(set.error().message().find(bad), std::string::npos) << "the message names the entry";
  }
  EXPECT_TRUE(AddressSet::Parse({"0.0.0.0/0"}));
  EXPECT_TRUE(AddressSet::Parse({}));
}

TEST(ClientAddressTest, AnUntrustedPeerIsTheClientWhateverItWrites) {
  AddressSet proxies = Trusted({"10.0.0.5"});
  EXPECT_EQ(ClientAddress("203.0.113.9", "198.51.100.1", proxies), "203.0.113.9");
  EXPECT_EQ(ClientAddress("203.0.113.9", "", proxies), "203.0.113.9");
  EXPECT_EQ(ClientAddress("203.0.113.9", "198.51.100.1", AddressSet()), "203.0.113.9");
  EXPECT_EQ(ClientAddress("::ffff:203.0.113.9", "", proxies), "203.0.113.9");
}

TEST(ClientAddressTest, ReadsFromTheRightUpToTheFirstUntrustedHop) {
  AddressSet proxies = Trusted({"10.0.0.0/8"});
  // The client wrote a made-up first entry; our proxies appended the rest.
  EXPECT_EQ(ClientAddress("10.0.0.5", "1.1.1.1, 198.51.100.7, 10.2.0.1", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.7", proxies), "198.51.100.7");
  EXPECT_EQ(ClientAddress("10.0.0.5", " 2001:db8::7 ", proxies), "2001:db8::7");
  // Every hop is one of ours: the leftmost is as far as anyone can tell.
  EXPECT_EQ(ClientAddress("10.0.0.5", "10.9.9.9, 10.2.0.1", proxies), "10.9.9.9");
  // Garbage stops the walk at the proxy that passed it on.
  EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.7, bogus", proxies), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", "bogus, 10.2.0.1", proxies), "10.2.0.1");
  // Empty entries are skipped.
  EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.7,,", proxies), "198.51.100.7");
}

}  // namespace
}  // namespace entente::http
