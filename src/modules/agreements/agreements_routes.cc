// The agreements module's whole URL table. Who may see an agreement is the service's to decide
// (a hidden agreement is a 404); the access rule of each route says who may ask at all.

#include "modules/agreements/agreements_routes.h"

#include <memory>

#include "core/base/messages.h"
#include "modules/agreements/agreements_handlers.h"

namespace entente::agreements {

using http::Access;
using http::Method;
using http::RequestContext;

void AddRoutes(http::Router& router, const render::PageRenderer& pages, AgreementService& agreements,
               directory::OrganizationService& organizations) {
  auto deps = std::make_shared<Context>(Context{pages, agreements, organizations});
  auto bind = [deps](auto handler) {
    return [deps, handler](RequestContext& context) { return handler(context, *deps); };
  };
  auto add = [&](Method method, const char* pattern, Access access, auto handler) {
    router.Add({.method = method, .pattern = pattern, .access = access, .handler = bind(handler)});
  };

  // The list, with filters (party, jurisdiction, status, year); recording an agreement.
  add(Method::kGet, "/agreements", Access::Anyone(), ListPage);
  add(Method::kGet, "/agreements/new", Access::SignedIn(), NewPage);
  add(Method::kPost, "/agreements", Access::SignedIn(), Create);

  // An agreement: parties, signatories, the objectives' tracker (?as_of=YYYY-MM-DD), timeline,
  // log and documents; its edit form (coordinators and bar admins of a party).
  add(Method::kGet, "/agreements/{slug:slug}", Access::Anyone(), ShowAgreement);
  add(Method::kGet, "/agreements/{slug:slug}/edit", Access::SignedIn(), EditPage);
  add(Method::kPost, "/agreements/{slug:slug}/edit", Access::SignedIn(), Update);

  // What its page's forms add: a follow-up entry, an activity linked to objectives, the yearly
  // review (one per year: saving a year again replaces it).
  add(Method::kPost, "/agreements/{slug:slug}/follow-ups", Access::SignedIn(), AddFollowUp);
  add(Method::kPost, "/agreements/{slug:slug}/activities", Access::SignedIn(), AddActivity);
  add(Method::kPost, "/agreements/{slug:slug}/reviews", Access::SignedIn(), SaveReview);

  // Its signed texts: the upload (multipart, with the upload's body limit) and the download.
  router.Add({.method = Method::kPost,
              .pattern = "/agreements/{slug:slug}/documents",
              .access = Access::SignedIn(),
              .handler = bind(UploadDocument),
              .max_body_bytes = http::kUploadMaxBodyBytes});
  add(Method::kGet, "/agreements/{slug:slug}/documents/{id:id}", Access::Anyone(), DownloadDocument);

  // The JSON API (docs/openapi.yaml): agreements …
  add(Method::kGet, "/api/v1/agreements", Access::Anyone(), ApiList);
  add(Method::kPost, "/api/v1/agreements", Access::SignedIn(), ApiCreate);
  add(Method::kGet, "/api/v1/agreements/{id:id}", Access::Anyone(), ApiGet);
  add(Method::kPut, "/api/v1/agreements/{id:id}", Access::SignedIn(), ApiUpdate);
  // … their follow-ups, reviews and activities.
  add(Method::kGet, "/api/v1/agreements/{id:id}/follow-ups", Access::Anyone(), ApiFollowUps);
  add(Method::kPost, "/api/v1/agreements/{id:id}/follow-ups", Access::SignedIn(), ApiAddFollowUp);
  add(Method::kGet, "/api/v1/agreements/{id:id}/reviews", Access::Anyone(), ApiReviews);
  add(Method::kPost, "/api/v1/agreements/{id:id}/reviews", Access::SignedIn(), ApiSaveReview);
  add(Method::kGet, "/api/v1/agreements/{id:id}/activities", Access::Anyone(), ApiActivities);
  add(Method::kPost, "/api/v1/agreements/{id:id}/activities", Access::SignedIn(), ApiAddActivity);
}

std::vector<render::NavItem> Navigation() { return {{"/agreements", N_("Agreements")}}; }

}  // namespace entente::agreements
