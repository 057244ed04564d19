-- Thank-yous sent after an event (module attendance): a personal one to each co-organiser and helper
-- (kind TEAM), and the one short note to those who came (kind CAME), a row for each recipient. The
-- primary key makes each of them go out once, however often the organisers press send.
CREATE TABLE thank_yous (
    plan_id      BIGINT      NOT NULL REFERENCES event_plans (id),
    kind         VARCHAR(8)  NOT NULL CHECK (kind IN ('TEAM', 'CAME')),
    employee_id  BIGINT      NOT NULL REFERENCES employees (id),
    message      TEXT        NOT NULL,
    sent_by      BIGINT      NOT NULL REFERENCES employees (id),
    sent_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, kind, employee_id)
);
