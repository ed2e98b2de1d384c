-- Two-factor sign-in (TOTP, RFC 6238) and its recovery codes.
-- One row per user who has started an enrolment. The confirmed secret is the one in force; a
-- pending secret waits for its first valid code (an enrolment, or a re-enrolment that replaces the
-- confirmed secret only once confirmed).
CREATE TABLE two_factor (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret_base32 TEXT,                      -- in force once confirmed; NULL when not enrolled
  confirmed_at_utc TEXT,
  last_time_step INTEGER,                  -- the last accepted 30-second step: no code counts twice
  pending_secret_base32 TEXT,
  pending_created_at_utc TEXT
);

-- Ten per enrolment, shown once; only their SHA-256 is kept; each is used once; a regeneration
-- deletes every earlier code of the user.
CREATE TABLE two_factor_recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL UNIQUE,
  created_at_utc TEXT NOT NULL,
  used_at_utc TEXT
);
CREATE INDEX two_factor_recovery_codes_user ON two_factor_recovery_codes (user_id);

-- A sign-in whose password was right, waiting for its second factor (5 minutes): the cookie's
-- token is never stored, only its SHA-256.
CREATE TABLE two_factor_challenges (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at_utc TEXT NOT NULL,
  expires_at_utc TEXT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT '',
  used_at_utc TEXT
);
CREATE INDEX two_factor_challenges_user ON two_factor_challenges (user_id);
