-- Planning: becoming a co-organiser is a proposal the person accepts; until then they are not on the team.
CREATE TABLE plan_co_organiser_proposals (
    plan_id      BIGINT NOT NULL REFERENCES event_plans (id) ON DELETE CASCADE,
    employee_id  BIGINT NOT NULL REFERENCES employees (id),
    PRIMARY KEY (plan_id, employee_id)
);

CREATE INDEX plan_co_organiser_proposals_employee_idx ON plan_co_organiser_proposals (employee_id);

-- Approval: a round knows when the plan it reviews starts and stops taking answers, so that a plan
-- whose date has passed is not approved. Rounds opened before this change have neither.
ALTER TABLE approval_rounds
    ADD COLUMN plan_starts_at      TIMESTAMPTZ,
    ADD COLUMN plan_rsvp_deadline  TIMESTAMPTZ;
