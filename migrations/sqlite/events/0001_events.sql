-- Events (docs/ARCHITECTURE.md, module 3): events with their programme of sessions in the event's own time
-- zone, organizers, series, the agreement objectives they serve, participants, delegations,
-- invitations, registration, awards, private meetings with their slots, tables and schedule,
-- and personal calendar feeds.
--
-- Times are stored twice: as the wall-clock time in the event's zone ('2014-12-10T09:00', as the
-- organizers typed it and as the programme shows it) and as UTC ('2014-12-10T08:00:00Z', for
-- ordering, iCalendar and the viewer's own zone). A day-precision event or session has a day and
-- no hours (the *_local columns hold 'YYYY-MM-DD'); one the source gives no day for has ''.
CREATE TABLE event_series (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  created_at_utc TEXT NOT NULL
);
CREATE TABLE event_series_texts (
  owner_id INTEGER NOT NULL REFERENCES event_series (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- title, description, recurrence
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('workshop', 'conference', 'ministerial_conference', 'round_table',
                                     'celebration', 'study_visit', 'training', 'award_ceremony', 'other')),
  visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'members', 'organization')),
  owner_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,  -- first organizer
  series_id INTEGER REFERENCES event_series (id) ON DELETE SET NULL,
  country TEXT NOT NULL DEFAULT '',        -- jurisdiction code (FR, KZ); '' unknown
  time_zone TEXT NOT NULL,                 -- IANA name from the OS database
  starts_local TEXT NOT NULL DEFAULT '',   -- 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'; '' unknown
  ends_local TEXT NOT NULL DEFAULT '',
  starts_at_utc TEXT NOT NULL DEFAULT '',  -- when hours are known
  ends_at_utc TEXT NOT NULL DEFAULT '',
  first_day TEXT NOT NULL DEFAULT '',      -- 'YYYY-MM-DD' in the event's zone, for lists
  last_day TEXT NOT NULL DEFAULT '',
  capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),  -- NULL: no limit given
  registration TEXT NOT NULL DEFAULT 'closed' CHECK (registration IN ('closed', 'open', 'approval')),
  created_at_utc TEXT NOT NULL,
  updated_at_utc TEXT NOT NULL
);
CREATE INDEX events_first_day ON events (first_day);
CREATE INDEX events_series ON events (series_id);
CREATE TABLE event_texts (
  owner_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- title, description, city, venue, programme, dates_note
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);
CREATE TABLE event_organizers (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  sequence INTEGER NOT NULL,
  PRIMARY KEY (event_id, organization_id)
);
CREATE INDEX event_organizers_organization ON event_organizers (organization_id);
-- The agreement objectives an event serves: the agreement's tracker reads this table.
CREATE TABLE event_objectives (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  objective_id INTEGER NOT NULL REFERENCES agreement_objectives (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, objective_id)
);
CREATE INDEX event_objectives_objective ON event_objectives (objective_id);

CREATE TABLE event_sessions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('conference', 'speech', 'round_table', 'moot_court', 'institution_meeting',
                                     'private_meeting', 'visit', 'reception')),
  starts_local TEXT NOT NULL DEFAULT '',   -- as for events; '' when the source gives no day
  ends_local TEXT NOT NULL DEFAULT '',
  starts_at_utc TEXT NOT NULL DEFAULT '',
  ends_at_utc TEXT NOT NULL DEFAULT '',
  day TEXT NOT NULL DEFAULT '',            -- 'YYYY-MM-DD' in the event's zone, '' unknown
  room TEXT NOT NULL DEFAULT '',
  sequence INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_sessions_event ON event_sessions (event_id, day, starts_at_utc);
CREATE TABLE event_session_texts (
  owner_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- title, description
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);
CREATE TABLE event_session_people (
  session_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('speaker', 'moderator')),
  PRIMARY KEY (session_id, person_id, role)
);
CREATE TABLE event_session_organizations (
  session_id INTEGER NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, organization_id)
);

CREATE TABLE event_delegations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
  head_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,  -- NULL: unknown
  size INTEGER CHECK (size IS NULL OR size > 0),                     -- NULL: unknown
  created_at_utc TEXT NOT NULL
);
CREATE INDEX event_delegations_event ON event_delegations (event_id);
CREATE TABLE event_delegation_members (
  delegation_id INTEGER NOT NULL REFERENCES event_delegations (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (delegation_id, person_id)
);

CREATE TABLE event_participants (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,   -- who registered, when through the site
  role TEXT NOT NULL CHECK (role IN ('organizer', 'speaker', 'researcher', 'delegate', 'guest', 'host',
                                     'award_recipient')),
  status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'pending', 'waiting', 'declined')),
  consent_to_list INTEGER NOT NULL DEFAULT 0 CHECK (consent_to_list IN (0, 1)),
  delegation_id INTEGER REFERENCES event_delegations (id) ON DELETE SET NULL,
  created_at_utc TEXT NOT NULL,
  CHECK (person_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX event_participants_event ON event_participants (event_id, status);
CREATE UNIQUE INDEX event_participants_user ON event_participants (event_id, user_id);

CREATE TABLE event_invitations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  from_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
  from_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
  to_organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
  to_person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
  invited_count INTEGER CHECK (invited_count IS NULL OR invited_count > 0),  -- "two members"
  language TEXT NOT NULL DEFAULT 'en',     -- the invitee's language, for the letter
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  sent_on TEXT NOT NULL DEFAULT '',        -- PartialDate
  delegation_id INTEGER REFERENCES event_delegations (id) ON DELETE SET NULL,  -- once accepted
  responded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  responded_at_utc TEXT NOT NULL DEFAULT '',
  created_at_utc TEXT NOT NULL,
  CHECK (from_organization_id IS NOT NULL OR from_person_id IS NOT NULL),
  CHECK (to_organization_id IS NOT NULL OR to_person_id IS NOT NULL)
);
CREATE INDEX event_invitations_event ON event_invitations (event_id);
CREATE INDEX event_invitations_to_organization ON event_invitations (to_organization_id);

CREATE TABLE event_awards (
  id INTEGER PRIMARY KEY,
  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
  presented_by_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
  recipient_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,  -- or a role, in the texts
  awarded_on TEXT NOT NULL DEFAULT '',     -- PartialDate
  created_at_utc TEXT NOT NULL
);
CREATE INDEX event_awards_event ON event_awards (event_id);
CREATE TABLE event_award_texts (
  owner_id INTEGER NOT NULL REFERENCES event_awards (id) ON DELETE CASCADE,
  field TEXT NOT NULL,                     -- title, citation, recipient_role
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
  PRIMARY KEY (owner_id, field, language)
);

-- Private meetings: slots and tables set by the organizers, requests with a priority, each
-- side's availability, and the schedule (one row per met request; pinned rows stay put).
CREATE TABLE event_meeting_slots (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  starts_local TEXT NOT NULL,
  ends_local TEXT NOT NULL,
  starts_at_utc TEXT NOT NULL,
  ends_at_utc TEXT NOT NULL
);
CREATE INDEX event_meeting_slots_event ON event_meeting_slots (event_id, starts_at_utc);
CREATE TABLE event_meeting_rooms (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  UNIQUE (event_id, name)
);
CREATE TABLE event_meeting_requests (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  requester_delegation_id INTEGER REFERENCES event_delegations (id) ON DELETE CASCADE,
  requester_person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
  host_person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
  host_organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 5),
  requested_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at_utc TEXT NOT NULL,
  CHECK (requester_delegation_id IS NOT NULL OR requester_person_id IS NOT NULL),
  CHECK (host_person_id IS NOT NULL OR host_organization_id IS NOT NULL)
);
CREATE INDEX event_meeting_requests_event ON event_meeting_requests (event_id);
-- A party's availability: no row for a party means available in every slot.
CREATE TABLE event_meeting_availability (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  party TEXT NOT NULL,                     -- 'person:12', 'organization:3', 'delegation:5'
  slot_id INTEGER NOT NULL REFERENCES event_meeting_slots (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, party, slot_id)
);
CREATE TABLE event_meetings (
  request_id INTEGER PRIMARY KEY REFERENCES event_meeting_requests (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  slot_id INTEGER NOT NULL REFERENCES event_meeting_slots (id) ON DELETE CASCADE,
  room_id INTEGER NOT NULL REFERENCES event_meeting_rooms (id) ON DELETE CASCADE,
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  UNIQUE (slot_id, room_id)
);
CREATE INDEX event_meetings_event ON event_meetings (event_id);

-- Personal calendar feeds: the token's hash only (the URL carries the token itself).
CREATE TABLE event_feed_tokens (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_sha256_hex TEXT NOT NULL UNIQUE,
  created_at_utc TEXT NOT NULL
);
