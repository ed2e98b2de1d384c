// Uploaded documents: the magic-number check and the zip central-directory reader behind DOCX
// and ODT recognition (agreements module). The first byte picks the name the file claims.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "modules/agreements/documents.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  constexpr std::string_view kNames[] = {"text.pdf", "text.docx", "text.odt", "text.txt"};
  std::string_view name = kNames[data[0] % 4];
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  auto type = entente::agreements::RecognizeDocument(name, content);
  // Whatever it accepts is named as it is.
  if (type && name.substr(name.rfind('.') + 1) != entente::agreements::DocumentTypeKey(*type)) __builtin_trap();
  return 0;
}
