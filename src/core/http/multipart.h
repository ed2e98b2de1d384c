#pragma once
// multipart/form-data bodies (file uploads; Beast has none): a small, bounded parser. It reads
// parts separated by the boundary of the Content-Type header, with their Content-Disposition name
// and filename; it copies nothing beyond the body it is given, and refuses what it cannot read.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"

namespace entente::http {

struct MultipartPart {
  std::string name;
  std::string filename;  // empty for plain fields
  std::string content_type;
  std::string_view body;  // points into the request body
};

// kUnsupportedMediaType when the content type is not multipart/form-data with a boundary;
// kInvalidArgument for a malformed body. At most `max_parts` parts.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type, std::string_view body,
                                                  size_t max_parts = 32);

}  // namespace entente::http
