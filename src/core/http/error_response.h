#pragma once
// The one place that turns an Error into an HTTP response (docs/STYLE.md, point 4): the status for
// each code, a page in the user's language for browsers, `{code, message, fields[], request_id}`
// for /api/. An internal error's detail goes to the log with the request id, never to the user.

#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "core/http/context.h"
#include "core/http/request.h"

namespace entente::http {

// Renders error pages; implemented by the page layer so that core/http knows no templates.
class ErrorPresenter {
 public:
  virtual ~ErrorPresenter() = default;
  virtual std::string Translate(std::string_view language, std::string_view msgid) const = 0;
  virtual Response ErrorPage(RequestContext& context, int status, std::string_view title,
                             std::string_view message, const std::vector<FieldError>& fields) const = 0;
};

int HttpStatusFor(ErrorCode code);

Response ErrorResponse(RequestContext& context, const Error& error, const ErrorPresenter& presenter);

// For refusals that have no Error behind them (405, 431, …): the same page or JSON.
Response StatusResponse(RequestContext& context, int status, const ErrorPresenter& presenter);

}  // namespace entente::http
