-- Data lifecycle (issue 14). An employee removed from the org chart is deactivated at once; when, is kept,
-- so that their personal data can be anonymised a set time later (tsunagu.retention.anonymise-after).
-- The row itself stays, with its department and join year, so that counts of groups do not move.
ALTER TABLE employees
    ADD COLUMN deactivated_at TIMESTAMPTZ,
    ADD COLUMN anonymised_at  TIMESTAMPTZ;

-- People made inactive before this change are counted from now.
UPDATE employees SET deactivated_at = now() WHERE NOT active AND deactivated_at IS NULL;

-- The anonymisation pass reads only those still to anonymise, in id order.
CREATE INDEX employees_to_anonymise_idx ON employees (id)
    WHERE NOT active AND anonymised_at IS NULL AND deactivated_at IS NOT NULL;

-- The purges delete by age; each reads its own index.
CREATE INDEX login_throttle_first_failure_idx ON login_throttle (first_failure_at);
CREATE INDEX rsvp_misses_window_start_idx ON rsvp_misses (window_start);
CREATE INDEX password_links_created_idx ON password_links (created_at);
CREATE INDEX check_in_taps_by_plan ON check_in_taps (plan_id);
CREATE INDEX event_plans_ends_at_idx ON event_plans (ends_at);

-- Anonymisation finds a person's own rows by employee.
CREATE INDEX thank_yous_by_employee ON thank_yous (employee_id);
CREATE INDEX check_in_codes_by_employee ON check_in_codes (employee_id);
CREATE INDEX check_in_taps_by_employee ON check_in_taps (employee_id);

-- An anonymised person's address is replaced where the audit log names them (who acted, or on whom).
CREATE INDEX audit_log_actor_lower_idx ON audit_log (lower(actor));
CREATE INDEX audit_log_subject_lower_idx ON audit_log (lower(subject));
