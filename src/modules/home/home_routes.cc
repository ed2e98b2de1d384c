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

Result<Response> ShowHome(RequestContext& context, const render::PageRenderer& pages,
                          directory::OrganizationService& organizations) {
  auto summary = organizations.Summary();
  if (!summary) return Fail(summary.error());
  auto top_level = organizations.ListTopLevel();
  if (!top_level) return Fail(top_level.error());

  const auto& catalogs = pages.catalogs();
  const std::string& language = context.language;
  render::Page page("home/index.tpl", catalogs.Translate(language, N_("Home")));
  auto& content = page.content();
  struct Stat {
    long long value;
    PluralMessage label;
  };
  for (const auto& [value, label] : {Stat{summary->organizations, NP_("organization", "organizations")},
                                     Stat{summary->bars, NP_("bar", "bars")},
                                     Stat{summary->countries, NP_("country", "countries")}}) {
    auto* stat = content.AddSectionDictionary("STAT");
    stat->SetValue("VALUE", catalogs.FormatNumber(language, value));
    stat->SetValue("LABEL", catalogs.TranslatePlural(language, label.singular, label.plural, value));
  }
  for (const auto& organization : *top_level) {
    auto* item = content.AddSectionDictionary("ORGANIZATION");
    if (auto name = organization.name.Pick(language)) {
      item->SetValue("NAME", render::Text(name->text));
      // Text in another language than the page's carries its own lang attribute.
      if (name->fallback) item->SetValueAndShowSection("NAME_LANG", render::Text(name->language), "NAME_FALLBACK");
    } else {
      item->SetValue("NAME", organization.slug);
    }
    item->SetValue("KIND", catalogs.Translate(language, directory::KindLabel(organization.kind)));
    if (!organization.city.empty()) item->SetValueAndShowSection("CITY", organization.city, "HAS_CITY");
  }
  if (top_level->empty()) content.ShowSection("NO_ORGANIZATIONS");
  return pages.Render(context, page);
}

// Only a local path: "/x" but never "//host" or "/\host", so the switch is no open redirect.
std::string SafeNext(const std::optional<std::string>& next) {
  if (!next || next->empty() || next->front() != '/' || next->starts_with("//") || next->starts_with("/\\")) return "/";
  for (char c : *next) {
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  }
  return *next;
}

Result<Response> SwitchLanguage(RequestContext& context, bool behind_tls) {
  std::string_view code = context.params.Get("code");
  if (!i18n::IsSupportedLanguage(code)) return Fail(Error::NotFound());
  Response response = Response::Redirect(SafeNext(context.request.QueryParam("next")));
  response.SetHeader("Set-Cookie", "lang=" + std::string(code) + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax" +
                                       (behind_tls ? "; Secure" : ""));
  return response;
}

}  // namespace

void AddRoutes(http::Router& router, const render::PageRenderer& pages, directory::OrganizationService& organizations,
               bool behind_tls) {
  router.Add({.method = Method::kGet,
              .pattern = "/",
              .access = http::Access::Anyone(),
              .handler = [&pages, &organizations](RequestContext& context) {
                return ShowHome(context, pages, organizations);
              }});
  router.Add({.method = Method::kGet,
              .pattern = "/lang/{code:slug}",
              .access = http::Access::Anyone(),
              .handler = [behind_tls](RequestContext& context) { return SwitchLanguage(context, behind_tls); }});
}

std::vector<render::NavItem> Navigation() { return {{"/", N_("Home")}}; }

}  // namespace entente::home
