-- Cooperation agreements (docs/ARCHITECTURE.md, module 2): the agreement with its dates and terms, its
-- parties and signatories, coordinators, objectives, documents, follow-up log, yearly reviews
-- and the activities that implement its objectives. Dates are PartialDates stored as text
-- ('' unknown); a column that may be unknown says so by NULL (numbers) or by 'unknown' (kinds).
CREATE TABLE agreements (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('cooperation_agreement', 'memorandum_of_understanding', 'twinning', 'protocol')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'in_force', 'suspended', 'expired', 'terminated')),
  visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'members', 'parties')),
  signed_on TEXT NOT NULL DEFAULT '',      -- PartialDate: a day, a range of days, a month…
  signed_year INTEGER,                     -- the year of signed_on's first day, for the year filter
  in_force_on TEXT NOT NULL DEFAULT '',
  suspended_on TEXT NOT NULL DEFAULT '',
  ended_on TEXT NOT NULL DEFAULT '',       -- expired or terminated
  -- The event on whose sidelines it was signed, once the events module exists; until then the
  -- place and the occasion are texts (agreement_texts: signing_place, occasion).
  occasion_event_id BIGINT,
  term_kind TEXT NOT NULL DEFAULT 'unknown' CHECK (term_kind IN ('unknown', 'fixed', 'open_ended')),
  term_months INTEGER CHECK (term_months IS NULL OR term_months > 0),
  renewal TEXT NOT NULL DEFAULT 'unknown' CHECK (renewal IN ('unknown', 'tacit', 'explicit', 'none')),
  notice_months INTEGER CHECK (notice_months IS NULL OR notice_months >= 0),  -- NULL: unknown
  authentic_languages TEXT,                -- "fr,ru"; NULL: unknown
  initiated_by BIGINT REFERENCES organizations (id) ON DELETE SET NULL,
  supported_by BIGINT REFERENCES organizations (id) ON DELETE SET NULL,  -- programme or funder
  created_at_utc TEXT NOT NULL,
  updated_at_utc TEXT NOT NULL,
  CHECK ((term_kind = 'fixed') = (term_months IS NOT NULL))
);
CREATE INDEX agreements_status ON agreements (status);
CREATE INDEX agreements_signed_year ON agreements (signed_year);

CREATE TABLE agreement_texts (
  owner_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- title, signing_place, occasion
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);

CREATE TABLE agreement_parties (
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  sequence INTEGER NOT NULL,
  signatory_person_id BIGINT REFERENCES people (id) ON DELETE SET NULL,  -- NULL: unknown
  signatory_title TEXT NOT NULL DEFAULT '',  -- the position title held at signing (positions.title)
  PRIMARY KEY (agreement_id, organization_id)
);
CREATE INDEX agreement_parties_organization ON agreement_parties (organization_id);

CREATE TABLE agreement_coordinators (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  starts_on TEXT NOT NULL DEFAULT '',
  ends_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreement_coordinators_agreement ON agreement_coordinators (agreement_id);

CREATE TABLE agreement_objectives (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL
);
CREATE INDEX agreement_objectives_agreement ON agreement_objectives (agreement_id, sequence);
CREATE TABLE objective_texts (
  owner_id BIGINT NOT NULL REFERENCES agreement_objectives (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- text
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);
CREATE TABLE objective_categories (
  objective_id BIGINT NOT NULL REFERENCES agreement_objectives (id) ON DELETE CASCADE,
  category TEXT NOT NULL CHECK (category IN ('exchange', 'legal_cooperation', 'legal_practice', 'ethics',
                                             'training', 'legal_systems')),
  PRIMARY KEY (objective_id, category)
);

-- Signed texts. The bytes live in agreement_document_contents (base64), apart from the list.
CREATE TABLE agreement_documents (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_type TEXT NOT NULL CHECK (file_type IN ('pdf', 'docx', 'odt')),
  size_bytes INTEGER NOT NULL,
  sha256_hex TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  uploaded_at_utc TEXT NOT NULL
);
CREATE INDEX agreement_documents_agreement ON agreement_documents (agreement_id);
CREATE TABLE agreement_document_contents (
  document_id BIGINT PRIMARY KEY REFERENCES agreement_documents (id) ON DELETE CASCADE,
  content_base64 TEXT NOT NULL
);

CREATE TABLE agreement_follow_ups (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  entry_on TEXT NOT NULL DEFAULT '',       -- PartialDate
  author_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  source TEXT NOT NULL DEFAULT '',         -- where the entry comes from, when not from its author
  created_at_utc TEXT NOT NULL
);
CREATE INDEX agreement_follow_ups_agreement ON agreement_follow_ups (agreement_id);
CREATE TABLE follow_up_texts (
  owner_id BIGINT NOT NULL REFERENCES agreement_follow_ups (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- text
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);

CREATE TABLE agreement_reviews (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  author_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at_utc TEXT NOT NULL,
  UNIQUE (agreement_id, year)
);
CREATE TABLE review_texts (
  owner_id BIGINT NOT NULL REFERENCES agreement_reviews (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- findings, decisions, next_actions
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);

-- What was done: free text for now (events, trainings and requests join as their modules land).
CREATE TABLE agreement_activities (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('background', 'visit', 'round_table', 'training', 'meeting', 'other')),
  happened_on TEXT NOT NULL DEFAULT '',    -- PartialDate
  first_day TEXT NOT NULL DEFAULT '',      -- of happened_on, YYYY-MM-DD ('' unknown), for the tracker
  last_day TEXT NOT NULL DEFAULT '',
  author_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at_utc TEXT NOT NULL
);
CREATE INDEX agreement_activities_agreement ON agreement_activities (agreement_id);
CREATE TABLE activity_texts (
  owner_id BIGINT NOT NULL REFERENCES agreement_activities (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- text, place
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);
CREATE TABLE activity_objectives (
  activity_id BIGINT NOT NULL REFERENCES agreement_activities (id) ON DELETE CASCADE,
  objective_id BIGINT NOT NULL REFERENCES agreement_objectives (id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, objective_id)
);
CREATE INDEX activity_objectives_objective ON activity_objectives (objective_id);
