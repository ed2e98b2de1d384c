-- Sign-in attempts per client address and hour, counted in one statement (INSERT … ON CONFLICT
-- … RETURNING), so that concurrent attempts cannot all slip under the limit. A successful
-- sign-in gives its attempt back.
CREATE TABLE sign_in_attempts (
  remote_address TEXT NOT NULL,
  window_start_utc TEXT NOT NULL,          -- the hour: 2026-12-03T13:00:00Z
  attempts INTEGER NOT NULL,
  PRIMARY KEY (remote_address, window_start_utc)
);
CREATE INDEX sign_in_attempts_window ON sign_in_attempts (window_start_utc);
