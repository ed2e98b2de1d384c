#pragma once
// Reading request bodies: HTML forms (application/x-www-form-urlencoded) and JSON. A body of
// another type is refused with kUnsupportedMediaType (415); a malformed one with
// kInvalidArgument. Also the pagination query parameters shared by every list.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/http/request.h"

namespace entente::http {

class Form {
 public:
  explicit Form(std::vector<std::pair<std::string, std::string>> fields) : fields_(std::move(fields)) {}
  // The first value of the field, or empty.
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

bool IsFormContentType(std::string_view content_type);
bool IsJsonContentType(std::string_view content_type);

Result<Form> ReadForm(const Request& request);
Result<nlohmann::json> ReadJson(const Request& request);

// ?page=N&per_page=M; kInvalidArgument (fields "page", "per_page") for values out of range,
// kBadRequest (400, field "page": TooDeep()) for a page starting beyond PageRequest::kMaxOffset.
Result<PageRequest> ReadPageRequest(const Request& request);

// The 400 of a page asked beyond PageRequest::kMaxOffset, pointing to keyset paging (after=).
Error TooDeep();

}  // namespace entente::http
