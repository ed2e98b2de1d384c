#include "modules/directory/people_store.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/base/time.h"
#include "core/db/query.h"
#include "core/search/name_folding.h"

namespace entente::directory {
namespace {

std::string SortKey(const PersonInput& input) {
  return input.names.empty() ? std::string() : search::JoinKeys(search::FoldWords(input.names.front().full_name));
}

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
  if (FindIdBySlug(sql, input.slug)) throw std::logic_error("PeopleStore::Insert: the slug is taken");
  return Upsert(sql, input);
}

void PeopleStore::Update(soci::session& sql, const auth::Permit<PersonId>& person, const PersonInput& input) const {
  if (FindIdBySlug(sql, input.slug) != person.id()) {
    throw std::logic_error("PeopleStore::Update: the slug is not the permitted person's");
  }
  Upsert(sql, input);
}

PersonId PeopleStore::Upsert(soci::session& sql, const PersonInput& input) const {
  std::string now = NowUtc();
  // Empty when the sources give no name (the page says so); never invented.
  std::string display_name = input.names.empty() ? "" : input.names.front().full_name;
  std::string sort_key = SortKey(input);
  int synthetic = input.synthetic ? 1 : 0;
  long long id = 0;
  sql << "INSERT INTO people (slug, display_name, sort_key, gender, city, is_synthetic, created_at_utc, "
         "updated_at_utc) "
         "VALUES (:slug, :name, :sort, :gender, :city, :synthetic, :created, :updated) "
         "ON CONFLICT (slug) DO UPDATE SET display_name = excluded.display_name, sort_key = excluded.sort_key, "
         "gender = excluded.gender, city = excluded.city, updated_at_utc = excluded.updated_at_utc RETURNING id",
      soci::use(input.slug), soci::use(display_name), soci::use(sort_key), soci::use(input.gender),
      soci::use(input.city), soci::use(synthetic), soci::use(now), soci::use(now), soci::into(id);

  sql << "DELETE FROM person_names WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_name_keys WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_name_key_pairs WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_languages WHERE person_id = :id", soci::use(id);
  sql << "DELETE FROM person_practice_areas WHERE person_id = :id", soci::use(id);
  std::set<std::string> keys;
  for (const auto& name : input.names) {
    std::string script(ScriptKey(name.script)), kind(NameKindKey(name.kind));
    sql << "INSERT INTO person_names (person_id, full_name, script, kind, language, note) "
           "VALUES (:person, :name, :script, :kind, :language, :note)",
        soci::use(id), soci::use(name.full_name), soci::use(script), soci::use(kind), soci::use(name.language),
        soci::use(name.note);
    for (auto& word : search::FoldWords(name.full_name)) keys.insert(std::move(word));
  }
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
    // The key itself and its one-deletion variants, once per distinct key.
    std::vector<std::string> variants = search::DeletionVariants(key);
    variants.push_back(key);
    for (const auto& variant : variants) {
      sql << "INSERT INTO name_key_deletions (variant, key) VALUES (:variant, :key) ON CONFLICT DO NOTHING",
          soci::use(variant), soci::use(key);
    }
  }
  for (const auto& language : std::set<std::string>(input.languages.begin(), input.languages.end())) {
    sql << "INSERT INTO person_languages (person_id, language) VALUES (:person, :language)", soci::use(id),
        soci::use(language);
  }
  for (const auto& area : std::set<std::string>(input.practice_areas.begin(), input.practice_areas.end())) {
    sql << "INSERT INTO person_practice_areas (person_id, area) VALUES (:person, :area)", soci::use(id),
        soci::use(area);
  }
  ReplaceContacts(sql, PersonId(id), input.contacts);
  RefreshListed(sql, {id});
  return PersonId(id);
}

void PeopleStore::RefreshListed(soci::session& sql, const std::vector<long long>& people) const {
  if (people.empty()) return;
  // sql-fragment-begin: `table` is one of the literal table names of the loop below.
  for (const char* table : {"person_name_keys", "person_name_key_pairs"}) {
    db::Query(std::string("UPDATE ") + table +
              " SET listed = CASE WHEN EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = " + table +
              ".person_id AND m.status = 'active') THEN 1 ELSE 0 END WHERE person_id IN (")
        .BindList(people)
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

std::vector<OrganizationId> PeopleStore::OrganizationsOf(soci::session& sql, PersonId person) const {
  std::vector<OrganizationId> organizations;
  for (long long id : db::Query("SELECT organization_id FROM memberships WHERE person_id = ")
                          .Bind(person.value())
                          .Append(" UNION SELECT organization_id FROM positions WHERE person_id = ")
                          .Bind(person.value())
                          .Column<long long>(sql)) {
    organizations.emplace_back(id);
  }
  return organizations;
}

void PeopleStore::Merge(soci::session& sql, const auth::Permit<PersonId>& keep,
                        const auth::Permit<PersonId>& duplicate, const PersonInput& merged) const {
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

std::map<std::string, std::pair<long long, std::string>> PeopleStore::RollNumbers(soci::session& sql,
                                                                                  OrganizationId bar) const {
  std::map<std::string, std::pair<long long, std::string>> by_roll;
  long long bar_id = bar.value(), person = 0;
  std::string roll, slug;
  soci::statement statement = (sql.prepare << "SELECT m.roll_number, m.person_id, p.slug FROM memberships m "
                                              "JOIN people p ON p.id = m.person_id "
                                              "WHERE m.organization_id = :bar AND m.roll_number <> ''",
                               soci::use(bar_id), soci::into(roll), soci::into(person), soci::into(slug));
  statement.execute();
  while (statement.fetch()) by_roll[roll] = {person, slug};
  return by_roll;
}

std::vector<PeopleStore::RollRow> PeopleStore::RollRows(soci::session& sql, OrganizationId bar) const {
  long long bar_id = bar.value();
  auto lists = [&](const char* sql_text) {
    std::map<long long, std::vector<std::string>> by_person;
    long long person = 0;
    std::string value;
    soci::statement statement = (sql.prepare << sql_text, soci::use(bar_id), soci::into(person), soci::into(value));
    statement.execute();
    while (statement.fetch()) by_person[person].push_back(value);
    return by_person;
  };
  auto names = lists(
      "SELECT n.person_id, n.full_name FROM person_names n JOIN memberships m ON m.person_id = n.person_id "
      "WHERE m.organization_id = :bar AND m.roll_number <> '' ORDER BY n.person_id, n.id");
  auto languages = lists(
      "SELECT l.person_id, l.language FROM person_languages l JOIN memberships m ON m.person_id = l.person_id "
      "WHERE m.organization_id = :bar AND m.roll_number <> '' ORDER BY l.person_id, l.language");
  auto areas = lists(
      "SELECT a.person_id, a.area FROM person_practice_areas a JOIN memberships m ON m.person_id = a.person_id "
      "WHERE m.organization_id = :bar AND m.roll_number <> '' ORDER BY a.person_id, a.area");
  std::vector<RollRow> rows;
  RollRow row;
  long long person = 0;
  soci::statement statement =
      (sql.prepare << "SELECT m.roll_number, p.id, p.gender, p.city, m.admitted_on, m.status, m.status_since "
                      "FROM memberships m JOIN people p ON p.id = m.person_id "
                      "WHERE m.organization_id = :bar AND m.roll_number <> '' ORDER BY m.roll_number",
       soci::use(bar_id), soci::into(row.roll_number), soci::into(person), soci::into(row.gender), soci::into(row.city),
       soci::into(row.admitted_on), soci::into(row.status), soci::into(row.status_since));
  statement.execute();
  while (statement.fetch()) {
    row.names = names[person];
    row.languages = languages[person];
    row.practice_areas = areas[person];
    rows.push_back(row);
  }
  return rows;
}

void PeopleStore::RefreshStatistics(soci::session& sql) const {
  if (sql.get_backend_name() == "postgresql") {
    sql << "ANALYZE people, person_names, person_name_keys, person_name_key_pairs, name_key_deletions, memberships, "
           "person_languages, person_practice_areas";
  } else {
    sql << "PRAGMA optimize";
  }
}

std::optional<PersonId> PeopleStore::FindIdBySlug(soci::session& sql, const std::string& slug) const {
  long long id = 0;
  sql << "SELECT id FROM people WHERE slug = :slug", soci::use(slug), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return PersonId(id);
}

std::optional<Person> PeopleStore::Find(soci::session& sql, PersonId id) const {
  long long person_id = id.value();
  Person person;
  int synthetic = 0;
  long long merged_into = 0;
  soci::indicator merged_indicator = soci::i_null;
  sql << "SELECT slug, display_name, gender, city, is_synthetic, merged_into FROM people WHERE id = :id",
      soci::use(person_id), soci::into(person.slug), soci::into(person.display_name), soci::into(person.gender),
      soci::into(person.city), soci::into(synthetic), soci::into(merged_into, merged_indicator);
  if (!sql.got_data()) return std::nullopt;
  person.id = id;
  person.synthetic = synthetic != 0;
  if (merged_indicator == soci::i_ok) person.merged_into = PersonId(merged_into);
  {
    Contact contact;
    std::string kind, visibility;
    soci::statement statement =
        (sql.prepare << "SELECT kind, value, visibility FROM person_contacts WHERE person_id = :id ORDER BY id",
         soci::use(person_id), soci::into(kind), soci::into(contact.value), soci::into(visibility));
    statement.execute();
    while (statement.fetch()) {
      contact.kind = ParseContactKind(kind).value_or(ContactKind::kEmail);
      contact.visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kOrganization);
      person.contacts.push_back(contact);
    }
  }
  {
    PersonName name;
    std::string script, kind;
    soci::statement statement =
        (sql.prepare << "SELECT full_name, script, kind, language, note FROM person_names WHERE person_id = :id "
                        "ORDER BY id",
         soci::use(person_id), soci::into(name.full_name), soci::into(script), soci::into(kind),
         soci::into(name.language), soci::into(name.note));
    statement.execute();
    while (statement.fetch()) {
      name.script = ParseScript(script).value_or(NameScript::kLatin);
      name.kind = ParseNameKind(kind).value_or(NameKind::kAsWritten);
      person.names.push_back(name);
    }
  }
  person.languages = db::Query("SELECT language FROM person_languages WHERE person_id = ")
                         .Bind(person_id)
                         .Append(" ORDER BY language")
                         .Column<std::string>(sql);
  person.practice_areas = db::Query("SELECT area FROM person_practice_areas WHERE person_id = ")
                              .Bind(person_id)
                              .Append(" ORDER BY area")
                              .Column<std::string>(sql);
  {
    Membership membership;
    long long bar = 0;
    std::string admitted, status, since, visibility;
    soci::statement statement =
        (sql.prepare << "SELECT m.id, m.organization_id, o.slug, o.visibility, m.roll_number, m.admitted_on, "
                        "m.status, m.status_since "
                        "FROM memberships m JOIN organizations o ON o.id = m.organization_id "
                        "WHERE m.person_id = :id ORDER BY m.id",
         soci::use(person_id), soci::into(membership.id), soci::into(bar), soci::into(membership.bar_slug),
         soci::into(visibility), soci::into(membership.roll_number), soci::into(admitted), soci::into(status),
         soci::into(since));
    statement.execute();
    while (statement.fetch()) {
      membership.bar = OrganizationId(bar);
      membership.bar_visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kOrganization);
      membership.admitted_on = PartialDate::Parse(admitted).value_or(PartialDate());
      membership.status = ParseStatus(status).value_or(MembershipStatus::kActive);
      membership.status_since = PartialDate::Parse(since).value_or(PartialDate());
      person.memberships.push_back(membership);
    }
  }
  {
    Position position;
    long long organization = 0;
    std::string title, starts, ends, attested, visibility;
    soci::statement statement =
        (sql.prepare << "SELECT p.id, p.organization_id, o.slug, o.visibility, p.title, p.starts_on, p.ends_on, "
                        "p.attested_on, p.source "
                        "FROM positions p JOIN organizations o ON o.id = p.organization_id "
                        "WHERE p.person_id = :id ORDER BY p.covers_from DESC, p.id",
         soci::use(person_id), soci::into(position.id), soci::into(organization),
         soci::into(position.organization_slug), soci::into(visibility), soci::into(title), soci::into(starts),
         soci::into(ends), soci::into(attested), soci::into(position.source));
    statement.execute();
    while (statement.fetch()) {
      position.organization = OrganizationId(organization);
      position.organization_visibility =
          auth::ParseVisibility(visibility).value_or(auth::Visibility::kOrganization);
      position.title = ParseTitle(title).value_or(PositionTitle::kMember);
      position.starts_on = PartialDate::Parse(starts).value_or(PartialDate());
      position.ends_on = PartialDate::Parse(ends).value_or(PartialDate());
      position.attested_on = PartialDate::Parse(attested).value_or(PartialDate());
      person.positions.push_back(position);
    }
  }
  return person;
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
  RefreshListed(sql, holders);
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

std::vector<PersonId> PeopleStore::HoldersOn(soci::session& sql, OrganizationId organization, PositionTitle title,
                                             const std::string& day) const {
  db::Query query("SELECT DISTINCT person_id FROM positions WHERE organization_id = ");
  query.Bind(organization.value())
      .Append(" AND title = ")
      .Bind(std::string(TitleKey(title)))
      .Append(" AND covers_from <> '' AND covers_from <= ")
      .Bind(day)
      .Append(" AND (covers_until = '' OR covers_until >= ")
      .Bind(day)
      .Append(") ORDER BY person_id");
  std::vector<PersonId> people;
  for (long long id : query.Column<long long>(sql)) people.emplace_back(id);
  return people;
}

std::vector<std::pair<PersonId, Position>> PeopleStore::OfficeHolders(soci::session& sql,
                                                                      OrganizationId organization) const {
  std::vector<std::pair<PersonId, Position>> holders;
  long long organization_id = organization.value(), person = 0;
  Position position;
  std::string title, starts, ends, attested;
  soci::statement statement =
      (sql.prepare << "SELECT id, person_id, title, starts_on, ends_on, attested_on, source FROM positions "
                      "WHERE organization_id = :organization AND ends_on = '' ORDER BY title, covers_from DESC, id",
       soci::use(organization_id), soci::into(position.id), soci::into(person), soci::into(title), soci::into(starts),
       soci::into(ends), soci::into(attested), soci::into(position.source));
  statement.execute();
  while (statement.fetch()) {
    position.organization = organization;
    position.title = ParseTitle(title).value_or(PositionTitle::kMember);
    position.starts_on = PartialDate::Parse(starts).value_or(PartialDate());
    position.ends_on = PartialDate::Parse(ends).value_or(PartialDate());
    position.attested_on = PartialDate::Parse(attested).value_or(PartialDate());
    holders.emplace_back(PersonId(person), position);
  }
  return holders;
}

long long PeopleStore::MemberCount(soci::session& sql, OrganizationId organization) const {
  return db::Query("SELECT COUNT(*) FROM memberships WHERE status = 'active' AND organization_id = ")
      .Bind(organization.value())
      .Scalar<long long>(sql);
}

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
    query.ForEachRow(sql, [&](const db::Row& row) { rows.push_back({row.Integer(0), row.Text(1)}); });
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

std::map<long long, std::string> PeopleStore::DisplayNames(soci::session& sql,
                                                           const std::vector<long long>& people) const {
  std::map<long long, std::string> names;
  if (people.empty()) return names;
  db::Query query("SELECT id, display_name FROM people WHERE id IN (");
  query.BindList(people).Append(")");
  query.ForEachRow(sql, [&](const db::Row& row) { names[row.Integer(0)] = row.Text(1); });
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
      page.next = KeysetCursor{std::move(last_key), page.people.back()};
      return;
    }
    page.people.push_back(row.Integer(0));
    last_key = row.Text(1);
  });
  page.total = count.Scalar<long long>(sql);
  return page;
}

std::vector<LawyerHit> PeopleStore::Hits(soci::session& sql, const std::vector<long long>& people) const {
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
