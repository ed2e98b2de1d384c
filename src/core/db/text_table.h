#pragma once
// The per-entity text table (docs/ARCHITECTURE.md, "Text in four languages"). Each entity with human text
// has a table of this shape:
//
//   <entity>_texts (owner_id → <entity>.id, field, language, text, is_original,
//                   PRIMARY KEY (owner_id, field, language))
//
// and its store uses a TextTable to load the texts of many records in one query and to replace
// one field's variants.

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/localized_text.h"

namespace entente::db {

class TextTable {
 public:
  // `table` is an identifier fixed in code, never input.
  explicit constexpr TextTable(std::string_view table) : table_(table) {}

  // field → text in every language it has
  using Texts = std::map<std::string, i18n::LocalizedText, std::less<>>;

  // The texts of each owner in `owners` (owners without any text are absent). One query per
  // 500 owners, every id a bound parameter.
  std::map<long long, Texts> Load(soci::session& sql, const std::vector<long long>& owners) const;

  // Replaces all variants of `field` for `owner` with `text`. Call inside a write transaction.
  void Replace(soci::session& sql, long long owner, std::string_view field, const i18n::LocalizedText& text) const;

 private:
  std::string_view table_;
};

// The text of `field` of `owner` among texts Load() returned; empty when there is none.
i18n::LocalizedText TextOf(const std::map<long long, TextTable::Texts>& texts, long long owner,
                           std::string_view field);

}  // namespace entente::db
