#pragma once
// Expected failures as values (docs/STYLE.md, point 4). Services return Result<T>; exactly one place
// (core/http/error_response.cc) turns an Error into an HTTP status and a page or JSON body.

#include <expected>
#include <string>
#include <utility>
#include <vector>

#include "core/base/messages.h"

namespace entente {

enum class ErrorCode {
  kInvalidArgument,   // the input is wrong; `fields` says where
  kBadRequest,        // the request cannot be answered as asked (a page too deep, a bad cursor); `fields` says why
  kUnauthenticated,   // a signed-in user is needed
  kPermissionDenied,  // signed in, but not allowed
  kNotFound,          // no such record, or not visible to the actor
  kConflict,          // a uniqueness or concurrent-update conflict
  kUnsupportedMediaType,
  kPayloadTooLarge,
  kTooManyRequests,
  kInternal,  // a bug or an infrastructure fault; its message is never shown to users
};

// A problem with one input field. `message` is an English msgid: the page or JSON layer
// translates it into the request's language.
struct FieldError {
  std::string field;
  std::string message;

  bool operator==(const FieldError&) const = default;
};

class Error {
 public:
  static Error InvalidArgument(std::string message, std::vector<FieldError> fields = {}) {
    return Error(ErrorCode::kInvalidArgument, std::move(message), std::move(fields));
  }
  // 400: the request is well-formed but asks for something the server does not answer that way
  // (an offset beyond PageRequest::kMaxOffset, an `after=` cursor that is not one of ours).
  static Error BadRequest(std::string message, std::vector<FieldError> fields = {}) {
    return Error(ErrorCode::kBadRequest, std::move(message), std::move(fields));
  }
  static Error Unauthenticated(std::string message = N_("Please sign in to continue.")) {
    return Error(ErrorCode::kUnauthenticated, std::move(message));
  }
  static Error PermissionDenied(std::string message = N_("You are not allowed to do this.")) {
    return Error(ErrorCode::kPermissionDenied, std::move(message));
  }
  static Error NotFound(std::string message = N_("The page or record you asked for does not exist.")) {
    return Error(ErrorCode::kNotFound, std::move(message));
  }
  static Error Conflict(std::string message) { return Error(ErrorCode::kConflict, std::move(message)); }
  static Error UnsupportedMediaType(std::string message = N_("This content type is not accepted here.")) {
    return Error(ErrorCode::kUnsupportedMediaType, std::move(message));
  }
  static Error PayloadTooLarge(std::string message = N_("The request is too large.")) {
    return Error(ErrorCode::kPayloadTooLarge, std::move(message));
  }
  static Error TooManyRequests(std::string message = N_("Too many requests. Please wait and try again.")) {
    return Error(ErrorCode::kTooManyRequests, std::move(message));
  }
  // `detail` goes to the log only; users see a generic message and the request id.
  static Error Internal(std::string detail) { return Error(ErrorCode::kInternal, std::move(detail)); }

  ErrorCode code() const { return code_; }
  // For every code but kInternal, an English msgid fit to show once translated.
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }

  // A stable machine-readable name of the code ("not_found"), used in JSON errors and logs.
  std::string_view CodeName() const;
  // The message and every field error on one line, for logs and loaders' reports (English).
  std::string Describe() const;

  // The record a refusal was about ("person 5"), for the log only; empty for other errors.
  const std::string& subject() const { return subject_; }
  Error WithSubject(std::string subject) && {
    subject_ = std::move(subject);
    return std::move(*this);
  }

  // For kTooManyRequests: how many seconds to wait (the Retry-After header); 0 when unknown.
  int retry_after_seconds() const { return retry_after_seconds_; }
  Error WithRetryAfter(int seconds) && {
    retry_after_seconds_ = seconds;
    return std::move(*this);
  }

 private:
  Error(ErrorCode code, std::string message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  ErrorCode code_;
  std::string message_;
  std::vector<FieldError> fields_;
  std::string subject_;
  int retry_after_seconds_ = 0;
};

template <typename T>
using Result = std::expected<T, Error>;

// For operations that return nothing on success.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(Error error) { return std::unexpected<Error>(std::move(error)); }

}  // namespace entente
