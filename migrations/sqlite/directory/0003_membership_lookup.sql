-- Find a lawyer checks each candidate's memberships against the filters (bar, status): an
-- index led by the person makes that a lookup, rather than a walk through a whole bar's roll.
CREATE INDEX memberships_person_bar ON memberships (person_id, organization_id, status);
