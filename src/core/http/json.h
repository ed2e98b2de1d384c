#pragma once
// JSON responses of the API (nlohmann-json, kept out of headers that do not need it).

#include <nlohmann/json.hpp>

#include "core/base/json_text.h"
#include "core/base/pagination.h"
#include "core/base/partial_date.h"
#include "core/http/request.h"
#include "core/i18n/localized_text.h"

namespace entente::http {

// Text per language: {"en": {"text": "…", "original": true}, "fr": {…}}.
inline nlohmann::json LocalizedJson(const i18n::LocalizedText& text) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [language, variant] : text.variants()) {
    out[language] = {{"text", variant.text}, {"original", variant.original}};
  }
  return out;
}

// A date as precise as its source ("2014", "2014-10", "2014-10-14/2014-10-15"), or null.
inline nlohmann::json PartialDateJson(const PartialDate& date) {
  return date.known() ? nlohmann::json(date.ToString()) : nlohmann::json(nullptr);
}

inline Response JsonResponse(const nlohmann::json& body, int status = 200) {
  // Invalid UTF-8 in stored text must not turn a good answer into an exception.
  Response response = Response::Json(JsonText(body), status);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// The list convention: {"items": [...], "page": 1, "per_page": 50, "total": 123}.
template <typename T, typename ToJson>
nlohmann::json PageJson(const Page<T>& page, ToJson&& to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return {{"items", std::move(items)}, {"page", page.page}, {"per_page", page.per_page}, {"total", page.total}};
}

}  // namespace entente::http
