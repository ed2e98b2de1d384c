// The home module's whole URL table.
//
//   GET /                  the home page: what Entente is and what it holds
//   GET /lang/{code}       the language switch: sets the `lang` cookie, goes back to ?next=

#include "modules/home/home_routes.h"

#include "core/base/messages.h"
#include "core/i18n/languages.h"

namespace entente::home {
namespace {

using http::Method;
using http::RequestContext;
using http::Response;

Result<Response> ShowHome(RequestContext& context, const render::PageRenderer& pages, HomeService& home) {
  auto view = home.View(context.language);
  if (!view) return Fail(view.error());

  render::Page page("home/index.tpl", pages.Translate(context, N_("Home")));
  auto& content = page.content();
  for (const auto& stat : (*view)->stats) {
    auto* item = content.AddSectionDictionary("STAT");
    item->SetValue("VALUE", render::Text(stat.value));
    item->SetValue("LABEL", render::Text(stat.label));
  }
  for (const auto& agreement : (*view)->agreements) {
    auto* item = content.AddSectionDictionary("AGREEMENT");
    item->SetValue("SLUG", render::Text(agreement.slug));
    item->SetValue("TITLE", render::Text(agreement.title));
    if (!agreement.title_language.empty()) {
      item->SetValueAndShowSection("TITLE_LANG", render::Text(agreement.title_language), "TITLE_FALLBACK");
    }
    item->SetValue("SIGNED", render::Text(agreement.signed_on));
    item->SetValue("PARTIES", render::Text(agreement.parties));
  }
  if (!(*view)->agreements.empty()) content.ShowSection("HAS_AGREEMENTS");
  for (const auto& organization : (*view)->organizations) {
    auto* item = content.AddSectionDictionary("ORGANIZATION");
    item->SetValue("NAME", render::Text(organization.name));
    // Text in another language than the page's carries its own lang attribute.
    if (!organization.name_language.empty()) {
      item->SetValueAndShowSection("NAME_LANG", render::Text(organization.name_language), "NAME_FALLBACK");
    }
    item->SetValue("KIND", render::Text(organization.kind));
    if (!organization.city.empty()) item->SetValueAndShowSection("CITY", render::Text(organization.city), "HAS_CITY");
  }
  if ((*view)->organizations.empty()) content.ShowSection("NO_ORGANIZATIONS");
  return pages.Render(context, page);
}

Result<Response> SwitchLanguage(RequestContext& context, http::PublicScheme scheme) {
  std::string_view code = context.params.Get("code");
  if (!i18n::IsSupportedLanguage(code)) return Fail(Error::NotFound());
  Response response = Response::Redirect(http::SafeLocalPath(context.request.QueryParam("next")));
  response.SetHeader("Set-Cookie", "lang=" + std::string(code) + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax" +
                                       (scheme == http::PublicScheme::kHttps ? "; Secure" : ""));
  return response;
}

}  // namespace

void AddRoutes(http::Router& router, const render::PageRenderer& pages, HomeService& home, http::PublicScheme scheme) {
  router.Add({.method = Method::kGet,
              .pattern = "/",
              .access = http::Access::Anyone(),
              .handler = [&pages, &home](RequestContext& context) { return ShowHome(context, pages, home); }});
  router.Add({.method = Method::kGet,
              .pattern = "/lang/{code:slug}",
              .access = http::Access::Anyone(),
              .handler = [scheme](RequestContext& context) { return SwitchLanguage(context, scheme); }});
}

std::vector<render::NavItem> Navigation() { return {{"/", N_("Home")}}; }

}  // namespace entente::home
