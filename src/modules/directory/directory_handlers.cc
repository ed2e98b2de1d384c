#include "modules/directory/directory_handlers.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/base/messages.h"
#include "core/http/error_response.h"

namespace entente::directory {

std::string PositionWhen(const Position& position, const i18n::Catalogs& catalogs, const std::string& language) {
  if (position.starts_on.known() || position.ends_on.known()) {
    return fmt::format("{} – {}", catalogs.FormatDate(language, position.starts_on),
                       position.ends_on.known() ? catalogs.FormatDate(language, position.ends_on) : std::string());
  }
  // "attested: 14–15 October 2014" reads right whatever the date's precision.
  return catalogs.TranslateWith(language, N_("attested: {1}"), catalogs.FormatDate(language, position.attested_on));
}

std::string ShownName(const http::RequestContext& context, const Context& deps, const std::string& display_name) {
  return display_name.empty() ? deps.pages.Translate(context, N_("Name not given")) : display_name;
}

std::vector<render::Option> JurisdictionOptions(const std::vector<Jurisdiction>& jurisdictions,
                                                const std::string& language) {
  std::vector<render::Option> options;
  for (const auto& jurisdiction : jurisdictions) {
    auto name = jurisdiction.name.Pick(language);
    options.push_back({jurisdiction.code, name ? std::string(name->text) : jurisdiction.code});
  }
  return options;
}

std::vector<render::Option> KindOptions(const http::RequestContext& context, const Context& deps) {
  std::vector<render::Option> options;
  for (OrganizationKind kind :
       {OrganizationKind::kBar, OrganizationKind::kNationalBar, OrganizationKind::kCommittee,
        OrganizationKind::kTrainingCentre, OrganizationKind::kMinistry, OrganizationKind::kCourtCouncil,
        OrganizationKind::kUnion, OrganizationKind::kProgramme, OrganizationKind::kOther}) {
    options.push_back({std::string(KindKey(kind)), deps.pages.Translate(context, KindLabel(kind))});
  }
  return options;
}

std::string Join(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, ", "));
}

std::vector<Organization> Administered(const http::RequestContext& context, const std::vector<Organization>& all,
                                       OrganizationKinds kinds) {
  std::vector<Organization> chosen;
  for (const auto& organization : all) {
    if (kinds == OrganizationKinds::kBarsOnly && organization.kind != OrganizationKind::kBar &&
        organization.kind != OrganizationKind::kNationalBar) {
      continue;
    }
    if (context.actor.Holds(auth::Role::kBarAdmin, organization.id)) chosen.push_back(organization);
  }
  return chosen;
}

std::optional<Error> RefusedBelow(http::RequestContext& context, const Context& deps, const std::string& slug) {
  if (slug.empty()) return std::nullopt;
  auto allowed = deps.organizations.Administers(context.actor, slug);
  if (!allowed && allowed.error().code() == ErrorCode::kPermissionDenied) return allowed.error();
  return std::nullopt;
}

Result<http::Response> RenderForm(http::RequestContext& context, const Context& deps, render::Page& page,
                                  const std::optional<Error>& error) {
  int status = 200;
  if (error) {
    deps.pages.ShowErrors(context, page.content(), *error);
    status = http::HttpStatusFor(error->code());
  }
  return deps.pages.Render(context, page, status);
}

}  // namespace entente::directory
