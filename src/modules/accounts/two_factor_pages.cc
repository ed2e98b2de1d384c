// Two-factor sign-in: the code page at sign-in, the enrolment page, and their JSON API.

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/http/json.h"
#include "core/http/json_reader.h"
#include "modules/accounts/accounts_handlers.h"
#include "modules/accounts/accounts_json.h"
#include "modules/accounts/totp.h"

namespace entente::accounts {

using nlohmann::json;

namespace {

Response CodePage(RequestContext& context, const render::PageRenderer& pages, const std::string& next,
                  const std::optional<Error>& error, int status) {
  render::Page page("accounts/two_factor_sign_in.tpl", pages.Translate(context, N_("Two-factor sign-in")));
  page.UseForms();
  page.content().SetValue("NEXT", next);
  if (error) pages.ShowErrors(context, page.content(), *error);
  Response response = pages.Render(context, page, status);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// Back to the password form, the pending step's cookie dropped.
Response BackToSignIn(RequestContext& context, const RouteDependencies& deps, const std::string& next,
                      const Error& error, int status) {
  Response response = SignInPage(context, deps.pages, "", next, error, status);
  response.AddHeader("Set-Cookie", ClearChallengeCookie(deps.cookie));
  return response;
}

struct Shown {
  std::vector<std::string> recovery_codes;  // new codes, shown on this response only
  std::optional<Error> error;
  std::string error_form;  // CONFIRM_FORM, REGENERATE_FORM, REMOVE_FORM
};

Result<Response> EnrolmentPage(RequestContext& context, const RouteDependencies& deps, const Shown& shown, int status) {
  const auto& pages = deps.pages;
  auto state = deps.accounts.TwoFactorStatusOf(context.actor);
  if (!state) return Fail(state.error());
  render::Page page("accounts/two_factor.tpl", pages.Translate(context, N_("Two-factor sign-in")));
  page.UseForms();
  auto& content = page.content();
  if (state->required) content.ShowSection("REQUIRED");
  if (context.actor.admin_roles_withheld()) content.ShowSection("ROLES_WITHHELD");
  if (state->enrolled) {
    auto* enrolled = content.AddSectionDictionary("ENROLLED");
    enrolled->SetValue("ENROLLED_AT", state->enrolled_at_utc);
    enrolled->SetValue("RECOVERY_CODES_LEFT",
                       pages.catalogs().FormatNumber(context.language, state->recovery_codes_left));
    if (!state->required) enrolled->ShowSection("MAY_REMOVE");
  } else if (!state->pending) {
    content.ShowSection("NOT_ENROLLED");
  }
  if (state->pending) {
    auto pending = deps.accounts.PendingTwoFactorEnrolment(context.actor);
    if (!pending) return Fail(pending.error());
    auto qr = totp::QrCodePath(pending->otpauth_uri);
    if (!qr) return Fail(Error::Internal("the QR code of an enrolment could not be made"));
    auto* section = content.AddSectionDictionary("PENDING");
    section->SetValue("QR_SIZE", std::to_string(qr->size));
    section->SetValue("QR_PATH", qr->path);
    section->SetValue("SECRET", totp::Grouped(pending->secret_base32));
    if (state->enrolled) section->ShowSection("REPLACES");
  }
  if (!shown.recovery_codes.empty()) {
    auto* section = content.AddSectionDictionary("NEW_RECOVERY_CODES");
    for (const auto& code : shown.recovery_codes) section->AddSectionDictionary("CODE")->SetValue("VALUE", code);
  }
  if (auto changed = context.request.QueryParam("changed")) {
    if (*changed == "removed") content.ShowSection("REMOVED");
  }
  if (shown.error) pages.ShowErrors(context, *content.AddSectionDictionary(shown.error_form), *shown.error);
  Response response = pages.Render(context, page, status);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Result<Response> EnrolmentFormError(RequestContext& context, const RouteDependencies& deps, const Error& error,
                                    const std::string& form) {
  if (error.code() != ErrorCode::kInvalidArgument && error.code() != ErrorCode::kPermissionDenied) return Fail(error);
  return EnrolmentPage(context, deps, {{}, error, form}, http::HttpStatusFor(error.code()));
}

// What the JSON calls send: the current password and a code, each "" when absent.
struct CodeInput {
  std::string current_password;
  std::string code;
};

Result<CodeInput> ReadCodeInput(const http::Request& request) {
  auto body = http::ReadJson(request);
  if (!body) return Fail(body.error());
  http::JsonReader read(*body);
  CodeInput input{.current_password = read.String("current_password"), .code = read.String("code")};
  return read.Finish(std::move(input));
}

}  // namespace

// --- The code page at sign-in ---

Result<Response> ShowCodePage(RequestContext& context, const RouteDependencies& deps) {
  std::string next = http::SafeLocalPath(context.request.QueryParam("next"));
  if (context.actor.signed_in()) return Response::Redirect(next);
  auto open = deps.accounts.SignInChallengeOpen(context.request.Cookie(ChallengeCookieName(deps.cookie)).value_or(""));
  if (!open) return Fail(open.error());
  if (!*open) {
    Response response = Response::Redirect("/sign-in?next=" + http::PercentEncode(next));
    response.AddHeader("Set-Cookie", ClearChallengeCookie(deps.cookie));
    return response;
  }
  return CodePage(context, deps.pages, next, std::nullopt, 200);
}

Result<Response> SubmitCode(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  std::string next = http::SafeLocalPath(form->Get("next"));
  auto session = deps.accounts.CompleteSignIn(context.request.Cookie(ChallengeCookieName(deps.cookie)).value_or(""),
                                              form->Get("code"), context.request.remote_address, context.request_id);
  if (!session) {
    const Error& error = session.error();
    if (error.code() == ErrorCode::kUnauthenticated) return BackToSignIn(context, deps, next, error, 401);
    if (error.code() == ErrorCode::kInvalidArgument || error.code() == ErrorCode::kTooManyRequests) {
      return CodePage(context, deps.pages, next, error, http::HttpStatusFor(error.code()));
    }
    return Fail(error);
  }
  Response response = Response::Redirect(next);
  response.AddHeader("Set-Cookie", deps.cookie.Set(session->token));
  response.AddHeader("Set-Cookie", ClearChallengeCookie(deps.cookie));
  return response;
}

// --- The enrolment page ---

Result<Response> ShowEnrolment(RequestContext& context, const RouteDependencies& deps) {
  return EnrolmentPage(context, deps, {}, 200);
}

Result<Response> StartEnrolment(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto started = deps.accounts.StartTwoFactorEnrolment(context.actor, form->Get("current_password"));
  if (!started) return EnrolmentFormError(context, deps, started.error(), "ENROL_FORM");
  return Response::Redirect("/account/two-factor");
}

Result<Response> ConfirmEnrolment(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto codes = deps.accounts.ConfirmTwoFactor(context.actor, form->Get("code"));
  if (!codes) return EnrolmentFormError(context, deps, codes.error(), "CONFIRM_FORM");
  // Now that the admin roles may apply, this very page shows the actor as it now is.
  return EnrolmentPage(context, deps, {*codes, std::nullopt, ""}, 200);
}

Result<Response> RegenerateCodes(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto codes = deps.accounts.RegenerateRecoveryCodes(context.actor, form->Get("code"));
  if (!codes) return EnrolmentFormError(context, deps, codes.error(), "REGENERATE_FORM");
  return EnrolmentPage(context, deps, {*codes, std::nullopt, ""}, 200);
}

Result<Response> RemoveTwoFactor(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto removed = deps.accounts.RemoveTwoFactor(context.actor, form->Get("current_password"), form->Get("code"));
  if (!removed) return EnrolmentFormError(context, deps, removed.error(), "REMOVE_FORM");
  return Response::Redirect("/account/two-factor?changed=removed");
}

// --- JSON API ---

Result<Response> ApiTwoFactorStatus(RequestContext& context, const RouteDependencies& deps) {
  auto status = deps.accounts.TwoFactorStatusOf(context.actor);
  if (!status) return Fail(status.error());
  return http::JsonResponse(TwoFactorStatusJson(*status));
}

Result<Response> ApiEnrol(RequestContext& context, const RouteDependencies& deps) {
  // The body is optional: only a re-enrolment needs the current password.
  CodeInput input;
  if (!context.request.body.empty()) {
    auto read = ReadCodeInput(context.request);
    if (!read) return Fail(read.error());
    input = std::move(*read);
  }
  auto enrolment = deps.accounts.StartTwoFactorEnrolment(context.actor, input.current_password);
  if (!enrolment) return Fail(enrolment.error());
  return http::JsonResponse({{"secret", enrolment->secret_base32}, {"otpauth_uri", enrolment->otpauth_uri}}, 201);
}

Result<Response> ApiConfirm(RequestContext& context, const RouteDependencies& deps) {
  auto input = ReadCodeInput(context.request);
  if (!input) return Fail(input.error());
  auto codes = deps.accounts.ConfirmTwoFactor(context.actor, input->code);
  if (!codes) return Fail(codes.error());
  return http::JsonResponse({{"recovery_codes", *codes}});
}

Result<Response> ApiRegenerate(RequestContext& context, const RouteDependencies& deps) {
  auto input = ReadCodeInput(context.request);
  if (!input) return Fail(input.error());
  auto codes = deps.accounts.RegenerateRecoveryCodes(context.actor, input->code);
  if (!codes) return Fail(codes.error());
  return http::JsonResponse({{"recovery_codes", *codes}}, 201);
}

Result<Response> ApiRemoveTwoFactor(RequestContext& context, const RouteDependencies& deps) {
  auto input = ReadCodeInput(context.request);
  if (!input) return Fail(input.error());
  if (auto removed = deps.accounts.RemoveTwoFactor(context.actor, input->current_password, input->code); !removed) {
    return Fail(removed.error());
  }
  return Response::NoContent();
}

}  // namespace entente::accounts
