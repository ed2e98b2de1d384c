// PeopleStore::BulkUpsert: a roll import's writes (docs/PERFORMANCE.md, "Roll import").
//
// A chunk of entries is first prepared on a second thread while the previous chunk is written:
// names folded into search keys (each distinct name once), the key and key-pair rows sorted in
// their primary keys' order so that consecutive inserts touch neighbouring pages, and the
// deletion variants of keys new to this import. Writing a chunk upserts its people by slug,
// deletes what people already there had (names, keys, pairs, languages, practice areas), then
// inserts each table's rows, the memberships (upserted by bar and roll number) and the variants.

#include <algorithm>
#include <future>
#include <set>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/base/time.h"
#include "core/db/postgres_copy.h"
#include "core/db/query.h"
#include "core/db/sqlite_statement.h"
#include "core/search/name_folding.h"
#include "modules/directory/people_store.h"

namespace entente::directory {
namespace {

constexpr size_t kChunk = 5000;
// SQLite's page cache during an import: at a million people the directory's indexes take
// ~800 MB, and the pages an import keeps touching (the end of each key's range in the ranked
// key and pair indexes) must stay in memory. Used only as pages are read or written.
constexpr long long kImportPageCacheKibibytes = 1024 * 1024;
// Folded names kept by an import: enough for every distinct name of a large roll's chunk.
constexpr size_t kMaxFoldedNames = 200'000;

// Folds names into search keys: each distinct name (as written) once, and each distinct part of
// a name once (search::PartFolder) — a roll repeats whole names sometimes, given and family
// names always.
class NameFolder {
 public:
  const std::vector<std::string>& Fold(const std::string& name) {
    if (folded_.size() >= kMaxFoldedNames) folded_.clear();
    auto [it, inserted] = folded_.try_emplace(name);
    if (inserted) it->second = parts_.Fold(name);
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::vector<std::string>> folded_;
  search::PartFolder parts_;
};

// A person of a chunk, with what the writes derive from the entry.
struct PreparedPerson {
  const PeopleStore::RollEntry* entry = nullptr;
  std::string sort_key;           // the first name's folded words, as PeopleStore::Upsert writes it
  std::vector<std::string> keys;  // every folded word of every name, distinct, in order
  std::set<std::string> languages;
  std::set<std::string> practice_areas;
  std::string admitted_on;
  std::string status_since;
  // The `listed` flag of the person's keys and pairs (an active membership), as the entry's own
  // membership gives it; PeopleStore::RefreshListed sets it for people who were already there.
  long long listed = 0;

  const PersonInput& person() const { return entry->person; }
  const std::string& display_name() const {
    static const std::string kNone;
    return person().names.empty() ? kNone : person().names.front().full_name;
  }
};

std::vector<PreparedPerson> PreparePeople(NameFolder& folder, std::span<const PeopleStore::RollEntry> entries) {
  std::vector<PreparedPerson> prepared(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    PreparedPerson& out = prepared[i];
    out.entry = &entries[i];
    const PersonInput& person = entries[i].person;
    for (size_t n = 0; n < person.names.size(); ++n) {
      const auto& words = folder.Fold(person.names[n].full_name);
      if (n == 0) {
        out.sort_key = search::JoinKeys(words);
      }
      out.keys.insert(out.keys.end(), words.begin(), words.end());
    }
    std::sort(out.keys.begin(), out.keys.end());
    out.keys.erase(std::unique(out.keys.begin(), out.keys.end()), out.keys.end());
    out.languages.insert(person.languages.begin(), person.languages.end());
    out.practice_areas.insert(person.practice_areas.begin(), person.practice_areas.end());
    out.admitted_on = entries[i].admitted_on.ToString();
    out.status_since = entries[i].status_since.ToString();
    out.listed = entries[i].status == MembershipStatus::kActive ? 1 : 0;
  }
  return prepared;
}

// The key and key-pair rows of a chunk in their primary keys' order, `person` an index into the
// chunk (new people's ids follow the chunk's order).
struct KeyRow {
  const std::string* key;
  const std::string* sort_key;
  size_t person;
  auto operator<=>(const KeyRow& other) const {
    if (auto c = *key <=> *other.key; c != 0) return c;
    if (auto c = *sort_key <=> *other.sort_key; c != 0) return c;
    return person <=> other.person;
  }
};
struct PairRow {
  const std::string* first;
  const std::string* second;
  const std::string* sort_key;
  size_t person;
  auto operator<=>(const PairRow& other) const {
    if (auto c = *first <=> *other.first; c != 0) return c;
    if (auto c = *second <=> *other.second; c != 0) return c;
    if (auto c = *sort_key <=> *other.sort_key; c != 0) return c;
    return person <=> other.person;
  }
};

// A key new to this import with its one-deletion variants (a key is also its own variant).
struct NewKey {
  std::string key;
  std::vector<std::string> variants;
};

// What the writes of a chunk need, computed beforehand on the preparing thread.
struct PreparedChunk {
  std::vector<PreparedPerson> people;
  std::unordered_map<std::string_view, size_t> position;  // by slug
  std::vector<KeyRow> keys;
  std::vector<PairRow> pairs;
  std::vector<NewKey> new_keys;
};

// Prepares an import's chunks, in order: one at a time, on one thread at a time.
class ChunkPreparer {
 public:
  explicit ChunkPreparer(const std::vector<PeopleStore::RollEntry>& entries) : entries_(entries) {}

  PreparedChunk Prepare(size_t begin) {
    size_t end = std::min(entries_.size(), begin + kChunk);
    PreparedChunk chunk;
    chunk.people = PreparePeople(folder_, std::span(entries_).subspan(begin, end - begin));
    const auto& people = chunk.people;
    for (size_t i = 0; i < people.size(); ++i) {
      chunk.position.emplace(people[i].person().slug, i);
      const auto& keys = people[i].keys;
      for (size_t a = 0; a < keys.size(); ++a) {
        chunk.keys.push_back({&keys[a], &people[i].sort_key, i});
        for (size_t b = a + 1; b < keys.size(); ++b)
          chunk.pairs.push_back({&keys[a], &keys[b], &people[i].sort_key, i});
        if (indexed_.insert(keys[a]).second) chunk.new_keys.push_back({keys[a], search::DeletionVariants(keys[a])});
      }
    }
    std::sort(chunk.keys.begin(), chunk.keys.end());
    std::sort(chunk.pairs.begin(), chunk.pairs.end());
    std::sort(chunk.new_keys.begin(), chunk.new_keys.end(),
              [](const NewKey& a, const NewKey& b) { return a.key < b.key; });
    return chunk;
  }

 private:
  const std::vector<PeopleStore::RollEntry>& entries_;
  NameFolder folder_;
  std::unordered_set<std::string> indexed_;  // keys of the chunks prepared so far
};

// The writes of one import on SQLite: every statement prepared once, values bound in place, many
// rows per statement.
class SqliteWriter {
 public:
  SqliteWriter(soci::session& sql, OrganizationId bar)
      : sql_(sql),
        bar_(bar.value()),
        now_(NowUtc()),
        cache_(sql, kImportPageCacheKibibytes),
        people_(sql,
                "INSERT INTO people (slug, display_name, sort_key, gender, city, is_synthetic, created_at_utc, "
                "updated_at_utc) VALUES ",
                8,
                " ON CONFLICT (slug) DO UPDATE SET display_name = excluded.display_name, sort_key = "
                "excluded.sort_key, gender = excluded.gender, city = excluded.city, "
                "updated_at_utc = excluded.updated_at_utc RETURNING id, slug",
                [this](const db::SqliteStatement& row) { ids_.at(position_->at(row.Text(1))) = row.Integer(0); }),
        // Many people's rows a statement: "… IN ((?), (?), …)".
        delete_names_(sql, "DELETE FROM person_names WHERE person_id IN (", 1, ")"),
        delete_keys_(sql, "DELETE FROM person_name_keys WHERE person_id IN (", 1, ")"),
        delete_pairs_(sql, "DELETE FROM person_name_key_pairs WHERE person_id IN (", 1, ")"),
        delete_languages_(sql, "DELETE FROM person_languages WHERE person_id IN (", 1, ")"),
        delete_areas_(sql, "DELETE FROM person_practice_areas WHERE person_id IN (", 1, ")"),
        names_(sql, "INSERT INTO person_names (person_id, full_name, script, kind, language, note) VALUES ", 6),
        keys_(sql, "INSERT INTO person_name_keys (key, sort_key, person_id, listed) VALUES ", 4),
        pairs_(sql, "INSERT INTO person_name_key_pairs (first_key, second_key, sort_key, person_id, listed) VALUES ",
               5),
        languages_(sql, "INSERT INTO person_languages (person_id, language) VALUES ", 2),
        areas_(sql, "INSERT INTO person_practice_areas (person_id, area) VALUES ", 2),
        memberships_(sql,
                     "INSERT INTO memberships (person_id, organization_id, roll_number, admitted_on, status, "
                     "status_since) VALUES ",
                     6,
                     " ON CONFLICT (organization_id, roll_number) WHERE roll_number <> '' DO UPDATE SET "
                     "person_id = excluded.person_id, admitted_on = excluded.admitted_on, "
                     "status = excluded.status, status_since = excluded.status_since"),
        variants_(sql, "INSERT INTO name_key_deletions (variant, key) VALUES ", 2, " ON CONFLICT DO NOTHING") {
    db::SqliteStatement(sql, "SELECT coalesce(max(id), 0) FROM people").Scalar(max_id_);
  }

  void Write(const PreparedChunk& chunk) {
    const auto& people = chunk.people;
    // People upserted by slug, their ids from RETURNING. SQLite gives a new row the largest rowid
    // plus one, so an id not above the largest one before this chunk is a person who was there:
    // what they had is deleted. (Were rowids ever exhausted, a new person taken for one has
    // nothing to delete.)
    ids_.assign(people.size(), 0);
    position_ = &chunk.position;
    for (const auto& person : people) {
      people_.Add(person.person().slug)
          .Add(person.display_name())
          .Add(person.sort_key)
          .Add(person.person().gender)
          .Add(person.person().city)
          .Add(person.person().synthetic ? 1LL : 0LL)
          .Add(now_)
          .Add(now_);
    }
    people_.Flush();
    long long max_before = max_id_;
    std::vector<long long> existing;
    for (long long id : ids_) {
      max_id_ = std::max(max_id_, id);
      if (id > max_before) continue;
      existing.push_back(id);
      for (auto* statement : {&delete_names_, &delete_keys_, &delete_pairs_, &delete_languages_, &delete_areas_}) {
        statement->Add(id);
      }
    }
    for (auto* statement : {&delete_names_, &delete_keys_, &delete_pairs_, &delete_languages_, &delete_areas_}) {
      statement->Flush();
    }
    for (size_t i = 0; i < people.size(); ++i) {
      for (const auto& name : people[i].person().names) {
        names_.Add(ids_[i])
            .Add(name.full_name)
            .Add(ScriptKey(name.script))
            .Add(NameKindKey(name.kind))
            .Add(name.language)
            .Add(name.note);
      }
    }
    names_.Flush();
    for (const auto& row : chunk.keys) {
      keys_.Add(*row.key).Add(*row.sort_key).Add(ids_[row.person]).Add(people[row.person].listed);
    }
    keys_.Flush();
    for (const auto& row : chunk.pairs) {
      pairs_.Add(*row.first).Add(*row.second).Add(*row.sort_key).Add(ids_[row.person]).Add(people[row.person].listed);
    }
    pairs_.Flush();
    for (size_t i = 0; i < people.size(); ++i) {
      for (const auto& language : people[i].languages) languages_.Add(ids_[i]).Add(language);
      for (const auto& area : people[i].practice_areas) areas_.Add(ids_[i]).Add(area);
    }
    languages_.Flush();
    areas_.Flush();
    for (size_t i = 0; i < people.size(); ++i) {
      const PeopleStore::RollEntry& entry = *people[i].entry;
      memberships_.Add(ids_[i])
          .Add(bar_)
          .Add(entry.roll_number)
          .Add(people[i].admitted_on)
          .Add(StatusKey(entry.status))
          .Add(people[i].status_since);
    }
    memberships_.Flush();
    PeopleStore().RefreshListed(sql_, PersonIds(existing));
    for (const auto& key : chunk.new_keys) {
      variants_.Add(key.key).Add(key.key);
      for (const auto& variant : key.variants) variants_.Add(variant).Add(key.key);
    }
    variants_.Flush();
  }

 private:
  soci::session& sql_;
  long long bar_;
  std::string now_;
  long long max_id_ = 0;                                                    // the largest person id so far
  std::vector<long long> ids_;                                              // of the chunk being written
  const std::unordered_map<std::string_view, size_t>* position_ = nullptr;  // of its people, by slug
  db::SqlitePageCache cache_;
  db::SqliteInsert people_;
  db::SqliteInsert delete_names_, delete_keys_, delete_pairs_, delete_languages_, delete_areas_;
  db::SqliteInsert names_, keys_, pairs_, languages_, areas_, memberships_, variants_;
};

// The writes of one import on PostgreSQL: people and memberships through temporary staging
// tables (COPY, then one INSERT … SELECT … ON CONFLICT per chunk), the other rows by COPY
// straight into their tables once the people's old rows are deleted.
class PostgresWriter {
 public:
  PostgresWriter(soci::session& sql, OrganizationId bar) : sql_(sql), bar_(bar.value()), now_(NowUtc()) {
    // Dropped at the end of the transaction; emptied before each chunk (an import may call
    // BulkUpsert more than once in a transaction).
    sql_ << "CREATE TEMPORARY TABLE IF NOT EXISTS roll_import_people (position BIGINT NOT NULL, slug TEXT NOT NULL, "
            "display_name TEXT NOT NULL, sort_key TEXT NOT NULL, gender TEXT NOT NULL, city TEXT NOT NULL, "
            "is_synthetic INTEGER NOT NULL) ON COMMIT DROP";
    sql_ << "CREATE TEMPORARY TABLE IF NOT EXISTS roll_import_memberships (person_id BIGINT NOT NULL, "
            "roll_number TEXT NOT NULL, admitted_on TEXT NOT NULL, status TEXT NOT NULL, status_since TEXT NOT NULL) "
            "ON COMMIT DROP";
    sql_ << "CREATE TEMPORARY TABLE IF NOT EXISTS roll_import_variants (variant TEXT NOT NULL, key TEXT NOT NULL) "
            "ON COMMIT DROP";
  }

  void Write(const PreparedChunk& prepared) {
    sql_ << "TRUNCATE roll_import_people, roll_import_memberships, roll_import_variants";
    CopyPeople(prepared);
    std::vector<long long> ids(prepared.people.size(), 0);
    std::vector<long long> existing = InsertPeople(prepared, ids);
    CopyNames(prepared, ids);
    CopyKeys(prepared, ids);
    CopyLists(prepared, ids);
    WriteMemberships(prepared, ids);
    PeopleStore().RefreshListed(sql_, PersonIds(existing));
    if (prepared.new_keys.empty()) return;
    WriteDeletionVariants(prepared);
  }

 private:
  // The chunk's people into the staging table, in order.
  void CopyPeople(const PreparedChunk& prepared) {
    const auto& chunk = prepared.people;
    {
      db::PostgresCopy people(sql_,
                              "COPY roll_import_people (position, slug, display_name, sort_key, gender, city, "
                              "is_synthetic) FROM STDIN");
      for (size_t i = 0; i < chunk.size(); ++i) {
        const PersonInput& person = chunk[i].person();
        people.Add(static_cast<long long>(i))
            .Add(person.slug)
            .Add(chunk[i].display_name())
            .Add(chunk[i].sort_key)
            .Add(person.gender)
            .Add(person.city)
            .Add(person.synthetic ? 1LL : 0LL)
            .EndRow();
      }
      people.Finish();
    }
  }

  // New people are inserted (their ids into `ids`); those whose slug is taken are updated. The
  // ids of those, returned.
  std::vector<long long> InsertPeople(const PreparedChunk& prepared, std::vector<long long>& ids) {
    const auto& chunk = prepared.people;
    const auto& position = prepared.position;
    {
      long long id = 0;
      std::string slug;
      soci::statement statement =
          (sql_.prepare << "INSERT INTO people (slug, display_name, sort_key, gender, city, is_synthetic, "
                           "created_at_utc, updated_at_utc) SELECT slug, display_name, sort_key, gender, city, "
                           "is_synthetic, :created, :updated FROM roll_import_people ORDER BY position "
                           "ON CONFLICT (slug) DO NOTHING RETURNING id, slug",
           soci::use(now_, "created"), soci::use(now_, "updated"), soci::into(id), soci::into(slug));
      statement.execute();
      while (statement.fetch()) ids.at(position.at(slug)) = id;
    }
    std::vector<std::string_view> taken;
    for (size_t i = 0; i < chunk.size(); ++i) {
      if (ids[i] == 0) taken.push_back(chunk[i].person().slug);
    }
    std::vector<long long> existing;
    if (!taken.empty()) existing = UpdateExisting(taken, position, ids);
    return existing;
  }

  void CopyNames(const PreparedChunk& prepared, const std::vector<long long>& ids) {
    const auto& chunk = prepared.people;
    {
      db::PostgresCopy names(sql_, "COPY person_names (person_id, full_name, script, kind, language, note) FROM STDIN");
      for (size_t i = 0; i < chunk.size(); ++i) {
        for (const auto& name : chunk[i].person().names) {
          names.Add(ids[i])
              .Add(name.full_name)
              .Add(ScriptKey(name.script))
              .Add(NameKindKey(name.kind))
              .Add(name.language)
              .Add(name.note)
              .EndRow();
        }
      }
      names.Finish();
    }
  }

  // The search keys and pairs of keys.
  void CopyKeys(const PreparedChunk& prepared, const std::vector<long long>& ids) {
    const auto& chunk = prepared.people;
    {
      db::PostgresCopy keys(sql_, "COPY person_name_keys (key, sort_key, person_id, listed) FROM STDIN");
      for (const auto& row : prepared.keys) {
        keys.Add(*row.key).Add(*row.sort_key).Add(ids[row.person]).Add(chunk[row.person].listed).EndRow();
      }
      keys.Finish();
    }
    {
      db::PostgresCopy pairs(
          sql_, "COPY person_name_key_pairs (first_key, second_key, sort_key, person_id, listed) FROM STDIN");
      for (const auto& row : prepared.pairs) {
        pairs.Add(*row.first)
            .Add(*row.second)
            .Add(*row.sort_key)
            .Add(ids[row.person])
            .Add(chunk[row.person].listed)
            .EndRow();
      }
      pairs.Finish();
    }
  }

  // Languages and practice areas.
  void CopyLists(const PreparedChunk& prepared, const std::vector<long long>& ids) {
    const auto& chunk = prepared.people;
    {
      db::PostgresCopy languages(sql_, "COPY person_languages (person_id, language) FROM STDIN");
      for (size_t i = 0; i < chunk.size(); ++i) {
        for (const auto& language : chunk[i].languages) languages.Add(ids[i]).Add(language).EndRow();
      }
      languages.Finish();
    }
    {
      db::PostgresCopy areas(sql_, "COPY person_practice_areas (person_id, area) FROM STDIN");
      for (size_t i = 0; i < chunk.size(); ++i) {
        for (const auto& area : chunk[i].practice_areas) areas.Add(ids[i]).Add(area).EndRow();
      }
      areas.Finish();
    }
  }

  // The memberships of the bar, through the staging table (upserted by roll number).
  void WriteMemberships(const PreparedChunk& prepared, const std::vector<long long>& ids) {
    const auto& chunk = prepared.people;
    {
      db::PostgresCopy memberships(sql_,
                                   "COPY roll_import_memberships (person_id, roll_number, admitted_on, status, "
                                   "status_since) FROM STDIN");
      for (size_t i = 0; i < chunk.size(); ++i) {
        const PeopleStore::RollEntry& entry = *chunk[i].entry;
        memberships.Add(ids[i])
            .Add(entry.roll_number)
            .Add(entry.admitted_on.ToString())
            .Add(StatusKey(entry.status))
            .Add(entry.status_since.ToString())
            .EndRow();
      }
      memberships.Finish();
    }
    sql_ << "INSERT INTO memberships (person_id, organization_id, roll_number, admitted_on, status, status_since) "
            "SELECT person_id, :bar, roll_number, admitted_on, status, status_since FROM roll_import_memberships "
            "ON CONFLICT (organization_id, roll_number) WHERE roll_number <> '' DO UPDATE SET "
            "person_id = excluded.person_id, admitted_on = excluded.admitted_on, status = excluded.status, "
            "status_since = excluded.status_since",
        soci::use(bar_, "bar");
  }

  void WriteDeletionVariants(const PreparedChunk& prepared) {
    {
      db::PostgresCopy variants(sql_, "COPY roll_import_variants (variant, key) FROM STDIN");
      for (const auto& key : prepared.new_keys) {
        variants.Add(key.key).Add(key.key).EndRow();
        for (const auto& variant : key.variants) variants.Add(variant).Add(key.key).EndRow();
      }
      variants.Finish();
    }
    sql_ << "INSERT INTO name_key_deletions (variant, key) SELECT variant, key FROM roll_import_variants "
            "ON CONFLICT DO NOTHING";
  }

  // People already there (by slug): their ids (returned), what they had deleted, their row
  // updated from the staging table. Looked up by slug, an index read each: a join with the
  // staging table, which has no statistics, might be planned as a scan of everyone.
  std::vector<long long> UpdateExisting(const std::vector<std::string_view>& slugs,
                                        const std::unordered_map<std::string_view, size_t>& position,
                                        std::vector<long long>& ids) {
    db::Query query("SELECT id, slug FROM people WHERE slug IN (");
    for (size_t i = 0; i < slugs.size(); ++i) {
      if (i) query.Append(", ");
      query.Bind(std::string(slugs[i]));
    }
    query.Append(")");
    std::vector<long long> existing;
    long long id = 0;
    std::string slug;
    soci::statement statement = query.Prepare(sql_, [&](soci::statement& st) {
      st.exchange(soci::into(id));
      st.exchange(soci::into(slug));
    });
    statement.execute(false);
    while (statement.fetch()) {
      ids.at(position.at(slug)) = id;
      existing.push_back(id);
    }
    if (existing.empty()) return existing;
    for (const char* table :
         {"person_names", "person_name_keys", "person_name_key_pairs", "person_languages", "person_practice_areas"}) {
      // sql-fragment: `table` is one of the literal table names of the loop above.
      db::Query(std::string("DELETE FROM ") + table + " WHERE person_id IN (")
          .BindList(existing)
          .Append(")")
          .Prepare(sql_, [](soci::statement&) {})
          .execute(true);
    }
    db::Query(
        "UPDATE people p SET display_name = s.display_name, sort_key = s.sort_key, gender = s.gender, "
        "city = s.city, updated_at_utc = ")
        .Bind(now_)
        .Append(" FROM roll_import_people s WHERE s.slug = p.slug AND p.id IN (")
        .BindList(existing)
        .Append(")")
        .Prepare(sql_, [](soci::statement&) {})
        .execute(true);
    return existing;
  }

  soci::session& sql_;
  long long bar_;
  std::string now_;
};

// Prepares chunk n + 1 on a second thread while chunk n is written.
template <typename Writer>
void WriteAll(Writer& writer, const std::vector<PeopleStore::RollEntry>& entries,
              const std::function<void(size_t, size_t)>& progress) {
  ChunkPreparer preparer(entries);
  auto prepare = [&](size_t begin) { return preparer.Prepare(begin); };
  std::future<PreparedChunk> next = std::async(std::launch::async, prepare, size_t{0});
  for (size_t begin = 0; begin < entries.size(); begin += kChunk) {
    PreparedChunk chunk = next.get();
    if (begin + kChunk < entries.size()) next = std::async(std::launch::async, prepare, begin + kChunk);
    // If this throws, `next`'s destructor waits for the preparation, which reads only `entries`.
    writer.Write(chunk);
    if (progress) progress(begin + chunk.people.size(), entries.size());
  }
}

}  // namespace

void PeopleStore::BulkUpsert(soci::session& sql, const auth::Permit<OrganizationId>& permit,
                             const std::vector<RollEntry>& entries,
                             const std::function<void(size_t, size_t)>& progress) const {
  if (entries.empty()) return;
  OrganizationId bar = permit.id();
  if (sql.get_backend_name() == "postgresql") {
    PostgresWriter writer(sql, bar);
    WriteAll(writer, entries, progress);
  } else {
    SqliteWriter writer(sql, bar);
    WriteAll(writer, entries, progress);
  }
}

}  // namespace entente::directory
