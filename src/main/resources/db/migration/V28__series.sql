-- Events hosted again form a series (module planning). A series is named by its first edition's plan;
-- each plan in it has its number. A plan never hosted again belongs to none.
ALTER TABLE event_plans
    ADD COLUMN series_id    BIGINT  REFERENCES event_plans (id),
    ADD COLUMN edition      INTEGER CHECK (edition >= 1),
    -- A next edition starts with dates to be chosen: it cannot be sent for approval before they are.
    ADD COLUMN date_to_pick BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT event_plans_edition_in_series CHECK ((series_id IS NULL) = (edition IS NULL));

CREATE INDEX event_plans_series_idx ON event_plans (series_id, edition) WHERE series_id IS NOT NULL;
