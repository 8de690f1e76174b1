-- Objections (异议): a subject, or a bank or agency that received the data, disputes a credit
-- record; the record's source department decides (corrected, revoked or upheld) within a time limit.

CREATE TABLE objection (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id               bigint      NOT NULL REFERENCES credit_record (id),
    subject_id              bigint      NOT NULL REFERENCES subject (id),
    -- The record's source department, which decides (谁认定、谁更正).
    department_uscc         text COLLATE "C" NOT NULL,
    filer_consumer_id       uuid        NOT NULL,
    filer_type              text        NOT NULL,
    filer_uscc              text COLLATE "C",
    reason                  text        NOT NULL,
    evidence                uuid[]      NOT NULL DEFAULT '{}',
    state                   text        NOT NULL,
    -- What the record was before it showed disputed: an upheld or withdrawn objection puts it back.
    record_status_before    text        NOT NULL,
    filed_at                timestamptz NOT NULL,
    due_on                  date        NOT NULL,
    decided_at              timestamptz,
    decided_by              uuid,
    decision_reason         text,
    idempotency_key         text,
    request_sha256          bytea,
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT objection_state_known CHECK (state IN ('FILED', 'CORRECTED', 'REVOKED', 'UPHELD', 'WITHDRAWN')),
    CONSTRAINT objection_filer_type_known CHECK (filer_type IN ('SUBJECT', 'BANK', 'CREDIT_AGENCY', 'OPERATOR')),
    CONSTRAINT objection_decided CHECK ((state IN ('FILED')) = (decided_at IS NULL)),
    CONSTRAINT objection_idempotency UNIQUE (filer_consumer_id, idempotency_key)
);

-- One open objection per record: a second is refused while the first is being decided.
CREATE UNIQUE INDEX objection_open_record ON objection (record_id) WHERE state = 'FILED';
-- A department's queue of open objections, the most urgent first.
CREATE INDEX objection_department_open ON objection (department_uscc, due_on, id) WHERE state = 'FILED';
CREATE INDEX objection_department ON objection (department_uscc, id DESC);
CREATE INDEX objection_subject ON objection (subject_id, id DESC);
CREATE INDEX objection_filer ON objection (filer_consumer_id, id DESC);
