// People: reading a person with names, contacts, memberships and positions; a bar's roll; the
// office holders and member count of an organization.

#include "modules/directory/people_store.h"

#include "core/db/query.h"

namespace entente::directory {

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

std::map<std::string, PeopleStore::RollHolder> PeopleStore::RollNumbers(soci::session& sql, OrganizationId bar) const {
  std::map<std::string, RollHolder> by_roll;
  long long bar_id = bar.value(), person = 0;
  std::string roll, slug;
  soci::statement statement = (sql.prepare << "SELECT m.roll_number, m.person_id, p.slug FROM memberships m "
                                              "JOIN people p ON p.id = m.person_id "
                                              "WHERE m.organization_id = :bar AND m.roll_number <> ''",
                               soci::use(bar_id), soci::into(roll), soci::into(person), soci::into(slug));
  statement.execute();
  while (statement.fetch()) by_roll[roll] = {PersonId(person), slug};
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

namespace {

// The person's own row, or nullopt.
std::optional<Person> LoadPersonRow(soci::session& sql, PersonId id) {
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
  return person;
}

std::vector<Contact> LoadContacts(soci::session& sql, long long person_id) {
  std::vector<Contact> contacts;
  Contact contact;
  std::string kind, visibility;
  soci::statement statement =
      (sql.prepare << "SELECT kind, value, visibility FROM person_contacts WHERE person_id = :id ORDER BY id",
       soci::use(person_id), soci::into(kind), soci::into(contact.value), soci::into(visibility));
  statement.execute();
  while (statement.fetch()) {
    contact.kind = ParseContactKind(kind).value_or(ContactKind::kEmail);
    contact.visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kOrganization);
    contacts.push_back(contact);
  }
  return contacts;
}

std::vector<PersonName> LoadNames(soci::session& sql, long long person_id) {
  std::vector<PersonName> names;
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
    names.push_back(name);
  }
  return names;
}

std::vector<Membership> LoadMemberships(soci::session& sql, long long person_id) {
  std::vector<Membership> memberships;
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
    memberships.push_back(membership);
  }
  return memberships;
}

std::vector<Position> LoadPositions(soci::session& sql, long long person_id) {
  std::vector<Position> positions;
  Position position;
  long long organization = 0;
  std::string title, starts, ends, attested, visibility;
  soci::statement statement =
      (sql.prepare << "SELECT p.id, p.organization_id, o.slug, o.visibility, p.title, p.starts_on, p.ends_on, "
                      "p.attested_on, p.source "
                      "FROM positions p JOIN organizations o ON o.id = p.organization_id "
                      "WHERE p.person_id = :id ORDER BY p.covers_from DESC, p.id",
       soci::use(person_id), soci::into(position.id), soci::into(organization), soci::into(position.organization_slug),
       soci::into(visibility), soci::into(title), soci::into(starts), soci::into(ends), soci::into(attested),
       soci::into(position.source));
  statement.execute();
  while (statement.fetch()) {
    position.organization = OrganizationId(organization);
    position.organization_visibility = auth::ParseVisibility(visibility).value_or(auth::Visibility::kOrganization);
    position.title = ParseTitle(title).value_or(PositionTitle::kMember);
    position.starts_on = PartialDate::Parse(starts).value_or(PartialDate());
    position.ends_on = PartialDate::Parse(ends).value_or(PartialDate());
    position.attested_on = PartialDate::Parse(attested).value_or(PartialDate());
    positions.push_back(position);
  }
  return positions;
}

}  // namespace

std::optional<Person> PeopleStore::Find(soci::session& sql, PersonId id) const {
  auto person = LoadPersonRow(sql, id);
  if (!person) return std::nullopt;
  long long person_id = id.value();
  person->contacts = LoadContacts(sql, person_id);
  person->names = LoadNames(sql, person_id);
  person->languages = db::Query("SELECT language FROM person_languages WHERE person_id = ")
                          .Bind(person_id)
                          .Append(" ORDER BY language")
                          .Column<std::string>(sql);
  person->practice_areas = db::Query("SELECT area FROM person_practice_areas WHERE person_id = ")
                               .Bind(person_id)
                               .Append(" ORDER BY area")
                               .Column<std::string>(sql);
  person->memberships = LoadMemberships(sql, person_id);
  person->positions = LoadPositions(sql, person_id);
  return person;
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

}  // namespace entente::directory
