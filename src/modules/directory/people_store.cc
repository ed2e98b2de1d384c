// People: writing a person, their names and search keys, contacts, memberships and positions,
// and merging two records. Reading: people_store_read.cc; searching: people_store_search.cc; bulk
// loads: people_store_bulk.cc.

#include "modules/directory/people_store.h"

#include <set>
#include <stdexcept>

#include "core/base/time.h"
#include "core/db/query.h"
#include "core/search/name_folding.h"
#include "modules/directory/lookup.h"

namespace entente::directory {
namespace {

std::string SortKey(const PersonInput& input) {
  return input.names.empty() ? std::string() : search::JoinKeys(search::FoldWords(input.names.front().full_name));
}

std::string CoversFrom(const PartialDate& starts, const PartialDate& attested) {
  if (starts.known()) return PartialDate::Day(starts.FirstDay()).ToString();
  if (attested.known()) return PartialDate::Day(attested.FirstDay()).ToString();
  return "";
}

std::string CoversUntil(const PartialDate& ends, const PartialDate& attested) {
  if (ends.known()) return PartialDate::Day(ends.LastDay()).ToString();
  if (attested.known()) return PartialDate::Day(attested.LastDay()).ToString();
  return "";
}

}  // namespace

PersonId PeopleStore::Insert(soci::session& sql, const auth::Permit<OrganizationId>& bar,
                             const PersonInput& input) const {
  (void)bar;  // the caller writes the membership of `bar` in the same transaction
  if (PersonBySlug(sql, input.slug)) throw std::logic_error("PeopleStore::Insert: the slug is taken");
  return Upsert(sql, input);
}

void PeopleStore::Update(soci::session& sql, const auth::Permit<PersonId>& person, const PersonInput& input) const {
  if (PersonBySlug(sql, input.slug) != person.id()) {
    throw std::logic_error("PeopleStore::Update: the slug is not the permitted person's");
  }
  Upsert(sql, input);
}

namespace {

// The person's own row, inserted or updated by slug; its id.
long long UpsertPersonRow(soci::session& sql, const PersonInput& input, const std::string& sort_key) {
  std::string now = NowUtc();
  // Empty when the sources give no name (the page says so); never invented.
  std::string display_name = input.names.empty() ? "" : input.names.front().full_name;
  int synthetic = input.synthetic ? 1 : 0;
  long long id = 0;
  sql << "INSERT INTO people (slug, display_name, sort_key, gender, city, is_synthetic, created_at_utc, "
         "updated_at_utc) "
         "VALUES (:slug, :name, :sort, :gender, :city, :synthetic, :created, :updated) "
         "ON CONFLICT (slug) DO UPDATE SET display_name = excluded.display_name, sort_key = excluded.sort_key, "
         "gender = excluded.gender, city = excluded.city, updated_at_utc = excluded.updated_at_utc RETURNING id",
      soci::use(input.slug), soci::use(display_name), soci::use(sort_key), soci::use(input.gender),
      soci::use(input.city), soci::use(synthetic), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void DeleteNamesAndLists(soci::session& sql, long long id) {
  sql << "DELETE FROM person_names WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_name_keys WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_name_key_pairs WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_languages WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_practice_areas WHERE person_id = :id", soci::use(id);
}

// The names as given; returns their folded words, the person's search keys.
std::set<std::string> InsertNames(soci::session& sql, long long id, const std::vector<PersonName>& names) {
  std::set<std::string> keys;
  for (const auto& name : names) {
    std::string script(ScriptKey(name.script)), kind(NameKindKey(name.kind));
    sql << "INSERT INTO person_names (person_id, full_name, script, kind, language, note) "
           "VALUES (:person, :name, :script, :kind, :language, :note)",
        soci::use(id), soci::use(name.full_name), soci::use(script), soci::use(kind), soci::use(name.language),
        soci::use(name.note);
    for (auto& word : search::FoldWords(name.full_name)) keys.insert(std::move(word));
  }
  return keys;
}

// The keys, each pair of them, and the keys' one-deletion variants (once per distinct key).
void InsertKeys(soci::session& sql, long long id, const std::set<std::string>& keys, const std::string& sort_key) {
  for (auto first = keys.begin(); first != keys.end(); ++first) {
    for (auto second = std::next(first); second != keys.end(); ++second) {
      sql << "INSERT INTO person_name_key_pairs (first_key, second_key, sort_key, person_id) "
             "VALUES (:first, :second, :sort, :person)",
          soci::use(*first), soci::use(*second), soci::use(sort_key), soci::use(id);
    }
  }
  for (const auto& key : keys) {
    sql << "INSERT INTO person_name_keys (key, sort_key, person_id) VALUES (:key, :sort, :person)", soci::use(key),
        soci::use(sort_key), soci::use(id);
    std::vector<std::string> variants = search::DeletionVariants(key);
    variants.push_back(key);
    for (const auto& variant : variants) {
      sql << "INSERT INTO name_key_deletions (variant, key) VALUES (:variant, :key) ON CONFLICT DO NOTHING",
          soci::use(variant), soci::use(key);
    }
  }
}

void InsertLanguagesAndAreas(soci::session& sql, long long id, const PersonInput& input) {
  for (const auto& language : std::set<std::string>(input.languages.begin(), input.languages.end())) {
    sql << "INSERT INTO person_languages (person_id, language) VALUES (:person, :language)", soci::use(id),
        soci::use(language);
  }
  for (const auto& area : std::set<std::string>(input.practice_areas.begin(), input.practice_areas.end())) {
    sql << "INSERT INTO person_practice_areas (person_id, area) VALUES (:person, :area)", soci::use(id),
        soci::use(area);
  }
}

}  // namespace

PersonId PeopleStore::Upsert(soci::session& sql, const PersonInput& input) const {
  std::string sort_key = SortKey(input);
  long long id = UpsertPersonRow(sql, input, sort_key);
  DeleteNamesAndLists(sql, id);
  InsertKeys(sql, id, InsertNames(sql, id, input.names), sort_key);
  InsertLanguagesAndAreas(sql, id, input);
  ReplaceContacts(sql, PersonId(id), input.contacts);
  RefreshListed(sql, {PersonId(id)});
  return PersonId(id);
}

void PeopleStore::RefreshListed(soci::session& sql, const std::vector<PersonId>& people) const {
  if (people.empty()) return;
  // sql-fragment-begin: `table` is one of the literal table names of the loop below.
  for (const char* table : {"person_name_keys", "person_name_key_pairs"}) {
    db::Query(std::string("UPDATE ") + table +
              " SET listed = CASE WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = " + table +
              ".person_id AND m.status = 'active') THEN 1 ELSE 0 END WHERE person_id IN (")
        .BindList(IdValues(people))
        .Append(")")
        .Execute(sql);
  }
  // sql-fragment-end
}

void PeopleStore::ReplaceContacts(soci::session& sql, PersonId person, const std::vector<Contact>& contacts) const {
  long long id = person.value();
  sql << "DELETE FROM person_contacts WHERE person_id = :id", soci::use(id);
  for (const auto& contact : contacts) {
    std::string kind(ContactKindKey(contact.kind)), visibility(auth::VisibilityKey(contact.visibility));
    sql << "INSERT INTO person_contacts (person_id, kind, value, visibility) VALUES (:person, :kind, :value, "
           ":visibility)",
        soci::use(id), soci::use(kind), soci::use(contact.value), soci::use(visibility);
  }
}

void PeopleStore::Merge(soci::session& sql, const auth::Permit<PersonId>& keep, const auth::Permit<PersonId>& duplicate,
                        const PersonInput& merged) const {
  long long keep_id = keep.id().value(), duplicate_id = duplicate.id().value();
  // Roll memberships and positions move as they are; a membership of a bar both records already
  // hold without a roll number is dropped from the duplicate rather than doubled.
  sql << "DELETE FROM memberships WHERE person_id = :duplicate AND roll_number = '' AND organization_id IN "
         "(SELECT organization_id FROM memberships WHERE person_id = :keep)",
      soci::use(duplicate_id), soci::use(keep_id);
  sql << "UPDATE memberships SET person_id = :keep WHERE person_id = :duplicate", soci::use(keep_id),
      soci::use(duplicate_id);
  sql << "UPDATE positions SET person_id = :keep WHERE person_id = :duplicate", soci::use(keep_id),
      soci::use(duplicate_id);
  for (const char* table : {"person_names", "person_name_keys", "person_name_key_pairs", "person_languages",
                            "person_practice_areas", "person_contacts"}) {
    // sql-fragment: `table` is one of the literal table names of the loop above.
    sql << std::string("DELETE FROM ") + table + " WHERE person_id = :duplicate", soci::use(duplicate_id);
  }
  std::string now = NowUtc();
  sql << "UPDATE people SET merged_into = :keep, updated_at_utc = :now WHERE id = :duplicate", soci::use(keep_id),
      soci::use(now), soci::use(duplicate_id);
  // Records merged into the duplicate earlier now point to the one kept.
  sql << "UPDATE people SET merged_into = :keep WHERE merged_into = :duplicate", soci::use(keep_id),
      soci::use(duplicate_id);
  Update(sql, keep, merged);
}

void PeopleStore::RefreshStatistics(soci::session& sql) const {
  if (sql.get_backend_name() == "postgresql") {
    sql << "ANALYZE people, person_names, person_name_keys, person_name_key_pairs, name_key_deletions, memberships, "
           "person_languages, person_practice_areas";
  } else {
    sql << "PRAGMA optimize";
  }
}

void PeopleStore::UpsertMembership(soci::session& sql, const auth::Permit<PersonId>& person,
                                   const auth::Permit<OrganizationId>& bar, const std::string& roll_number,
                                   const PartialDate& admitted_on, MembershipStatus status,
                                   const PartialDate& status_since) const {
  long long person_id = person.id().value(), bar_id = bar.id().value();
  std::string admitted = admitted_on.ToString(), status_key(StatusKey(status)), since = status_since.ToString();
  db::Query existing("SELECT id, person_id FROM memberships WHERE organization_id = ");
  existing.Bind(bar_id);
  if (roll_number.empty()) {
    existing.Append(" AND person_id = ").Bind(person_id).Append(" AND roll_number = ''");
  } else {
    existing.Append(" AND roll_number = ").Bind(roll_number);
  }
  std::vector<long long> ids, holders{person_id};
  existing.ForEachRow(sql, [&](const db::Row& row) {
    ids.push_back(row.Integer(0));
    holders.push_back(row.Integer(1));  // a roll number that moves leaves its holder
  });
  if (ids.empty()) {
    sql << "INSERT INTO memberships (person_id, organization_id, roll_number, admitted_on, status, status_since) "
           "VALUES (:person, :bar, :roll, :admitted, :status, :since)",
        soci::use(person_id), soci::use(bar_id), soci::use(roll_number), soci::use(admitted), soci::use(status_key),
        soci::use(since);
  } else {
    sql << "UPDATE memberships SET person_id = :person, admitted_on = :admitted, status = :status, "
           "status_since = :since WHERE id = :id",
        soci::use(person_id), soci::use(admitted), soci::use(status_key), soci::use(since), soci::use(ids.front());
  }
  RefreshListed(sql, PersonIds(holders));
}

void PeopleStore::UpsertPosition(soci::session& sql, const auth::Permit<PersonId>& person,
                                 const auth::Permit<OrganizationId>& organization, PositionTitle title,
                                 const PartialDate& starts_on, const PartialDate& ends_on,
                                 const PartialDate& attested_on, const std::string& source) const {
  long long person_id = person.id().value(), organization_id = organization.id().value();
  std::string title_key(TitleKey(title)), starts = starts_on.ToString(), ends = ends_on.ToString(),
                                          attested = attested_on.ToString(), from = CoversFrom(starts_on, attested_on),
                                          until = CoversUntil(ends_on, attested_on);
  sql << "DELETE FROM positions WHERE person_id = :person AND organization_id = :organization AND title = :title "
         "AND starts_on = :starts AND attested_on = :attested",
      soci::use(person_id), soci::use(organization_id), soci::use(title_key), soci::use(starts), soci::use(attested);
  sql << "INSERT INTO positions (person_id, organization_id, title, starts_on, ends_on, attested_on, covers_from, "
         "covers_until, source) VALUES (:person, :organization, :title, :starts, :ends, :attested, :from, :until, "
         ":source)",
      soci::use(person_id), soci::use(organization_id), soci::use(title_key), soci::use(starts), soci::use(ends),
      soci::use(attested), soci::use(from), soci::use(until), soci::use(source);
}

}  // namespace entente::directory
