#pragma once
// An enum's stored keys and interface labels in one table, so that the three conversions
// (value → key, key → value, value → label msgid) cannot drift apart.
//
//   constexpr EnumTable<Role, 2> kRoles{{{{Role::kMember, "member", N_("Member")}, …}}};
//   kRoles.Key(Role::kMember) == "member"; kRoles.Parse("member") == Role::kMember

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace entente {

template <typename Enum>
struct EnumEntry {
  Enum value;
  std::string_view key;    // as stored and sent in JSON
  std::string_view label;  // English msgid for pages
};

template <typename Enum, std::size_t N>
class EnumTable {
 public:
  constexpr explicit EnumTable(std::array<EnumEntry<Enum>, N> entries) : entries_(entries) {}

  constexpr std::string_view Key(Enum value) const { return Find(value).key; }
  constexpr std::string_view Label(Enum value) const { return Find(value).label; }
  constexpr std::optional<Enum> Parse(std::string_view key) const {
    for (const auto& entry : entries_) {
      if (entry.key == key) return entry.value;
    }
    return std::nullopt;
  }
  constexpr const std::array<EnumEntry<Enum>, N>& entries() const { return entries_; }

 private:
  // Every enumerator has an entry (the tables are written beside their enums); the first entry
  // answers for a value that has none, rather than undefined behaviour.
  constexpr const EnumEntry<Enum>& Find(Enum value) const {
    for (const auto& entry : entries_) {
      if (entry.value == value) return entry;
    }
    return entries_.front();
  }
  std::array<EnumEntry<Enum>, N> entries_;
};

}  // namespace entente
