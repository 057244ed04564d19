-- Personal check-in codes (module attendance): the QR code on an attending invitee's answer page and in
-- the reminder the day before. Each is a link with 128 random bits of its own, not the answer token;
-- only their SHA-256 is kept. Every page and mail that shows one issues a new one, so a person may hold
-- several, and each leads to the same person at the same event.
CREATE TABLE check_in_codes (
    code_hash    BYTEA       PRIMARY KEY CHECK (octet_length(code_hash) = 32),
    plan_id      BIGINT      NOT NULL REFERENCES event_plans (id),
    employee_id  BIGINT      NOT NULL REFERENCES employees (id),
    issued_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX check_in_codes_by_plan ON check_in_codes (plan_id, employee_id);

-- A part of a mail shown inside its HTML (module mail), such as that QR code, is named by a Content-ID
-- the HTML refers to (src="cid:..."); a part without one is an attachment, as before.
ALTER TABLE mail_attachments ADD COLUMN content_id VARCHAR(100);
