-- Suggestions of whom to invite and whom to ask to help (module network). Candidates are drawn from a few
-- bounded sources, never from the whole company; two of them need an index to stay a few hundred rows
-- at 100,000 employees.

-- A join-year cohort spread over the departments: a few people per department, read from the organiser's
-- join year outwards in index order, so that a department costs a few index entries, not all of its staff.
CREATE INDEX employees_cohort_idx ON employees (department_id, join_year, id) WHERE active;

-- The executives and officers, for a company trip: a few hundred rows at most.
CREATE INDEX employees_leaders_idx ON employees (rank, id) WHERE active AND rank IN ('EXECUTIVE', 'OFFICER');

-- Those who helped prepare the latest events, read from the newest event back.
CREATE INDEX meetings_prepared_idx ON meetings (plan_id, employee_id) WHERE prepared;
