#include "core/db/settings.h"

#include "core/base/time.h"

namespace entente::db {

std::optional<std::string> GetSetting(soci::session& sql, std::string_view key) {
  std::string key_text(key);
  std::string value;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT value FROM settings WHERE key = :key", soci::use(key_text), soci::into(value, indicator);
  if (!sql.got_data() || indicator != soci::i_ok) return std::nullopt;
  return value;
}

void SetSetting(soci::session& sql, std::string_view key, std::string_view value) {
  std::string key_text(key);
  std::string value_text(value);
  std::string now = NowUtc();
  sql << "INSERT INTO settings (key, value, updated_at_utc) VALUES (:key, :value, :now) "
         "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at_utc = excluded.updated_at_utc",
      soci::use(key_text), soci::use(value_text), soci::use(now);
}

}  // namespace entente::db
