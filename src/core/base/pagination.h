#pragma once
// The pagination convention shared by every list, page and API alike: ?page=N&per_page=M
// (page from 1, per_page 1–200, default 50); a list answers with its items and the total.

#include <vector>

namespace entente {

struct PageRequest {
  static constexpr int kDefaultPerPage = 50;
  static constexpr int kMaxPerPage = 200;
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

  long long pages() const { return total == 0 ? 1 : (total + per_page - 1) / per_page; }
};

}  // namespace entente
