// Query strings and urlencoded form bodies, and percent-decoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/http/request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const auto& [key, value] : entente::http::ParseQuery(input)) {
    if (key.size() + value.size() > input.size()) __builtin_trap();  // decoding never grows text
  }
  for (auto plus : {entente::http::Plus::kLiteral, entente::http::Plus::kSpace}) {
    if (entente::http::PercentDecode(input, plus).size() > input.size()) __builtin_trap();
  }
  return 0;
}
