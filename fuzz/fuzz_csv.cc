// Roll CSV files: parsing, then formatting what was parsed.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/csv/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  entente::csv::Document document = entente::csv::Parse(input);
  size_t last_line = 0;
  for (const auto& row : document.rows) {
    if (row.line < last_line) __builtin_trap();  // rows come in the order of the file
    last_line = row.line;
    std::string formatted = entente::csv::FormatRow(row.fields);
    if (formatted.size() < row.fields.size()) __builtin_trap();  // at least the separators
  }
  return 0;
}
