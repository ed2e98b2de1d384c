#include "core/db/text_table.h"

#include <fmt/format.h>

#include <algorithm>

namespace entente::db {

std::map<long long, TextTable::Texts> TextTable::Load(soci::session& sql, const std::vector<long long>& owners) const {
  constexpr size_t kChunk = 500;
  std::map<long long, Texts> result;
  for (size_t begin = 0; begin < owners.size(); begin += kChunk) {
    size_t end = std::min(owners.size(), begin + kChunk);
    std::string placeholders;
    for (size_t i = begin; i < end; ++i) placeholders += fmt::format("{}:o{}", i == begin ? "" : ",", i - begin);
    std::string query = fmt::format(
        "SELECT owner_id, field, language, text, is_original FROM {} WHERE owner_id IN ({})", table_, placeholders);
    soci::statement statement(sql);
    long long owner = 0;
    std::string field, language, text;
    int original = 0;
    statement.exchange(soci::into(owner));
    statement.exchange(soci::into(field));
    statement.exchange(soci::into(language));
    statement.exchange(soci::into(text));
    statement.exchange(soci::into(original));
    std::vector<long long> ids(owners.begin() + static_cast<std::ptrdiff_t>(begin),
                               owners.begin() + static_cast<std::ptrdiff_t>(end));
    for (auto& id : ids) statement.exchange(soci::use(id));
    statement.alloc();
    statement.prepare(query);
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) result[owner][field].Set(language, text, original != 0);
  }
  return result;
}

void TextTable::Replace(soci::session& sql, long long owner, std::string_view field,
                        const i18n::LocalizedText& text) const {
  std::string field_name(field);
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
}

}  // namespace entente::db
