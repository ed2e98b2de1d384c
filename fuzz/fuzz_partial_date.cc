// Dates as forms and CSV files give them: a year, a month, a day or a range.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/base/partial_date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto date = entente::PartialDate::Parse(input);
  if (date) {
    // What is accepted prints back to a text that parses to the same date.
    auto again = entente::PartialDate::Parse(date->ToString());
    if (!again || again->ToString() != date->ToString()) __builtin_trap();
  }
  return 0;
}
