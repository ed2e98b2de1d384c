-- API tokens get a scope (read, write, admin) and an expiry. Tokens made before could do all
-- their user could: they keep the admin scope, and expire 90 days after this migration.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'admin' CHECK (scope IN ('read', 'write', 'admin'));
ALTER TABLE api_tokens ADD COLUMN expires_at_utc TEXT NOT NULL DEFAULT '';
UPDATE api_tokens SET expires_at_utc = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+90 days');
