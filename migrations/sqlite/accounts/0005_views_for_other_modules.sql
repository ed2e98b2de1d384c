-- What other modules may read of the accounts: this view, never the tables (scripts/
-- check-module-tables). No e-mail address, password hash, session or token leaves the module.
CREATE VIEW accounts_users AS
  SELECT id, display_name, person_id, disabled FROM users;
