#include "core/http/pipeline.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>
#include <random>

#include "core/base/log_text.h"
#include "core/i18n/languages.h"

namespace entente::http {

std::string NewRequestId() {
  // Request ids need to be unique, not secret: a per-thread generator seeded once from
  // libsodium, rather than a system call per request.
  thread_local std::mt19937_64 generator = [] {
    std::uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    return std::mt19937_64(seed);
  }();
  return fmt::format("{:016x}", generator());
}

namespace {

// Every X-Forwarded-For header's value, in order, as one comma-separated list.
std::string ForwardedFor(const Request& request) {
  std::string joined;
  for (const auto& [name, value] : request.headers) {
    if (name != "x-forwarded-for") continue;
    if (!joined.empty()) joined += ',';
    joined += value;
  }
  return joined;
}

}  // namespace

Pipeline::Pipeline(const Router& router, const ErrorPresenter& presenter, Metrics& metrics, PipelineOptions options)
    : router_(router), presenter_(presenter), metrics_(metrics), options_(options) {}

void Pipeline::Use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

size_t Pipeline::MaxBodyBytes(Method method, std::string_view path) const { return router_.MaxBodyBytes(method, path); }

Response Pipeline::Handle(Request& request) {
  Router::Match match = router_.Find(request.method, request.path);
  return Run(
      request, [this, &match](RequestContext& context) { return Dispatch(context, match); }, match.route);
}

Response Pipeline::Reject(int status, Request& request) {
  return Run(
      request, [this, status](RequestContext& context) { return StatusResponse(context, status, presenter_); },
      nullptr);
}

Response Pipeline::Run(Request& request, const Next& innermost, const Route* route) {
  auto started = std::chrono::steady_clock::now();
  request.remote_address = ClientAddress(request.remote_address, ForwardedFor(request), options_.trusted_proxies);
  RequestContext context(request, NewRequestId());
  context.route_found = route != nullptr;
  // Build the chain from the inside out: middleware_[0] ends up outermost.
  Next next = innermost;
  for (auto it = middleware_.rbegin(); it != middleware_.rend(); ++it) {
    next = [middleware = &*it, inner = std::move(next)](RequestContext& ctx) { return (*middleware)(ctx, inner); };
  }
  Response response;
  try {
    response = next(context);
  } catch (const std::exception& error) {
    response = ErrorResponse(context, Error::Internal(fmt::format("uncaught exception: {}", error.what())), presenter_);
  } catch (...) {
    response = ErrorResponse(context, Error::Internal("uncaught non-standard exception"), presenter_);
  }
  response.SetHeader("X-Request-Id", context.request_id);

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string_view pattern = context.route_pattern.empty() ? std::string_view("(none)") : context.route_pattern;
  metrics_.Record(pattern, MethodName(request.method), response.status, seconds);
  if (options_.access_log) {
    spdlog::info("{} \"{} {}\" {} {} {:.1f}ms rid={}", request.remote_address, MethodName(request.method),
                 EscapeForLog(request.target), response.status, response.body.size(), seconds * 1000,
                 context.request_id);
  }
  return response;
}

Response Pipeline::Dispatch(RequestContext& context, const Router::Match& match) {
  // Load → check access → act (docs/STYLE.md, point 3): the route says who may use it.
  if (!match.route) {
    if (!match.allowed.empty()) {
      Response response = StatusResponse(context, 405, presenter_);
      std::string allow;
      for (Method method : match.allowed) {
        if (!allow.empty()) allow += ", ";
        allow += MethodName(method);
      }
      response.SetHeader("Allow", allow);
      return response;
    }
    return ErrorResponse(context, Error::NotFound(), presenter_);
  }
  context.route_pattern = match.route->pattern;
  context.params = match.params;
  if (auto refused = CheckAccess(match.route->access, context.actor)) {
    if (refused->code() != ErrorCode::kUnauthenticated || context.WantsJson()) {
      spdlog::warn("access denied: {} {} for user {} rid={}", MethodName(context.request.method),
                   EscapeForLog(context.request.path), context.actor.user().value(), context.request_id);
    }
    NoteRefusal(context, *refused);
    return ErrorResponse(context, *refused, presenter_);
  }
  Result<Response> result = match.route->handler(context);
  if (!result) {
    NoteRefusal(context, result.error());
    return ErrorResponse(context, result.error(), presenter_);
  }
  return std::move(*result);
}

void Pipeline::NoteRefusal(const RequestContext& context, const Error& error) {
  // Reads are refused all day (a hidden record, a mistyped address); a refused change is worth a
  // line and a count: who tried what, on which record.
  Method method = context.request.method;
  if (method == Method::kGet || method == Method::kHead || method == Method::kOptions) return;
  int status = 0;
  switch (error.code()) {
    case ErrorCode::kUnauthenticated:
      status = 401;
      break;
    case ErrorCode::kPermissionDenied:
      status = 403;
      break;
    case ErrorCode::kNotFound:
      status = 404;
      break;
    default:
      return;
  }
  metrics_.RecordRefusedWrite(context.route_pattern, MethodName(method), status);
  spdlog::warn("refused write: {} {} route={} user={} record={} status={} rid={}", MethodName(method),
               EscapeForLog(context.request.path), context.route_pattern, context.actor.user().value(),
               error.subject().empty() ? "-" : EscapeForLog(error.subject()), status, context.request_id);
}

std::optional<Error> CheckAccess(const Access& access, const auth::Actor& actor) {
  switch (access.kind()) {
    case Access::Kind::kAnyone:
      return std::nullopt;
    case Access::Kind::kSignedIn:
      if (!actor.signed_in()) return Error::Unauthenticated();
      return std::nullopt;
    case Access::Kind::kAdmin:
      if (!actor.signed_in()) return Error::Unauthenticated();
      if (!actor.HoldsAnywhere(auth::Role::kBarAdmin)) return Error::PermissionDenied();
      return std::nullopt;
    case Access::Kind::kPlatformAdmin:
      if (!actor.signed_in()) return Error::Unauthenticated();
      if (!actor.IsPlatformAdmin()) return Error::PermissionDenied();
      return std::nullopt;
  }
  return Error::PermissionDenied();
}

Middleware SecurityHeaders(PublicScheme scheme) {
  return [scheme](RequestContext& context, const Next& next) {
    Response response = next(context);
    // Pages load only our own scripts and styles; uploads get a stricter policy of their own.
    if (response.Header("Content-Security-Policy").empty()) {
      response.SetHeader("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                         "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                         "form-action 'self'; frame-ancestors 'none'");
    }
    response.SetHeader("X-Content-Type-Options", "nosniff");
    response.SetHeader("X-Frame-Options", "DENY");
    response.SetHeader("Referrer-Policy", "same-origin");
    response.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (scheme == PublicScheme::kHttps)
      response.SetHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return response;
  };
}

Middleware ChooseLanguage() {
  return [](RequestContext& context, const Next& next) {
    auto cookie = context.request.Cookie("lang");
    std::optional<std::string_view> cookie_view;
    if (cookie) cookie_view = *cookie;
    std::optional<std::string_view> preference;
    if (context.actor.signed_in()) preference = context.actor.preferred_language();
    context.language =
        std::string(i18n::ChooseLanguage(cookie_view, preference, context.request.Header("accept-language")));
    Response response = next(context);
    response.SetHeader("Content-Language", context.language);
    // The page differs by these: shared caches must not mix languages.
    response.SetHeader("Vary", "Cookie, Accept-Language");
    return response;
  };
}

}  // namespace entente::http
