-- A claim is a lease: the instance that holds it (claimed_by, a name that survives its restart) and
-- until when (lease_until, renewed while it sends). A restarted instance takes back its own claims at
-- once; others take back a claim whose lease ran out.
ALTER TABLE mail_outbox ADD COLUMN claimed_by VARCHAR(300);
ALTER TABLE mail_outbox ADD COLUMN lease_until TIMESTAMPTZ;

-- Claims made before leases existed run out when the stale timeout did.
UPDATE mail_outbox SET lease_until = claimed_at + interval '10 minutes' WHERE status = 'SENDING';

DROP INDEX mail_outbox_sending_idx;
CREATE INDEX mail_outbox_lease_idx ON mail_outbox (lease_until) WHERE status = 'SENDING';
CREATE INDEX mail_outbox_claimed_by_idx ON mail_outbox (claimed_by) WHERE status = 'SENDING';

-- Bodies and attachments of mail an SMTP server accepted are emptied soon after (they hold answer
-- links); the headers and the status stay. This index finds the ones still to empty.
ALTER TABLE mail_outbox ADD COLUMN body_dropped_at TIMESTAMPTZ;
CREATE INDEX mail_outbox_sent_body_idx ON mail_outbox (sent_at)
    WHERE status = 'SENT' AND delivered_via = 'SMTP' AND body_dropped_at IS NULL;
