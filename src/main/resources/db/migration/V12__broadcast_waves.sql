-- What a broadcast wave announced, and to whom: the organiser's message and the segment it went to
-- (departments, ranks, join years; empty or missing means any), kept so the page can show it later.
ALTER TABLE invitation_waves
    ADD COLUMN message          VARCHAR(2000),
    ADD COLUMN department_codes VARCHAR(32)[],
    ADD COLUMN ranks            VARCHAR(16)[],
    ADD COLUMN joined_from      INTEGER,
    ADD COLUMN joined_to        INTEGER,
    ADD CONSTRAINT invitation_waves_broadcast_has_message
        CHECK (kind <> 'BROADCAST' OR (message IS NOT NULL AND department_codes IS NOT NULL AND ranks IS NOT NULL)),
    ADD CONSTRAINT invitation_waves_join_years_forwards
        CHECK (joined_from IS NULL OR joined_to IS NULL OR joined_from <= joined_to);
