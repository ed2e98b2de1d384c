#pragma once
// The pagination convention shared by every list, page and API alike: ?page=N&per_page=M
// (page from 1, per_page 1–200, default 50); a list answers with its items and the total.
// A page may start at most kMaxOffset rows into its list: a deeper OFFSET makes the database
// read and drop every row before it, so it is refused (400); a list that must be walked to its
// end offers keyset paging (`after=`, see core/base/cursor.h) instead.

#include <string>
#include <vector>

namespace entente {

struct PageRequest {
  static constexpr int kDefaultPerPage = 50;
  static constexpr int kMaxPerPage = 200;
  static constexpr long long kMaxOffset = 10'000;
  int page = 1;
  int per_page = kDefaultPerPage;

  long long offset() const { return static_cast<long long>(page - 1) * per_page; }
};

template <typename T>
struct Page {
  std::vector<T> items;
  long long total = 0;
  // When the count stopped at a cap (a search that matches very many): `total` is then at
  // least the real number, and so is pages().
  bool total_is_lower_bound = false;
  int page = 1;
  int per_page = PageRequest::kDefaultPerPage;
  // For a list that offers keyset paging: the cursor (core/base/cursor.h) of the next page's
  // start, empty on the last page or when the list has none.
  std::string next_after;

  long long pages() const { return total == 0 ? 1 : (total + per_page - 1) / per_page; }
};

}  // namespace entente
