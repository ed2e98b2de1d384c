#include "modules/directory/directory_demo.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/base/json_file.h"

namespace entente::directory {

Result<int> LoadDemo(OrganizationService& organizations, const std::filesystem::path& demo_dir) {
  auto path = demo_dir / "directory" / "organizations.json";
  auto read = ReadJsonFile(path);
  if (!read) return Fail(read.error());
  const nlohmann::json& document = *read;
  try {
    int saved = 0;
    // Parents come before their children in the file.
    for (const auto& item : document.at("organizations")) {
      OrganizationInput input;
      input.slug = item.at("slug").get<std::string>();
      input.kind = item.at("kind").get<std::string>();
      input.parent_slug = item.value("parent", "");
      input.city = item.value("city", "");
      input.country_code = item.value("country", "");
      std::string original = item.value("original_language", "en");
      for (const auto& [language, name] : item.at("name").items()) {
        input.name.Set(language, name.get<std::string>(), language == original);
      }
      auto id = organizations.Save(input);
      if (!id) {
        std::string detail = id.error().message();
        for (const auto& field : id.error().fields()) detail += fmt::format("; {}: {}", field.field, field.message);
        return Fail(Error::Internal(fmt::format("demo organization {}: {}", input.slug, detail)));
      }
      ++saved;
    }
    return saved;
  } catch (const nlohmann::json::exception& error) {
    return Fail(Error::Internal(fmt::format("{}: {}", path.string(), error.what())));
  }
}

}  // namespace entente::directory
