-- Tamper evidence that catches what someone with database access does (issue 11).
--
-- 1. The integrity check compares every current row of credit_record and list_entry with its latest
--    history entry: a row edited, inserted or deleted with the triggers off has no matching entry.
--    This index finds a row's latest entry, and walks a range of rows' entries in row order.
CREATE INDEX history_entry_row ON history_entry (table_name, row_id, sequence DESC);

-- 2. Signed checkpoints of the chain head: the signature (Ed25519, with a key held outside the
--    database) covers "opencredit-history-checkpoint:v1:<sequence>:<hash in lower-case hex>". They are
--    published so that anyone can keep copies; a chain rewritten from some entry on no longer passes
--    through the checkpoints signed after that entry.
CREATE TABLE history_checkpoint (
    sequence        bigint      PRIMARY KEY,
    hash            bytea       NOT NULL,
    signed_at       timestamptz NOT NULL,
    key_id          text        NOT NULL,
    signature       bytea       NOT NULL,
    CONSTRAINT history_checkpoint_hash_length CHECK (octet_length(hash) = 32),
    CONSTRAINT history_checkpoint_signature_length CHECK (octet_length(signature) = 64),
    CONSTRAINT history_checkpoint_sequence_positive CHECK (sequence > 0)
);

-- 3. Integrity checks run in the background, chunk by chunk; their progress and findings are kept
--    here so that any replica can report them.
CREATE TABLE history_integrity_check (
    id                  uuid        PRIMARY KEY,
    requested_by        uuid,
    requested_at        timestamptz NOT NULL,
    heartbeat_at        timestamptz NOT NULL,
    finished_at         timestamptz,
    state               text        NOT NULL,
    phase               text        NOT NULL,
    head_sequence       bigint      NOT NULL,
    head_hash           bytea       NOT NULL,
    entries_verified    bigint      NOT NULL DEFAULT 0,
    checkpoints_total   integer     NOT NULL DEFAULT 0,
    checkpoints_verified integer    NOT NULL DEFAULT 0,
    rows_total          bigint      NOT NULL DEFAULT 0,
    rows_checked        bigint      NOT NULL DEFAULT 0,
    intact              boolean,
    broken_link         jsonb,
    findings            jsonb       NOT NULL DEFAULT '[]',
    findings_count      integer     NOT NULL DEFAULT 0,
    failure             text,
    CONSTRAINT history_integrity_check_state_known CHECK (state IN ('RUNNING', 'FINISHED', 'FAILED')),
    CONSTRAINT history_integrity_check_phase_known CHECK (phase IN ('CHAIN', 'TABLES', 'DONE'))
);

CREATE INDEX history_integrity_check_requested ON history_integrity_check (requested_at DESC, id DESC);

-- 4. Rows written with the history triggers off on purpose (the synthetic seed's COPY) start the
--    chain as SNAPSHOT entries, as V008 did for the rows that existed before it, so that the
--    comparison finds every row in the history. One head lock for the whole run.
CREATE FUNCTION history_snapshot_unrecorded() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    head_sequence bigint;
    head_hash bytea;
    unrecorded record;
    at timestamptz := now();
    appended bigint := 0;
BEGIN
    SELECT last_sequence, last_hash INTO STRICT head_sequence, head_hash FROM history_chain_head FOR UPDATE;
    FOR unrecorded IN
        SELECT 'credit_record' AS table_name, r.id, to_jsonb(r) AS content FROM credit_record r
        WHERE NOT EXISTS (SELECT 1 FROM history_entry h WHERE h.table_name = 'credit_record' AND h.row_id = r.id)
        UNION ALL
        SELECT 'list_entry', l.id, to_jsonb(l) FROM list_entry l
        WHERE NOT EXISTS (SELECT 1 FROM history_entry h WHERE h.table_name = 'list_entry' AND h.row_id = l.id)
        ORDER BY 1, 2
    LOOP
        head_sequence := head_sequence + 1;
        head_hash := history_link_hash(head_hash, head_sequence, unrecorded.table_name, unrecorded.id, 'SNAPSHOT', at, unrecorded.content);
        INSERT INTO history_entry (sequence, table_name, row_id, operation, recorded_at, content, hash)
        VALUES (head_sequence, unrecorded.table_name, unrecorded.id, 'SNAPSHOT', at, unrecorded.content, head_hash);
        appended := appended + 1;
    END LOOP;
    UPDATE history_chain_head SET last_sequence = head_sequence, last_hash = head_hash;
    RETURN appended;
END $$;

-- Databases seeded before this migration hold rows the seed wrote without history.
SELECT history_snapshot_unrecorded();
