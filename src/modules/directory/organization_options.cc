#include "modules/directory/organization_options.h"

namespace entente::directory {

std::string DisplayName(const Organization& organization, const std::string& language) {
  return organization.name.TextIn(language, organization.slug);
}

std::vector<render::Option> OrganizationOptions(std::span<const Organization> organizations,
                                                const std::string& language, OptionValue value) {
  std::vector<render::Option> options;
  options.reserve(organizations.size());
  for (const auto& organization : organizations) {
    options.push_back({value == OptionValue::kSlug ? organization.slug : std::to_string(organization.id.value()),
                       DisplayName(organization, language)});
  }
  return options;
}

}  // namespace entente::directory
