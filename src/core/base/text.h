#pragma once

#include <string_view>

namespace entente {

// `text` without the spaces and tabs around it (HTTP's optional whitespace, and what people
// type around a name).
constexpr std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace entente
