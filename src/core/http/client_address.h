#pragma once
// Who the client is: the peer's address, or, when the peer is a proxy we trust, the address the
// proxies recorded in X-Forwarded-For. Everything that counts or filters by address (sign-in
// limits, /metrics, the access log) uses the result, never the header itself.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"

namespace entente::http {

// Addresses and CIDR ranges ("127.0.0.1", "10.0.0.0/8", "2001:db8::/32"). IPv4 and IPv4-mapped
// IPv6 addresses are the same address here.
class AddressSet {
 public:
  // kInvalidArgument naming the first entry that is neither an address nor a range.
  static Result<AddressSet> Parse(const std::vector<std::string>& entries);

  bool empty() const { return ranges_.empty(); }
  // False for text that is not an address.
  bool Contains(std::string_view address) const;

 private:
  struct Range {
    std::array<std::uint8_t, 16> bytes{};  // IPv6 form; IPv4 as ::ffff:a.b.c.d
    int prefix_bits = 128;
  };
  std::vector<Range> ranges_;
};

// The client's address for a request from `peer` carrying `forwarded_for` (every
// X-Forwarded-For header's value, joined by commas, in order). When the peer is not trusted,
// the peer. Otherwise the list is read from the right, skipping trusted hops: the first hop
// that is not trusted is the client (whatever it wrote further left is its own claim). A hop
// that is not an address ends the walk at the trusted hop that forwarded it; when every hop is
// trusted, the leftmost one is the client. Addresses come back in their canonical text form.
std::string ClientAddress(std::string_view peer, std::string_view forwarded_for, const AddressSet& trusted_proxies);

}  // namespace entente::http
