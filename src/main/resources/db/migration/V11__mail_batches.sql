-- Mail queued together (the invitations of one wave) shares a batch, so its sending can be followed.
-- Most mail belongs to no batch: the index leaves those rows out.
ALTER TABLE mail_outbox ADD COLUMN batch VARCHAR(100);

CREATE INDEX mail_outbox_batch_idx ON mail_outbox (batch) WHERE batch IS NOT NULL;
