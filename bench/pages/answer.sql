-- The answer POST's own SQL for pgbench (run.sh sets :hash, :invitation and :plan): find the link,
-- lock the invitation, read the event with its co-organisers, write the answer.
BEGIN;
SELECT invitation_id FROM invitation_links WHERE token_hash = decode(:hash, 'hex');
SELECT * FROM invitations WHERE id = :invitation FOR UPDATE;
SELECT p.*, o.employee_id FROM event_plans p LEFT JOIN plan_co_organisers o ON o.plan_id = p.id WHERE p.id = :plan;
UPDATE invitations SET answer = 'ATTENDING', note = NULL, answered_at = now(), version = version + 1 WHERE id = :invitation;
COMMIT;
