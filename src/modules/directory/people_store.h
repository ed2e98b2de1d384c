#pragma once
// The only place with SQL for people, their names and search keys, memberships and positions.
// Functions take the session of a Database::Read or Write call and throw soci errors.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/auth/policy.h"
#include "modules/directory/people_model.h"

namespace entente::directory {

// Writes take the policy's permits (core/auth/policy.h): a person is written with the permit of
// that person, a new person with the permit to act for the bar whose roll they join, and a link
// between a person and an organization with a permit for each.
class PeopleStore {
 public:
  // A new person (input.slug must be free), for the roll of `bar`'s permit (which the caller
  // then writes). Returns the id.
  PersonId Insert(soci::session& sql, const auth::Permit<OrganizationId>& bar, const PersonInput& input) const;
  // Replaces the person's names, languages, practice areas, contacts and search keys;
  // input.slug must be the person's own.
  void Update(soci::session& sql, const auth::Permit<PersonId>& person, const PersonInput& input) const;
  // Replaces the person's contact details.
  void ReplaceContacts(soci::session& sql, PersonId person, const std::vector<Contact>& contacts) const;
  // The organizations whose roll the person is on or where they held a position (whose
  // administrators may edit the person).
  std::vector<OrganizationId> OrganizationsOf(soci::session& sql, PersonId person) const;
  // Merges `duplicate` into `keep`: memberships and positions move to `keep`, whose names,
  // languages, practice areas and contacts become `merged` (the caller's union of both); the
  // duplicate stays as a pointer (merged_into) so that its old address leads to `keep`.
  void Merge(soci::session& sql, const auth::Permit<PersonId>& keep, const auth::Permit<PersonId>& duplicate,
             const PersonInput& merged) const;

  // Who holds a roll number: the person and their slug.
  struct RollHolder {
    PersonId person;
    std::string slug;
  };
  // The roll numbers on a bar's roll, with whom each belongs to.
  std::map<std::string, RollHolder> RollNumbers(soci::session& sql, OrganizationId bar) const;

  // A bar's roll as the CSV format needs it, ordered by roll number: four queries in all.
  struct RollRow {
    std::string roll_number;
    std::vector<std::string> names;  // the name as written first
    std::string gender;
    std::string city;
    std::vector<std::string> languages;
    std::vector<std::string> practice_areas;
    std::string admitted_on;
    std::string status;
    std::string status_since;
  };
  std::vector<RollRow> RollRows(soci::session& sql, OrganizationId bar) const;

  // After a bulk load: lets the database's planner see the new sizes of the directory's tables
  // (without it, PostgreSQL plans searches as if the tables were empty). Outside a transaction.
  void RefreshStatistics(soci::session& sql) const;

  // One row of a bulk import: a person and their membership of one bar.
  struct RollEntry {
    PersonInput person;
    std::string roll_number;
    PartialDate admitted_on;
    MembershipStatus status = MembershipStatus::kActive;
    PartialDate status_since;
  };
  // Upserts many people with their membership of `bar` inside the caller's transaction: same
  // effect as Upsert + UpsertMembership per entry (a person found by slug keeps their id and has
  // names, keys, languages and practice areas replaced). Entries' roll numbers must be distinct
  // and non-empty. Written in chunks, `progress(done, total)` after each; names are folded on a
  // second thread while the previous chunk is written (people_store_bulk.cc). SQLite writes
  // through its C API with statements prepared once and a larger page cache while it runs;
  // PostgreSQL through COPY. Throws soci errors, after which the transaction must roll back.
  void BulkUpsert(soci::session& sql, const auth::Permit<OrganizationId>& bar, const std::vector<RollEntry>& entries,
                  const std::function<void(size_t, size_t)>& progress = {}) const;
  // Copies into the people's keys and pairs of keys whether each holds an active membership
  // (the `listed` column Find a lawyer reads). Every change of keys or memberships calls it.
  void RefreshListed(soci::session& sql, const std::vector<PersonId>& people) const;

  // Folds the names of the people after `after` (by id, at most `limit` of them) again and
  // rewrites the keys, pairs and sort keys of those whose folding changed (people_store_reindex.cc).
  struct ReindexBatch {
    PersonId last_id;  // invalid: no one after `after`
    size_t people = 0;
    size_t changed = 0;
  };
  ReindexBatch ReindexNames(soci::session& sql, PersonId after, long long limit) const;
  // Removes the one-deletion variants of keys that no one has any longer.
  void PruneDeletionVariants(soci::session& sql) const;
  std::optional<Person> Find(soci::session& sql, PersonId id) const;

  // Upserts by (bar, roll number) when there is a roll number, else by (person, bar).
  void UpsertMembership(soci::session& sql, const auth::Permit<PersonId>& person,
                        const auth::Permit<OrganizationId>& bar, const std::string& roll_number,
                        const PartialDate& admitted_on, MembershipStatus status, const PartialDate& status_since) const;
  // Replaces the person's position of that title on that organization with the same start and
  // attestation (so a data set can be loaded twice).
  void UpsertPosition(soci::session& sql, const auth::Permit<PersonId>& person,
                      const auth::Permit<OrganizationId>& organization, PositionTitle title,
                      const PartialDate& starts_on, const PartialDate& ends_on, const PartialDate& attested_on,
                      const std::string& source) const;

  // People holding `title` on `organization` on `day` (a position with unknown bounds counts
  // where its attestation does).
  std::vector<PersonId> HoldersOn(soci::session& sql, OrganizationId organization, PositionTitle title,
                                  const std::string& day) const;
  // Current office holders of an organization (positions not known to have ended).
  std::vector<std::pair<PersonId, Position>> OfficeHolders(soci::session& sql, OrganizationId organization) const;
  long long MemberCount(soci::session& sql, OrganizationId organization) const;

  // The search keys within reach of each folded query word, in one statement: the keys it
  // begins (`by_prefix`, the word itself included), at most `prefix_limit` per word, read from
  // the distinct keys (name_key_deletions' rows where variant = key, so a common key costs one
  // row, not one per person); and, for words of 4 letters or more, the keys sharing a
  // one-deletion variant with it (to be verified by the caller: one edit, or two).
  struct ReachedKey {
    size_t word = 0;
    std::string key;
    bool by_prefix = false;
  };
  std::vector<ReachedKey> KeysNear(soci::session& sql, const std::vector<std::string>& words, int prefix_limit) const;

  // A person found by Find a lawyer, with the folded name that orders equal scores.
  struct KeyMatch {
    PersonId person;
    std::string sort_key;
  };
  // `keys_per_word`: for each query word, a set of keys (one score tier of that word). The
  // people having, for every word, one of its keys and passing the query's filters: the first
  // `limit` of them in (sort_key, person) order, distinct. Reads at most `limit` index entries
  // per (key or key pair) read, whatever the number of people having the keys: two words are
  // read from person_name_key_pairs, further words checked per row. Empty if a word has no key.
  std::vector<KeyMatch> PeopleWithKeys(soci::session& sql, const std::vector<std::vector<std::string>>& keys_per_word,
                                       const LawyerQuery& filters, long long limit) const;
  // How many distinct people PeopleWithKeys would find with no limit, counted up to `cap`
  // (the result is min(count, cap)).
  long long CountPeopleWithKeys(soci::session& sql, const std::vector<std::vector<std::string>>& keys_per_word,
                                const LawyerQuery& filters, long long cap) const;
  // The names as written of these people (to order a short result list by collation).
  std::map<PersonId, std::string> DisplayNames(soci::session& sql, const std::vector<PersonId>& people) const;
  // People matching the filters alone, in (sort_key, id) order — byte order on both backends
  // (SQLite BINARY, PostgreSQL COLLATE "C") —, from the page's offset or after `filters.after`,
  // with the total of the whole list (not of what follows the cursor), counted up to
  // `count_cap` (min(count, count_cap)) like a name search's, and the cursor of the next page
  // when there is one.
  struct FilterPage {
    std::vector<PersonId> people;
    long long total = 0;
    std::optional<KeysetCursor> next;
  };
  FilterPage PeopleByFilters(soci::session& sql, const LawyerQuery& filters, long long count_cap) const;
  // Hits for display, in the order given.
  std::vector<LawyerHit> Hits(soci::session& sql, const std::vector<PersonId>& people) const;

 private:
  // Inserts, or updates the person with the same slug (Insert and Update check which).
  PersonId Upsert(soci::session& sql, const PersonInput& input) const;
};

}  // namespace entente::directory
