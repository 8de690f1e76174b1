-- What the subject workflows share: every transition of every case, in one per-subject timeline
-- (who, when, from which state to which, why), and the evidence files their parties upload.

CREATE TABLE workflow_event (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id          bigint      NOT NULL REFERENCES subject (id),
    workflow            text        NOT NULL,
    case_id             bigint      NOT NULL,
    transition          text        NOT NULL,
    state_from          text,
    state_to            text        NOT NULL,
    actor_type          text        NOT NULL,
    actor_consumer_id   uuid,
    actor_uscc          text COLLATE "C",
    -- The department answerable for the case (it decides it, or reported it): statistics per department.
    department_uscc     text COLLATE "C",
    reason              text,
    occurred_at         timestamptz NOT NULL,
    CONSTRAINT workflow_event_workflow_known CHECK (workflow IN ('REGISTRATION', 'COMMITMENT', 'REPAIR', 'OBJECTION'))
);

-- A subject's timeline, newest first; one case's events in order.
CREATE INDEX workflow_event_subject ON workflow_event (subject_id, id DESC);
CREATE INDEX workflow_event_case ON workflow_event (workflow, case_id, id);
CREATE INDEX workflow_event_department ON workflow_event (department_uscc, occurred_at) WHERE department_uscc IS NOT NULL;

-- Evidence is kept in PostgreSQL with the cases that cite it: one transactional, backed-up store
-- that every replica reaches; files are small (a few MB) and already compressed, so they are stored
-- out of line and not compressed again.
CREATE TABLE evidence (
    id                  uuid        PRIMARY KEY,
    uploaded_by         uuid        NOT NULL,
    uploader_uscc       text COLLATE "C",
    media_type          text        NOT NULL,
    size_bytes          integer     NOT NULL,
    sha256              bytea       NOT NULL,
    file_name           text,
    content             bytea       NOT NULL,
    uploaded_at         timestamptz NOT NULL,
    CONSTRAINT evidence_media_type_known CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    CONSTRAINT evidence_size CHECK (size_bytes > 0 AND size_bytes = octet_length(content)),
    CONSTRAINT evidence_sha256_length CHECK (octet_length(sha256) = 32)
);

ALTER TABLE evidence ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE INDEX evidence_uploader ON evidence (uploaded_by, uploaded_at DESC);
