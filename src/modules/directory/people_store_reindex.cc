// Folding every stored name again after the folding rules changed (search::kFoldingVersion).

#include <map>
#include <set>

#include "core/db/query.h"
#include "core/db/rows_insert.h"
#include "core/search/name_folding.h"
#include "modules/directory/people_store.h"

namespace entente::directory {
PeopleStore::ReindexBatch PeopleStore::ReindexNames(soci::session& sql, PersonId after, long long limit) const {
  ReindexBatch batch;
  std::vector<long long> ids = db::Query("SELECT id FROM people WHERE merged_into IS NULL AND id > ")
                                   .Bind(after.value())
                                   .Append(" ORDER BY id LIMIT ")
                                   .Bind(limit)
                                   .Column<long long>(sql);
  if (ids.empty()) return batch;
  batch.last_id = PersonId(ids.back());
  batch.people = ids.size();

  struct Keys {
    std::string stored_sort_key, sort_key;
    std::set<std::string> stored, folded;
  };
  std::map<long long, Keys> people;
  db::Query("SELECT id, display_name, sort_key FROM people WHERE id IN (")
      .BindList(ids)
      .Append(")")
      .ForEachRow(sql, [&](const db::Row& row) {
        Keys& keys = people[row.Integer(0)];
        keys.sort_key = search::JoinKeys(search::FoldWords(row.Text(1)));
        keys.stored_sort_key = row.Text(2);
      });
  db::Query("SELECT person_id, full_name FROM person_names WHERE person_id IN (")
      .BindList(ids)
      .Append(")")
      .ForEachRow(sql, [&](const db::Row& row) {
        for (auto& word : search::FoldWords(row.Text(1))) people[row.Integer(0)].folded.insert(std::move(word));
      });
  db::Query("SELECT person_id, key FROM person_name_keys WHERE person_id IN (")
      .BindList(ids)
      .Append(")")
      .ForEachRow(sql, [&](const db::Row& row) { people[row.Integer(0)].stored.insert(row.Text(1)); });

  std::vector<long long> changed;
  for (const auto& [id, keys] : people) {
    if (keys.folded != keys.stored || keys.sort_key != keys.stored_sort_key) changed.push_back(id);
  }
  batch.changed = changed.size();
  if (changed.empty()) return batch;

  for (long long id : changed) {
    db::Query("UPDATE people SET sort_key = ").Bind(people[id].sort_key).Append(" WHERE id = ").Bind(id).Execute(sql);
  }
  // sql-fragment-begin: `table` is one of the literal table names of the loop below.
  for (const char* table : {"person_name_keys", "person_name_key_pairs"}) {
    db::Query(std::string("DELETE FROM ") + table + " WHERE person_id IN (").BindList(changed).Append(")").Execute(sql);
  }
  // sql-fragment-end
  db::RowsInsert keys("INSERT INTO person_name_keys (key, sort_key, person_id) VALUES ", "", 3);
  db::RowsInsert pairs("INSERT INTO person_name_key_pairs (first_key, second_key, sort_key, person_id) VALUES ", "", 4);
  db::RowsInsert deletions("INSERT INTO name_key_deletions (variant, key) VALUES ", " ON CONFLICT DO NOTHING", 2);
  std::set<std::string> distinct;
  for (long long id : changed) {
    const Keys& person = people[id];
    for (auto first = person.folded.begin(); first != person.folded.end(); ++first) {
      keys.Add(sql, {*first, person.sort_key, id});
      for (auto second = std::next(first); second != person.folded.end(); ++second) {
        pairs.Add(sql, {*first, *second, person.sort_key, id});
      }
      distinct.insert(*first);
    }
  }
  for (const auto& key : distinct) {
    deletions.Add(sql, {key, key});
    for (auto& variant : search::DeletionVariants(key)) deletions.Add(sql, {std::move(variant), key});
  }
  for (auto* insert : {&keys, &pairs, &deletions}) insert->Flush(sql);
  RefreshListed(sql, PersonIds(changed));
  return batch;
}

void PeopleStore::PruneDeletionVariants(soci::session& sql) const {
  db::Query(
      "DELETE FROM name_key_deletions WHERE NOT EXISTS "
      "(SELECT 1 FROM person_name_keys k WHERE k.key = name_key_deletions.key)")
      .Execute(sql);
}

}  // namespace entente::directory
