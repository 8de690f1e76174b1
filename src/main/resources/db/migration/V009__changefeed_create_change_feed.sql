-- Change feed (GET /api/v1/changes): every change to subjects, credit records and list entries that a
-- public:read consumer may see, each at one position, in commit order.
--
-- Sequence numbers taken while writing do not give that: a transaction that started first and
-- commits last makes a smaller number appear after a reader has moved past it. So the triggers only
-- queue the change (changefeed_pending); positions are handed out later by changefeed_sequence(),
-- which moves queued rows that are visible to it (hence committed) to changefeed_change, numbering
-- them after every position handed out before. Runs are serialized by an advisory lock, and a run's
-- rows become visible all at once when it commits, so the positions any reader sees are a gapless
-- prefix that only grows: a reader that remembers the last position it saw misses nothing and sees
-- nothing twice.

CREATE TABLE changefeed_pending (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,
    entity_id       bigint      NOT NULL,
    subject_uscc    text COLLATE "C" NOT NULL,
    operation       text        NOT NULL,
    occurred_at     timestamptz NOT NULL
);

CREATE TABLE changefeed_change (
    position        bigint      PRIMARY KEY,
    kind            text        NOT NULL,
    entity_id       bigint      NOT NULL,
    -- The subject at the time of the change, so that a tombstone of a deleted row still names it.
    subject_uscc    text COLLATE "C" NOT NULL,
    operation       text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    CONSTRAINT changefeed_change_kind_known CHECK (kind IN ('SUBJECT', 'RECORD', 'LIST_ENTRY')),
    CONSTRAINT changefeed_change_operation_known CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE'))
);

-- Whether a consumer of the public feed may ever have seen the record in this state: the
-- record capability's public disclosure level and listed statuses (RecordPolicies). Publication
-- dates are left to read time, since passing a date writes nothing that a trigger could see.
CREATE FUNCTION changefeed_record_public(disclosure_level text, status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT disclosure_level = 'PUBLIC' AND status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED')
$$;

-- Changes nobody outside may see are not queued at all: subjects without a USCC (natural persons)
-- and everything of theirs, and records that are not public before nor after the change. Updates
-- that leave the row as it was are no change.
CREATE FUNCTION changefeed_capture_subject() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'SUBJECT', n.id, n.uscc, TG_OP, now() FROM new_rows n WHERE n.uscc IS NOT NULL ORDER BY n.id;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'SUBJECT', n.id, coalesce(n.uscc, o.uscc), TG_OP, now() FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.uscc IS NOT NULL OR o.uscc IS NOT NULL) AND to_jsonb(n) <> to_jsonb(o) ORDER BY n.id;
    ELSE
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'SUBJECT', o.id, o.uscc, TG_OP, now() FROM old_rows o WHERE o.uscc IS NOT NULL ORDER BY o.id;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION changefeed_capture_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'RECORD', n.id, s.uscc, TG_OP, now() FROM new_rows n JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL AND changefeed_record_public(n.disclosure_level, n.status) ORDER BY n.id;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'RECORD', n.id, coalesce(sn.uscc, so.uscc), TG_OP, now()
        FROM new_rows n JOIN old_rows o ON o.id = n.id
             JOIN subject sn ON sn.id = n.subject_id JOIN subject so ON so.id = o.subject_id
        WHERE to_jsonb(n) <> to_jsonb(o)
          AND ((sn.uscc IS NOT NULL AND changefeed_record_public(n.disclosure_level, n.status))
               OR (so.uscc IS NOT NULL AND changefeed_record_public(o.disclosure_level, o.status)))
        ORDER BY n.id;
    ELSE
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'RECORD', o.id, s.uscc, TG_OP, now() FROM old_rows o JOIN subject s ON s.id = o.subject_id
        WHERE s.uscc IS NOT NULL AND changefeed_record_public(o.disclosure_level, o.status) ORDER BY o.id;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION changefeed_capture_list_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'LIST_ENTRY', n.id, s.uscc, TG_OP, now() FROM new_rows n JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL ORDER BY n.id;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'LIST_ENTRY', n.id, coalesce(sn.uscc, so.uscc), TG_OP, now()
        FROM new_rows n JOIN old_rows o ON o.id = n.id
             JOIN subject sn ON sn.id = n.subject_id JOIN subject so ON so.id = o.subject_id
        WHERE to_jsonb(n) <> to_jsonb(o) AND (sn.uscc IS NOT NULL OR so.uscc IS NOT NULL)
        ORDER BY n.id;
    ELSE
        INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
        SELECT 'LIST_ENTRY', o.id, s.uscc, TG_OP, now() FROM old_rows o JOIN subject s ON s.id = o.subject_id
        WHERE s.uscc IS NOT NULL ORDER BY o.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER changefeed_subject_insert AFTER INSERT ON subject
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_subject();
CREATE TRIGGER changefeed_subject_update AFTER UPDATE ON subject
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_subject();
CREATE TRIGGER changefeed_subject_delete AFTER DELETE ON subject
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_subject();
CREATE TRIGGER changefeed_credit_record_insert AFTER INSERT ON credit_record
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_record();
CREATE TRIGGER changefeed_credit_record_update AFTER UPDATE ON credit_record
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_record();
CREATE TRIGGER changefeed_credit_record_delete AFTER DELETE ON credit_record
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_record();
CREATE TRIGGER changefeed_list_entry_insert AFTER INSERT ON list_entry
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_list_entry();
CREATE TRIGGER changefeed_list_entry_update AFTER UPDATE ON list_entry
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_list_entry();
CREATE TRIGGER changefeed_list_entry_delete AFTER DELETE ON list_entry
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION changefeed_capture_list_entry();

-- Moves at most batch_size queued changes into the feed and returns how many; 0 when another run
-- holds the lock (it will move them). Each statement of a plpgsql function takes a fresh snapshot
-- in READ COMMITTED, so the move sees every run that committed before the lock was granted.
-- Ordering by queue id within a run keeps each row's changes in the order they were made: a second
-- change of a row waits for the first one's transaction to commit, so it is queued later.
CREATE FUNCTION changefeed_sequence(batch_size integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    moved integer;
BEGIN
    -- 'changefe' in ASCII: a key no other capability uses.
    IF NOT pg_try_advisory_xact_lock(x'6368616e67656665'::bigint) THEN
        RETURN 0;
    END IF;
    WITH taken AS (
        DELETE FROM changefeed_pending
        WHERE id IN (SELECT id FROM changefeed_pending ORDER BY id LIMIT batch_size)
        RETURNING *
    ), last AS (
        SELECT coalesce(max(position), 0) AS position FROM changefeed_change
    )
    INSERT INTO changefeed_change (position, kind, entity_id, subject_uscc, operation, occurred_at)
    SELECT last.position + row_number() OVER (ORDER BY taken.id), taken.kind, taken.entity_id, taken.subject_uscc,
           taken.operation, taken.occurred_at
    FROM taken CROSS JOIN last;
    GET DIAGNOSTICS moved = ROW_COUNT;
    RETURN moved;
END $$;

-- What existed before this migration enters the feed first, so that a consumer that starts without
-- a cursor receives a complete copy.
INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
SELECT 'SUBJECT', id, uscc, 'INSERT', now() FROM subject WHERE uscc IS NOT NULL ORDER BY id;
INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
SELECT 'RECORD', r.id, s.uscc, 'INSERT', now() FROM credit_record r JOIN subject s ON s.id = r.subject_id
WHERE s.uscc IS NOT NULL AND changefeed_record_public(r.disclosure_level, r.status) ORDER BY r.id;
INSERT INTO changefeed_pending (kind, entity_id, subject_uscc, operation, occurred_at)
SELECT 'LIST_ENTRY', l.id, s.uscc, 'INSERT', now() FROM list_entry l JOIN subject s ON s.id = l.subject_id
WHERE s.uscc IS NOT NULL ORDER BY l.id;

-- Disclosures (GET /api/v1/disclosures): public, listed administrative-action records newest decision
-- first, whole or per category or per source department. The predicate repeats the disclosure
-- capability's query literally, so the planner can use these partial indexes, and the keyset
-- (decision_date, id) < cursor starts each page with one index descent however deep it is.
CREATE INDEX credit_record_disclosure_recent ON credit_record (decision_date DESC, id DESC)
    WHERE disclosure_level = 'PUBLIC' AND status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED')
      AND category IN ('LICENCE', 'PENALTY', 'COERCION', 'CONFIRMATION', 'LEVY', 'PAYMENT', 'ADJUDICATION', 'COMPENSATION',
                       'REWARD', 'INSPECTION');
CREATE INDEX credit_record_disclosure_category ON credit_record (category, decision_date DESC, id DESC)
    WHERE disclosure_level = 'PUBLIC' AND status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED')
      AND category IN ('LICENCE', 'PENALTY', 'COERCION', 'CONFIRMATION', 'LEVY', 'PAYMENT', 'ADJUDICATION', 'COMPENSATION',
                       'REWARD', 'INSPECTION');
CREATE INDEX credit_record_disclosure_department ON credit_record (source_department_uscc, decision_date DESC, id DESC)
    WHERE disclosure_level = 'PUBLIC' AND status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED')
      AND category IN ('LICENCE', 'PENALTY', 'COERCION', 'CONFIRMATION', 'LEVY', 'PAYMENT', 'ADJUDICATION', 'COMPENSATION',
                       'REWARD', 'INSPECTION');
