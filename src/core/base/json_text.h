#pragma once
// A JSON value as compact text, with invalid UTF-8 replaced by U+FFFD instead of thrown: how JSON
// responses and audit details are written.

#include <nlohmann/json.hpp>

#include <string>

namespace entente {

inline std::string JsonText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace entente
