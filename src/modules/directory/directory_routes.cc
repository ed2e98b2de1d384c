// The directory module's whole URL table, by resource. Handlers: directory_handlers.h.

#include "modules/directory/directory_routes.h"

#include <memory>

#include "core/base/messages.h"
#include "core/http/multipart.h"
#include "core/http/route_table.h"
#include "modules/directory/directory_handlers.h"

namespace entente::directory {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;

// The routes of one resource, their handlers bound to the module's Context.
using Routes = http::RouteTable<const Context>;

// The part of a page a handler renders, bound as a route's handler.
template <auto handler>
auto Part(PagePart part) {
  return [part](RequestContext& context, const Context& deps) { return handler(context, deps, part); };
}

void AddLawyerRoutes(Routes& routes) {
  routes.Add(Method::kGet, "/lawyers", Access::Anyone(), Part<LawyersPage>(PagePart::kWholePage));
  routes.Add(Method::kGet, "/lawyers/results", Access::Anyone(), Part<LawyersPage>(PagePart::kFragment));
}

// The forms' fixed addresses (/organizations/new, /people/new) come before the slugs they would
// otherwise match.
void AddOrganizationRoutes(Routes& routes) {
  routes.Add(Method::kGet, "/organizations", Access::Anyone(), OrganizationsPage);
  routes.Add(Method::kGet, "/organizations/new", Access::Admin(), NewOrganizationPage);
  routes.Add(Method::kPost, "/organizations/new", Access::Admin(), CreateOrganization);
  routes.Add(Method::kGet, "/organizations/{slug:slug}", Access::Anyone(), OrganizationPage);
  routes.Add(Method::kGet, "/organizations/{slug:slug}/edit", Access::Admin(), EditOrganizationPage);
  routes.Add(Method::kPost, "/organizations/{slug:slug}/edit", Access::Admin(), UpdateOrganization);
}

// A bar's roll: its administrators only.
void AddRollRoutes(Routes& routes) {
  routes.Add(Method::kGet, "/organizations/{slug:slug}/roll", Access::Admin(), RollPage);
  routes.Add(Method::kPost, "/organizations/{slug:slug}/roll", Access::Admin(), ImportRoll, http::kCsvMaxBodyBytes);
  routes.Add(Method::kGet, "/organizations/{slug:slug}/roll/imports/{id:slug}", Access::Admin(),
             Part<ImportProgress>(PagePart::kWholePage));
  routes.Add(Method::kGet, "/organizations/{slug:slug}/roll/imports/{id:slug}/status", Access::Admin(),
             Part<ImportProgress>(PagePart::kFragment));
  routes.Add(Method::kGet, "/organizations/{slug:slug}/roll.csv", Access::Admin(), ExportRoll);
}

void AddPeopleRoutes(Routes& routes) {
  routes.Add(Method::kGet, "/people/new", Access::Admin(), NewPersonPage);
  routes.Add(Method::kPost, "/people/new", Access::Admin(), CreatePerson);
  routes.Add(Method::kGet, "/people/{slug:slug}", Access::Anyone(), PersonPage);
  routes.Add(Method::kGet, "/people/{slug:slug}/edit", Access::Admin(), EditPersonPage);
  routes.Add(Method::kPost, "/people/{slug:slug}/edit", Access::Admin(), UpdatePerson);
  routes.Add(Method::kPost, "/people/{slug:slug}/memberships", Access::Admin(), AddMembership);
  routes.Add(Method::kPost, "/people/{slug:slug}/positions", Access::Admin(), AddPosition);
  routes.Add(Method::kGet, "/people/{slug:slug}/merge", Access::Admin(), MergePage);
  routes.Add(Method::kPost, "/people/{slug:slug}/merge", Access::Admin(), MergePeople);
}

void AddApiRoutes(Routes& routes) {
  routes.Add(Method::kGet, "/api/v1/lawyers", Access::Anyone(), ApiLawyers);
  routes.Add(Method::kGet, "/api/v1/organizations", Access::Anyone(), ApiOrganizations);
  routes.Add(Method::kPost, "/api/v1/organizations", Access::Admin(), ApiCreateOrganization);
  routes.Add(Method::kGet, "/api/v1/organizations/{id:id}", Access::Anyone(), ApiOrganization);
  routes.Add(Method::kPut, "/api/v1/organizations/{id:id}", Access::Admin(), ApiUpdateOrganization);
  routes.Add(Method::kPost, "/api/v1/people", Access::Admin(), ApiCreatePerson);
  routes.Add(Method::kGet, "/api/v1/people/{id:id}", Access::Anyone(), ApiPerson);
  routes.Add(Method::kPut, "/api/v1/people/{id:id}", Access::Admin(), ApiUpdatePerson);
  routes.Add(Method::kPost, "/api/v1/people/{id:id}/memberships", Access::Admin(), ApiAddMembership);
  routes.Add(Method::kPost, "/api/v1/people/{id:id}/positions", Access::Admin(), ApiAddPosition);
  routes.Add(Method::kPost, "/api/v1/people/{id:id}/merge", Access::Admin(), ApiMerge);
}

}  // namespace

void AddRoutes(http::Router& router, const render::PageRenderer& pages, OrganizationService& organizations,
               PeopleService& people, RollService& roll, RollImports& imports) {
  Routes routes(router, std::make_shared<const Context>(Context{pages, organizations, people, roll, imports}));
  AddLawyerRoutes(routes);
  AddOrganizationRoutes(routes);
  AddRollRoutes(routes);
  AddPeopleRoutes(routes);
  AddApiRoutes(routes);
}

std::vector<render::NavItem> Navigation() {
  return {{"/lawyers", N_("Find a lawyer")}, {"/organizations", N_("Organizations")}};
}

}  // namespace entente::directory
