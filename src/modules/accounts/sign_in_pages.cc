// Signing in with a password, and signing out. The second step of a two-factor sign-in is in
// two_factor_pages.cc.

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "modules/accounts/accounts_handlers.h"

namespace entente::accounts {

Response SignInPage(RequestContext& context, const render::PageRenderer& pages, const std::string& email,
                    const std::string& next, const std::optional<Error>& error, int status) {
  render::Page page("accounts/sign_in.tpl", pages.Translate(context, N_("Sign in")));
  page.UseForms();
  auto& content = page.content();
  content.SetValue("EMAIL", email);
  content.SetValue("NEXT", next);
  if (error) pages.ShowErrors(context, content, *error);
  return pages.Render(context, page, status);
}

Result<Response> ShowSignIn(RequestContext& context, const RouteDependencies& deps) {
  if (context.actor.signed_in()) return Response::Redirect(http::SafeLocalPath(context.request.QueryParam("next")));
  return SignInPage(context, deps.pages, "", http::SafeLocalPath(context.request.QueryParam("next")), std::nullopt,
                    200);
}

Result<Response> SignIn(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  std::string email = form->Get("email");
  std::string next = http::SafeLocalPath(form->Get("next"));
  auto session = deps.accounts.SignIn(email, form->Get("password"), context.request.remote_address, context.request_id);
  if (!session) {
    if (session.error().code() == ErrorCode::kInternal) return Fail(session.error());
    Response page =
        SignInPage(context, deps.pages, email, next, session.error(), http::HttpStatusFor(session.error().code()));
    if (int wait = session.error().retry_after_seconds(); wait > 0) page.SetHeader("Retry-After", std::to_string(wait));
    return page;
  }
  if (session->second_factor_required) {
    Response response = Response::Redirect("/sign-in/two-factor?next=" + http::PercentEncode(next));
    response.AddHeader("Set-Cookie", SetChallengeCookie(deps.cookie, session->token));
    return response;
  }
  Response response = Response::Redirect(next);
  response.AddHeader("Set-Cookie", deps.cookie.Set(session->token));
  return response;
}

Result<Response> SignOut(RequestContext& context, const RouteDependencies& deps) {
  if (auto signed_out = deps.accounts.SignOut(context.actor, context.session_token); !signed_out) {
    return Fail(signed_out.error());
  }
  Response response = Response::Redirect("/");
  response.AddHeader("Set-Cookie", deps.cookie.Clear());
  return response;
}

}  // namespace entente::accounts
