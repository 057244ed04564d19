-- Calendars replace an entry only with a higher SEQUENCE: each change of an approved event's time or
-- place raises it by one, and a cancellation comes one after the last change.
ALTER TABLE event_plans ADD COLUMN calendar_sequence INTEGER NOT NULL DEFAULT 0 CHECK (calendar_sequence >= 0);
