-- Department ingestion (数据归集): what the national 双公示 templates carry beyond the first record
-- model, natural persons keyed without their identity numbers, the batches, their idempotency keys
-- and the 重错码 flags operators review.

-- 双公示 timeliness: the seventh working day after the decision, the working days the record took to
-- reach the platform and whether that was after the due date. Null for the other categories.
ALTER TABLE credit_record
    ADD COLUMN due_on                       date,
    ADD COLUMN working_days_to_report       integer,
    ADD COLUMN late                         boolean,
    -- 许可机关 / 处罚机关 when the department that decided is not the one that reports.
    ADD COLUMN issuing_authority            text,
    ADD COLUMN issuing_authority_uscc       text COLLATE "C",
    ADD COLUMN legal_representative         text,
    -- HMAC-SHA256 of the identity number under opencredit.ingestion.identity-hash-key: links the
    -- same person across records without the number being stored anywhere.
    ADD COLUMN legal_representative_id_hash bytea,
    -- 处罚类别: one decision may impose several (警告, 罚款, 没收违法所得 …).
    ADD COLUMN penalty_types                text[],
    -- Template columns the model has no column for (许可类别, 许可编号, 违法事实, 没收金额 in yuan …).
    ADD COLUMN details                      jsonb,
    ADD CONSTRAINT credit_record_timeliness_complete
        CHECK ((due_on IS NULL) = (working_days_to_report IS NULL) AND (due_on IS NULL) = (late IS NULL)),
    ADD CONSTRAINT credit_record_timeliness_disclosure CHECK (due_on IS NULL OR category IN ('LICENCE', 'PENALTY')),
    ADD CONSTRAINT credit_record_working_days_non_negative CHECK (working_days_to_report >= 0),
    ADD CONSTRAINT credit_record_issuing_authority_uscc_format CHECK (issuing_authority_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    ADD CONSTRAINT credit_record_id_hash_length CHECK (octet_length(legal_representative_id_hash) = 32);

-- Natural persons have no USCC; ingestion finds them again by the keyed hash of their identity number.
ALTER TABLE subject
    ADD COLUMN identity_hash bytea,
    ADD CONSTRAINT subject_identity_hash_length CHECK (octet_length(identity_hash) = 32),
    ADD CONSTRAINT subject_identity_hash_natural_person CHECK (identity_hash IS NULL OR subject_type = 'NATURAL_PERSON');
CREATE UNIQUE INDEX subject_identity_hash_key ON subject (identity_hash);
-- 重错码 detection looks names up NFKC-folded and without white space, the way clerks' spellings differ.
CREATE INDEX subject_name_key ON subject ((regexp_replace(name_folded, '[[:space:]]+', '', 'g'))) WHERE uscc IS NOT NULL;

-- A department consumer may be bound to its own USCC, so that it writes only records it is the source of.
ALTER TABLE access_consumer
    DROP CONSTRAINT access_consumer_subject_bound,
    ADD CONSTRAINT access_consumer_binding CHECK ((consumer_type <> 'SUBJECT' OR bound_uscc IS NOT NULL)
        AND (bound_uscc IS NULL OR consumer_type IN ('SUBJECT', 'DEPARTMENT')));

CREATE TABLE ingestion_batch (
    id              uuid        PRIMARY KEY,
    consumer_id     uuid        NOT NULL REFERENCES access_consumer (id),
    format          text        NOT NULL,
    template        text,
    encoding        text,
    received        integer     NOT NULL,
    created         integer     NOT NULL,
    updated         integer     NOT NULL,
    unchanged       integer     NOT NULL,
    refused         integer     NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ingestion_batch_format_known CHECK (format IN ('JSON', 'CSV', 'XLSX')),
    CONSTRAINT ingestion_batch_template_known CHECK (template IN ('LICENCE', 'PENALTY')),
    CONSTRAINT ingestion_batch_counts CHECK (received = created + updated + unchanged + refused)
);

CREATE INDEX ingestion_batch_consumer ON ingestion_batch (consumer_id, received_at);

-- The first answer to a batch sent with an Idempotency-Key, replayed to retries of the same body.
-- The row is claimed at the start of the batch's transaction, so a concurrent retry waits for the
-- first attempt and then replays it instead of writing the batch twice.
CREATE TABLE ingestion_idempotency (
    consumer_id     uuid        NOT NULL REFERENCES access_consumer (id),
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    batch_id        uuid        NOT NULL,
    response_status smallint    NOT NULL,
    -- Text, not jsonb: a replay must be byte for byte the first answer.
    response_body   text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (consumer_id, idempotency_key),
    CONSTRAINT ingestion_idempotency_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    CONSTRAINT ingestion_idempotency_hash_length CHECK (octet_length(request_hash) = 32)
);

CREATE INDEX ingestion_idempotency_expiry ON ingestion_idempotency (expires_at);

-- 重错码: a record stored under a valid USCC whose name disagrees with the registered subject, or
-- whose name the platform knows under other codes. Stored, never merged silently, until reviewed.
CREATE TABLE ingestion_flag (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                    text        NOT NULL,
    batch_id                uuid        NOT NULL REFERENCES ingestion_batch (id),
    row_number              integer     NOT NULL,
    source_department_uscc  text COLLATE "C" NOT NULL,
    source_record_id        text        NOT NULL,
    record_id               bigint      REFERENCES credit_record (id),
    subject_uscc            text COLLATE "C" NOT NULL,
    reported_name           text        NOT NULL,
    registered_name         text,
    other_usccs             text[],
    created_at              timestamptz NOT NULL DEFAULT now(),
    resolved_at             timestamptz,
    resolved_by             uuid,
    resolution_note         text,
    CONSTRAINT ingestion_flag_kind_known CHECK (kind IN ('NAME_MISMATCH', 'NAME_UNDER_SEVERAL_CODES')),
    CONSTRAINT ingestion_flag_resolution_complete CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);

-- One open flag per record and kind: re-sending a flagged record does not pile up duplicates.
CREATE UNIQUE INDEX ingestion_flag_open_key ON ingestion_flag (kind, source_department_uscc, source_record_id)
    WHERE resolved_at IS NULL;
-- Operators page newest first, optionally by kind and by open/resolved.
CREATE INDEX ingestion_flag_kind ON ingestion_flag (kind, id);
CREATE INDEX ingestion_flag_open ON ingestion_flag (id) WHERE resolved_at IS NULL;
