#include "core/db/text_table.h"

#include "core/db/query.h"

#include <fmt/format.h>

#include <algorithm>

namespace entente::db {

std::map<long long, TextTable::Texts> TextTable::Load(soci::session& sql, const std::vector<long long>& owners) const {
  constexpr size_t kChunk = 500;
  std::map<long long, Texts> result;
  for (size_t begin = 0; begin < owners.size(); begin += kChunk) {
    size_t end = std::min(owners.size(), begin + kChunk);
    // sql-fragment: table_ is a TextTable's name, a constant of the store that owns it.
    Query query(fmt::format("SELECT owner_id, field, language, text, is_original FROM {} WHERE owner_id IN (", table_));
    query
        .BindList(std::vector<long long>(owners.begin() + static_cast<std::ptrdiff_t>(begin),
                                         owners.begin() + static_cast<std::ptrdiff_t>(end)))
        .Append(")");
    long long owner = 0;
    std::string field, language, text;
    int original = 0;
    soci::statement statement = query.Prepare(sql, [&](soci::statement& s) {
      s.exchange(soci::into(owner));
      s.exchange(soci::into(field));
      s.exchange(soci::into(language));
      s.exchange(soci::into(text));
      s.exchange(soci::into(original));
    });
    statement.execute(false);
    while (statement.fetch()) result[owner][field].Set(language, {text, original != 0});
  }
  return result;
}

void TextTable::Replace(soci::session& sql, long long owner, std::string_view field,
                        const i18n::LocalizedText& text) const {
  std::string field_name(field);
  // sql-fragment-begin: table_ is a TextTable's name, a constant of the store that owns it.
  sql << fmt::format("DELETE FROM {} WHERE owner_id = :owner AND field = :field", table_), soci::use(owner),
      soci::use(field_name);
  for (const auto& [language, variant] : text.variants()) {
    std::string language_code = language;
    std::string value = variant.text;
    int original = variant.original ? 1 : 0;
    sql << fmt::format(
        "INSERT INTO {} (owner_id, field, language, text, is_original) "
        "VALUES (:owner, :field, :language, :text, :original)",
        table_),
        soci::use(owner), soci::use(field_name), soci::use(language_code), soci::use(value), soci::use(original);
  }
  // sql-fragment-end
}

i18n::LocalizedText TextOf(const std::map<long long, TextTable::Texts>& texts, long long owner,
                           std::string_view field) {
  auto it = texts.find(owner);
  if (it == texts.end()) return {};
  auto found = it->second.find(field);
  return found == it->second.end() ? i18n::LocalizedText() : found->second;
}

}  // namespace entente::db
