-- Credit commitments (信用承诺) that departments report from their procedures, and their fulfilment
-- (践诺): 告知承诺, 容缺受理, 主动承诺, 行业自律 and 信用修复承诺. A commitment is open until its
-- department reports it fulfilled, breached or cancelled; a 容缺受理 commitment still open after its
-- deadline is breached by the platform (CommitmentDeadlines). A breach publishes a failing record
-- (category COMMITMENT, 违反信用承诺) through RecordChanges; a commitment kept is a fact of the
-- evaluation (commitment-kept, CommitmentFacts).

CREATE TABLE commitment (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id              bigint      NOT NULL REFERENCES subject (id),
    subject_uscc            text COLLATE "C" NOT NULL,
    -- The department that took the commitment in its procedure, its source and its only decider.
    department_uscc         text COLLATE "C" NOT NULL,
    department_name         text        NOT NULL,
    -- The department's own id of the commitment: with department_uscc it identifies it, so a resend
    -- updates it or leaves it unchanged.
    source_commitment_id    text        NOT NULL,
    type                    text        NOT NULL,
    -- 事项: the procedure in which the commitment was made.
    procedure_name          text        NOT NULL,
    procedure_code          text,
    content                 text        NOT NULL,
    made_on                 date        NOT NULL,
    -- The last day (China time) to fulfil it; required for 容缺受理 and for 告知承诺 with obligations pending.
    deadline                date,
    pending_obligations     boolean     NOT NULL,
    state                   text        NOT NULL,
    reported_at             timestamptz NOT NULL,
    reported_by             uuid        NOT NULL,
    amended_at              timestamptz,
    -- SHA-256 of the row as last reported: a resend of the same row changes nothing.
    content_sha256          bytea       NOT NULL,
    fulfilled_on            date,
    decided_at              timestamptz,
    -- Null when the platform decided (the deadline of a 容缺受理 commitment passed).
    decided_by              uuid,
    decided_by_type         text,
    outcome_reason          text,
    -- The failing record (违反信用承诺) a breach published.
    failing_record_id       bigint      REFERENCES credit_record (id),
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT commitment_source UNIQUE (department_uscc, source_commitment_id),
    CONSTRAINT commitment_type_known CHECK (type IN ('NOTIFICATION', 'DEFICIENCY_TOLERANCE', 'VOLUNTARY', 'INDUSTRY_SELF_DISCIPLINE', 'REPAIR')),
    CONSTRAINT commitment_state_known CHECK (state IN ('OPEN', 'FULFILLED', 'BREACHED', 'CANCELLED')),
    CONSTRAINT commitment_department_uscc_format CHECK (department_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    CONSTRAINT commitment_deadline_required CHECK (deadline IS NOT NULL OR NOT (type = 'DEFICIENCY_TOLERANCE' OR pending_obligations)),
    CONSTRAINT commitment_deadline_after_made CHECK (deadline IS NULL OR deadline >= made_on),
    CONSTRAINT commitment_decided CHECK ((state = 'OPEN') = (decided_at IS NULL)),
    CONSTRAINT commitment_fulfilled CHECK ((state = 'FULFILLED') = (fulfilled_on IS NOT NULL)),
    CONSTRAINT commitment_breach_recorded CHECK ((state = 'BREACHED') = (failing_record_id IS NOT NULL))
);

-- A subject's commitments and a department's, newest first.
CREATE INDEX commitment_subject ON commitment (subject_uscc, id DESC);
CREATE INDEX commitment_department ON commitment (department_uscc, id DESC);
-- What the deadline job looks for: open 容缺受理 commitments by deadline.
CREATE INDEX commitment_deficiency_open ON commitment (deadline, id) WHERE state = 'OPEN' AND type = 'DEFICIENCY_TOLERANCE';
-- The facts the evaluation reads: commitments kept, by subject.
CREATE INDEX commitment_fulfilled ON commitment (subject_id) WHERE state = 'FULFILLED';

-- The first answer to a batch sent with an Idempotency-Key, replayed to retries of the same body.
-- The row is claimed at the start of the batch's transaction, so a concurrent retry waits for the
-- first attempt and then replays its answer instead of reporting the batch twice.
CREATE TABLE commitment_idempotency (
    consumer_id     uuid        NOT NULL REFERENCES access_consumer (id),
    idempotency_key text        NOT NULL,
    request_sha256  bytea       NOT NULL,
    -- Text, not jsonb: a replay is byte for byte the first answer.
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_id, idempotency_key),
    CONSTRAINT commitment_idempotency_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 200)
);
