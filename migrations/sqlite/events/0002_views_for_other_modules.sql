-- What other modules may read of events: these views, never its tables (scripts/check-module-tables
-- holds every module to it). A course given at an event names it by id and shows its slug.
CREATE VIEW events_events AS
  SELECT id, slug, visibility, owner_organization_id, first_day, last_day FROM events;

CREATE VIEW events_event_texts AS
  SELECT owner_id, field, language, text, is_original FROM event_texts;

-- Who took part (confirmed only): attendance at a course given at an event is recorded for them.
-- A participant who registered through the site stands for the person their account is linked to.
CREATE VIEW events_confirmed_participants AS
  SELECT p.event_id, COALESCE(p.person_id, u.person_id) AS person_id
  FROM event_participants p LEFT JOIN users u ON u.id = p.user_id
  WHERE p.status = 'confirmed' AND COALESCE(p.person_id, u.person_id) IS NOT NULL;
