#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace entente {

// `text` without the spaces and tabs around it (HTTP's optional whitespace, and what people
// type around a name).
constexpr std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A record's address in URLs and forms: 1 to 100 lower-case ASCII letters, digits and hyphens
// (the router's {slug:slug}). A module may ask more of its own (events: 2 to 80, no hyphen at
// either end).
constexpr bool IsSlug(std::string_view text) {
  if (text.empty() || text.size() > 100) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// The items of a typed list: `text` cut at any of `separators`, each item without the white space
// around it (spaces, tabs, line ends), empty items dropped. "fr, ru; kk" with ",;" → {"fr", "ru", "kk"}. Each list
// says its separators where it is read (a form field, a roll column), in one place.
inline std::vector<std::string> SplitList(std::string_view text, std::string_view separators) {
  std::vector<std::string> items;
  while (true) {
    size_t end = text.find_first_of(separators);
    std::string_view item = text.substr(0, end);
    size_t first = item.find_first_not_of(" \t\r\n");
    item = first == std::string_view::npos ? std::string_view()
                                           : item.substr(first, item.find_last_not_of(" \t\r\n") - first + 1);
    if (!item.empty()) items.emplace_back(item);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return items;
}

}  // namespace entente
