// The accounts module's JSON API (docs/openapi.yaml): the signed-in user, users and their roles,
// API tokens, the audit log. Two-factor sign-in's JSON is in two_factor_pages.cc.

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/http/json.h"
#include "core/http/json_reader.h"
#include "modules/accounts/accounts_handlers.h"
#include "modules/accounts/accounts_json.h"

namespace entente::accounts {
namespace {

using nlohmann::json;

struct GrantInput {
  std::string role;
  std::optional<OrganizationId> organization = {};  // none: the whole platform
};

Result<GrantInput> ReadGrant(const http::Request& request) {
  auto body = http::ReadJson(request);
  if (!body) return Fail(body.error());
  http::JsonReader read(*body);
  GrantInput input{.role = read.String("role")};
  if (auto id = read.Integer("organization_id")) {
    if (*id > 0) {
      input.organization = OrganizationId(*id);
    } else {
      read.Add({"organization_id", N_("There is no such organization.")});
    }
  }
  return read.Finish(std::move(input));
}

// A lifetime out of range becomes 0, which the service refuses with its own message.
Result<NewApiToken> ReadNewToken(const http::Request& request) {
  auto body = http::ReadJson(request);
  if (!body) return Fail(body.error());
  http::JsonReader read(*body);
  NewApiToken input;
  input.name = read.String("name");
  input.scope = read.String("scope", input.scope);
  if (read.Has("expires_in_days")) {
    auto days = read.Integer("expires_in_days");
    input.expires_in_days = days && *days >= 1 && *days <= kMaxTokenDays ? static_cast<int>(*days) : 0;
  }
  return read.Finish(std::move(input));
}

}  // namespace

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
  http::JsonReader read(*body);
  // Null unlinks; absent is a mistake, not "leave it".
  if (body->is_object() && !read.Has("person")) {
    read.Add({"person", N_("Give the person's address in the directory, or null.")});
  }
  auto slug = read.Finish(read.String("person"));
  if (!slug) return Fail(slug.error());
  UserId user = context.params.GetId<UserId>("id");
  if (auto linked = deps.accounts.LinkPerson(context.actor, user, *slug); !linked) return Fail(linked.error());
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
  auto input = ReadGrant(context.request);
  if (!input) return Fail(input.error());
  UserId user = context.params.GetId<UserId>("id");
  auto grant = deps.accounts.Grant(context.actor, user, input->role, input->organization);
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
  auto request = ReadNewToken(context.request);
  if (!request) return Fail(request.error());
  auto created = deps.accounts.CreateApiToken(context.actor, *request);
  if (!created) return Fail(created.error());
  json result = TokenJson(created->first);
  result["token"] = created->second;
  return http::JsonResponse(result, 201);
}

Result<Response> ApiRevokeToken(RequestContext& context, const RouteDependencies& deps) {
  if (auto revoked = deps.accounts.RevokeApiToken(context.actor, context.params.GetId<ApiTokenId>("id")); !revoked) {
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
  return http::JsonResponse(http::PageJson(*entries, AuditEntryJson));
}

}  // namespace entente::accounts
