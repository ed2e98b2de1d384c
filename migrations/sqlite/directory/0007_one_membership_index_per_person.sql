-- memberships_person_bar (person_id, organization_id, status) serves every lookup by person that
-- memberships_person (person_id) served: one index fewer to write for each member of a roll.
DROP INDEX memberships_person;
