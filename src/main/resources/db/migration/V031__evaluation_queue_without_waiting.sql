-- Queueing a subject must never wait on another transaction. With one row per subject, a writer's
-- INSERT ... ON CONFLICT waited on any transaction holding that subject's row: a worker that had
-- claimed it, or another writer that had just queued it. Since the history trigger of credit_record
-- and list_entry runs after the queue trigger and holds the chain head until commit, two writers of
-- one subject deadlocked: one held the head and waited for the other's queue row; the other held its
-- queue row and waited for the head. The queue now takes one row per queueing statement; the worker
-- claims rows and collapses a subject's repeats (EvaluationStore.claimPending).
ALTER TABLE evaluation_pending DROP CONSTRAINT evaluation_pending_pkey;
ALTER TABLE evaluation_pending ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE evaluation_pending ADD PRIMARY KEY (id);
CREATE INDEX evaluation_pending_subject ON evaluation_pending (subject_id);

-- Queues subjects for evaluation; plain inserts, which wait on nobody. Every capability whose writes
-- change a subject's evaluation inputs calls it in its writing transaction.
CREATE FUNCTION evaluation_enqueue(subject_ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO evaluation_pending (subject_id)
    SELECT DISTINCT s FROM unnest(subject_ids) AS s WHERE s IS NOT NULL ORDER BY 1
$$;

CREATE OR REPLACE FUNCTION evaluation_queue_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM evaluation_enqueue(ARRAY(SELECT n.subject_id FROM new_rows n));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION evaluation_queue_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM evaluation_enqueue(ARRAY(SELECT o.subject_id FROM old_rows o));
    RETURN NULL;
END $$;

-- A record or entry that moves to another subject changes both.
CREATE OR REPLACE FUNCTION evaluation_queue_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM evaluation_enqueue(ARRAY(SELECT n.subject_id FROM new_rows n UNION SELECT o.subject_id FROM old_rows o));
    RETURN NULL;
END $$;

-- Natural persons (no USCC) are not evaluated and never queued.
CREATE OR REPLACE FUNCTION evaluation_queue_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM evaluation_enqueue(ARRAY(SELECT n.id FROM new_rows n WHERE n.uscc IS NOT NULL));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION registration_queue_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM evaluation_enqueue(ARRAY(SELECT n.subject_id FROM new_rows n WHERE n.state = 'VERIFIED'));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM evaluation_enqueue(ARRAY(SELECT o.subject_id FROM old_rows o WHERE o.state = 'VERIFIED'));
    ELSE
        PERFORM evaluation_enqueue(ARRAY(SELECT n.subject_id FROM new_rows n WHERE n.state = 'VERIFIED'
                                         UNION SELECT o.subject_id FROM old_rows o WHERE o.state = 'VERIFIED'));
    END IF;
    RETURN NULL;
END $$;
