-- An evaluation's contributions are compressed with lz4 rather than pglz (issue 18).
--
-- Contributions are the one large value the evaluation worker writes: about 330 bytes of JSON per
-- record counted, so a subject with a dozen records passes the 2 kB above which PostgreSQL
-- compresses a value, and a re-score during a bulk load rewrites hundreds of them a second. pglz
-- spent a third of the statement that stores them: 500 results of 13.5 kB, 102-136 ms with pglz,
-- 72-74 ms with lz4 (docs/benchmarks.md, eleventh sitting); lz4 also reads back faster, at about
-- 15 % more bytes stored.
--
-- Only the column's setting changes: values already stored stay as they are (both read the same)
-- and new ones are written with lz4. No rewrite, but ALTER TABLE takes the table's exclusive lock
-- for the moment it needs, so a busy table makes it wait; lock_timeout bounds how long profile
-- reads queue behind it, and a migration that times out is retried by the next start.
SET LOCAL lock_timeout = '5s';

DO $$
BEGIN
    ALTER TABLE evaluation ALTER COLUMN contributions SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    -- A server built without lz4 keeps pglz: slower to write, the same values.
    RAISE NOTICE 'this PostgreSQL has no lz4; evaluation.contributions keeps pglz';
END $$;
