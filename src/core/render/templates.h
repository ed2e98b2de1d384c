#pragma once
// ctemplate templates, parsed once at start-up into one frozen cache per language.
//
// Every template file starts with {{%AUTOESCAPE context="HTML"}} (ctemplate escapes by context
// only then; Load() refuses a template without it). Interface text in a template is written
// {{_ Text in English _}}; at load time each such marker is replaced, for each language, by the
// HTML-escaped translation, so rendering does no catalog look-ups.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"
#include "core/i18n/catalogs.h"

namespace ctemplate {
class TemplateCache;
class TemplateDictionary;
}  // namespace ctemplate

namespace entente::render {

// The msgids of every {{_ … _}} marker in a template's text, in order (used by scripts/i18n
// through `entente i18n-extract`, and by tests).
std::vector<std::string> ExtractMessages(std::string_view template_text);

// Replaces each {{_ … _}} marker with translate(msgid), HTML-escaped.
std::string TranslateMarkers(std::string_view template_text,
                             const std::function<std::string(std::string_view)>& translate);

std::string EscapeHtml(std::string_view text);

class Templates {
 public:
  // Reads every *.tpl under `directory` (named by relative path, e.g. "home/index.tpl").
  // Fails with kInternal naming the file when one lacks the AUTOESCAPE pragma or does not parse.
  static Result<std::unique_ptr<Templates>> Load(const std::filesystem::path& directory,
                                                 const i18n::Catalogs& catalogs);
  ~Templates();

  // Expands a template in a language. Thread-safe (the caches are frozen).
  std::string Expand(std::string_view language, std::string_view name,
                     const ctemplate::TemplateDictionary& dictionary) const;

  const std::vector<std::string>& names() const { return names_; }

 private:
  Templates() = default;
  std::map<std::string, std::unique_ptr<ctemplate::TemplateCache>, std::less<>> caches_;
  std::vector<std::string> names_;
};

}  // namespace entente::render
