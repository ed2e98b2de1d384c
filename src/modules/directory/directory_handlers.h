#pragma once
// The directory's request handlers, by sub-resource, and what they share. Internal to the module:
// directory_routes.cc binds them to the URL table (docs/STYLE.md, "A module's files").
//
//   lawyer_search_pages.cc   Find a lawyer (the page and its htmx results)
//   person_pages.cc          a person's page
//   organization_pages.cc    the organizations list and an organization's page
//   roll_pages.cc            a bar's roll: import (with its progress) and export
//   organization_forms.cc    creating and editing an organization
//   person_forms.cc          creating and editing a person, their memberships and positions
//   person_merge_forms.cc    merging two records of one person
//   directory_api.cc         the JSON API, reads and writes
//   directory_handlers.cc    what several of them use (below)

#include <optional>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/http/context.h"
#include "core/http/request.h"
#include "core/i18n/catalogs.h"
#include "core/render/forms.h"
#include "core/render/page.h"
#include "modules/directory/organization_service.h"
#include "modules/directory/people_service.h"
#include "modules/directory/roll_imports.h"
#include "modules/directory/roll_service.h"

namespace entente::directory {

// What the handlers work with, bound by the routes.
struct Context {
  const render::PageRenderer& pages;
  OrganizationService& organizations;
  PeopleService& people;
  RollService& roll;
  RollImports& imports;
};

// A page whole, or only the part of it that htmx replaces.
enum class PagePart { kWholePage, kFragment };

// --- lawyer_search_pages.cc
Result<http::Response> LawyersPage(http::RequestContext& context, const Context& deps, PagePart part);

// --- person_pages.cc
Result<http::Response> PersonPage(http::RequestContext& context, const Context& deps);

// --- organization_pages.cc
Result<http::Response> OrganizationsPage(http::RequestContext& context, const Context& deps);
Result<http::Response> OrganizationPage(http::RequestContext& context, const Context& deps);

// --- roll_pages.cc
Result<http::Response> RollPage(http::RequestContext& context, const Context& deps);
Result<http::Response> ImportRoll(http::RequestContext& context, const Context& deps);
Result<http::Response> ImportProgress(http::RequestContext& context, const Context& deps, PagePart part);
Result<http::Response> ExportRoll(http::RequestContext& context, const Context& deps);

// --- organization_forms.cc
Result<http::Response> NewOrganizationPage(http::RequestContext& context, const Context& deps);
Result<http::Response> CreateOrganization(http::RequestContext& context, const Context& deps);
Result<http::Response> EditOrganizationPage(http::RequestContext& context, const Context& deps);
Result<http::Response> UpdateOrganization(http::RequestContext& context, const Context& deps);

// --- person_forms.cc
Result<http::Response> NewPersonPage(http::RequestContext& context, const Context& deps);
Result<http::Response> CreatePerson(http::RequestContext& context, const Context& deps);
Result<http::Response> EditPersonPage(http::RequestContext& context, const Context& deps);
Result<http::Response> UpdatePerson(http::RequestContext& context, const Context& deps);
Result<http::Response> AddMembership(http::RequestContext& context, const Context& deps);
Result<http::Response> AddPosition(http::RequestContext& context, const Context& deps);
// The person of the URL, if the actor may edit them (403 otherwise; a merged record is gone).
Result<Person> EditablePerson(http::RequestContext& context, const Context& deps);

// --- person_merge_forms.cc
Result<http::Response> MergePage(http::RequestContext& context, const Context& deps);
Result<http::Response> MergePeople(http::RequestContext& context, const Context& deps);

// --- directory_api.cc
Result<http::Response> ApiLawyers(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiPerson(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiOrganizations(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiOrganization(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiCreateOrganization(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiUpdateOrganization(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiCreatePerson(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiUpdatePerson(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiAddMembership(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiAddPosition(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiMerge(http::RequestContext& context, const Context& deps);

// --- directory_handlers.cc: shared by the pages and forms

// When a position was held: "from – until", or "attested: …" when neither bound is known.
std::string PositionWhen(const Position& position, const i18n::Catalogs& catalogs, const std::string& language);
// A person's name as shown, or "Name not given" in the page's language.
std::string ShownName(const http::RequestContext& context, const Context& deps, const std::string& display_name);
// Jurisdictions as select options: the code, and the name in `language` (else the code).
std::vector<render::Option> JurisdictionOptions(const std::vector<Jurisdiction>& jurisdictions,
                                                const std::string& language);
// Every kind of organization as select options: the key, and the label in the page's language.
std::vector<render::Option> KindOptions(const http::RequestContext& context, const Context& deps);
// "a, b, c".
std::string Join(const std::vector<std::string>& values);

// Which organizations a form offers: any kind, or only bars (national bars included).
enum class OrganizationKinds { kAny, kBarsOnly };
// Organizations where the actor may act as bar admin, for the choice of a bar, parent or
// organization on a form.
std::vector<Organization> Administered(const http::RequestContext& context, const std::vector<Organization>& all,
                                       OrganizationKinds kinds);
// The refusal of a form that adds a record below `slug`'s organization, named in its query: 403
// for one the actor sees and does not administer. An unknown one is left to the form's fields.
std::optional<Error> RefusedBelow(http::RequestContext& context, const Context& deps, const std::string& slug);
// What a form's save step gives SubmitForm: the address to go to once `saved` succeeded (or its
// error).
template <typename Saved>
Result<std::string> ThenGoTo(const Saved& saved, std::string address) {
  if (!saved) return Fail(saved.error());
  return address;
}
// SubmitForm's last step after ThenGoTo: a 303 to the address.
inline Result<http::Response> SeeOther(const std::string& address) { return http::Response::Redirect(address); }
// Shows `error` on the form (when there is one) and renders the page with its status.
Result<http::Response> RenderForm(http::RequestContext& context, const Context& deps, render::Page& page,
                                  const std::optional<Error>& error);

}  // namespace entente::directory
