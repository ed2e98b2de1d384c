// Find a lawyer (PeopleService::FindLawyers): the query's words reach search keys, each with a
// score; people are read by score level from the index and ordered (docs/SEARCH.md).

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include <unicode/coll.h>

#include "core/base/messages.h"
#include "core/search/name_folding.h"
#include "modules/directory/people_service.h"

namespace entente::directory {
namespace {

constexpr size_t kMaxQueryLength = 200;
constexpr size_t kMaxQueryWords = 6;
constexpr int kPrefixKeysPerWord = 200;
// Results are counted up to this many, or to one past the end of the page asked if further:
// a total that reaches the count's cap is a lower bound (docs/SEARCH.md). An exact count of a
// common name would read every person having it; each counted person costs a filter lookup.
constexpr long long kCountedResults = 200;
// Lists shorter than this are read whole and ordered by the page language's collation; longer
// ones are read a page at a time from the index, in folded-name order.
constexpr long long kCollatedResults = kCountedResults;
// Scores of one word: 3 the same key, 2 a key it begins, 1 a key one edit away.
constexpr int kBestScore = 3;

// Compares display names in a language's collation (ICU; Kazakh and Russian orders differ).
class NameOrder {
 public:
  explicit NameOrder(const std::string& language) {
    UErrorCode status = U_ZERO_ERROR;
    collator_.reset(icu::Collator::createInstance(icu::Locale(language.c_str()), status));
    if (U_FAILURE(status)) collator_.reset();
  }
  bool Less(const std::string& a, const std::string& b) const {
    if (!collator_) return a < b;
    UErrorCode status = U_ZERO_ERROR;
    return collator_->compareUTF8(a, b, status) == UCOL_LESS;
  }

 private:
  std::unique_ptr<icu::Collator> collator_;
};

std::vector<FieldError> QueryErrors(const LawyerQuery& query) {
  std::vector<FieldError> errors;
  if (query.text.size() > kMaxQueryLength) errors.push_back({"q", N_("Search with at most 200 characters.")});
  if (!query.status.empty() && query.status != "any" && !ParseStatus(query.status)) {
    errors.push_back({"status", N_("Choose a status from the list.")});
  }
  if (!query.bar.empty() && !IsSlug(query.bar)) errors.push_back({"bar", N_("There is no such organization.")});
  return errors;
}

// Without a search text: the filters alone, in (sort_key, id) order, paged by number or cursor.
void ListByFilters(soci::session& sql, const PeopleStore& store, const LawyerQuery& query, Page<LawyerHit>& page) {
  long long offset = query.after ? 0 : query.page.offset();
  long long cap = std::max(kCountedResults, offset + query.page.per_page + 1);
  auto found = store.PeopleByFilters(sql, query, cap);
  page.items = store.Hits(sql, found.people);
  page.total = found.total;
  page.total_is_lower_bound = found.total >= cap;
  if (found.next) page.next_after = EncodeCursor(*found.next);
}

// For each query word, the keys it reaches and how well: tiers[i][score] holds word i's keys of
// that score, all[i] every key of word i. Empty when a word reaches nothing (nobody matches every
// word then).
struct WordKeys {
  std::vector<std::vector<std::vector<std::string>>> tiers;
  std::vector<std::vector<std::string>> all;
};

std::optional<WordKeys> ReachKeys(soci::session& sql, const PeopleStore& store, const std::vector<std::string>& words) {
  WordKeys keys{std::vector<std::vector<std::vector<std::string>>>(
                    words.size(), std::vector<std::vector<std::string>>(kBestScore + 1)),
                std::vector<std::vector<std::string>>(words.size())};
  std::vector<std::map<std::string, int>> reaches(words.size());
  for (auto& reached : store.KeysNear(sql, words, kPrefixKeysPerWord)) {
    const std::string& word = words[reached.word];
    if (reached.by_prefix) {
      reaches[reached.word][reached.key] = reached.key == word ? 3 : 2;
    } else if (search::WithinOneEdit(reached.key, word)) {
      reaches[reached.word].emplace(reached.key, 1);  // a key it begins scores better
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (reaches[i].empty()) return std::nullopt;
    for (const auto& [key, score] : reaches[i]) {
      keys.tiers[i][score].push_back(key);
      keys.all[i].push_back(key);
    }
  }
  return keys;
}

// A person found, with the score level they were found at.
struct Found {
  int score = 0;
  std::string sort_key;
  PersonId person;
};

// Score levels from the best down; a level is the set of per-word score combinations with that
// sum ((3,3); then (3,2) and (2,3); …). Each combination reads its first `need` people in name
// order from the index. Someone a combination's read cuts off has `need` people at least as well
// scored before them, so is not on the page; once the levels read hold `need` people, no lower
// level can place anyone on it. A person keeps the first (best) level at which they are found.
std::vector<Found> ReadByScore(soci::session& sql, const PeopleStore& store, const WordKeys& keys,
                               const LawyerQuery& query, long long need) {
  std::vector<Found> found;
  std::set<PersonId> seen;
  size_t words = keys.tiers.size();
  int word_count = static_cast<int>(words);
  for (int level = kBestScore * word_count; level >= word_count; --level) {
    std::vector<int> combination(words, 1);
    // Every combination of scores 1..3 per word, in turn; those summing to `level` are read.
    while (true) {
      int sum = 0;
      for (int score : combination) sum += score;
      bool readable = sum == level;
      for (size_t i = 0; readable && i < words; ++i) readable = !keys.tiers[i][combination[i]].empty();
      if (readable) {
        std::vector<std::vector<std::string>> keys_per_word;
        for (size_t i = 0; i < words; ++i) keys_per_word.push_back(keys.tiers[i][combination[i]]);
        for (auto& match : store.PeopleWithKeys(sql, keys_per_word, query, need)) {
          if (seen.insert(match.person).second) found.push_back({level, std::move(match.sort_key), match.person});
        }
      }
      size_t digit = 0;
      while (digit < combination.size() && combination[digit] == kBestScore) combination[digit++] = 1;
      if (digit == combination.size()) break;
      ++combination[digit];
    }
    if (static_cast<long long>(found.size()) >= need) break;
  }
  return found;
}

// Rank, then order equal ranks by name: in the page language's collation when the whole list was
// read (`collated`), by the folded name (byte order, as the index reads it) otherwise.
void Order(soci::session& sql, const PeopleStore& store, std::vector<Found>& found, bool collated,
           const std::string& language) {
  if (!collated) {
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
      if (a.score != b.score) return a.score > b.score;
      if (a.sort_key != b.sort_key) return a.sort_key < b.sort_key;
      return a.person < b.person;
    });
    return;
  }
  std::vector<PersonId> ids;
  for (const auto& person : found) ids.push_back(person.person);
  auto names = store.DisplayNames(sql, ids);
  NameOrder order(language);
  const std::string none;  // a person removed meanwhile
  auto name_of = [&](PersonId person) -> const std::string& {
    auto it = names.find(person);
    return it == names.end() ? none : it->second;
  };
  std::sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
    if (a.score != b.score) return a.score > b.score;
    const std::string& name_a = name_of(a.person);
    const std::string& name_b = name_of(b.person);
    if (order.Less(name_a, name_b)) return true;
    if (order.Less(name_b, name_a)) return false;
    return a.person < b.person;
  });
}

// A search by name: ranked, counted up to a cap, paged by number.
void SearchByName(soci::session& sql, const PeopleStore& store, const std::vector<std::string>& words,
                  const LawyerQuery& query, const std::string& language, Page<LawyerHit>& page) {
  auto keys = ReachKeys(sql, store, words);
  if (!keys) return;
  long long offset = query.page.offset();
  long long cap = std::max(kCountedResults, offset + query.page.per_page + 1);
  page.total = store.CountPeopleWithKeys(sql, keys->all, query, cap);
  page.total_is_lower_bound = page.total >= cap;
  if (page.total == 0 || offset >= page.total) return;
  // A short list is read whole (and ordered by collation); a long one up to the end of the page
  // asked for.
  bool collated = page.total < kCollatedResults;
  long long need = collated ? page.total : offset + query.page.per_page;
  std::vector<Found> found = ReadByScore(sql, store, *keys, query, need);
  Order(sql, store, found, collated, language);
  std::vector<PersonId> ids;
  std::map<PersonId, int> score_of;
  size_t end = std::min(found.size(), static_cast<size_t>(offset + query.page.per_page));
  for (size_t i = static_cast<size_t>(offset); i < end; ++i) {
    ids.push_back(found[i].person);
    score_of[found[i].person] = found[i].score;
  }
  page.items = store.Hits(sql, ids);
  for (auto& hit : page.items) hit.score = score_of[hit.id];
}

}  // namespace

Result<Page<LawyerHit>> PeopleService::FindLawyers(const LawyerQuery& query, const std::string& language) {
  if (auto errors = QueryErrors(query); !errors.empty()) {
    return Fail(Error::InvalidArgument(N_("Please correct the search."), std::move(errors)));
  }
  std::vector<std::string> words = search::FoldWords(query.text);
  // A name search ranks its matches (score, then name in the page's collation) and counts at
  // most a few hundred: it is paged by number only.
  if (query.after && !words.empty()) {
    return Fail(Error::BadRequest(N_("A search by name is paged by number: after= is for lists without a search text."),
                                  {{"after", N_("Leave out after= when searching by name, or leave out the name.")}}));
  }
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  Page<LawyerHit> page;
  page.page = query.page.page;
  page.per_page = query.page.per_page;
  if (words.empty() && !query.text.empty()) return page;  // punctuation only: nothing to find
  return database_.Read([&](soci::session& sql) -> Result<Page<LawyerHit>> {
    if (words.empty()) {
      ListByFilters(sql, store_, query, page);
    } else {
      SearchByName(sql, store_, words, query, language, page);
    }
    return page;
  });
}

}  // namespace entente::directory
