#pragma once
// Find a lawyer's query string: read from a request, and written back for the links to other
// pages of a result (the page and the API share them).

#include <string>

#include "core/base/error.h"
#include "core/base/pagination.h"
#include "core/http/request.h"
#include "modules/directory/people_model.h"

namespace entente::directory {

Result<LawyerQuery> ReadLawyerQuery(const http::Request& request);

// The query's search, filters and page size, with page=`page`.
std::string QueryString(const LawyerQuery& query, int page);

// How a next link is written when the list offers a cursor: the page is numbered while it
// starts within PageRequest::kMaxOffset (the HTML page), or always by cursor (the API).
enum class NextLink { kNumberedWhileShallow, kCursor };

// Where the page after `found` starts: after the last row shown when the list offers a cursor
// (lists without a search text) and the link is not to be numbered, else by number while that
// stays within PageRequest::kMaxOffset; "" on the last page, or when a ranked search has no
// deeper numbered page.
std::string NextQueryString(const LawyerQuery& query, const Page<LawyerHit>& found, NextLink style);

}  // namespace entente::directory
