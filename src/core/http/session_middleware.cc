#include "core/http/session_middleware.h"

#include <spdlog/spdlog.h>

#include "core/base/log_text.h"
#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/http/multipart.h"

namespace entente::http {
namespace {

constexpr std::string_view kCsrfCookie = "entente_csrf";

bool ChangesState(Method method) {
  return method == Method::kPost || method == Method::kPut || method == Method::kPatch || method == Method::kDelete;
}

}  // namespace

SessionCookie SessionCookie::For(PublicScheme scheme, int absolute_hours) {
  bool behind_tls = scheme == PublicScheme::kHttps;
  return SessionCookie{behind_tls ? "__Host-entente_session" : "entente_session", behind_tls, absolute_hours * 3600};
}

std::string SessionCookie::Set(const std::string& token) const {
  return name + "=" + token + "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

std::string SessionCookie::Clear() const {
  return name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
}

Middleware Authenticate(auth::Authenticator& authenticator, SessionCookie cookie, const ErrorPresenter& presenter) {
  return [&authenticator, cookie, &presenter](RequestContext& context, const Next& next) {
    std::string_view authorization = context.request.Header("authorization");
    if (!authorization.empty() && context.WantsJson()) {
      if (!authorization.starts_with("Bearer ")) {
        return ErrorResponse(context, Error::Unauthenticated(N_("Use an API token: Authorization: Bearer TOKEN.")),
                             presenter);
      }
      auto actor = authenticator.AuthenticateApiToken(std::string(authorization.substr(7)), context.request_id);
      if (!actor) return ErrorResponse(context, actor.error(), presenter);
      if (!*actor) {
        spdlog::warn("API token refused from {} rid={}", EscapeForLog(context.request.remote_address), context.request_id);
        return ErrorResponse(context, Error::Unauthenticated(N_("This API token is not valid or has been revoked.")),
                             presenter);
      }
      context.actor = std::move(**actor);
      context.api_token = true;
      if (context.actor.token() && context.actor.token()->scope == auth::TokenScope::kRead &&
          ChangesState(context.request.method)) {
        spdlog::warn("read-only API token {} refused for {} {} rid={}", context.actor.token()->id,
                     MethodName(context.request.method), EscapeForLog(context.request.path), context.request_id);
        return ErrorResponse(context, Error::PermissionDenied(N_("This API token may only read.")), presenter);
      }
      return next(context);
    }
    auto token = context.request.Cookie(cookie.name);
    if (!token || token->empty()) return next(context);
    auto actor = authenticator.AuthenticateSession(*token, context.request_id);
    if (!actor) return ErrorResponse(context, actor.error(), presenter);
    if (!*actor) {
      // Expired, revoked or unknown: carry on as anonymous and drop the cookie.
      Response response = next(context);
      if (response.Header("Set-Cookie").find(cookie.name + "=") == std::string_view::npos) {
        response.AddHeader("Set-Cookie", cookie.Clear());
      }
      return response;
    }
    context.actor = std::move(**actor);
    context.session_token = *token;
    return next(context);
  };
}

Middleware ProtectForms(const auth::CsrfTokens& tokens, PublicScheme scheme, const ErrorPresenter& presenter) {
  bool behind_tls = scheme == PublicScheme::kHttps;
  return [&tokens, behind_tls, &presenter](RequestContext& context, const Next& next) {
    if (context.api_token) return next(context);
    // The binding: the session, else the anonymous cookie, else a new cookie — made only when
    // a token is needed (a form on the page, or a request to verify).
    std::string new_cookie;
    auto binding = [&]() -> std::string {
      if (!context.session_token.empty()) return "session:" + auth::HashToken(context.session_token);
      if (auto cookie = context.request.Cookie(kCsrfCookie); cookie && cookie->size() == 43) return "anonymous:" + *cookie;
      if (new_cookie.empty()) new_cookie = auth::NewToken();
      return "anonymous:" + new_cookie;
    };
    context.make_csrf_token = [&tokens, binding]() { return tokens.For(binding()); };
    // The maker refers to this frame: once it ends (returning or throwing), a token not yet made
    // stays empty rather than calling into a finished frame.
    struct Forget {
      RequestContext& context;
      ~Forget() {
        if (!context.CsrfTokenMade()) context.make_csrf_token = nullptr;
      }
    } forget{context};

    if (ChangesState(context.request.method) && context.route_found) {
      std::string expected_origin =
          std::string(behind_tls ? "https://" : "http://") + std::string(context.request.Header("host"));
      std::string_view origin = context.request.Header("origin");
      if ((!origin.empty() && origin != expected_origin) || context.request.Header("sec-fetch-site") == "cross-site") {
        spdlog::warn("cross-origin {} {} refused (Origin: {}) rid={}", MethodName(context.request.method),
                     EscapeForLog(context.request.path), EscapeForLog(origin), context.request_id);
        return ErrorResponse(context, Error::PermissionDenied(N_("Requests from other sites are not accepted.")),
                             presenter);
      }
      std::string presented(context.request.Header("x-csrf-token"));
      std::string_view content_type = context.request.Header("content-type");
      if (presented.empty() && IsFormContentType(content_type)) {
        presented = Form(ParseQuery(context.request.Content())).Get("csrf_token");
      } else if (presented.empty() && content_type.starts_with("multipart/form-data")) {
        if (auto parts = ParseMultipart(content_type, context.request.Content())) {
          for (const auto& part : *parts) {
            if (part.name == "csrf_token" && part.filename.empty()) presented = std::string(part.body);
          }
        }
      }
      if (!tokens.Verify(binding(), presented)) {
        spdlog::warn("CSRF token missing or wrong on {} {} for user {} rid={}", MethodName(context.request.method),
                     EscapeForLog(context.request.path), context.actor.user().value(), context.request_id);
        return ErrorResponse(
            context,
            Error::PermissionDenied(N_("This form has expired. Please go back, reload the page and try again.")),
            presenter);
      }
    }
    Response response = next(context);
    // Set the anonymous cookie only where a page embeds the token (a form), so that a plain
    // page view stays free of it.
    if (!new_cookie.empty() && context.CsrfTokenMade() && response.body.find(context.CsrfToken()) != std::string::npos) {
      response.AddHeader("Set-Cookie", std::string(kCsrfCookie) + "=" + new_cookie +
                                           "; Path=/; HttpOnly; SameSite=Lax" + (behind_tls ? "; Secure" : ""));
    }
    return response;
  };
}

}  // namespace entente::http
