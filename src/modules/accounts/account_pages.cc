// The user's own page: profile and language, roles, API tokens, password, and the forms on it.

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/render/forms.h"
#include "modules/accounts/accounts_handlers.h"
#include "modules/directory/organization_options.h"

namespace entente::accounts {
namespace {

using render::Text;

// The lifetimes the account page offers.
constexpr int kTokenDayChoices[] = {7, 30, kDefaultTokenDays, 180, kMaxTokenDays};

// What the page shows beside the account: a form's error, a token just created.
struct AccountShown {
  std::optional<Error> error = {};
  std::string error_form = {};  // PREFERENCES_FORM, PASSWORD_FORM, TOKEN_FORM
  std::string new_token = {};   // shown once, on this response
  NewApiToken typed_token = {};
};

void AddTwoFactor(const RouteDependencies& deps, const RequestContext& context, const TwoFactorStatus& two_factor,
                  ctemplate::TemplateDictionary& content) {
  if (two_factor.enrolled) {
    auto* section = content.AddSectionDictionary("TWO_FACTOR_ENROLLED");
    section->SetValue("ENROLLED_AT", two_factor.enrolled_at_utc);
    section->SetValue("RECOVERY_CODES_LEFT",
                      deps.pages.catalogs().FormatNumber(context.language, two_factor.recovery_codes_left));
  } else {
    content.ShowSection("TWO_FACTOR_OFF");
  }
  if (two_factor.required) content.ShowSection("TWO_FACTOR_REQUIRED");
}

void AddRoles(const RouteDependencies& deps, const RequestContext& context, const std::vector<GrantView>& grants,
              const std::vector<directory::Organization>& organizations, ctemplate::TemplateDictionary& content) {
  for (const auto& grant : grants) {
    auto* item = content.AddSectionDictionary("ROLE");
    item->SetValue("ROLE", deps.pages.Translate(context, auth::RoleLabel(grant.role)));
    if (!grant.organization) {
      item->SetValue("ORGANIZATION", deps.pages.Translate(context, N_("the whole platform")));
      continue;
    }
    for (const auto& organization : organizations) {
      if (organization.id == *grant.organization)
        item->SetValue("ORGANIZATION", directory::DisplayName(organization, context.language));
    }
  }
  if (grants.empty()) content.ShowSection("NO_ROLES");
}

void AddTokens(const RouteDependencies& deps, const RequestContext& context, const std::vector<ApiToken>& tokens,
               ctemplate::TemplateDictionary& content) {
  for (const auto& token : tokens) {
    auto* item = content.AddSectionDictionary("TOKEN");
    item->SetValue("ID", std::to_string(token.id.value()));
    item->SetValue("NAME", token.name);
    item->SetValue("SCOPE", deps.pages.Translate(context, auth::TokenScopeLabel(token.scope)));
    item->SetValue("CREATED_AT", token.created_at_utc);
    item->SetValue("EXPIRES_AT", token.expires_at_utc);
    if (Expired(token)) item->ShowSection("EXPIRED");
    item->SetValue("LAST_USED_AT", token.last_used_at_utc.empty() ? deps.pages.Translate(context, N_("never"))
                                                                  : token.last_used_at_utc);
  }
  if (tokens.empty()) content.ShowSection("NO_TOKENS");
}

// The new-token form's choices: the scopes the actor may give a token, and the lifetimes.
void AddTokenChoices(const RouteDependencies& deps, const RequestContext& context, const NewApiToken& typed,
                     ctemplate::TemplateDictionary& content) {
  std::vector<render::Option> scopes;
  for (auth::TokenScope scope : auth::kAllTokenScopes) {
    if (scope == auth::TokenScope::kAdmin && !context.actor.HoldsAnywhere(auth::Role::kBarAdmin)) continue;
    scopes.push_back(
        {std::string(auth::TokenScopeKey(scope)), deps.pages.Translate(context, auth::TokenScopeLabel(scope))});
  }
  render::AddOptions(content, "SCOPE_OPTION", scopes, typed.scope);
  const auto& catalogs = deps.pages.catalogs();
  std::vector<render::Option> lifetimes;
  for (int days : kTokenDayChoices) {
    lifetimes.push_back(
        {std::to_string(days), fmt::format("{} {}", catalogs.FormatNumber(context.language, days),
                                           catalogs.TranslatePlural(context.language, "day", "days", days))});
  }
  render::AddOptions(content, "DAYS_OPTION", lifetimes, std::to_string(typed.expires_in_days));
}

Result<Response> AccountPage(RequestContext& context, const RouteDependencies& deps, const AccountShown& shown,
                             int status) {
  auto user = deps.accounts.GetUser(context.actor, context.actor.user());
  if (!user) return Fail(user.error());
  auto grants = deps.accounts.GrantsOf(context.actor, context.actor.user());
  if (!grants) return Fail(grants.error());
  auto tokens = deps.accounts.ApiTokens(context.actor);
  if (!tokens) return Fail(tokens.error());
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  auto two_factor = deps.accounts.TwoFactorStatusOf(context.actor);
  if (!two_factor) return Fail(two_factor.error());

  render::Page page("accounts/account.tpl", deps.pages.Translate(context, N_("Your account")));
  auto& content = page.content();
  content.SetValue("DISPLAY_NAME", user->display_name);
  content.SetValue("EMAIL", user->email);
  render::AddLanguageOptions(content, "LANGUAGE_OPTION", user->preferred_language);
  AddTwoFactor(deps, context, *two_factor, content);
  AddRoles(deps, context, *grants, *organizations, content);
  AddTokens(deps, context, *tokens, content);
  AddTokenChoices(deps, context, shown.typed_token, content);
  if (!shown.new_token.empty()) content.SetValueAndShowSection("NEW_TOKEN", shown.new_token, "NEW_TOKEN_SECTION");
  if (context.request.QueryParam("changed")) content.ShowSection("SAVED");
  if (shown.error) deps.pages.ShowErrors(context, *content.AddSectionDictionary(shown.error_form), *shown.error);
  return deps.pages.Render(context, page, status);
}

// Re-shows the account page with a form's error, or fails for errors that are not the form's.
Result<Response> AccountFormError(RequestContext& context, const RouteDependencies& deps, const Error& error,
                                  std::string form, NewApiToken typed_token = {}) {
  if (error.code() != ErrorCode::kInvalidArgument) return Fail(error);
  return AccountPage(context, deps,
                     {.error = error, .error_form = std::move(form), .typed_token = std::move(typed_token)}, 422);
}

}  // namespace

Result<Response> ShowAccount(RequestContext& context, const RouteDependencies& deps) {
  return AccountPage(context, deps, {}, 200);
}

Result<Response> SavePreferences(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto saved = deps.accounts.SetPreferences(context.actor, form->Get("display_name"), form->Get("preferred_language"));
  if (!saved) return AccountFormError(context, deps, saved.error(), "PREFERENCES_FORM");
  return Response::Redirect("/account?changed=preferences");
}

Result<Response> ChangePassword(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto session = deps.accounts.ChangePassword(context.actor, form->Get("current_password"), form->Get("password"),
                                              context.request.remote_address);
  if (!session) return AccountFormError(context, deps, session.error(), "PASSWORD_FORM");
  Response response = Response::Redirect("/account?changed=password");
  response.AddHeader("Set-Cookie", deps.cookie.Set(session->token));
  return response;
}

Result<Response> CreateToken(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  NewApiToken typed{.name = form->Get("name")};
  if (std::string scope = form->Get("scope"); !scope.empty()) typed.scope = scope;
  if (std::string days = form->Get("expires_in_days"); !days.empty()) typed.expires_in_days = WholeNumber(days);
  auto created = deps.accounts.CreateApiToken(context.actor, typed);
  if (!created) return AccountFormError(context, deps, created.error(), "TOKEN_FORM", typed);
  // Shown once, on this response; only its hash is kept.
  auto page = AccountPage(context, deps, {.new_token = created->second}, 201);
  if (page) page->SetHeader("Cache-Control", "no-store");
  return page;
}

Result<Response> RevokeToken(RequestContext& context, const RouteDependencies& deps) {
  auto revoked = deps.accounts.RevokeApiToken(context.actor, context.params.GetId<ApiTokenId>("id"));
  if (!revoked) return Fail(revoked.error());
  return Response::Redirect("/account?changed=tokens");
}

}  // namespace entente::accounts
