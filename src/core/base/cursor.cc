#include "core/base/cursor.h"

#include <sodium.h>

#include <array>
#include <charconv>
#include <cstring>

namespace entente {
namespace {

constexpr size_t kChecksumBytes = 8;
constexpr std::string_view kVersion = "1";

std::array<unsigned char, kChecksumBytes> Checksum(std::string_view payload) {
  std::array<unsigned char, kChecksumBytes> sum{};
  crypto_generichash(sum.data(), sum.size(), reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                     nullptr, 0);
  return sum;
}

}  // namespace

std::string EncodeCursor(const KeysetCursor& cursor) {
  // "1\n<id>\n<key>": the key last, so it may hold any byte.
  std::string payload =
      std::string(kVersion) + "\n" + std::to_string(cursor.id) + "\n" + cursor.key.substr(0, kMaxCursorKeyBytes);
  auto sum = Checksum(payload);
  std::string raw(reinterpret_cast<const char*>(sum.data()), sum.size());
  raw += payload;
  std::string text(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(std::strlen(text.c_str()));
  return text;
}

std::optional<KeysetCursor> DecodeCursor(std::string_view text) {
  if (text.empty() || text.size() > kMaxCursorText) return std::nullopt;
  std::string raw(text.size(), '\0');
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), text.data(), text.size(), nullptr,
                        &length, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size() || length <= kChecksumBytes) {
    return std::nullopt;
  }
  raw.resize(length);
  std::string_view payload = std::string_view(raw).substr(kChecksumBytes);
  auto sum = Checksum(payload);
  if (sodium_memcmp(sum.data(), raw.data(), kChecksumBytes) != 0) return std::nullopt;
  size_t first = payload.find('\n');
  if (first == std::string_view::npos || payload.substr(0, first) != kVersion) return std::nullopt;
  size_t second = payload.find('\n', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::string_view id_text = payload.substr(first + 1, second - first - 1);
  KeysetCursor cursor;
  auto [id_end, error] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), cursor.id);
  if (error != std::errc() || id_end != id_text.data() + id_text.size() || id_text.empty() || id_text[0] == '0' ||
      cursor.id <= 0) {
    return std::nullopt;
  }
  cursor.key = std::string(payload.substr(second + 1));
  if (cursor.key.size() > kMaxCursorKeyBytes) return std::nullopt;
  return cursor;
}

}  // namespace entente
