-- A generation number of what name search can answer, so that search answers can be cached and
-- still be exact. Every committed change of a searchable subject (a legal person, with a USCC) or of
-- the columns a hit shows raises it in the writing transaction itself, so a reader that finds it
-- unchanged knows no such change has committed since (SubjectSearchCache).
--
-- It is the sum over 64 counters, and a transaction raises the one of its backend: one counter would
-- be a row lock that makes every transaction registering subjects wait for the previous one to commit.
-- Counters only grow, so any committed change makes the sum grow.

CREATE TABLE subject_search_generation (
    slot    smallint PRIMARY KEY CHECK (slot BETWEEN 0 AND 63),
    changes bigint   NOT NULL DEFAULT 0
);

INSERT INTO subject_search_generation (slot) SELECT generate_series(0, 63);

CREATE FUNCTION subject_search_changed() RETURNS void LANGUAGE sql AS $$
    UPDATE subject_search_generation SET changes = changes + 1 WHERE slot = pg_backend_pid() % 64
$$;

CREATE FUNCTION subject_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Natural persons have no USCC and are never search hits; an INSERT … ON CONFLICT DO NOTHING may add no row.
    IF EXISTS (SELECT 1 FROM inserted WHERE uscc IS NOT NULL) THEN
        PERFORM subject_search_changed();
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION subject_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM deleted WHERE uscc IS NOT NULL) THEN
        PERFORM subject_search_changed();
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION subject_search_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subject_search_changed();
    RETURN NULL;
END $$;

CREATE TRIGGER subject_search_inserted AFTER INSERT ON subject
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION subject_search_inserted();
CREATE TRIGGER subject_search_deleted AFTER DELETE ON subject
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION subject_search_deleted();
-- The columns a search matches, filters, orders by or shows (SubjectSummaryView).
CREATE TRIGGER subject_search_updated AFTER UPDATE OF uscc, name, subject_type, region_code, status, registered_on ON subject
    FOR EACH STATEMENT EXECUTE FUNCTION subject_search_touched();
CREATE TRIGGER subject_search_truncated AFTER TRUNCATE ON subject
    FOR EACH STATEMENT EXECUTE FUNCTION subject_search_touched();
