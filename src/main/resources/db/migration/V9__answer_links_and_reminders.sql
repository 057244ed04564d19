-- Answer links (module invitations). An invitation has one link per mail that carries one: the
-- invitation itself, a reminder, a promotion from the waitlist. Each is 256 random bits of which only
-- the SHA-256 is kept, so a mail can never be sent again with an old link, only with a new one, and
-- every link leads to the same invitation.
CREATE TABLE invitation_links (
    token_hash     BYTEA       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    invitation_id  BIGINT      NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
    issued_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX invitation_links_by_invitation ON invitation_links (invitation_id);

INSERT INTO invitation_links (token_hash, invitation_id, issued_at)
SELECT token_hash, id, sent_at FROM invitations WHERE token_hash IS NOT NULL;

ALTER TABLE invitations DROP CONSTRAINT invitations_token_when_sent;
ALTER TABLE invitations DROP COLUMN token_hash;

-- Reminders: when each was sent, so that it is sent once. Claimed with a conditional UPDATE
-- (... WHERE pending_reminded_at IS NULL), so that two instances never both send it.
ALTER TABLE invitations ADD COLUMN pending_reminded_at TIMESTAMPTZ;
ALTER TABLE invitations ADD COLUMN eve_reminded_at TIMESTAMPTZ;

-- The organiser's choice per event; without a row, both reminders go out with the default timing.
CREATE TABLE event_reminders (
    plan_id           BIGINT  PRIMARY KEY REFERENCES event_plans (id),
    pending_enabled   BOOLEAN NOT NULL,
    pending_days      INTEGER NOT NULL CHECK (pending_days BETWEEN 1 AND 14),
    attending_enabled BOOLEAN NOT NULL
);
