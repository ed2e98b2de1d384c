-- What other modules may read of the directory: these views, never its tables (a check in the
-- test suite, scripts/check-module-tables, holds every module to it). Each view lists the
-- columns it promises; contact details, name keys and the roll's private columns stay inside.
-- Writes go through the directory's services only.
CREATE VIEW directory_organizations AS
  SELECT id, slug, kind, parent_id, city, country_code, jurisdiction_id, website, visibility FROM organizations;

CREATE VIEW directory_organization_texts AS
  SELECT owner_id, field, language, text, is_original FROM organization_texts;

CREATE VIEW directory_jurisdictions AS
  SELECT id, code FROM jurisdictions;

CREATE VIEW directory_people AS
  SELECT id, slug, display_name, sort_key, city, is_synthetic, merged_into FROM people;

CREATE VIEW directory_memberships AS
  SELECT id, person_id, organization_id, status FROM memberships;

CREATE VIEW directory_positions AS
  SELECT id, person_id, organization_id, title, starts_on, ends_on, attested_on, covers_from, covers_until
  FROM positions;
