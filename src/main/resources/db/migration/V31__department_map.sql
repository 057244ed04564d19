-- The department map (module network), kept per period so that a view reads a few thousand rows, never
-- the meetings. Quarters are numbered year * 4 + (quarter - 1) (2026Q1 = 8104), counted in the days of
-- the company's zone (network_events.held_on).

-- These tables are derived from meetings (whose rows refer to employees and departments) and computed
-- again from them at will (DepartmentMapTables.rebuild), so they carry no foreign keys to the directory:
-- at 100,000 employees a rebuild writes tens of millions of reach rows, and three key checks per row were
-- most of its time. They are emptied when the demo company is removed.

-- Whom each person reached in a quarter: one row per person, their department at the event and a
-- department they have a tie to (their own included). Kept up to date in the recording transaction, for
-- the people of the event recorded.
CREATE TABLE network_reach (
    quarter              INTEGER NOT NULL,
    employee_id          BIGINT  NOT NULL,
    department_id        BIGINT  NOT NULL,
    other_department_id  BIGINT  NOT NULL,
    PRIMARY KEY (quarter, employee_id, department_id, other_department_id)
);

-- A range of quarters whose figures are computed. A person counts once in a range however many quarters
-- of it they met someone in, so a range is not the sum of its quarters: each range a view asks is
-- computed from network_reach and kept, and marked stale when an event of one of its quarters is
-- recorded again; stale ranges are computed again by the next view or the scheduled pass.
CREATE TABLE network_map_ranges (
    from_quarter  INTEGER     NOT NULL,
    to_quarter    INTEGER     NOT NULL,
    computed_at   TIMESTAMPTZ NOT NULL,
    stale         BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (from_quarter, to_quarter),
    CHECK (from_quarter <= to_quarter)
);

CREATE INDEX network_map_ranges_stale ON network_map_ranges (from_quarter, to_quarter) WHERE stale;

-- A range's heatmap: how many people of a department have a tie to someone of the other department.
-- Only cells above zero are kept.
CREATE TABLE network_map_cells (
    from_quarter         INTEGER NOT NULL,
    to_quarter           INTEGER NOT NULL,
    department_id        BIGINT  NOT NULL,
    other_department_id  BIGINT  NOT NULL,
    people               INTEGER NOT NULL CHECK (people > 0),
    PRIMARY KEY (from_quarter, to_quarter, department_id, other_department_id),
    FOREIGN KEY (from_quarter, to_quarter) REFERENCES network_map_ranges (from_quarter, to_quarter) ON DELETE CASCADE
);

-- A range's people per department: with any tie, and with at least one tie outside their department.
CREATE TABLE network_map_reach (
    from_quarter    INTEGER NOT NULL,
    to_quarter      INTEGER NOT NULL,
    department_id   BIGINT  NOT NULL,
    people          INTEGER NOT NULL CHECK (people > 0),
    people_outside  INTEGER NOT NULL CHECK (people_outside >= 0),
    PRIMARY KEY (from_quarter, to_quarter, department_id),
    FOREIGN KEY (from_quarter, to_quarter) REFERENCES network_map_ranges (from_quarter, to_quarter) ON DELETE CASCADE
);
