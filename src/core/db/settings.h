#pragma once
// The `settings` table: platform-wide markers such as `demo` (the database was seeded with the
// demo and its demo accounts may sign in).

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>

namespace entente::db {

inline constexpr std::string_view kDemoSetting = "demo";

std::optional<std::string> GetSetting(soci::session& sql, std::string_view key);
// Call inside a write transaction.
void SetSetting(soci::session& sql, std::string_view key, std::string_view value);

}  // namespace entente::db
