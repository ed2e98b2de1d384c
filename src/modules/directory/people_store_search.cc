// People: Find a lawyer's reads of the search keys and filters (docs/SEARCH.md).

#include "modules/directory/people_store.h"

#include <algorithm>
#include <set>

#include "core/db/query.h"
#include "core/search/name_folding.h"

namespace entente::directory {
namespace {

// Filters shared by searches: membership of a bar (by slug), its jurisdiction, status, the
// person's city, a language spoken, a practice area.
void AppendFilters(db::Query& query, const LawyerQuery& filters) {
  std::string status = filters.status.empty() ? "active" : filters.status;
  query.Append(
      " AND EXISTS (SELECT 1 FROM memberships m JOIN organizations o ON o.id = m.organization_id"
      " LEFT JOIN jurisdictions j ON j.id = o.jurisdiction_id WHERE m.person_id = p.id");
  if (status != "any") query.Append(" AND m.status = ").Bind(status);
  if (!filters.bar.empty()) query.Append(" AND o.slug = ").Bind(filters.bar);
  if (!filters.jurisdiction.empty()) query.Append(" AND j.code = ").Bind(filters.jurisdiction);
  query.Append(")");
  if (!filters.city.empty()) query.Append(" AND lower(p.city) = lower(").Bind(filters.city).Append(")");
  if (!filters.language.empty()) {
    query.Append(" AND EXISTS (SELECT 1 FROM person_languages l WHERE l.person_id = p.id AND l.language = ")
        .Bind(filters.language)
        .Append(")");
  }
  if (!filters.practice_area.empty()) {
    query.Append(" AND EXISTS (SELECT 1 FROM person_practice_areas a WHERE a.person_id = p.id AND a.area = ")
        .Bind(filters.practice_area)
        .Append(")");
  }
}

}  // namespace

std::vector<PeopleStore::ReachedKey> PeopleStore::KeysNear(soci::session& sql, const std::vector<std::string>& words,
                                                           int prefix_limit) const {
  std::vector<ReachedKey> reached;
  if (words.empty()) return reached;
  db::Query query;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (i) query.Append(" UNION ALL ");
    // [word, word with its last letter raised): a range on name_key_deletions' primary key.
    std::string end = word;
    end.back() = static_cast<char>(end.back() + 1);
    long long index = static_cast<long long>(i);
    query.Append("SELECT * FROM (SELECT CAST(")
        .Bind(index)
        .Append(" AS INTEGER) AS word, 1 AS by_prefix, key FROM name_key_deletions WHERE variant >= ")
        .Bind(word)
        .Append(" AND variant < ")
        .Bind(end)
        .Append(" AND variant = key ORDER BY variant LIMIT ")
        .Bind(static_cast<long long>(prefix_limit))
        .Append(") p");
    // sql-fragment: the alias number of a derived table, from the loop counter.
    query.Append(std::to_string(i));
    if (word.size() >= 4) {
      std::vector<std::string> variants = search::DeletionVariants(word);
      variants.push_back(word);
      query.Append(" UNION ALL SELECT DISTINCT CAST(")
          .Bind(index)
          .Append(" AS INTEGER), 0, key FROM name_key_deletions WHERE variant IN (");
      for (size_t v = 0; v < variants.size(); ++v) {
        if (v) query.Append(", ");
        query.Bind(variants[v]);
      }
      query.Append(")");
    }
  }
  query.ForEachRow(sql, [&](const db::Row& row) {
    reached.push_back({static_cast<size_t>(row.Integer(0)), row.Text(2), row.Integer(1) != 0});
  });
  return reached;
}

namespace {

// More index reads than this for one query (pairs of two words' keys): the words are no longer
// read as pairs, but one word's keys each, the others checked per row. (SQLite allows 500 parts
// in one UNION ALL.)
constexpr size_t kMaxPairReads = 256;
// When one word's keys drive the reads and other words are checked per row, the index entries
// examined are bounded by about this many in all: two words that each reach hundreds of keys
// ("a b") may have few people in common, and finding them all would read every person having
// either. Beyond the bound, such a query finds only the matches among the first entries of
// each key, in name order.
constexpr long long kMaxEntriesChecked = 20000;
// Bound parameters per statement (SQLite allows 32,766); more reads go to further statements.
constexpr size_t kMaxBindsPerStatement = 20000;

// How a search reads the index: one read per key (`second` empty: person_name_keys) or per pair
// of keys (person_name_key_pairs), each yielding people in (sort_key, person) order; the words
// in `checked` are verified per row. `bounded`: the reads are single keys with words checked per
// row, whose examined entries are bounded (kMaxEntriesChecked).
struct IndexReads {
  std::vector<std::pair<std::string, std::string>> reads;
  std::vector<size_t> checked;
  bool bounded = false;
  long long examined_per_read = 0;  // when bounded
};

IndexReads PlanReads(const std::vector<std::vector<std::string>>& keys_per_word) {
  IndexReads plan;
  size_t words = keys_per_word.size();
  auto all_but = [&](std::initializer_list<size_t> driving) {
    for (size_t i = 0; i < words; ++i) {
      if (std::find(driving.begin(), driving.end(), i) == driving.end()) plan.checked.push_back(i);
    }
  };
  // The single word, or the word with fewest keys.
  size_t fewest = 0;
  for (size_t i = 1; i < words; ++i) {
    if (keys_per_word[i].size() < keys_per_word[fewest].size()) fewest = i;
  }
  if (words >= 2) {
    // The two words whose key sets make the fewest pairs: a person having both words is then
    // found in one index range per pair, already in name order.
    size_t first = 0, second = 1;
    for (size_t i = 0; i < words; ++i) {
      for (size_t j = i + 1; j < words; ++j) {
        if (keys_per_word[i].size() * keys_per_word[j].size() <
            keys_per_word[first].size() * keys_per_word[second].size()) {
          first = i;
          second = j;
        }
      }
    }
    if (keys_per_word[first].size() * keys_per_word[second].size() <= kMaxPairReads) {
      std::set<std::pair<std::string, std::string>> reads;
      for (const auto& a : keys_per_word[first]) {
        for (const auto& b : keys_per_word[second]) {
          // One key reached by both words: the person needs that key only.
          if (a == b) {
            reads.insert({a, ""});
          } else {
            reads.insert({std::min(a, b), std::max(a, b)});
          }
        }
      }
      plan.reads.assign(reads.begin(), reads.end());
      all_but({first, second});
      return plan;
    }
  }
  for (const auto& key : keys_per_word[fewest]) plan.reads.push_back({key, ""});
  all_but({fewest});
  plan.bounded = !plan.checked.empty();
  plan.examined_per_read = kMaxEntriesChecked / static_cast<long long>(std::max<size_t>(1, plan.reads.size()));
  return plan;
}

// The reads of `plan` in groups that each fit in one statement's bound parameters.
std::vector<std::pair<size_t, size_t>> StatementGroups(const IndexReads& plan,
                                                       const std::vector<std::vector<std::string>>& keys_per_word) {
  size_t binds_per_read = 12;  // keys, limits and filters
  for (size_t word : plan.checked) binds_per_read += keys_per_word[word].size();
  size_t per_statement = std::max<size_t>(1, std::min(kMaxPairReads, kMaxBindsPerStatement / binds_per_read));
  std::vector<std::pair<size_t, size_t>> groups;
  for (size_t begin = 0; begin < plan.reads.size(); begin += per_statement) {
    groups.push_back({begin, std::min(plan.reads.size(), begin + per_statement)});
  }
  return groups;
}

// One index read of `plan`, as "SELECT x.person_id, x.sort_key FROM … WHERE …" with the other
// words and the filters checked on x.person_id. `per_row` ends each EXISTS subquery: on
// PostgreSQL " OFFSET 0", which keeps the planner from turning the check into a hash join over
// everyone the filter admits (a whole bar's roll, to keep 50 people); every check is then a
// lookup on an index led by person_id, as on SQLite.
// sql-fragment-begin: `per_row` is PerRowCheck's literal (" OFFSET 0" or nothing).
// The person of index entry x holds a membership of that status (or any: "any") in the bar or
// jurisdiction of the filters, if any.
void AppendMembershipCheck(db::Query& query, const LawyerQuery& filters, const std::string& status,
                           std::string_view per_row) {
  query.Append(" AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = x.person_id");
  if (status != "any") query.Append(" AND m.status = ").Bind(status);
  if (!filters.bar.empty()) {
    query.Append(" AND m.organization_id IN (SELECT o.id FROM organizations o WHERE o.slug = ")
        .Bind(filters.bar)
        .Append(")");
  }
  if (!filters.jurisdiction.empty()) {
    query
        .Append(
            " AND m.organization_id IN (SELECT o.id FROM organizations o JOIN jurisdictions j ON j.id = "
            "o.jurisdiction_id WHERE j.code = ")
        .Bind(filters.jurisdiction)
        .Append(")");
  }
  query.Append(per_row).Append(")");
}

void AppendRead(db::Query& query, const std::pair<std::string, std::string>& read, const IndexReads& plan,
                const std::vector<std::vector<std::string>>& keys_per_word, const LawyerQuery& filters,
                std::string_view per_row) {
  if (read.second.empty() && plan.bounded) {
    query
        .Append("SELECT x.person_id, x.sort_key FROM (SELECT k.person_id, k.sort_key, k.listed FROM person_name_keys k")
        .Append(" WHERE k.key = ")
        .Bind(read.first)
        .Append(" ORDER BY k.sort_key, k.person_id LIMIT ")
        .Bind(plan.examined_per_read)
        .Append(") x WHERE 1 = 1");
  } else if (read.second.empty()) {
    query.Append("SELECT x.person_id, x.sort_key FROM person_name_keys x WHERE x.key = ").Bind(read.first);
  } else {
    query.Append("SELECT x.person_id, x.sort_key FROM person_name_key_pairs x WHERE x.first_key = ")
        .Bind(read.first)
        .Append(" AND x.second_key = ")
        .Bind(read.second);
  }
  for (size_t word : plan.checked) {
    query.Append(" AND EXISTS (SELECT 1 FROM person_name_keys w WHERE w.person_id = x.person_id AND w.key IN (");
    bool first = true;
    for (const auto& key : keys_per_word[word]) {
      if (!first) query.Append(", ");
      query.Bind(key);
      first = false;
    }
    query.Append(")").Append(per_row).Append(")");
  }
  // The filters, on the person of the index entry (merged records have no keys: Merge deletes
  // them). Each is a lookup by person on an index led by person_id.
  std::string status = filters.status.empty() ? "active" : filters.status;
  if (status == "active" && filters.bar.empty() && filters.jurisdiction.empty()) {
    // The default: an active membership anywhere, as the index entry records it.
    query.Append(" AND x.listed = 1");
  } else {
    AppendMembershipCheck(query, filters, status, per_row);
  }
  if (!filters.city.empty()) {
    query.Append(" AND EXISTS (SELECT 1 FROM people p WHERE p.id = x.person_id AND lower(p.city) = lower(")
        .Bind(filters.city)
        .Append(")")
        .Append(per_row)
        .Append(")");
  }
  if (!filters.language.empty()) {
    query.Append(" AND EXISTS (SELECT 1 FROM person_languages l WHERE l.person_id = x.person_id AND l.language = ")
        .Bind(filters.language)
        .Append(per_row)
        .Append(")");
  }
  if (!filters.practice_area.empty()) {
    query.Append(" AND EXISTS (SELECT 1 FROM person_practice_areas a WHERE a.person_id = x.person_id AND a.area = ")
        .Bind(filters.practice_area)
        .Append(per_row)
        .Append(")");
  }
}

// sql-fragment-end

std::string_view PerRowCheck(soci::session& sql) { return sql.get_backend_name() == "postgresql" ? " OFFSET 0" : ""; }

bool AnyWordWithoutKeys(const std::vector<std::vector<std::string>>& keys_per_word) {
  return keys_per_word.empty() ||
         std::any_of(keys_per_word.begin(), keys_per_word.end(), [](const auto& keys) { return keys.empty(); });
}

}  // namespace

std::vector<PeopleStore::KeyMatch> PeopleStore::PeopleWithKeys(
    soci::session& sql, const std::vector<std::vector<std::string>>& keys_per_word, const LawyerQuery& filters,
    long long limit) const {
  std::vector<KeyMatch> rows;
  if (AnyWordWithoutKeys(keys_per_word) || limit <= 0) return rows;
  IndexReads plan = PlanReads(keys_per_word);
  plan.examined_per_read = std::max(plan.examined_per_read, limit);
  // Each read is limited on its own: a person beyond the `limit`-th entry of one read has
  // `limit` people before them in that read, all matching, so is not among the first `limit`.
  for (auto [begin, end] : StatementGroups(plan, keys_per_word)) {
    db::Query query;
    for (size_t i = begin; i < end; ++i) {
      if (i > begin) query.Append(" UNION ALL ");
      query.Append("SELECT * FROM (");
      AppendRead(query, plan.reads[i], plan, keys_per_word, filters, PerRowCheck(sql));
      query.Append(" ORDER BY x.sort_key, x.person_id LIMIT ").Bind(limit).Append(") r");
      // sql-fragment: the alias number of a derived table, from the loop counter.
      query.Append(std::to_string(i));
    }
    query.ForEachRow(sql, [&](const db::Row& row) { rows.push_back({PersonId(row.Integer(0)), row.Text(1)}); });
  }
  // Merge the reads: in order, each person once (a person may have several of the keys).
  std::sort(rows.begin(), rows.end(), [](const KeyMatch& a, const KeyMatch& b) {
    return a.sort_key != b.sort_key ? a.sort_key < b.sort_key : a.person < b.person;
  });
  rows.erase(
      std::unique(rows.begin(), rows.end(), [](const KeyMatch& a, const KeyMatch& b) { return a.person == b.person; }),
      rows.end());
  if (rows.size() > static_cast<size_t>(limit)) rows.resize(static_cast<size_t>(limit));
  return rows;
}

long long PeopleStore::CountPeopleWithKeys(soci::session& sql,
                                           const std::vector<std::vector<std::string>>& keys_per_word,
                                           const LawyerQuery& filters, long long cap) const {
  if (AnyWordWithoutKeys(keys_per_word) || cap <= 0) return 0;
  IndexReads plan = PlanReads(keys_per_word);
  plan.examined_per_read = std::max(plan.examined_per_read, cap);
  // Each read stops at `cap` entries: if one read reaches it, there are at least `cap` people;
  // if none does, every read is complete and the distinct count is exact.
  auto groups = StatementGroups(plan, keys_per_word);
  if (plan.reads.size() == 1) {
    // One read yields each person once: no need to remove duplicates.
    db::Query query("SELECT COUNT(*) FROM (");
    AppendRead(query, plan.reads.front(), plan, keys_per_word, filters, PerRowCheck(sql));
    query.Append(" LIMIT ").Bind(cap).Append(") c");
    return query.Scalar<long long>(sql);
  }
  if (groups.size() == 1) {
    db::Query query("SELECT COUNT(*) FROM (SELECT DISTINCT person_id FROM (");
    for (size_t i = 0; i < plan.reads.size(); ++i) {
      if (i) query.Append(" UNION ALL ");
      query.Append("SELECT * FROM (");
      AppendRead(query, plan.reads[i], plan, keys_per_word, filters, PerRowCheck(sql));
      query.Append(" LIMIT ").Bind(cap).Append(") r");
      // sql-fragment: the alias number of a derived table, from the loop counter.
      query.Append(std::to_string(i));
    }
    query.Append(") u LIMIT ").Bind(cap).Append(") c");
    return query.Scalar<long long>(sql);
  }
  // Reads over several statements: the distinct people are gathered here.
  std::set<long long> people;
  for (auto [begin, end] : groups) {
    db::Query query("SELECT DISTINCT person_id FROM (");
    for (size_t i = begin; i < end; ++i) {
      if (i > begin) query.Append(" UNION ALL ");
      query.Append("SELECT * FROM (");
      AppendRead(query, plan.reads[i], plan, keys_per_word, filters, PerRowCheck(sql));
      query.Append(" LIMIT ").Bind(cap).Append(") r");
      // sql-fragment: the alias number of a derived table, from the loop counter.
      query.Append(std::to_string(i));
    }
    query.Append(") u LIMIT ").Bind(cap);
    for (long long person : query.Column<long long>(sql)) people.insert(person);
    if (static_cast<long long>(people.size()) >= cap) return cap;
  }
  return static_cast<long long>(people.size());
}

std::map<PersonId, std::string> PeopleStore::DisplayNames(soci::session& sql,
                                                          const std::vector<PersonId>& people) const {
  std::map<PersonId, std::string> names;
  if (people.empty()) return names;
  db::Query query("SELECT id, display_name FROM people WHERE id IN (");
  query.BindList(IdValues(people)).Append(")");
  query.ForEachRow(sql, [&](const db::Row& row) { names[PersonId(row.Integer(0))] = row.Text(1); });
  return names;
}

namespace {
// A bar with at most this many memberships is listed from its members (see PeopleByFilters).
constexpr long long kSmallBar = 5000;
}  // namespace

PeopleStore::FilterPage PeopleStore::PeopleByFilters(soci::session& sql, const LawyerQuery& filters,
                                                     long long count_cap) const {
  // A bar's members are read in name order from everyone's, each checked: quick when the bar is
  // large (its members come soon), a walk through everyone when it is small (the Paris Bar's
  // few members among a million: 2.2 s). A small bar's members are then the starting set, sorted.
  bool from_bar = false;
  if (!filters.bar.empty()) {
    long long members = db::Query(
                            "SELECT COUNT(*) FROM (SELECT 1 FROM memberships m JOIN organizations o ON o.id = "
                            "m.organization_id WHERE o.slug = ")
                            .Bind(filters.bar)
                            .Append(" LIMIT ")
                            .Bind(kSmallBar + 1)
                            .Append(") c")
                            .Scalar<long long>(sql);
    from_bar = members <= kSmallBar;
  }
  // "… FROM people p WHERE …" with the filters; from a small bar's memberships first (CROSS JOIN:
  // SQLite then reads them first, by the bar's index, rather than everyone in name order), each
  // person once.
  auto people = [&](db::Query query) {
    if (from_bar) {
      query
          .Append(
              " FROM memberships b CROSS JOIN people p WHERE b.organization_id = (SELECT o.id FROM organizations o "
              "WHERE o.slug = ")
          .Bind(filters.bar)
          .Append(") AND p.id = b.person_id AND p.merged_into IS NULL");
    } else {
      query.Append(" FROM people p WHERE p.merged_into IS NULL");
    }
    AppendFilters(query, filters);
    return query;
  };
  // sql-fragment-begin: each query begins with one of two literals, chosen by from_bar.
  db::Query count =
      people(db::Query(from_bar ? "SELECT COUNT(*) FROM (SELECT DISTINCT p.id" : "SELECT COUNT(*) FROM (SELECT 1"));
  count.Append(" LIMIT ").Bind(count_cap).Append(") c");
  db::Query list = people(db::Query(from_bar ? "SELECT DISTINCT p.id, p.sort_key" : "SELECT p.id, p.sort_key"));
  // sql-fragment-end
  if (filters.after) {
    // (sort_key, id) > (key, id), written so that the first term reads the sort_key index on
    // both backends.
    list.Append(" AND p.sort_key >= ")
        .Bind(filters.after->key)
        .Append(" AND (p.sort_key > ")
        .Bind(filters.after->key)
        .Append(" OR p.id > ")
        .Bind(filters.after->id)
        .Append(")");
  }
  // One row past the page says whether a next page exists.
  list.Append(" ORDER BY p.sort_key, p.id LIMIT ").Bind(static_cast<long long>(filters.page.per_page) + 1);
  if (!filters.after) list.Append(" OFFSET ").Bind(filters.page.offset());
  FilterPage page;
  std::string last_key;
  list.ForEachRow(sql, [&](const db::Row& row) {
    if (static_cast<int>(page.people.size()) == filters.page.per_page) {
      page.next = KeysetCursor{std::move(last_key), page.people.back().value()};
      return;
    }
    page.people.emplace_back(row.Integer(0));
    last_key = row.Text(1);
  });
  page.total = count.Scalar<long long>(sql);
  return page;
}

std::vector<LawyerHit> PeopleStore::Hits(soci::session& sql, const std::vector<PersonId>& ids) const {
  std::vector<long long> people = IdValues(ids);
  std::vector<LawyerHit> hits;
  if (people.empty()) return hits;
  std::map<long long, LawyerHit> by_id;
  // One statement for the page: the people (part 0), then their names (1) and their bars (2),
  // each in the order they were recorded.
  db::Query query("SELECT 0, p.id, p.slug, p.display_name, p.city, 0 FROM people p WHERE p.id IN (");
  query.BindList(people)
      .Append(") UNION ALL SELECT 1, n.person_id, n.full_name, '', '', n.id FROM person_names n WHERE n.person_id IN (")
      .BindList(people)
      .Append(
          ") UNION ALL SELECT 2, m.person_id, o.slug, '', '', m.id FROM memberships m "
          "JOIN organizations o ON o.id = m.organization_id WHERE m.person_id IN (")
      .BindList(people)
      .Append(") ORDER BY 1, 6");
  query.ForEachRow(sql, [&](const db::Row& row) {
    long long id = row.Integer(1);
    switch (row.Integer(0)) {
      case 0: {
        LawyerHit& hit = by_id[id];
        hit.id = PersonId(id);
        hit.slug = row.Text(2);
        hit.display_name = row.Text(3);
        hit.city = row.Text(4);
        return;
      }
      case 1: {
        // Names in the other script than the one shown, for "Kanafin — Канафин".
        auto it = by_id.find(id);
        std::string name = row.Text(2);
        if (it == by_id.end() || name == it->second.display_name) return;
        if (DetectScript(name) != DetectScript(it->second.display_name)) it->second.other_names.push_back(name);
        return;
      }
      default:
        if (auto it = by_id.find(id); it != by_id.end()) it->second.bars.push_back(row.Text(2));
    }
  });
  for (long long id : people) {
    if (auto it = by_id.find(id); it != by_id.end()) hits.push_back(std::move(it->second));
  }
  return hits;
}

}  // namespace entente::directory
