-- Platform-wide settings and markers, e.g. `demo` = '1' in a database seeded by `entente seed demo`.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at_utc TEXT NOT NULL
);
