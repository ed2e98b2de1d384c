-- Whether the person holds an active membership (Find a lawyer's default filter), copied into
-- each of their keys and pairs of keys: a search then reads it from the index entry itself,
-- rather than looking up the person's memberships entry by entry. PeopleStore keeps it
-- (RefreshListed) wherever keys or memberships change. The primary keys carry it (INCLUDE), so
-- that a search stays an index-only scan.
ALTER TABLE person_name_keys ADD COLUMN listed SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE person_name_key_pairs ADD COLUMN listed SMALLINT NOT NULL DEFAULT 0;
UPDATE person_name_keys SET listed = 1
  WHERE person_id IN (SELECT person_id FROM memberships WHERE status = 'active');
UPDATE person_name_key_pairs SET listed = 1
  WHERE person_id IN (SELECT person_id FROM memberships WHERE status = 'active');
ALTER TABLE person_name_keys DROP CONSTRAINT person_name_keys_pkey;
ALTER TABLE person_name_keys ADD PRIMARY KEY (key, sort_key, person_id) INCLUDE (listed);
ALTER TABLE person_name_key_pairs DROP CONSTRAINT person_name_key_pairs_pkey;
ALTER TABLE person_name_key_pairs ADD PRIMARY KEY (first_key, second_key, sort_key, person_id) INCLUDE (listed);
-- Fresh statistics, or the planner guesses that few entries are listed and reads the table.
ANALYZE person_name_keys;
ANALYZE person_name_key_pairs;
