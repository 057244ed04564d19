-- The ties events make (module network). An event that took place is recorded once its attendance is
-- known: who prepared it (organisers and the helpers its tasks were handed to) and who came (checked
-- in). Two people are tied through it when they prepared it together (a strong tie) or both came (a
-- weaker one). A person's ties are read from the events they were at, so an event of n people is n
-- rows, not n² pairs; numbers about many events (the department map, new ties) are kept per event
-- and per period when it is recorded.
CREATE TABLE network_events (
    plan_id                      BIGINT       PRIMARY KEY REFERENCES event_plans (id),
    title                        VARCHAR(120) NOT NULL,
    kind                         VARCHAR(32)  NOT NULL,
    starts_at                    TIMESTAMPTZ  NOT NULL,
    -- The day it took place, in the company's zone: periods (quarters) are counted in it.
    held_on                      DATE         NOT NULL,
    people                       INTEGER      NOT NULL CHECK (people >= 0),
    -- Pairs of people who met at this event for the first time (no earlier recorded event together),
    -- in all and by what separates them.
    new_ties                     INTEGER      NOT NULL CHECK (new_ties >= 0),
    new_cross_department_ties    INTEGER      NOT NULL CHECK (new_cross_department_ties >= 0),
    new_ties_across_generations  INTEGER      NOT NULL CHECK (new_ties_across_generations >= 0),
    new_ties_within_cohort       INTEGER      NOT NULL CHECK (new_ties_within_cohort >= 0),
    recorded_at                  TIMESTAMPTZ  NOT NULL,
    -- A check-in changed after the event was recorded: it is recorded again at the next pass.
    stale                        BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE INDEX network_events_held_on ON network_events (held_on);
CREATE INDEX network_events_stale ON network_events (plan_id) WHERE stale;

-- Who was at a recorded event and how: the department and join year are those of the day it was
-- recorded, so that the history does not move when someone changes department later.
CREATE TABLE meetings (
    plan_id        BIGINT  NOT NULL REFERENCES network_events (plan_id) ON DELETE CASCADE,
    employee_id    BIGINT  NOT NULL REFERENCES employees (id),
    department_id  BIGINT  NOT NULL REFERENCES departments (id),
    join_year      INTEGER NOT NULL,
    prepared       BOOLEAN NOT NULL,
    came           BOOLEAN NOT NULL,
    PRIMARY KEY (plan_id, employee_id),
    CHECK (prepared OR came)
);

-- One person's events, for their network.
CREATE INDEX meetings_by_employee ON meetings (employee_id, plan_id);

-- What each employee chose about their network.
CREATE TABLE network_settings (
    employee_id              BIGINT      PRIMARY KEY REFERENCES employees (id),
    hidden_from_suggestions  BOOLEAN     NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);
