-- The sandbox's mark on its database (docs/capabilities/sandbox.md). A sandbox instance writes it
-- into an empty database before the synthetic seed, and refuses to start on a database that has
-- data but no mark (a live one); a live instance refuses to start on a database that has the mark.
CREATE TABLE sandbox_marker (
    singleton       boolean     PRIMARY KEY DEFAULT true,
    random_seed     bigint      NOT NULL,
    marked_at       timestamptz NOT NULL DEFAULT now(),
    last_reset_at   timestamptz,
    CONSTRAINT sandbox_marker_one_row CHECK (singleton)
);
