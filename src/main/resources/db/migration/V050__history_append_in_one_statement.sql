-- The history trigger appends a statement's entries with one INSERT instead of one per row (issue 18).
--
-- V008's trigger looped over the written rows in PL/pgSQL and ran an INSERT for each: about half of
-- what a 1 000-row ingestion batch cost PostgreSQL, all of it while holding the chain head, which
-- every writer queues on. The chain itself is unchanged: the same entries, in the same order (the
-- rows of one statement by id), hashed by history_link_hash from the previous link, so that
-- HistoryChain and every stored checkpoint verify as before.
--
-- Each link depends on the one before, so the hashes come from a running aggregate over the
-- entries in sequence order: its state is the previous link's hash (the head's for the first).

CREATE FUNCTION history_chain_step(previous bytea, head bytea, sequence bigint, table_name text, row_id bigint, operation text,
                                   recorded_at timestamptz, content jsonb) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN history_link_hash(coalesce(previous, head), sequence, table_name, row_id, operation, recorded_at, content);
END $$;

-- history_chain(head, sequence, table, row, operation, at, content) OVER (ORDER BY sequence ROWS UNBOUNDED PRECEDING)
-- is the hash of each entry. The window frame only grows, so PostgreSQL carries the state from row to row.
CREATE AGGREGATE history_chain(bytea, bigint, text, bigint, text, timestamptz, jsonb) (
    SFUNC = history_chain_step,
    STYPE = bytea
);

CREATE OR REPLACE FUNCTION history_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source text := CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
    any_rows boolean;
    head_sequence bigint;
    head_hash bytea;
    at timestamptz := now();
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', source) INTO any_rows;
    IF NOT any_rows THEN
        RETURN NULL;
    END IF;
    SELECT last_sequence, last_hash INTO STRICT head_sequence, head_hash FROM history_chain_head FOR UPDATE;
    EXECUTE format($sql$
        WITH numbered AS (
            SELECT $1 + row_number() OVER (ORDER BY r.id) AS sequence, r.id, to_jsonb(r) AS content FROM %I r
        ), linked AS (
            SELECT n.sequence, n.id, n.content,
                   history_chain($2, n.sequence, $3, n.id, $4, $5, n.content) OVER (ORDER BY n.sequence ROWS UNBOUNDED PRECEDING) AS hash
            FROM numbered n
        ), appended AS (
            INSERT INTO history_entry (sequence, table_name, row_id, operation, recorded_at, content, hash)
            SELECT l.sequence, $3, l.id, $4, $5, l.content, l.hash FROM linked l
            RETURNING sequence, hash
        )
        UPDATE history_chain_head SET last_sequence = a.sequence, last_hash = a.hash
        FROM (SELECT sequence, hash FROM appended ORDER BY sequence DESC LIMIT 1) a$sql$, source)
    USING head_sequence, head_hash, TG_TABLE_NAME, TG_OP, at;
    RETURN NULL;
END $$;
