-- The demo company is a state of the database (module directory): the row is written in the
-- transaction that seeds the demo company, and marked left when an administrator leaves the demo.
-- While it is not left every page says this is a demo; once left, the demo is never seeded again.
CREATE TABLE demo_mode (
    id         BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (id),
    seeded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    left_at    TIMESTAMPTZ,
    left_by    VARCHAR(254),
    CONSTRAINT demo_mode_left_by_someone CHECK ((left_at IS NULL) = (left_by IS NULL))
);

-- A database seeded before this migration holds the demo company's administrator.
INSERT INTO demo_mode (seeded_at)
SELECT now() WHERE EXISTS (SELECT 1 FROM employees WHERE lower(email) = 'admin@tsunagu.example');
