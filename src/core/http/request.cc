#include "core/http/request.h"

#include "core/http/body_file.h"

#include <fmt/format.h>
#include <strings.h>

#include <algorithm>
#include <stdexcept>

#include "core/base/text.h"

namespace entente::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

Method ParseMethod(std::string_view name) {
  for (Method method :
       {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete, Method::kOptions}) {
    if (MethodName(method) == name) return method;
  }
  return Method::kOther;
}

std::string PercentDecode(std::string_view text, Plus plus) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int high = HexValue(text[i + 1]);
      int low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(plus == Plus::kSpace && c == '+' ? ' ' : c);
  }
  return out;
}

std::string PercentEncode(std::string_view text, std::string_view also_keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~' || also_keep.find(static_cast<char>(c)) != std::string_view::npos) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string SafeLocalPath(const std::optional<std::string>& path) {
  if (!path || path->empty() || path->front() != '/' || path->starts_with("//") || path->starts_with("/\\")) return "/";
  for (char c : *path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "/";
  }
  return *path;
}

std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view key = part.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
    pairs.emplace_back(PercentDecode(key, Plus::kSpace), PercentDecode(value, Plus::kSpace));
  }
  return pairs;
}

std::string_view Request::Content() const { return body_file ? body_file->content() : std::string_view(body); }

std::string_view Request::Header(std::string_view lower_case_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_case_name) return value;
  }
  return {};
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
  for (auto& [key, value] : ParseQuery(query)) {
    if (key == name) return std::move(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  for (const auto& [header, value] : headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t semicolon = rest.find(';');
      std::string_view pair = TrimSpaces(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
        std::string_view cookie = pair.substr(eq + 1);
        if (cookie.size() >= 2 && cookie.front() == '"' && cookie.back() == '"') {
          cookie = cookie.substr(1, cookie.size() - 2);
        }
        return std::string(cookie);
      }
    }
  }
  return std::nullopt;
}

Response Response::Html(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "text/html; charset=utf-8");
  return response;
}

Response Response::Json(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "application/json; charset=utf-8");
  return response;
}

Response Response::Text(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "text/plain; charset=utf-8");
  return response;
}

Response Response::NoContent() {
  Response response;
  response.status = 204;
  return response;
}

Response Response::Redirect(std::string location) {
  Response response;
  response.status = 303;
  response.SetHeader("Location", std::move(location));
  response.SetHeader("Content-Type", "text/plain; charset=utf-8");
  return response;
}

namespace {

// Every header reaches the response through SetHeader or AddHeader: this is the one check that
// no value (a redirect target, a file name) splits the response or injects a header.
void RefuseLineBreaks(std::string_view name, std::string_view value) {
  auto breaks = [](std::string_view text) { return text.find_first_of(std::string_view("\r\n\0", 3)) != text.npos; };
  // The value is not in the message: the log must not receive what it carries.
  if (breaks(name)) throw std::invalid_argument("a response header name carries CR, LF or NUL");
  if (breaks(value)) throw std::invalid_argument(fmt::format("response header {} carries CR, LF or NUL", name));
}

}  // namespace

void Response::AddHeader(std::string_view name, std::string value) {
  RefuseLineBreaks(name, value);
  headers.emplace_back(std::string(name), std::move(value));
}

void Response::SetHeader(std::string_view name, std::string value) {
  RefuseLineBreaks(name, value);
  auto it = std::find_if(headers.begin(), headers.end(),
                         [&](const auto& header) { return EqualsIgnoreCase(header.first, name); });
  if (it != headers.end()) {
    it->second = std::move(value);
  } else {
    headers.emplace_back(std::string(name), std::move(value));
  }
}

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [header, value] : headers) {
    if (EqualsIgnoreCase(header, name)) return value;
  }
  return {};
}

}  // namespace entente::http
