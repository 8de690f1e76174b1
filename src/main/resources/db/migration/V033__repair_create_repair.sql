-- Credit repair (信用修复) under the 《信用修复管理办法》 (in force 2026-04-01) and 国办发〔2025〕22号:
-- a subject applies to end the publication of one of its failings; the authority that made the
-- finding (the record's source department, 谁认定、谁修复) approves or rejects within the time limit.
-- At the longest publication period a record's publication ends by itself.

-- A record's publication ends by repair (REPAIRED) or by itself at the longest period (EXPIRED):
-- a status, so that the end is a change the triggers carry (history, change feed, evaluation queue)
-- rather than a date passing silently; updated_at says when. No column is added: the integrity
-- check compares each row's to_jsonb with its last history entry (V008), and a new column would
-- make every existing record differ from it.
ALTER TABLE credit_record
    DROP CONSTRAINT credit_record_status_known,
    ADD CONSTRAINT credit_record_status_known CHECK (status IN ('PUBLISHED', 'DISPUTED', 'REPAIRED', 'REVOKED', 'CORRECTED', 'EXPIRED'));

-- The daily end of publication finds the published records whose period is over.
CREATE INDEX credit_record_publication_due ON credit_record (published_until, id)
    WHERE status IN ('PUBLISHED', 'CORRECTED') AND published_until IS NOT NULL;

CREATE TABLE repair_application (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id               bigint      NOT NULL REFERENCES credit_record (id),
    subject_id              bigint      NOT NULL REFERENCES subject (id),
    subject_uscc            text COLLATE "C" NOT NULL,
    -- The record's source department, which decides (谁认定、谁修复).
    department_uscc         text COLLATE "C" NOT NULL,
    applicant_consumer_id   uuid        NOT NULL,
    applicant_type          text        NOT NULL,
    severity                text        NOT NULL,
    obligations             text        NOT NULL,
    evidence                uuid[]      NOT NULL DEFAULT '{}',
    commitment_text         text        NOT NULL,
    -- The black-list entry the repair also ends, through the list capability's removal (reason repaired).
    list_entry_id           bigint      REFERENCES list_entry (id),
    state                   text        NOT NULL,
    submitted_at            timestamptz NOT NULL,
    due_on                  date        NOT NULL,
    answer_by               date        NOT NULL,
    decided_at              timestamptz,
    decided_by              uuid,
    decision_reason         text,
    handling_working_days   integer,
    idempotency_key         text,
    request_sha256          bytea,
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT repair_application_state_known CHECK (state IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'PUBLICATION_ENDED')),
    CONSTRAINT repair_application_applicant_type_known CHECK (applicant_type IN ('SUBJECT', 'OPERATOR')),
    CONSTRAINT repair_application_severity_known CHECK (severity IN ('MINOR', 'GENERAL', 'SERIOUS')),
    CONSTRAINT repair_application_decided CHECK ((state = 'SUBMITTED') = (decided_at IS NULL)),
    CONSTRAINT repair_application_idempotency UNIQUE (applicant_consumer_id, idempotency_key)
);

-- One open application per record.
CREATE UNIQUE INDEX repair_application_open_record ON repair_application (record_id) WHERE state = 'SUBMITTED';
-- A department's queue, the most urgent first; all of a department's; a subject's; statistics by month.
CREATE INDEX repair_application_department_open ON repair_application (department_uscc, due_on, id) WHERE state = 'SUBMITTED';
CREATE INDEX repair_application_department ON repair_application (department_uscc, id DESC);
CREATE INDEX repair_application_subject ON repair_application (subject_id, id DESC);
CREATE INDEX repair_application_submitted ON repair_application (submitted_at);
