-- Organizations, minimal: what roles are held on and what the home page counts. The directory
-- module extends this table (jurisdiction, website, visibility).
CREATE TABLE organizations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('bar', 'national_bar', 'committee', 'training_centre', 'ministry',
                                     'court_council', 'union', 'programme', 'other')),
  parent_id BIGINT REFERENCES organizations (id) ON DELETE RESTRICT,
  city TEXT NOT NULL DEFAULT '',
  country_code TEXT NOT NULL DEFAULT '',
  created_at_utc TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX organizations_parent_id ON organizations (parent_id);

-- Names per language (the per-entity text table, docs/ARCHITECTURE.md "Text in four languages").
CREATE TABLE organization_texts (
  owner_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);
