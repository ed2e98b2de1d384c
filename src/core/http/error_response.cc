#include "core/http/error_response.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "core/base/json_text.h"
#include "core/base/log_text.h"
#include "core/base/messages.h"

namespace entente::http {
namespace {

// English msgids of the page titles; translated by the presenter.
std::string_view TitleFor(int status) {
  switch (status) {
    case 400:
      return N_("Bad request");
    case 401:
      return N_("Sign-in needed");
    case 403:
      return N_("Not allowed");
    case 404:
      return N_("Page not found");
    case 405:
      return N_("Method not allowed");
    case 409:
      return N_("Conflict");
    case 413:
      return N_("Request too large");
    case 415:
      return N_("Unsupported content type");
    case 422:
      return N_("Please check the form");
    case 429:
      return N_("Too many requests");
    case 431:
      return N_("Request headers too large");
    default:
      return N_("Something went wrong");
  }
}

std::string_view MessageFor(int status) {
  switch (status) {
    case 400:
      return N_("The request could not be understood.");
    case 404:
      return N_("The page or record you asked for does not exist.");
    case 405:
      return N_("This address does not accept that kind of request.");
    case 413:
      return N_("The request is too large.");
    case 429:
      return N_("Too many requests. Please wait and try again.");
    case 431:
      return N_("The request headers are too large.");
    default:
      return N_("An unexpected error occurred. If it happens again, tell us the request number below.");
  }
}

std::string_view CodeNameFor(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 429:
      return "too_many_requests";
    case 431:
      return "headers_too_large";
    default:
      return "internal";
  }
}

Response Present(RequestContext& context, int status, std::string_view code_name, std::string_view message_msgid,
                 const std::vector<FieldError>& fields, const ErrorPresenter& presenter) {
  std::string message = presenter.Translate(context.language, message_msgid);
  if (context.WantsJson()) {
    nlohmann::json body = {{"code", code_name}, {"message", message}, {"request_id", context.request_id}};
    body["fields"] = nlohmann::json::array();
    for (const auto& field : fields) {
      body["fields"].push_back(
          {{"field", field.field}, {"message", presenter.Translate(context.language, field.message)}});
    }
    return Response::Json(JsonText(body), status);
  }
  return presenter.ErrorPage(context, status, presenter.Translate(context.language, TitleFor(status)), message, fields);
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(RequestContext& context, const Error& error, const ErrorPresenter& presenter) {
  int status = HttpStatusFor(error.code());
  // A page that needs a signed-in user sends the browser to sign in, and back here after.
  if (error.code() == ErrorCode::kUnauthenticated && !context.WantsJson() &&
      (context.request.method == Method::kGet || context.request.method == Method::kHead)) {
    return Response::Redirect("/sign-in?next=" + PercentEncode(context.request.target));
  }
  if (error.code() == ErrorCode::kInternal) {
    spdlog::error("request {} {} {}: internal error: {}", context.request_id, MethodName(context.request.method),
                  EscapeForLog(context.request.path), EscapeForLog(error.message()));
    return Present(context, status, error.CodeName(), MessageFor(500), {}, presenter);
  }
  Response response = Present(context, status, error.CodeName(), error.message(), error.fields(), presenter);
  if (error.retry_after_seconds() > 0) response.SetHeader("Retry-After", std::to_string(error.retry_after_seconds()));
  return response;
}

Response StatusResponse(RequestContext& context, int status, const ErrorPresenter& presenter) {
  return Present(context, status, CodeNameFor(status), MessageFor(status), {}, presenter);
}

}  // namespace entente::http
