-- Voluntary registration (信用信息自愿注册): a subject registers qualifications, operations, contract
-- performance, public welfare and honours with a truthfulness commitment (信用承诺); the department
-- the item is routed to verifies or rejects it within a time limit. A verified item is published as
-- a credit record of the new category VOLUNTARY with the subject as its source and counts in the
-- evaluation; the subject can withdraw it, and an item found false becomes a failing record.

-- Voluntary records are credit records of their own category.
ALTER TABLE credit_record
    DROP CONSTRAINT credit_record_category_known,
    ADD CONSTRAINT credit_record_category_known CHECK (category IN (
        'LICENCE', 'PENALTY', 'COERCION', 'CONFIRMATION', 'LEVY', 'PAYMENT', 'ADJUDICATION',
        'COMPENSATION', 'REWARD', 'INSPECTION', 'JUDICIAL', 'COMMITMENT', 'HONOUR',
        'TAX_CREDIT_GRADE', 'INDUSTRY_RATING', 'VOLUNTARY'));

CREATE TABLE registration (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id              bigint      NOT NULL REFERENCES subject (id),
    subject_uscc            text COLLATE "C" NOT NULL,
    category                text        NOT NULL,
    -- What names the item: its certificate, year, contract, activity or honour.
    title                   text        NOT NULL,
    -- The category's fields, checked by the application (RegistrationPolicies.fieldsPolicy).
    fields                  jsonb       NOT NULL,
    evidence                uuid[]      NOT NULL DEFAULT '{}',
    -- The commitment text the subject accepted, as it was published then.
    commitment_text         text        NOT NULL,
    -- The department the item was routed to (opencredit.registration.routes), which verifies it.
    department_uscc         text COLLATE "C" NOT NULL,
    submitter_consumer_id   uuid        NOT NULL,
    submitter_type          text        NOT NULL,
    state                   text        NOT NULL,
    submitted_at            timestamptz NOT NULL,
    due_on                  date        NOT NULL,
    decided_at              timestamptz,
    decided_by              uuid,
    decision_reason         text,
    -- The voluntary record a verification published.
    record_id               bigint      REFERENCES credit_record (id),
    withdrawn_at            timestamptz,
    withdrawn_by            uuid,
    withdrawal_reason       text,
    found_false_at          timestamptz,
    found_false_by          uuid,
    falsity_reason          text,
    -- The failing record (违反信用承诺) a finding of falsity published.
    failing_record_id       bigint      REFERENCES credit_record (id),
    idempotency_key         text,
    request_sha256          bytea,
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT registration_category_known CHECK (category IN ('QUALIFICATION', 'OPERATIONS', 'CONTRACT_PERFORMANCE', 'PUBLIC_WELFARE', 'HONOUR')),
    CONSTRAINT registration_state_known CHECK (state IN ('SUBMITTED', 'VERIFIED', 'REJECTED', 'WITHDRAWN', 'FOUND_FALSE')),
    CONSTRAINT registration_submitter_type_known CHECK (submitter_type IN ('SUBJECT', 'OPERATOR')),
    CONSTRAINT registration_fields_object CHECK (jsonb_typeof(fields) = 'object'),
    CONSTRAINT registration_department_uscc_format CHECK (department_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    -- Verified, rejected and found-false items were decided; a verified one has its record.
    CONSTRAINT registration_decided CHECK (state IN ('SUBMITTED', 'WITHDRAWN') OR decided_at IS NOT NULL),
    CONSTRAINT registration_recorded CHECK ((state IN ('VERIFIED', 'FOUND_FALSE')) <= (record_id IS NOT NULL)),
    CONSTRAINT registration_withdrawal CHECK ((state = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)),
    CONSTRAINT registration_falsity CHECK ((state = 'FOUND_FALSE') = (found_false_at IS NOT NULL AND failing_record_id IS NOT NULL)),
    CONSTRAINT registration_idempotency UNIQUE (submitter_consumer_id, idempotency_key)
);

-- A department's queue of items to verify, the most urgent first; all of a department's items; a subject's.
CREATE INDEX registration_department_open ON registration (department_uscc, due_on, id) WHERE state = 'SUBMITTED';
CREATE INDEX registration_department ON registration (department_uscc, id DESC);
CREATE INDEX registration_subject ON registration (subject_uscc, id DESC);
-- The facts the evaluation reads: verified items by subject.
CREATE INDEX registration_verified ON registration (subject_id) WHERE state = 'VERIFIED';

-- A verified item is a fact of the evaluation (registration-verified): the subject is queued in the
-- writing transaction when a row that is or was verified is written (an outbox, as for records and
-- list entries). Submissions and rejections change no fact and queue nothing.
CREATE FUNCTION registration_queue_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO evaluation_pending (subject_id)
        SELECT DISTINCT n.subject_id FROM new_rows n WHERE n.state = 'VERIFIED' ORDER BY 1
        ON CONFLICT (subject_id) DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO evaluation_pending (subject_id)
        SELECT DISTINCT o.subject_id FROM old_rows o WHERE o.state = 'VERIFIED' ORDER BY 1
        ON CONFLICT (subject_id) DO NOTHING;
    ELSE
        INSERT INTO evaluation_pending (subject_id)
        SELECT s FROM (SELECT n.subject_id FROM new_rows n WHERE n.state = 'VERIFIED'
                       UNION SELECT o.subject_id FROM old_rows o WHERE o.state = 'VERIFIED') AS changed (s) ORDER BY 1
        ON CONFLICT (subject_id) DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER evaluation_registration_insert AFTER INSERT ON registration
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_queue_evaluation();
CREATE TRIGGER evaluation_registration_update AFTER UPDATE ON registration
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_queue_evaluation();
CREATE TRIGGER evaluation_registration_delete AFTER DELETE ON registration
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_queue_evaluation();
