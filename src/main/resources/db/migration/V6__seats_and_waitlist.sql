-- Capacity of an event once invitations go out (module invitations). Seats are taken with one
-- conditional UPDATE ... WHERE seats_taken < capacity; the CHECK makes overbooking impossible even
-- for a statement that forgets the condition.
CREATE TABLE event_seats (
    plan_id      BIGINT  PRIMARY KEY REFERENCES event_plans (id),
    capacity     INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    seats_taken  INTEGER NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
    CONSTRAINT event_seats_not_overbooked CHECK (seats_taken <= capacity)
);

-- The waitlist's order: first come, first promoted.
ALTER TABLE invitations ADD COLUMN waitlisted_at TIMESTAMPTZ;
ALTER TABLE invitations ADD CONSTRAINT invitations_waitlisted_when_waiting
    CHECK ((answer = 'WAITLISTED') = (waitlisted_at IS NOT NULL));
CREATE INDEX invitations_waitlist ON invitations (plan_id, waitlisted_at, id) WHERE answer = 'WAITLISTED';
