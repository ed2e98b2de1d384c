// multipart/form-data bodies (the roll upload, document uploads): the first line of the input is
// the Content-Type header, the rest the body.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/http/multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view content_type = input.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  auto parts = entente::http::ParseMultipart(content_type, body);
  if (parts) {
    size_t total = 0;
    for (const auto& part : *parts) total += part.body.size();
    // Every part is a piece of the body: together they cannot be larger than it.
    if (total > body.size()) __builtin_trap();
  }
  return 0;
}
