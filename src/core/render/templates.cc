#include "core/render/templates.h"

// <cstring> first: ctemplate's str_ref.h uses strlen without including it.
#include <cstring>

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "core/i18n/languages.h"

namespace entente::render {
namespace {

constexpr std::string_view kPragma = "{{%AUTOESCAPE context=\"HTML\"}}";
constexpr std::string_view kOpen = "{{_ ";
constexpr std::string_view kClose = " _}}";

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::vector<std::string> ExtractMessages(std::string_view text) {
  std::vector<std::string> messages;
  size_t position = 0;
  while ((position = text.find(kOpen, position)) != std::string_view::npos) {
    size_t end = text.find(kClose, position + kOpen.size());
    if (end == std::string_view::npos) break;
    messages.emplace_back(text.substr(position + kOpen.size(), end - position - kOpen.size()));
    position = end + kClose.size();
  }
  return messages;
}

std::string TranslateMarkers(std::string_view text, const std::function<std::string(std::string_view)>& translate) {
  std::string out;
  out.reserve(text.size());
  size_t position = 0;
  while (true) {
    size_t start = text.find(kOpen, position);
    size_t end = start == std::string_view::npos ? start : text.find(kClose, start + kOpen.size());
    if (end == std::string_view::npos) {
      out += text.substr(position);
      return out;
    }
    out += text.substr(position, start - position);
    out += EscapeHtml(translate(text.substr(start + kOpen.size(), end - start - kOpen.size())));
    position = end + kClose.size();
  }
}

Result<std::unique_ptr<Templates>> Templates::Load(const std::filesystem::path& directory,
                                                   const i18n::Catalogs& catalogs) {
  std::unique_ptr<Templates> templates(new Templates());
  std::map<std::string, std::string> sources;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(directory, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file() || it->path().extension() != ".tpl") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    std::string text = std::move(content).str();
    std::string name = std::filesystem::relative(it->path(), directory).generic_string();
    if (!text.starts_with(kPragma)) {
      return Fail(Error::Internal(fmt::format("template {} does not start with {}", name, kPragma)));
    }
    sources.emplace(std::move(name), std::move(text));
  }
  if (error)
    return Fail(Error::Internal(fmt::format("cannot read templates in {}: {}", directory.string(), error.message())));
  if (sources.empty()) return Fail(Error::Internal(fmt::format("no templates in {}", directory.string())));

  for (std::string_view language : i18n::kLanguages) {
    auto cache = std::make_unique<ctemplate::TemplateCache>();
    for (const auto& [name, text] : sources) {
      std::string translated =
          TranslateMarkers(text, [&](std::string_view msgid) { return catalogs.Translate(language, msgid); });
      if (!cache->StringToTemplateCache(name, translated, ctemplate::STRIP_BLANK_LINES)) {
        return Fail(Error::Internal(fmt::format("template {} does not parse", name)));
      }
    }
    cache->Freeze();
    templates->caches_.emplace(std::string(language), std::move(cache));
  }
  for (const auto& [name, text] : sources) templates->names_.push_back(name);
  return templates;
}

Templates::~Templates() = default;

std::string Templates::Expand(std::string_view language, std::string_view name,
                              const ctemplate::TemplateDictionary& dictionary) const {
  auto it = caches_.find(language);
  if (it == caches_.end()) it = caches_.find("en");
  std::string out;
  if (!it->second->ExpandNoLoad(std::string(name), ctemplate::STRIP_BLANK_LINES, &dictionary, nullptr, &out)) {
    spdlog::error("template {} failed to expand", name);
  }
  return out;
}

}  // namespace entente::render
