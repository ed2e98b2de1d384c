// The agreements module's whole URL table. Who may see an agreement is the service's to decide
// (a hidden agreement is a 404); the access rule of each route says who may ask at all.

#include "modules/agreements/agreements_routes.h"

#include <memory>

#include "core/base/messages.h"
#include "core/http/route_table.h"
#include "modules/agreements/agreements_handlers.h"

namespace entente::agreements {

using http::Access;
using http::Method;

void AddRoutes(http::Router& router, const render::PageRenderer& pages, AgreementService& agreements,
               directory::OrganizationService& organizations) {
  http::RouteTable<const Context> routes(router,
                                         std::make_shared<const Context>(Context{pages, agreements, organizations}));

  // The list, with filters (party, jurisdiction, status, year); recording an agreement.
  routes.Get("/agreements", Access::Anyone(), ListPage);
  routes.Get("/agreements/new", Access::SignedIn(), NewPage);
  routes.Post("/agreements", Access::SignedIn(), Create);

  // An agreement: parties, signatories, the objectives' tracker (?as_of=YYYY-MM-DD), timeline,
  // log and documents; its edit form (coordinators and bar admins of a party).
  routes.Get("/agreements/{slug:slug}", Access::Anyone(), ShowAgreement);
  routes.Get("/agreements/{slug:slug}/edit", Access::SignedIn(), EditPage);
  routes.Post("/agreements/{slug:slug}/edit", Access::SignedIn(), Update);

  // What its page's forms add: a follow-up entry, an activity linked to objectives, the yearly
  // review (one per year: saving a year again replaces it).
  routes.Post("/agreements/{slug:slug}/follow-ups", Access::SignedIn(), AddFollowUp);
  routes.Post("/agreements/{slug:slug}/activities", Access::SignedIn(), AddActivity);
  routes.Post("/agreements/{slug:slug}/reviews", Access::SignedIn(), SaveReview);

  // Its signed texts: the upload (multipart, with the upload's body limit) and the download.
  routes.Add(Method::kPost, "/agreements/{slug:slug}/documents", Access::SignedIn(), UploadDocument,
             http::kUploadMaxBodyBytes);
  routes.Get("/agreements/{slug:slug}/documents/{id:id}", Access::Anyone(), DownloadDocument);

  // The JSON API (docs/openapi.yaml): agreements …
  routes.Get("/api/v1/agreements", Access::Anyone(), ApiList);
  routes.Post("/api/v1/agreements", Access::SignedIn(), ApiCreate);
  routes.Get("/api/v1/agreements/{id:id}", Access::Anyone(), ApiGet);
  routes.Add(Method::kPut, "/api/v1/agreements/{id:id}", Access::SignedIn(), ApiUpdate);
  // … their follow-ups, reviews and activities.
  routes.Get("/api/v1/agreements/{id:id}/follow-ups", Access::Anyone(), ApiFollowUps);
  routes.Post("/api/v1/agreements/{id:id}/follow-ups", Access::SignedIn(), ApiAddFollowUp);
  routes.Get("/api/v1/agreements/{id:id}/reviews", Access::Anyone(), ApiReviews);
  routes.Post("/api/v1/agreements/{id:id}/reviews", Access::SignedIn(), ApiSaveReview);
  routes.Get("/api/v1/agreements/{id:id}/activities", Access::Anyone(), ApiActivities);
  routes.Post("/api/v1/agreements/{id:id}/activities", Access::SignedIn(), ApiAddActivity);
}

std::vector<render::NavItem> Navigation() { return {{"/agreements", N_("Agreements")}}; }

}  // namespace entente::agreements
