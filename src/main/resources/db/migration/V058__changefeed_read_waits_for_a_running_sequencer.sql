-- A read of the change feed numbers the committed changes first, so that a consumer sees what
-- committed just before it asked. It only tried the sequencer's lock, and went on without numbering
-- when the scheduled run held it; that run may have taken its rows before the consumer's change
-- committed, and then the read missed a change that committed before it (seen in ChangeFeedTests
-- under load). A read now waits for a running sequencer, which holds the lock for one batch's
-- transaction; the scheduled runs still skip when another run holds it. The default keeps the
-- one-argument call of replicas that run the earlier code during a rolling deployment.
DROP FUNCTION changefeed_sequence(integer);

CREATE FUNCTION changefeed_sequence(batch_size integer, wait_for_running boolean DEFAULT false) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    moved integer;
BEGIN
    -- 'changefe' in ASCII: a key no other capability uses.
    IF wait_for_running THEN
        PERFORM pg_advisory_xact_lock(x'6368616e67656665'::bigint);
    ELSIF NOT pg_try_advisory_xact_lock(x'6368616e67656665'::bigint) THEN
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
