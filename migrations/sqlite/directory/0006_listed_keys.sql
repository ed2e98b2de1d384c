-- Whether the person holds an active membership (Find a lawyer's default filter), copied into
-- each of their keys and pairs of keys: a search then reads it from the index entry itself,
-- rather than looking up the person's memberships entry by entry. PeopleStore keeps it
-- (RefreshListed) wherever keys or memberships change.
ALTER TABLE person_name_keys ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE person_name_key_pairs ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
UPDATE person_name_keys SET listed = 1
  WHERE person_id IN (SELECT person_id FROM memberships WHERE status = 'active');
UPDATE person_name_key_pairs SET listed = 1
  WHERE person_id IN (SELECT person_id FROM memberships WHERE status = 'active');
