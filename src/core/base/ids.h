#pragma once
// Distinct id types (docs/STYLE.md, point 6): an OrganizationId cannot be passed where a PersonId is
// expected, and neither converts silently from a bare integer.

#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace entente {

template <typename Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t value) : value_(value) {}

  constexpr std::int64_t value() const { return value_; }
  constexpr bool valid() const { return value_ > 0; }

  // Parses a positive decimal id as it appears in a URL; anything else is nullopt.
  static std::optional<Id> Parse(std::string_view text) {
    std::int64_t value = 0;
    if (text.empty() || text.size() > 18 || text.front() == '0') return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return Id(value);
  }

  constexpr auto operator<=>(const Id&) const = default;

 private:
  std::int64_t value_ = 0;
};

using OrganizationId = Id<struct OrganizationIdTag>;
using UserId = Id<struct UserIdTag>;
using PersonId = Id<struct PersonIdTag>;
using JurisdictionId = Id<struct JurisdictionIdTag>;
// An event (module events): also named by other modules (the agreement signed at one).
using EventId = Id<struct EventIdTag>;

}  // namespace entente

template <typename Tag>
struct std::hash<entente::Id<Tag>> {
  size_t operator()(const entente::Id<Tag>& id) const noexcept { return std::hash<std::int64_t>()(id.value()); }
};
