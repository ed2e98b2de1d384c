-- Find a lawyer ranks in the index (docs/SEARCH.md "Ranking in the index"). Each search key
-- carries its person's folded name (people.sort_key), so that the people having a key come out
-- of the index already in name order: `WHERE key = ? ORDER BY sort_key LIMIT n` reads n rows.
-- The primary key becomes (key, sort_key, person_id); a (key, person) pair stays unique because
-- the store writes a person's keys from a set, after deleting the old ones.
ALTER TABLE person_name_keys ADD COLUMN sort_key TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE person_name_keys k SET sort_key = p.sort_key FROM people p WHERE p.id = k.person_id;
ALTER TABLE person_name_keys ALTER COLUMN sort_key DROP DEFAULT;
ALTER TABLE person_name_keys DROP CONSTRAINT person_name_keys_pkey;
ALTER TABLE person_name_keys ADD PRIMARY KEY (key, sort_key, person_id);
-- Checks that a person has one of a word's keys (multi-word queries), and deletes by person.
DROP INDEX person_name_keys_person;
CREATE INDEX person_name_keys_person ON person_name_keys (person_id, key);

-- Every two distinct keys of a person (first_key < second_key), in name order: a two-word query
-- ("Daniyar Kanafin") reads the people having both words from one index range, in the order
-- of the page, instead of walking one word's people to find those having the other.
CREATE TABLE person_name_key_pairs (
  first_key TEXT COLLATE "C" NOT NULL,
  second_key TEXT COLLATE "C" NOT NULL,
  sort_key TEXT COLLATE "C" NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (first_key, second_key, sort_key, person_id)
);
CREATE INDEX person_name_key_pairs_person ON person_name_key_pairs (person_id);
INSERT INTO person_name_key_pairs (first_key, second_key, sort_key, person_id)
  SELECT a.key, b.key, a.sort_key, a.person_id FROM person_name_keys a
  JOIN person_name_keys b ON b.person_id = a.person_id AND a.key < b.key;
