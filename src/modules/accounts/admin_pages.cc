// Administration: users and their roles, the link between a user and a directory person, and
// the audit log.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/render/page_links.h"
#include "modules/accounts/accounts_handlers.h"
#include "modules/directory/organization_options.h"

namespace entente::accounts {
namespace {

using render::Text;

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
      if (candidate.id == organization) return directory::DisplayName(candidate, context.language);
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
    option->SetValue("NAME", directory::DisplayName(organization, context.language));
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

}  // namespace

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
  render::AddPageLinks(content, "/admin/users", context.request, users->page, users->pages());
  return pages.Render(context, page);
}

Result<Response> ShowUser(RequestContext& context, const RouteDependencies& deps) {
  return UserPage(context, deps, context.params.GetId<UserId>("id"), std::nullopt, 200);
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
  render::AddPageLinks(content, "/admin/audit", context.request, entries->page, entries->pages());
  return pages.Render(context, page);
}

}  // namespace entente::accounts
