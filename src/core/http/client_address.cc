#include "core/http/client_address.h"

#include <fmt/format.h>

#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <optional>

#include "core/base/text.h"

namespace entente::http {
namespace {

namespace ip = boost::asio::ip;

// The address in IPv6 form, IPv4 mapped; nullopt when `text` is not an address.
std::optional<ip::address_v6> ParseAddress(std::string_view text) {
  boost::system::error_code error;
  ip::address address = ip::make_address(std::string(text), error);
  if (error) return std::nullopt;
  if (address.is_v4()) return ip::make_address_v6(ip::v4_mapped, address.to_v4());
  return address.to_v6();
}

// "::ffff:1.2.3.4" back to "1.2.3.4"; other addresses as Asio writes them.
std::string Canonical(const ip::address_v6& address) {
  if (address.is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, address).to_string();
  return address.to_string();
}

bool SamePrefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int bits) {
  int whole = bits / 8;
  for (int i = 0; i < whole; ++i) {
    if (a[i] != b[i]) return false;
  }
  int rest = bits % 8;
  if (rest == 0) return true;
  auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
  return (a[whole] & mask) == (b[whole] & mask);
}

}  // namespace

Result<AddressSet> AddressSet::Parse(const std::vector<std::string>& entries) {
  AddressSet set;
  for (const std::string& entry : entries) {
    std::string_view text = TrimSpaces(entry);
    std::string_view address_text = text;
    std::optional<int> prefix;
    if (size_t slash = text.find('/'); slash != std::string_view::npos) {
      address_text = text.substr(0, slash);
      std::string_view bits = text.substr(slash + 1);
      int value = -1;
      auto [end, error] = std::from_chars(bits.data(), bits.data() + bits.size(), value);
      if (error != std::errc() || end != bits.data() + bits.size()) value = -1;
      prefix = value;
    }
    auto address = ParseAddress(address_text);
    bool v4 = address && address_text.find(':') == std::string_view::npos;
    int max_bits = v4 ? 32 : 128;
    if (!address || (prefix && (*prefix < 0 || *prefix > max_bits))) {
      return Fail(Error::InvalidArgument(fmt::format("\"{}\" is neither an IP address nor a CIDR range", text)));
    }
    Range range;
    range.bytes = address->to_bytes();
    range.prefix_bits = prefix ? (v4 ? 96 + *prefix : *prefix) : 128;
    set.ranges_.push_back(range);
  }
  return set;
}

bool AddressSet::Contains(std::string_view text) const {
  auto address = ParseAddress(TrimSpaces(text));
  if (!address) return false;
  auto bytes = address->to_bytes();
  for (const Range& range : ranges_) {
    if (SamePrefix(bytes, range.bytes, range.prefix_bits)) return true;
  }
  return false;
}

std::string ClientAddress(std::string_view peer, std::string_view forwarded_for, const AddressSet& trusted_proxies) {
  auto peer_address = ParseAddress(peer);
  std::string client = peer_address ? Canonical(*peer_address) : std::string(peer);
  if (trusted_proxies.empty() || forwarded_for.empty() || !trusted_proxies.Contains(peer)) return client;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    size_t comma = rest.rfind(',');
    std::string_view hop = TrimSpaces(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (hop.empty()) continue;
    auto address = ParseAddress(hop);
    if (!address) break;  // garbage: the trusted hop that passed it on is as far as we can tell
    client = Canonical(*address);
    if (!trusted_proxies.Contains(hop)) break;
  }
  return client;
}

}  // namespace entente::http
