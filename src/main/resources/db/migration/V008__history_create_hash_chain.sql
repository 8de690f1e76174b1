-- Tamper-evident history (DESIGN: "every change to a record is kept in an append-only,
-- tamper-evident history"). Every INSERT, UPDATE and DELETE of credit_record and list_entry, by any
-- write path (API, ingestion, COPY, an operator's psql), appends one entry per row to a single hash
-- chain: hash = sha256(hash of the previous entry || canonical text of this entry). Changing,
-- removing or reordering an entry breaks the chain from that entry on; GET /api/v1/admin/integrity
-- recomputes it.

CREATE TABLE history_entry (
    sequence        bigint      PRIMARY KEY,
    table_name      text        NOT NULL,
    row_id          bigint      NOT NULL,
    operation       text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    -- The whole row after the change (before it, for DELETE) as to_jsonb wrote it. jsonb keeps its
    -- keys sorted (by length, then bytewise) and prints them the same way every time, so
    -- content::text is a canonical form that does not depend on column order.
    content         jsonb       NOT NULL,
    hash            bytea       NOT NULL,
    CONSTRAINT history_entry_table_known CHECK (table_name IN ('credit_record', 'list_entry')),
    CONSTRAINT history_entry_operation_known CHECK (operation IN ('SNAPSHOT', 'INSERT', 'UPDATE', 'DELETE')),
    CONSTRAINT history_entry_hash_length CHECK (octet_length(hash) = 32)
);

-- The end of the chain. Appenders lock this one row until they commit, which puts every entry in a
-- single total order with no gaps: a rolled-back append releases the lock without moving the head.
CREATE TABLE history_chain_head (
    only_row        boolean     PRIMARY KEY DEFAULT true,
    last_sequence   bigint      NOT NULL,
    last_hash       bytea       NOT NULL,
    CONSTRAINT history_chain_head_single CHECK (only_row)
);

INSERT INTO history_chain_head (only_row, last_sequence, last_hash) VALUES (true, 0, decode(repeat('00', 32), 'hex'));

-- The canonical text of an entry. The verifier (HistoryChain in Java) builds the same bytes from the
-- stored columns; content comes last, so the '|' separators cannot be confused with its text.
CREATE FUNCTION history_link_hash(previous bytea, sequence bigint, table_name text, row_id bigint, operation text,
                                  recorded_at timestamptz, content jsonb) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT sha256(previous || convert_to(sequence || '|' || table_name || '|' || row_id || '|' || operation || '|'
                                         || (extract(epoch FROM recorded_at) * 1000000)::bigint || '|' || content::text, 'UTF8'))
$$;

-- Statement-level with transition tables: one head lock per statement however many rows it wrote
-- (a COPY or a 1 000-row ingestion batch locks once).
CREATE FUNCTION history_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source text := CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
    any_rows boolean;
    head_sequence bigint;
    head_hash bytea;
    changed record;
    at timestamptz := now();
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', source) INTO any_rows;
    IF NOT any_rows THEN
        RETURN NULL;
    END IF;
    SELECT last_sequence, last_hash INTO STRICT head_sequence, head_hash FROM history_chain_head FOR UPDATE;
    FOR changed IN EXECUTE format('SELECT r.id, to_jsonb(r) AS content FROM %I r ORDER BY r.id', source) LOOP
        head_sequence := head_sequence + 1;
        head_hash := history_link_hash(head_hash, head_sequence, TG_TABLE_NAME, changed.id, TG_OP, at, changed.content);
        INSERT INTO history_entry (sequence, table_name, row_id, operation, recorded_at, content, hash)
        VALUES (head_sequence, TG_TABLE_NAME, changed.id, TG_OP, at, changed.content, head_hash);
    END LOOP;
    UPDATE history_chain_head SET last_sequence = head_sequence, last_hash = head_hash;
    RETURN NULL;
END $$;

CREATE TRIGGER history_credit_record_insert AFTER INSERT ON credit_record
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION history_append();
CREATE TRIGGER history_credit_record_update AFTER UPDATE ON credit_record
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION history_append();
CREATE TRIGGER history_credit_record_delete AFTER DELETE ON credit_record
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION history_append();
CREATE TRIGGER history_list_entry_insert AFTER INSERT ON list_entry
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION history_append();
CREATE TRIGGER history_list_entry_update AFTER UPDATE ON list_entry
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION history_append();
CREATE TRIGGER history_list_entry_delete AFTER DELETE ON list_entry
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION history_append();

CREATE FUNCTION history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history_entry is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER history_entry_append_only BEFORE UPDATE OR DELETE ON history_entry
    FOR EACH ROW EXECUTE FUNCTION history_refuse_change();
CREATE TRIGGER history_entry_no_truncate BEFORE TRUNCATE ON history_entry
    FOR EACH STATEMENT EXECUTE FUNCTION history_refuse_change();

-- Rows written before this migration start the chain as SNAPSHOT entries, so that the history of
-- every existing record and list entry is complete from here on.
DO $$
DECLARE
    head_sequence bigint := 0;
    head_hash bytea := decode(repeat('00', 32), 'hex');
    existing record;
    at timestamptz := now();
BEGIN
    FOR existing IN
        SELECT 'credit_record' AS table_name, r.id, to_jsonb(r) AS content FROM credit_record r
        UNION ALL
        SELECT 'list_entry', l.id, to_jsonb(l) FROM list_entry l
        ORDER BY 1, 2
    LOOP
        head_sequence := head_sequence + 1;
        head_hash := history_link_hash(head_hash, head_sequence, existing.table_name, existing.id, 'SNAPSHOT', at, existing.content);
        INSERT INTO history_entry (sequence, table_name, row_id, operation, recorded_at, content, hash)
        VALUES (head_sequence, existing.table_name, existing.id, 'SNAPSHOT', at, existing.content, head_hash);
    END LOOP;
    UPDATE history_chain_head SET last_sequence = head_sequence, last_hash = head_hash;
END $$;
