-- Waits until no transaction that may have run the trigger function replaced by V015 is still
-- open: each holds a ROW EXCLUSIVE lock on subject until it ends, which SHARE mode waits for. The
-- lock goes with this migration's commit, so writes are held back only for that wait, not during
-- the backfill of V017; every write after it runs the new function.
LOCK TABLE subject IN SHARE MODE;
