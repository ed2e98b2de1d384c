-- Contact details of people, each with its own visibility (docs/ARCHITECTURE.md "Roles, scope and
-- visibility"): public, members (any signed-in user), organization (users holding a role on one
-- of the person's bars or organizations).
CREATE TABLE person_contacts (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'address', 'website')),
  value TEXT NOT NULL,
  visibility TEXT NOT NULL DEFAULT 'members' CHECK (visibility IN ('public', 'members', 'organization'))
);
CREATE INDEX person_contacts_person ON person_contacts (person_id);
-- A merged record points to the one it was merged into; lists and searches skip it.
CREATE INDEX people_merged_into ON people (merged_into) WHERE merged_into IS NOT NULL;
