#pragma once
// The agreements module's handlers, which agreements_routes.cc binds to its URL table, and what
// they share. Internal to the module: nothing outside src/modules/agreements includes it.
//
// Each handler is a plain function of the request and the module's Context: it loads, checks
// access through the service, acts and renders (docs/STYLE.md, points 2 and 3).

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/error.h"
#include "core/http/context.h"
#include "core/http/forms.h"
#include "core/render/forms.h"
#include "core/render/page.h"
#include "modules/agreements/agreement_service.h"
#include "modules/directory/organization_service.h"

namespace entente::agreements {

// What the handlers are bound to.
struct Context {
  const render::PageRenderer& pages;
  AgreementService& agreements;
  directory::OrganizationService& organizations;
};

// --- Shared by the handlers (agreements_handlers.cc) ---

std::chrono::year_month_day Today();
// ?as_of=YYYY-MM-DD, today when absent; an error (and today) when malformed.
std::pair<std::chrono::year_month_day, std::optional<Error>> ReadAsOf(const http::Request& request);
// ?party=&jurisdiction=&status=&year=: kInvalidArgument for a year that is not four digits.
Result<AgreementFilter> ReadFilter(const http::Request& request);
// The status as the page's language names it, and the statuses as a select's options.
std::string StatusText(const http::RequestContext& context, const Context& deps, AgreementStatus status);
std::vector<render::Option> StatusOptions(const http::RequestContext& context, const Context& deps);
// "2014" → 2014; anything but four digits → nullopt.
std::optional<int> FourDigitYear(const std::string& text);
std::string DateText(const Context& deps, const std::string& language, const PartialDate& date);
// "unknown", for a fact the sources do not give.
std::string Unknown(const Context& deps, const http::RequestContext& context);
// kPermissionDenied unless `actor` may record agreements (AgreementService::MayCreate).
Status CheckMayCreate(const auth::Actor& actor);
// `agreement` (as loaded), or kPermissionDenied unless `actor` may change it: checked before
// what was sent is read.
Result<Agreement> ToChange(const auth::Actor& actor, Result<Agreement> agreement);
// The agreement a form posts to, by the slug in the path, through ToChange.
Result<Agreement> AgreementToChange(http::RequestContext& context, const Context& deps);
// The agreement's page after a change, scrolled to `anchor`.
std::string Redirect(const Agreement& agreement, const char* anchor);

// --- Pages (agreement_pages.cc) ---

Result<http::Response> ListPage(http::RequestContext& context, const Context& deps);
Result<http::Response> ShowAgreement(http::RequestContext& context, const Context& deps);
// The agreement's page with `error` shown on the form `error_form` (FOLLOW_UP_FORM, …); errors
// that are not a form's (403, 404) fail.
Result<http::Response> PageFormError(http::RequestContext& context, const Context& deps, const Error& error,
                                     const std::string& error_form);

// --- Recording and editing an agreement (agreement_forms.cc) ---

Result<http::Response> NewPage(http::RequestContext& context, const Context& deps);
Result<http::Response> Create(http::RequestContext& context, const Context& deps);
Result<http::Response> EditPage(http::RequestContext& context, const Context& deps);
Result<http::Response> Update(http::RequestContext& context, const Context& deps);

// --- Follow-ups, activities and reviews from the agreement's page (tracking_forms.cc) ---

Result<http::Response> AddFollowUp(http::RequestContext& context, const Context& deps);
Result<http::Response> AddActivity(http::RequestContext& context, const Context& deps);
Result<http::Response> SaveReview(http::RequestContext& context, const Context& deps);

// --- Signed texts (document_pages.cc) ---

Result<http::Response> UploadDocument(http::RequestContext& context, const Context& deps);
Result<http::Response> DownloadDocument(http::RequestContext& context, const Context& deps);

// --- JSON API (agreements_api.cc) ---

Result<http::Response> ApiList(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiGet(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiCreate(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiUpdate(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiFollowUps(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiAddFollowUp(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiReviews(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiSaveReview(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiActivities(http::RequestContext& context, const Context& deps);
Result<http::Response> ApiAddActivity(http::RequestContext& context, const Context& deps);

}  // namespace entente::agreements
