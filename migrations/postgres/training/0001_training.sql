-- Training (docs/ARCHITECTURE.md, "Training"): the courses and round-tables that training centres
-- publish, the jurisdictions that accredited them, and the attendance their organizers record.
-- Hours are stored as whole minutes (1.5 h is 90).
CREATE TABLE courses (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  provider_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,  -- the training centre
  event_id BIGINT REFERENCES events (id) ON DELETE SET NULL,  -- the event it is given at, if any
  kind TEXT NOT NULL CHECK (kind IN ('course', 'round_table', 'conference', 'seminar', 'moot_court')),
  format TEXT NOT NULL CHECK (format IN ('in_person', 'distance', 'hybrid')),
  language TEXT NOT NULL DEFAULT '',       -- the language it is taught in (en, fr, ru, kk); '' unknown
  nominal_minutes INTEGER CHECK (nominal_minutes IS NULL OR nominal_minutes > 0),  -- NULL: unknown
  starts_on TEXT NOT NULL DEFAULT '',      -- PartialDate; '' unknown
  ends_on TEXT NOT NULL DEFAULT '',
  practice_area TEXT NOT NULL DEFAULT '',  -- with the topic practice_area
  title_key TEXT NOT NULL DEFAULT '',      -- the title's words in every language, folded (core/search)
  visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'members', 'organization')),
  created_at_utc TEXT NOT NULL,
  updated_at_utc TEXT NOT NULL
);
CREATE INDEX courses_provider ON courses (provider_id);
CREATE INDEX courses_starts_on ON courses (starts_on);

CREATE TABLE course_texts (
  owner_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- title, description
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);

CREATE TABLE course_topics (
  course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  topic TEXT NOT NULL CHECK (topic IN ('ethics', 'professional_practice', 'procedure', 'practice_area')),
  PRIMARY KEY (course_id, topic)
);

-- A jurisdiction's approval of a course for CPD: by whom it was given is the jurisdiction's
-- national body; its reference and day as the approval gives them.
CREATE TABLE course_accreditations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions (id) ON DELETE RESTRICT,
  reference TEXT NOT NULL DEFAULT '',
  approved_on TEXT NOT NULL DEFAULT '',    -- PartialDate; '' unknown
  UNIQUE (course_id, jurisdiction_id)
);

CREATE TABLE attendances (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('attendee', 'teacher', 'author', 'moot_court_judge')),
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  recorded_at_utc TEXT NOT NULL,
  UNIQUE (course_id, person_id, role)
);
CREATE INDEX attendances_person ON attendances (person_id);
