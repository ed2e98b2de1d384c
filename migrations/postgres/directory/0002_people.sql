-- The directory proper: jurisdictions, organizations' remaining fields, people and their names,
-- rolls, positions held over time, and the name-search keys (docs/SEARCH.md). Keys compare
-- byte-wise (COLLATE "C"), as on SQLite, so that prefix ranges use the index.
CREATE TABLE jurisdictions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code TEXT NOT NULL UNIQUE              -- FR, KZ, EU
);
CREATE TABLE jurisdiction_texts (
  owner_id BIGINT NOT NULL REFERENCES jurisdictions (id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);

ALTER TABLE organizations ADD COLUMN jurisdiction_id BIGINT REFERENCES jurisdictions (id);
ALTER TABLE organizations ADD COLUMN website TEXT NOT NULL DEFAULT '';
ALTER TABLE organizations ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public'
  CHECK (visibility IN ('public', 'members', 'organization'));

CREATE TABLE people (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,            -- the name as written, for lists
  sort_key TEXT COLLATE "C" NOT NULL,    -- folded name, for ordering large lists
  gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male', 'other')),
  city TEXT NOT NULL DEFAULT '',
  is_synthetic INTEGER NOT NULL DEFAULT 0 CHECK (is_synthetic IN (0, 1)),
  merged_into BIGINT REFERENCES people (id),
  created_at_utc TEXT NOT NULL,
  updated_at_utc TEXT NOT NULL
);
CREATE INDEX people_sort_key ON people (sort_key);

CREATE TABLE person_names (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  full_name TEXT NOT NULL,
  script TEXT NOT NULL CHECK (script IN ('Latn', 'Cyrl')),
  kind TEXT NOT NULL CHECK (kind IN ('as_written', 'preferred', 'passport', 'transliterated')),
  language TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''          -- e.g. "our transliteration"
);
CREATE INDEX person_names_person ON person_names (person_id);

-- Every folded word of every name of a person, and one-deletion variants of each distinct key.
CREATE TABLE person_name_keys (
  key TEXT COLLATE "C" NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (key, person_id)
);
CREATE INDEX person_name_keys_person ON person_name_keys (person_id);
CREATE TABLE name_key_deletions (
  variant TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (variant, key)
);

CREATE TABLE person_languages (
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  language TEXT NOT NULL,                -- ISO 639-1: fr, ru, kk, en, …
  PRIMARY KEY (person_id, language)
);
CREATE INDEX person_languages_language ON person_languages (language);
CREATE TABLE person_practice_areas (
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  area TEXT NOT NULL,
  PRIMARY KEY (person_id, area)
);
CREATE INDEX person_practice_areas_area ON person_practice_areas (area);

CREATE TABLE memberships (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  roll_number TEXT NOT NULL DEFAULT '',
  admitted_on TEXT NOT NULL DEFAULT '',  -- a PartialDate
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'honorary', 'former')),
  status_since TEXT NOT NULL DEFAULT ''  -- a PartialDate
);
CREATE UNIQUE INDEX memberships_roll ON memberships (organization_id, roll_number) WHERE roll_number <> '';
CREATE INDEX memberships_person ON memberships (person_id);
CREATE INDEX memberships_organization ON memberships (organization_id, status);

CREATE TABLE positions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (title IN ('chairman', 'president', 'vice_president', 'board_member',
    'council_member', 'head', 'team_leader', 'member', 'deputy_head', 'secretary', 'sub_director')),
  starts_on TEXT NOT NULL DEFAULT '',    -- PartialDate; '' unknown
  ends_on TEXT NOT NULL DEFAULT '',      -- PartialDate; '' unknown or still held
  attested_on TEXT NOT NULL DEFAULT '',  -- PartialDate: when a source shows the position held
  -- First and last days the position may cover, for "who held it on day D" queries:
  -- from starts_on (or attested_on), to ends_on (or attested_on, or open).
  covers_from TEXT NOT NULL DEFAULT '',
  covers_until TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX positions_organization ON positions (organization_id, title);
CREATE INDEX positions_person ON positions (person_id);
