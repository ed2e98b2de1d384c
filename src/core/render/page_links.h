#pragma once
// The previous and next links of a list page: the same query with another `page`, as
// PREVIOUS_HREF / NEXT_HREF in the sections PREVIOUS and NEXT (`<nav class="pagination">` in the
// list templates).

#include <string_view>

#include "core/http/request.h"
#include "core/render/dictionary.h"

namespace entente::render {

// `path` is the list's own path ("/training"); the request's other query parameters are kept.
void AddPageLinks(ctemplate::TemplateDictionary& dictionary, std::string_view path, const http::Request& request,
                  long long page, long long pages);

}  // namespace entente::render
