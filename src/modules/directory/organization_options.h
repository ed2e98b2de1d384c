#pragma once
// Organizations as the options of a select, the same in every module's forms: the name in the
// page's language (or its fallback, else the slug), and the slug or the id as the value.

#include <span>
#include <string>
#include <vector>

#include "core/render/forms.h"
#include "modules/directory/model.h"

namespace entente::directory {

// The organization's name in `language`, falling back as LocalizedText does, else its slug.
std::string DisplayName(const Organization& organization, const std::string& language);

enum class OptionValue { kSlug, kId };

std::vector<render::Option> OrganizationOptions(std::span<const Organization> organizations,
                                                const std::string& language, OptionValue value = OptionValue::kSlug);

}  // namespace entente::directory
