-- Who came to an event (module attendance). One row for each person checked in; an undo deletes the
-- row, and the audit log keeps both. The primary key makes a double tap, or two organisers tapping
-- the same person, one check-in.
CREATE TABLE check_ins (
    plan_id        BIGINT      NOT NULL REFERENCES event_plans (id),
    employee_id    BIGINT      NOT NULL REFERENCES employees (id),
    -- Neither attending nor on the waitlist when checked in: not invited, or had declined.
    walk_in        BOOLEAN     NOT NULL,
    checked_in_at  TIMESTAMPTZ NOT NULL,
    checked_in_by  BIGINT      NOT NULL REFERENCES employees (id),
    PRIMARY KEY (plan_id, employee_id)
);

-- When someone last came, to any event.
CREATE INDEX check_ins_by_employee ON check_ins (employee_id, checked_in_at);

-- Every tap an organiser's phone sent, by the key the phone gave it: a tap sent again after a lost
-- connection is recognised and not applied twice.
CREATE TABLE check_in_taps (
    tap_key      UUID        PRIMARY KEY,
    plan_id      BIGINT      NOT NULL REFERENCES event_plans (id),
    employee_id  BIGINT      NOT NULL REFERENCES employees (id),
    action       VARCHAR(16) NOT NULL CHECK (action IN ('CHECK_IN', 'UNDO')),
    tapped_by    BIGINT      NOT NULL REFERENCES employees (id),
    received_at  TIMESTAMPTZ NOT NULL
);
