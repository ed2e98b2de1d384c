#include "core/render/page_links.h"

#include <string>

namespace entente::render {

void AddPageLinks(ctemplate::TemplateDictionary& dictionary, std::string_view path, const http::Request& request,
                  long long page, long long pages) {
  auto href = [&](long long number) {
    std::string link = std::string(path) + "?";
    for (const auto& [key, value] : http::ParseQuery(request.query)) {
      if (key != "page") link += http::PercentEncode(key) + "=" + http::PercentEncode(value) + "&";
    }
    return link + "page=" + std::to_string(number);
  };
  if (page > 1) dictionary.SetValueAndShowSection("PREVIOUS_HREF", href(page - 1), "PREVIOUS");
  if (page < pages) dictionary.SetValueAndShowSection("NEXT_HREF", href(page + 1), "NEXT");
}

}  // namespace entente::render
