#pragma once
// Our own request and response types, so that handlers and tests never see Boost.Beast
// (which lives in server.cc alone: one translation unit pays its compile cost).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace entente::http {

class BodyFile;

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
Method ParseMethod(std::string_view name);

// How clients reach the server: plain HTTP, or HTTPS terminated by a proxy in front
// (`http.behind_tls`). Decides HSTS, the cookies' Secure flag and name, and the Origin expected.
enum class PublicScheme { kHttp, kHttps };

// What a '+' means in the component being decoded: itself in a path, a space in a query or a
// form body (application/x-www-form-urlencoded).
enum class Plus { kLiteral, kSpace };

// Percent-decodes a URL component. Invalid escapes are kept as written. Never fails.
std::string PercentDecode(std::string_view text, Plus plus);
// Percent-encodes all but RFC 3986's unreserved characters and those in `also_keep` ('/' by
// default: a path; "" for one path segment or query value).
std::string PercentEncode(std::string_view text, std::string_view also_keep = "/");

// `path` when it is a path on this site ("/x", never "//host" or "/\\host"), else "/": for
// ?next= parameters, so that no redirect leads off the site.
std::string SafeLocalPath(const std::optional<std::string>& path);

// Splits "a=1&b=x%20y" into decoded pairs, in order, keeping repeated keys.
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query);

struct Request {
  Method method = Method::kGet;
  std::string target;                                        // as sent: path and query
  std::string path;                                          // decoded path, without the query
  std::string query;                                         // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  // A large body (the upload and CSV routes) is received into a temporary file instead of
  // `body`, which stays empty then; `body_file` holds it, mapped read-only (body_file.h).
  std::shared_ptr<const BodyFile> body_file;
  std::string remote_address;

  // The body, from memory or from its temporary file: read bodies through this.
  std::string_view Content() const;

  // The first header of that name (lower case), or empty.
  std::string_view Header(std::string_view lower_case_name) const;
  // The first query parameter of that name, decoded.
  std::optional<std::string> QueryParam(std::string_view name) const;
  // The value of a cookie from the Cookie header.
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response Html(std::string body, int status = 200);
  static Response Json(std::string body, int status = 200);
  static Response Text(std::string body, int status = 200);
  // 204: done, nothing to say (an API DELETE).
  static Response NoContent();
  // 303 See Other: after a form POST, and for the language switch.
  static Response Redirect(std::string location);

  // Replaces any header of that name. A name or value holding CR, LF or NUL (which would split
  // the response) is a bug of the caller: throws std::invalid_argument, leaving the headers as
  // they were; the pipeline answers 500 then.
  void SetHeader(std::string_view name, std::string value);
  // Adds a header even if one of that name exists (Set-Cookie). Refuses CR, LF and NUL as
  // SetHeader does.
  void AddHeader(std::string_view name, std::string value);
  std::string_view Header(std::string_view name) const;
};

}  // namespace entente::http
