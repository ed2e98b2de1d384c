#include "core/http/multipart.h"

#include <algorithm>
#include <cctype>

#include "core/base/messages.h"
#include "core/base/text.h"

namespace entente::http {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of `key` in a header's parameters: name="file"; filename="roll.csv".
std::string Parameter(std::string_view header, std::string_view key) {
  size_t position = 0;
  while ((position = header.find(';', position)) != std::string_view::npos) {
    ++position;
    std::string_view rest = TrimSpaces(header.substr(position));
    if (Lower(rest.substr(0, key.size())) != key || rest.size() <= key.size() || rest[key.size()] != '=') continue;
    std::string_view value = rest.substr(key.size() + 1);
    if (!value.empty() && value.front() == '"') {
      size_t close = value.find('"', 1);
      if (close == std::string_view::npos) return {};
      return std::string(value.substr(1, close - 1));
    }
    return std::string(value.substr(0, value.find(';')));
  }
  return {};
}

Error Malformed() { return Error::InvalidArgument(N_("The uploaded form could not be read.")); }

}  // namespace

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type, std::string_view body,
                                                  size_t max_parts) {
  if (Lower(TrimSpaces(content_type.substr(0, content_type.find(';')))) != "multipart/form-data") {
    return Fail(Error::UnsupportedMediaType(N_("Send the file as multipart/form-data.")));
  }
  std::string boundary = Parameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) return Fail(Error::UnsupportedMediaType(N_("Send the file as multipart/form-data.")));
  std::string delimiter = "--" + boundary;
  std::vector<MultipartPart> parts;
  size_t position = body.find(delimiter);
  if (position == std::string_view::npos) return Fail(Malformed());
  while (true) {
    position += delimiter.size();
    if (body.substr(position, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(position, 2) != "\r\n") return Fail(Malformed());
    position += 2;
    size_t headers_end = body.find("\r\n\r\n", position);
    if (headers_end == std::string_view::npos || headers_end - position > 8192) return Fail(Malformed());
    MultipartPart part;
    std::string_view headers = body.substr(position, headers_end - position);
    while (!headers.empty()) {
      size_t line_end = headers.find("\r\n");
      std::string_view line = headers.substr(0, line_end);
      headers = line_end == std::string_view::npos ? std::string_view() : headers.substr(line_end + 2);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) return Fail(Malformed());
      std::string name = Lower(TrimSpaces(line.substr(0, colon)));
      std::string_view value = TrimSpaces(line.substr(colon + 1));
      if (name == "content-disposition") {
        part.name = Parameter(value, "name");
        part.filename = Parameter(value, "filename");
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    size_t content = headers_end + 4;
    size_t next = body.find("\r\n" + delimiter, content);
    if (next == std::string_view::npos) return Fail(Malformed());
    part.body = body.substr(content, next - content);
    if (part.name.empty()) return Fail(Malformed());
    parts.push_back(std::move(part));
    if (parts.size() > max_parts) return Fail(Malformed());
    position = next + 2;
  }
}

}  // namespace entente::http
