-- Users, sessions, roles, API tokens and sign-in attempts (SECURITY.md 1–8).
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,              -- stored lower-case
  display_name TEXT NOT NULL,
  preferred_language TEXT NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'fr', 'ru', 'kk')),
  password_hash TEXT NOT NULL,             -- argon2id, libsodium's encoded form
  person_id INTEGER,                       -- the directory's person, once people exist
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at_utc TEXT NOT NULL,
  last_seen_at_utc TEXT
);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,         -- SHA-256 of the cookie's token; the token is never stored
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at_utc TEXT NOT NULL,
  last_seen_at_utc TEXT NOT NULL,
  expires_at_utc TEXT NOT NULL,            -- the absolute cap
  revoked_at_utc TEXT,
  remote_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE role_grants (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('platform_admin', 'bar_admin', 'coordinator', 'editor', 'member')),
  organization_id INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
  granted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  granted_at_utc TEXT NOT NULL,
  revoked_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  revoked_at_utc TEXT,
  CHECK ((role = 'platform_admin') = (organization_id IS NULL))
);
CREATE INDEX role_grants_user ON role_grants (user_id);
CREATE INDEX role_grants_organization ON role_grants (organization_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at_utc TEXT NOT NULL,
  last_used_at_utc TEXT,
  revoked_at_utc TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  at_utc TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at_utc);
CREATE INDEX sign_in_failures_address ON sign_in_failures (remote_address, at_utc);
