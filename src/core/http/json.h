#pragma once
// JSON responses of the API (nlohmann-json, kept out of headers that do not need it).

#include <nlohmann/json.hpp>

#include "core/base/pagination.h"
#include "core/http/request.h"

namespace entente::http {

inline Response JsonResponse(const nlohmann::json& body, int status = 200) {
  // Invalid UTF-8 in stored text must not turn a good answer into an exception.
  Response response = Response::Json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
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
