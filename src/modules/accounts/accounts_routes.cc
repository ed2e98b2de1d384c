// The accounts module's whole URL table.
//
// Pages
//   GET  /sign-in                         anyone         the sign-in form (?next=)
//   POST /sign-in                         anyone         sign in; a new session cookie, or with two-factor
//                                                        sign-in the pending step's cookie
//   GET  /sign-in/two-factor              anyone         the code page of a pending step (two_factor_routes.cc)
//   POST /sign-in/two-factor              anyone         a 6-digit code or a recovery code; the session cookie
//   POST /sign-out                        signed in      revoke the session
//   GET  /account                         signed in      profile, roles, API tokens, password
//   POST /account/preferences             signed in      name and language
//   POST /account/password                signed in      change password (revokes every session and API token)
//   POST /account/tokens                  signed in      create an API token (scope, lifetime; shown once)
//   POST /account/tokens/{id}/revoke      signed in      revoke one's own API token
//   GET  /account/two-factor              signed in      two-factor sign-in: status, enrolment (QR code)
//   POST /account/two-factor/enrol        signed in      start an enrolment (a new secret, pending)
//   POST /account/two-factor/confirm      signed in      its first code; the recovery codes, shown once
//   POST /account/two-factor/recovery-codes signed in    new recovery codes (needs a current code)
//   POST /account/two-factor/remove       signed in      turn it off (password + code; not for admins)
//   GET  /admin/users                     admin          users (all, or those in the bar admin's scope)
//   GET  /admin/users/{id}                admin          a user's roles, grant form
//   POST /admin/users/{id}/roles          admin          grant a role
//   POST /admin/roles/{id}/revoke         admin          revoke a role grant
//   GET  /admin/audit                     admin          the audit log, filtered
// JSON (docs/openapi.yaml)
//   GET    /api/v1/me                     signed in
//   GET    /api/v1/users                  admin
//   GET    /api/v1/users/{id}             signed in      yourself, or a user you manage
//   GET    /api/v1/users/{id}/roles       signed in      yourself, or a user you manage
//   POST   /api/v1/users/{id}/roles       admin
//   DELETE /api/v1/roles/{id}             admin
//   GET    /api/v1/tokens                 signed in
//   POST   /api/v1/tokens                 signed in
//   DELETE /api/v1/tokens/{id}            signed in
//   GET    /api/v1/account/two-factor     signed in      status
//   POST   /api/v1/account/two-factor     signed in      start an enrolment: secret and otpauth:// URI
//   DELETE /api/v1/account/two-factor     signed in      turn it off (password + code; not for admins)
//   POST   /api/v1/account/two-factor/confirm         signed in   first code → recovery codes
//   POST   /api/v1/account/two-factor/recovery-codes  signed in   new recovery codes
//   GET    /api/v1/audit                  admin

#include "modules/accounts/accounts_routes.h"

#include <fmt/format.h>

#include <charconv>

#include "core/base/messages.h"
#include "core/base/time.h"
#include "core/http/forms.h"
#include "core/http/json.h"
#include "core/i18n/languages.h"
#include "modules/accounts/two_factor_routes.h"

namespace entente::accounts {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;
using nlohmann::json;
using render::Text;

// --- Helpers ---

std::string OrganizationName(const directory::Organization& organization, const std::string& language) {
  auto name = organization.name.Pick(language);
  return name ? std::string(name->text) : organization.slug;
}

json UserJson(const User& user) {
  return {{"id", user.id.value()},
          {"email", user.email},
          {"display_name", user.display_name},
          {"preferred_language", user.preferred_language},
          {"demo", user.is_demo},
          {"created_at", user.created_at_utc},
          {"last_seen_at", user.last_seen_at_utc.empty() ? json(nullptr) : json(user.last_seen_at_utc)}};
}

json GrantJson(const GrantView& grant) {
  return {{"id", grant.id.value()},
          {"user_id", grant.user.value()},
          {"role", auth::RoleKey(grant.role)},
          {"organization_id", grant.organization ? json(grant.organization->value()) : json(nullptr)},
          {"granted_at", grant.granted_at_utc}};
}

bool Expired(const ApiToken& token) { return token.expires_at_utc <= NowUtc(); }

json TokenJson(const ApiToken& token) {
  return {{"id", token.id},
          {"name", token.name},
          {"scope", auth::TokenScopeKey(token.scope)},
          {"created_at", token.created_at_utc},
          {"expires_at", token.expires_at_utc},
          {"expired", Expired(token)},
          {"last_used_at", token.last_used_at_utc.empty() ? json(nullptr) : json(token.last_used_at_utc)}};
}

// The lifetimes the account page offers.
constexpr int kTokenDayChoices[] = {7, 30, kDefaultTokenDays, 180, kMaxTokenDays};

// --- Sign-in and sign-out ---

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

Result<Response> ShowSignIn(RequestContext& context, const render::PageRenderer& pages) {
  if (context.actor.signed_in()) return Response::Redirect(http::SafeLocalPath(context.request.QueryParam("next")));
  return SignInPage(context, pages, "", http::SafeLocalPath(context.request.QueryParam("next")), std::nullopt, 200);
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

// --- The user's own page ---

Result<Response> AccountPage(RequestContext& context, const RouteDependencies& deps, const std::optional<Error>& error,
                             std::string_view error_form, const std::string& new_token, int status,
                             const NewApiToken& typed_token = {}) {
  const auto& pages = deps.pages;
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

  render::Page page("accounts/account.tpl", pages.Translate(context, N_("Your account")));
  auto& content = page.content();
  if (two_factor->enrolled) {
    auto* section = content.AddSectionDictionary("TWO_FACTOR_ENROLLED");
    section->SetValue("ENROLLED_AT", two_factor->enrolled_at_utc);
    section->SetValue("RECOVERY_CODES_LEFT",
                      pages.catalogs().FormatNumber(context.language, two_factor->recovery_codes_left));
  } else {
    content.ShowSection("TWO_FACTOR_OFF");
  }
  if (two_factor->required) content.ShowSection("TWO_FACTOR_REQUIRED");
  content.SetValue("DISPLAY_NAME", user->display_name);
  content.SetValue("EMAIL", user->email);
  for (std::string_view code : i18n::kLanguages) {
    auto* option = content.AddSectionDictionary("LANGUAGE_OPTION");
    option->SetValue("CODE", Text(code));
    option->SetValue("NAME", Text(i18n::NativeName(code)));
    if (code == user->preferred_language) option->ShowSection("SELECTED");
  }
  for (const auto& grant : *grants) {
    auto* item = content.AddSectionDictionary("ROLE");
    item->SetValue("ROLE", pages.Translate(context, auth::RoleLabel(grant.role)));
    if (grant.organization) {
      for (const auto& organization : *organizations) {
        if (organization.id == *grant.organization)
          item->SetValue("ORGANIZATION", OrganizationName(organization, context.language));
      }
    } else {
      item->SetValue("ORGANIZATION", pages.Translate(context, N_("the whole platform")));
    }
  }
  if (grants->empty()) content.ShowSection("NO_ROLES");
  for (const auto& token : *tokens) {
    auto* item = content.AddSectionDictionary("TOKEN");
    item->SetValue("ID", std::to_string(token.id));
    item->SetValue("NAME", token.name);
    item->SetValue("SCOPE", pages.Translate(context, auth::TokenScopeLabel(token.scope)));
    item->SetValue("CREATED_AT", token.created_at_utc);
    item->SetValue("EXPIRES_AT", token.expires_at_utc);
    if (Expired(token)) item->ShowSection("EXPIRED");
    item->SetValue("LAST_USED_AT",
                   token.last_used_at_utc.empty() ? pages.Translate(context, N_("never")) : token.last_used_at_utc);
  }
  if (tokens->empty()) content.ShowSection("NO_TOKENS");
  for (auth::TokenScope scope : auth::kAllTokenScopes) {
    if (scope == auth::TokenScope::kAdmin && !context.actor.HoldsAnywhere(auth::Role::kBarAdmin)) continue;
    auto* option = content.AddSectionDictionary("SCOPE_OPTION");
    option->SetValue("VALUE", std::string(auth::TokenScopeKey(scope)));
    option->SetValue("LABEL", pages.Translate(context, auth::TokenScopeLabel(scope)));
    if (auth::TokenScopeKey(scope) == typed_token.scope) option->ShowSection("SELECTED");
  }
  for (int days : kTokenDayChoices) {
    auto* option = content.AddSectionDictionary("DAYS_OPTION");
    option->SetValue("VALUE", std::to_string(days));
    option->SetValue("LABEL", fmt::format("{} {}", pages.catalogs().FormatNumber(context.language, days),
                                          pages.catalogs().TranslatePlural(context.language, "day", "days", days)));
    if (days == typed_token.expires_in_days) option->ShowSection("SELECTED");
  }
  if (!new_token.empty()) content.SetValueAndShowSection("NEW_TOKEN", new_token, "NEW_TOKEN_SECTION");
  if (context.request.QueryParam("changed")) content.ShowSection("SAVED");
  if (error) {
    auto* form = content.AddSectionDictionary(std::string(error_form));
    pages.ShowErrors(context, *form, *error);
  }
  return pages.Render(context, page, status);
}

// Re-shows the account page with a form's error, or fails for errors that are not the form's.
Result<Response> AccountFormError(RequestContext& context, const RouteDependencies& deps, const Error& error,
                                  std::string_view form) {
  if (error.code() != ErrorCode::kInvalidArgument) return Fail(error);
  return AccountPage(context, deps, error, form, "", 422);
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

// A number typed in a form or JSON field; 0 (refused by the service) when it is not one.
int WholeNumber(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : 0;
}

Result<Response> CreateToken(RequestContext& context, const RouteDependencies& deps) {
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  NewApiToken typed{.name = form->Get("name")};
  if (std::string scope = form->Get("scope"); !scope.empty()) typed.scope = scope;
  if (std::string days = form->Get("expires_in_days"); !days.empty()) typed.expires_in_days = WholeNumber(days);
  auto created = deps.accounts.CreateApiToken(context.actor, typed);
  if (!created) {
    if (created.error().code() != ErrorCode::kInvalidArgument) return Fail(created.error());
    return AccountPage(context, deps, created.error(), "TOKEN_FORM", "", 422, typed);
  }
  // Shown once, on this response; only its hash is kept.
  auto page = AccountPage(context, deps, std::nullopt, "", created->second, 201);
  if (page) page->SetHeader("Cache-Control", "no-store");
  return page;
}

Result<Response> RevokeToken(RequestContext& context, const RouteDependencies& deps) {
  auto revoked = deps.accounts.RevokeApiToken(context.actor, context.params.GetId<Id<struct TokenTag>>("id").value());
  if (!revoked) return Fail(revoked.error());
  return Response::Redirect("/account?changed=tokens");
}

// --- Administration ---

Result<Response> ListUsersPage(RequestContext& context, const RouteDependencies& deps) {
  auto page_request = http::ReadPageRequest(context.request);
  if (!page_request) return Fail(page_request.error());
  std::string search = context.request.QueryParam("q").value_or("");
  auto users = deps.accounts.ListUsers(context.actor, search, *page_request);
  if (!users) return Fail(users.error());
  const auto& pages = deps.pages;
  render::Page page("accounts/users.tpl", pages.Translate(context, N_("Users")));
  auto& content = page.content();
  content.SetValue("SEARCH", search);
  content.SetValue("TOTAL", pages.catalogs().FormatNumber(context.language, users->total));
  for (const auto& user : users->items) {
    auto* row = content.AddSectionDictionary("USER");
    row->SetValue("ID", std::to_string(user.id.value()));
    row->SetValue("NAME", user.display_name);
    row->SetValue("EMAIL", user.email);
    row->SetValue("LAST_SEEN",
                  user.last_seen_at_utc.empty() ? pages.Translate(context, N_("never")) : user.last_seen_at_utc);
    if (user.is_demo) row->ShowSection("DEMO");
  }
  if (users->items.empty()) content.ShowSection("NO_USERS");
  if (users->page > 1) {
    content.SetValueAndShowSection(
        "PREVIOUS_HREF", fmt::format("/admin/users?q={}&page={}", http::PercentEncode(search), users->page - 1),
        "PREVIOUS");
  }
  if (users->page < users->pages()) {
    content.SetValueAndShowSection(
        "NEXT_HREF", fmt::format("/admin/users?q={}&page={}", http::PercentEncode(search), users->page + 1), "NEXT");
  }
  return pages.Render(context, page);
}

Result<Response> UserPage(RequestContext& context, const RouteDependencies& deps, UserId id,
                          const std::optional<Error>& error, int status) {
  auto user = deps.accounts.GetUser(context.actor, id);
  if (!user) return Fail(user.error());
  auto grants = deps.accounts.GrantsOf(context.actor, id);
  if (!grants) return Fail(grants.error());
  auto organizations = deps.organizations.ListAll(context.actor);
  if (!organizations) return Fail(organizations.error());
  const auto& pages = deps.pages;
  render::Page page("accounts/user.tpl", user->display_name);
  auto& content = page.content();
  content.SetValue("ID", std::to_string(id.value()));
  content.SetValue("DISPLAY_NAME", user->display_name);
  content.SetValue("EMAIL", user->email);
  auto name_of = [&](OrganizationId organization) {
    for (const auto& candidate : *organizations) {
      if (candidate.id == organization) return OrganizationName(candidate, context.language);
    }
    return std::string();
  };
  for (const auto& grant : *grants) {
    auto* row = content.AddSectionDictionary("GRANT");
    row->SetValue("GRANT_ID", std::to_string(grant.id.value()));
    row->SetValue("ROLE", pages.Translate(context, auth::RoleLabel(grant.role)));
    row->SetValue("ORGANIZATION", grant.organization ? name_of(*grant.organization)
                                                     : pages.Translate(context, N_("the whole platform")));
    row->SetValue("GRANTED_AT", grant.granted_at_utc);
  }
  if (grants->empty()) content.ShowSection("NO_GRANTS");
  // The roles and organizations this admin may grant.
  // The least powerful role first, so that the form's default grants the least.
  for (auto it = std::rbegin(auth::kAllRoles); it != std::rend(auth::kAllRoles); ++it) {
    auth::Role role = *it;
    bool platform_only = role == auth::Role::kPlatformAdmin || role == auth::Role::kBarAdmin;
    if (platform_only && !context.actor.IsPlatformAdmin()) continue;
    auto* option = content.AddSectionDictionary("ROLE_OPTION");
    option->SetValue("KEY", Text(auth::RoleKey(role)));
    option->SetValue("LABEL", pages.Translate(context, auth::RoleLabel(role)));
  }
  auto grantable = context.actor.OrganizationsWhere(auth::Role::kBarAdmin);
  for (const auto& organization : *organizations) {
    if (!context.actor.IsPlatformAdmin() &&
        std::find(grantable.begin(), grantable.end(), organization.id) == grantable.end()) {
      continue;
    }
    auto* option = content.AddSectionDictionary("ORGANIZATION_OPTION");
    option->SetValue("ID", std::to_string(organization.id.value()));
    option->SetValue("NAME", OrganizationName(organization, context.language));
  }
  if (context.actor.IsPlatformAdmin()) content.ShowSection("PLATFORM_OPTION");
  auto person = deps.accounts.LinkedPerson(context.actor, id);
  if (!person) return Fail(person.error());
  if (person->empty()) {
    content.ShowSection("NO_PERSON");
  } else {
    content.SetValueAndShowSection("PERSON_SLUG", *person, "LINKED_PERSON");
  }
  if (error) pages.ShowErrors(context, content, *error);
  return pages.Render(context, page, status);
}

// After a change on a user's page: back to it; or the page again with the field errors or the
// refusal; anything else (a user out of reach: 404) as it is.
Result<Response> BackToUser(RequestContext& context, const RouteDependencies& deps, UserId user,
                            const std::optional<Error>& error) {
  if (!error) return Response::Redirect(fmt::format("/admin/users/{}", user.value()));
  if (error->code() == ErrorCode::kInvalidArgument || error->code() == ErrorCode::kPermissionDenied) {
    return UserPage(context, deps, user, *error, http::HttpStatusFor(error->code()));
  }
  return Fail(*error);
}

Result<Response> LinkPersonForm(RequestContext& context, const RouteDependencies& deps) {
  UserId user = context.params.GetId<UserId>("id");
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  auto linked = deps.accounts.LinkPerson(context.actor, user, form->Get("person"));
  return BackToUser(context, deps, user, linked ? std::nullopt : std::optional(linked.error()));
}

Result<Response> GrantRole(RequestContext& context, const RouteDependencies& deps) {
  UserId user = context.params.GetId<UserId>("id");
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  std::string organization_text = form->Get("organization_id");
  std::optional<OrganizationId> organization;
  if (!organization_text.empty() && organization_text != "platform") {
    organization = OrganizationId::Parse(organization_text);
    if (!organization) {
      return UserPage(context, deps, user,
                      Error::InvalidArgument(N_("Please correct the fields below."),
                                             {{"organization", N_("There is no such organization.")}}),
                      422);
    }
  }
  auto granted = deps.accounts.Grant(context.actor, user, form->Get("role"), organization);
  return BackToUser(context, deps, user, granted ? std::nullopt : std::optional(granted.error()));
}

Result<Response> RevokeRole(RequestContext& context, const RouteDependencies& deps) {
  auto grant = context.params.GetId<auth::RoleGrantId>("id");
  auto form = http::ReadForm(context.request);
  if (!form) return Fail(form.error());
  if (auto revoked = deps.accounts.Revoke(context.actor, grant); !revoked) return Fail(revoked.error());
  auto user = UserId::Parse(form->Get("user_id"));
  return Response::Redirect(user ? fmt::format("/admin/users/{}", user->value()) : "/admin/users");
}

Result<audit::Filter> ReadAuditFilter(const http::Request& request) {
  audit::Filter filter;
  filter.action = request.QueryParam("action").value_or("");
  filter.entity_type = request.QueryParam("entity_type").value_or("");
  filter.from_utc = request.QueryParam("from").value_or("");
  filter.to_utc = request.QueryParam("to").value_or("");
  std::vector<FieldError> errors;
  if (auto user = request.QueryParam("user_id"); user && !user->empty()) {
    if (auto id = UserId::Parse(*user)) {
      filter.user_id = id->value();
    } else {
      errors.push_back({"user_id", N_("Give a user number.")});
    }
  }
  for (auto [name, value] : {std::pair{"from", &filter.from_utc}, std::pair{"to", &filter.to_utc}}) {
    if (!value->empty() &&
        (value->size() < 10 || PartialDate::Parse(value->substr(0, 10))->precision() != DatePrecision::kDay)) {
      errors.push_back({name, N_("Enter a date as YYYY-MM-DD.")});
    }
  }
  if (!errors.empty()) return Fail(Error::InvalidArgument(N_("Please correct the request."), std::move(errors)));
  return filter;
}

Result<Response> AuditPage(RequestContext& context, const RouteDependencies& deps) {
  const auto& pages = deps.pages;
  render::Page page("accounts/audit.tpl", pages.Translate(context, N_("Audit log")));
  auto& content = page.content();
  for (const char* name : {"action", "entity_type", "user_id", "from", "to"}) {
    std::string upper;
    for (const char* c = name; *c; ++c)
      upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(*c))));
    content.SetValue("FILTER_" + upper, context.request.QueryParam(name).value_or(""));
  }
  auto filter = ReadAuditFilter(context.request);
  auto page_request = http::ReadPageRequest(context.request);
  if (!filter || !page_request) {
    pages.ShowErrors(context, content, !filter ? filter.error() : page_request.error());
    return pages.Render(context, page, 422);
  }
  auto entries = deps.accounts.SearchAudit(context.actor, *filter, *page_request);
  if (!entries) return Fail(entries.error());
  content.SetValue("TOTAL", pages.catalogs().FormatNumber(context.language, entries->total));
  for (const auto& entry : entries->items) {
    auto* row = content.AddSectionDictionary("ENTRY");
    row->SetValue("AT", entry.at_utc);
    row->SetValue("USER", entry.user_id ? std::to_string(entry.user_id) : "—");
    row->SetValue("ACTION", entry.action);
    row->SetValue("ENTITY",
                  entry.entity_id ? fmt::format("{} {}", entry.entity_type, entry.entity_id) : entry.entity_type);
    row->SetValue("DETAILS", entry.details);
    row->SetValue("REQUEST_ID", entry.request_id);
  }
  if (entries->items.empty()) content.ShowSection("NO_ENTRIES");
  std::string query = context.request.query;
  auto with_page = [&](int number) {
    std::string href = "/admin/audit?";
    for (const auto& [key, value] : http::ParseQuery(query)) {
      if (key != "page") href += http::PercentEncode(key) + "=" + http::PercentEncode(value) + "&";
    }
    return href + "page=" + std::to_string(number);
  };
  if (entries->page > 1) content.SetValueAndShowSection("PREVIOUS_HREF", with_page(entries->page - 1), "PREVIOUS");
  if (entries->page < entries->pages())
    content.SetValueAndShowSection("NEXT_HREF", with_page(entries->page + 1), "NEXT");
  return pages.Render(context, page);
}

// --- JSON API ---

Result<Response> ApiMe(RequestContext& context, const RouteDependencies& deps) {
  auto user = deps.accounts.GetUser(context.actor, context.actor.user());
  if (!user) return Fail(user.error());
  auto grants = deps.accounts.GrantsOf(context.actor, context.actor.user());
  if (!grants) return Fail(grants.error());
  json body = UserJson(*user);
  body["roles"] = json::array();
  for (const auto& grant : *grants) body["roles"].push_back(GrantJson(grant));
  return http::JsonResponse(body);
}

Result<Response> ApiUsers(RequestContext& context, const RouteDependencies& deps) {
  auto page = http::ReadPageRequest(context.request);
  if (!page) return Fail(page.error());
  auto users = deps.accounts.ListUsers(context.actor, context.request.QueryParam("q").value_or(""), *page);
  if (!users) return Fail(users.error());
  return http::JsonResponse(http::PageJson(*users, UserJson));
}

Result<Response> ApiUser(RequestContext& context, const RouteDependencies& deps) {
  auto user = deps.accounts.GetUser(context.actor, context.params.GetId<UserId>("id"));
  if (!user) return Fail(user.error());
  auto person = deps.accounts.LinkedPerson(context.actor, user->id);
  if (!person) return Fail(person.error());
  json body = UserJson(*user);
  body["person"] = person->empty() ? json(nullptr) : json(*person);
  return http::JsonResponse(body);
}

Result<Response> ApiLinkPerson(RequestContext& context, const RouteDependencies& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  auto person = body->is_object() ? body->find("person") : body->end();
  if (!body->is_object() || person == body->end() || !(person->is_null() || person->is_string())) {
    return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                       {{"person", N_("Give the person's address in the directory, or null.")}}));
  }
  UserId user = context.params.GetId<UserId>("id");
  std::string slug = person->is_null() ? "" : person->get<std::string>();
  if (auto linked = deps.accounts.LinkPerson(context.actor, user, slug); !linked) return Fail(linked.error());
  return ApiUser(context, deps);
}

Result<Response> ApiUserRoles(RequestContext& context, const RouteDependencies& deps) {
  auto grants = deps.accounts.GrantsOf(context.actor, context.params.GetId<UserId>("id"));
  if (!grants) return Fail(grants.error());
  json items = json::array();
  for (const auto& grant : *grants) items.push_back(GrantJson(grant));
  return http::JsonResponse({{"items", items}});
}

Result<Response> ApiGrant(RequestContext& context, const RouteDependencies& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  std::string role = body->value("role", "");
  std::optional<OrganizationId> organization;
  if (auto it = body->find("organization_id"); it != body->end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<long long>() <= 0) {
      return Fail(Error::InvalidArgument(N_("Please correct the fields below."),
                                         {{"organization_id", N_("There is no such organization.")}}));
    }
    organization = OrganizationId(it->get<long long>());
  }
  UserId user = context.params.GetId<UserId>("id");
  auto grant = deps.accounts.Grant(context.actor, user, role, organization);
  if (!grant) return Fail(grant.error());
  auto grants = deps.accounts.GrantsOf(context.actor, user);
  if (!grants) return Fail(grants.error());
  for (const auto& view : *grants) {
    if (view.id == *grant) return http::JsonResponse(GrantJson(view), 201);
  }
  return Fail(Error::Internal("a granted role is missing from the user's roles"));
}

Result<Response> ApiRevoke(RequestContext& context, const RouteDependencies& deps) {
  if (auto revoked = deps.accounts.Revoke(context.actor, context.params.GetId<auth::RoleGrantId>("id")); !revoked) {
    return Fail(revoked.error());
  }
  return Response::NoContent();
}

Result<Response> ApiTokens(RequestContext& context, const RouteDependencies& deps) {
  auto tokens = deps.accounts.ApiTokens(context.actor);
  if (!tokens) return Fail(tokens.error());
  json items = json::array();
  for (const auto& token : *tokens) items.push_back(TokenJson(token));
  return http::JsonResponse({{"items", items}});
}

Result<Response> ApiCreateToken(RequestContext& context, const RouteDependencies& deps) {
  auto body = http::ReadJson(context.request);
  if (!body) return Fail(body.error());
  NewApiToken request;
  if (body->contains("name") && (*body)["name"].is_string()) request.name = (*body)["name"].get<std::string>();
  if (body->contains("scope")) {
    request.scope = (*body)["scope"].is_string() ? (*body)["scope"].get<std::string>() : "";
  }
  if (body->contains("expires_in_days")) {
    const json& days = (*body)["expires_in_days"];
    long long value = days.is_number_integer() ? days.get<long long>() : 0;
    request.expires_in_days = value >= 1 && value <= kMaxTokenDays ? static_cast<int>(value) : 0;
  }
  auto created = deps.accounts.CreateApiToken(context.actor, request);
  if (!created) return Fail(created.error());
  json result = TokenJson(created->first);
  result["token"] = created->second;
  return http::JsonResponse(result, 201);
}

Result<Response> ApiRevokeToken(RequestContext& context, const RouteDependencies& deps) {
  if (auto revoked =
          deps.accounts.RevokeApiToken(context.actor, context.params.GetId<Id<struct TokenTag>>("id").value());
      !revoked) {
    return Fail(revoked.error());
  }
  return Response::NoContent();
}

Result<Response> ApiAudit(RequestContext& context, const RouteDependencies& deps) {
  auto filter = ReadAuditFilter(context.request);
  if (!filter) return Fail(filter.error());
  auto page = http::ReadPageRequest(context.request);
  if (!page) return Fail(page.error());
  auto entries = deps.accounts.SearchAudit(context.actor, *filter, *page);
  if (!entries) return Fail(entries.error());
  return http::JsonResponse(http::PageJson(*entries, [](const audit::LoggedEntry& entry) {
    return json{{"id", entry.id},
                {"at", entry.at_utc},
                {"user_id", entry.user_id ? json(entry.user_id) : json(nullptr)},
                {"organization_id", entry.organization_id ? json(entry.organization_id) : json(nullptr)},
                {"action", entry.action},
                {"entity_type", entry.entity_type},
                {"entity_id", entry.entity_id ? json(entry.entity_id) : json(nullptr)},
                {"request_id", entry.request_id},
                {"details", json::parse(entry.details, nullptr, false)}};
  }));
}

}  // namespace

void AddRoutes(http::Router& router, RouteDependencies deps) {
  // The route table keeps the dependencies alive for the handlers.
  auto shared = std::make_shared<RouteDependencies>(deps);
  auto bind = [shared](auto handler) {
    return [shared, handler](RequestContext& context) { return handler(context, *shared); };
  };
  router.Add({.method = Method::kGet,
              .pattern = "/sign-in",
              .access = Access::Anyone(),
              .handler = [shared](RequestContext& context) { return ShowSignIn(context, shared->pages); }});
  router.Add({.method = Method::kPost, .pattern = "/sign-in", .access = Access::Anyone(), .handler = bind(SignIn)});
  router.Add({.method = Method::kPost, .pattern = "/sign-out", .access = Access::SignedIn(), .handler = bind(SignOut)});
  router.Add({.method = Method::kGet,
              .pattern = "/account",
              .access = Access::SignedIn(),
              .handler = [shared](RequestContext& context) {
                return AccountPage(context, *shared, std::nullopt, "", "", 200);
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/account/preferences",
              .access = Access::SignedIn(),
              .handler = bind(SavePreferences)});
  router.Add({.method = Method::kPost,
              .pattern = "/account/password",
              .access = Access::SignedIn(),
              .handler = bind(ChangePassword)});
  router.Add({.method = Method::kPost,
              .pattern = "/account/tokens",
              .access = Access::SignedIn(),
              .handler = bind(CreateToken)});
  router.Add({.method = Method::kPost,
              .pattern = "/account/tokens/{id:id}/revoke",
              .access = Access::SignedIn(),
              .handler = bind(RevokeToken)});
  router.Add(
      {.method = Method::kGet, .pattern = "/admin/users", .access = Access::Admin(), .handler = bind(ListUsersPage)});
  router.Add({.method = Method::kGet,
              .pattern = "/admin/users/{id:id}",
              .access = Access::Admin(),
              .handler = [shared](RequestContext& context) {
                return UserPage(context, *shared, context.params.GetId<UserId>("id"), std::nullopt, 200);
              }});
  router.Add({.method = Method::kPost,
              .pattern = "/admin/users/{id:id}/roles",
              .access = Access::Admin(),
              .handler = bind(GrantRole)});
  router.Add({.method = Method::kPost,
              .pattern = "/admin/users/{id:id}/person",
              .access = Access::Admin(),
              .handler = bind(LinkPersonForm)});
  router.Add({.method = Method::kPost,
              .pattern = "/admin/roles/{id:id}/revoke",
              .access = Access::Admin(),
              .handler = bind(RevokeRole)});
  router.Add(
      {.method = Method::kGet, .pattern = "/admin/audit", .access = Access::Admin(), .handler = bind(AuditPage)});

  router.Add({.method = Method::kGet, .pattern = "/api/v1/me", .access = Access::SignedIn(), .handler = bind(ApiMe)});
  router.Add(
      {.method = Method::kGet, .pattern = "/api/v1/users", .access = Access::Admin(), .handler = bind(ApiUsers)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/users/{id:id}",
              .access = Access::SignedIn(),
              .handler = bind(ApiUser)});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/users/{id:id}/roles",
              .access = Access::SignedIn(),
              .handler = bind(ApiUserRoles)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/users/{id:id}/roles",
              .access = Access::Admin(),
              .handler = bind(ApiGrant)});
  router.Add({.method = Method::kPut,
              .pattern = "/api/v1/users/{id:id}/person",
              .access = Access::Admin(),
              .handler = bind(ApiLinkPerson)});
  router.Add({.method = Method::kDelete,
              .pattern = "/api/v1/roles/{id:id}",
              .access = Access::Admin(),
              .handler = bind(ApiRevoke)});
  router.Add(
      {.method = Method::kGet, .pattern = "/api/v1/tokens", .access = Access::SignedIn(), .handler = bind(ApiTokens)});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/tokens",
              .access = Access::SignedIn(),
              .handler = bind(ApiCreateToken)});
  router.Add({.method = Method::kDelete,
              .pattern = "/api/v1/tokens/{id:id}",
              .access = Access::SignedIn(),
              .handler = bind(ApiRevokeToken)});
  router.Add(
      {.method = Method::kGet, .pattern = "/api/v1/audit", .access = Access::Admin(), .handler = bind(ApiAudit)});
  AddTwoFactorRoutes(router, shared);
}

}  // namespace entente::accounts
