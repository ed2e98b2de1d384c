#include "modules/directory/lawyer_query.h"

#include <fmt/format.h>

#include "core/base/messages.h"
#include "core/http/forms.h"
#include "core/http/json.h"

namespace entente::directory {
namespace {

// The query's search and filters, and its page size unless the default, as "name=value&…&".
std::string FilterString(const LawyerQuery& query) {
  std::string text;
  auto add = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) text += fmt::format("{}={}&", name, http::PercentEncode(value));
  };
  add("q", query.text);
  add("bar", query.bar);
  add("jurisdiction", query.jurisdiction);
  add("city", query.city);
  add("language", query.language);
  add("practice_area", query.practice_area);
  add("status", query.status);
  if (query.page.per_page != PageRequest::kDefaultPerPage) text += fmt::format("per_page={}&", query.page.per_page);
  return text;
}

}  // namespace

Result<LawyerQuery> ReadLawyerQuery(const http::Request& request) {
  LawyerQuery query;
  // Keyset paging: after= replaces the page number (the cursor says where the page starts).
  if (auto after = request.QueryParam("after"); after && !after->empty()) {
    query.after = DecodeCursor(*after);
    if (!query.after) {
      return Fail(Error::BadRequest(N_("This link to the next page is damaged. Go back to the first page."),
                                    {{"after", N_("This is not a cursor of this list: use the next link as given.")}}));
    }
    if (auto page = request.QueryParam("page"); page && !page->empty() && *page != "1") {
      return Fail(Error::BadRequest(N_("Please correct the request."),
                                    {{"after", N_("Give either page= or after=, not both.")}}));
    }
  }
  auto page = http::ReadPageRequest(request);
  if (!page) return Fail(page.error());
  query.text = request.QueryParam("q").value_or("");
  query.bar = request.QueryParam("bar").value_or("");
  query.jurisdiction = request.QueryParam("jurisdiction").value_or("");
  query.city = request.QueryParam("city").value_or("");
  query.language = request.QueryParam("language").value_or("");
  query.practice_area = request.QueryParam("practice_area").value_or("");
  query.status = request.QueryParam("status").value_or("");
  query.page = *page;
  return query;
}

std::string QueryString(const LawyerQuery& query, int page) {
  return FilterString(query) + fmt::format("page={}", page);
}

std::string NextQueryString(const LawyerQuery& query, const Page<LawyerHit>& found, NextLink style) {
  bool numbered = !query.after && static_cast<long long>(found.page) * found.per_page <= PageRequest::kMaxOffset;
  if (!found.next_after.empty() && (style == NextLink::kCursor || !numbered)) {
    return FilterString(query) + "after=" + found.next_after;
  }
  if (query.after || found.page >= found.pages() || !numbered) return "";
  return QueryString(query, found.page + 1);
}

}  // namespace entente::directory
