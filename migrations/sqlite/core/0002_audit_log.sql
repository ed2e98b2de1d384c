-- Who did what to which record, when (UTC), from which request. Never passwords or tokens.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at_utc TEXT NOT NULL,
  user_id INTEGER,
  organization_id INTEGER,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id INTEGER,
  request_id TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at_utc);
CREATE INDEX audit_log_user ON audit_log (user_id, at_utc);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
