-- Post-loan monitoring (贷后监测) by signed webhooks (Standard Webhooks): a bank's endpoints, the
-- events about the subjects it watches, and their deliveries.

-- An endpoint a consumer registered. Its signing secret is stored encrypted (AES-256-GCM, key held
-- outside the database), never returned after creation or rotation; after a rotation the previous
-- secret keeps signing alongside the new one until previous_secret_until.
CREATE TABLE webhook_endpoint (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer_id             uuid        NOT NULL,
    url                     text        NOT NULL,
    description             text,
    event_types             text[]      NOT NULL,
    status                  text        NOT NULL DEFAULT 'ENABLED',
    secret                  bytea       NOT NULL,
    previous_secret         bytea,
    previous_secret_until   timestamptz,
    failing_since           timestamptz,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT webhook_endpoint_status_known CHECK (status IN ('ENABLED', 'DISABLED', 'FAILING')),
    CONSTRAINT webhook_endpoint_event_types_known CHECK (event_types <@ ARRAY['RECORD_FAILING_PUBLISHED', 'LIST_ENTRY_ADDED',
        'EVALUATION_GRADE_DROPPED']::text[] AND cardinality(event_types) > 0),
    CONSTRAINT webhook_endpoint_failing CHECK ((status = 'FAILING') = (failing_since IS NOT NULL)),
    CONSTRAINT webhook_endpoint_previous_secret CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL))
);

CREATE INDEX webhook_endpoint_consumer ON webhook_endpoint (consumer_id, id DESC);

-- New failings of subjects someone may watch, written by the triggers below in the transaction that
-- made the failing (an outbox): they are committed with it or not at all. The dispatcher turns each
-- row into one message per watching consumer and removes it, in one transaction. Plain inserts
-- without a unique key, so that a writer never waits on another.
CREATE TABLE webhook_outbox (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id              bigint      NOT NULL,
    event_type              text        NOT NULL,
    data                    jsonb       NOT NULL,
    occurred_at             timestamptz NOT NULL DEFAULT now()
);

-- One event for one consumer: its id (webhook-id) and its body are fixed here, so that every
-- delivery and redelivery sends the same bytes under the same id.
CREATE TABLE webhook_message (
    id                      text        PRIMARY KEY,
    consumer_id             uuid        NOT NULL,
    subject_id              bigint      NOT NULL,
    event_type              text        NOT NULL,
    -- The consent category that lets the consumer see it; asked again before each attempt.
    consent_category        text        NOT NULL,
    body                    text        NOT NULL,
    occurred_at             timestamptz NOT NULL,
    created_at              timestamptz NOT NULL
);

CREATE INDEX webhook_message_consumer ON webhook_message (consumer_id, created_at DESC);

-- One message to one endpoint. A worker claims a due row by moving next_attempt_at past a lease and
-- taking a fresh lease_token: a replica that dies mid-delivery leaves the row due again when the
-- lease ends, and another replica sends it under the same message id; a late answer of the first one
-- is ignored, since its token no longer matches.
CREATE TABLE webhook_delivery (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id              text        NOT NULL REFERENCES webhook_message (id),
    endpoint_id             bigint      NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    state                   text        NOT NULL DEFAULT 'PENDING',
    attempts                integer     NOT NULL DEFAULT 0,
    next_attempt_at         timestamptz NOT NULL,
    retry_until             timestamptz NOT NULL,
    lease_token             uuid,
    last_attempt_at         timestamptz,
    last_status_code        integer,
    last_error              text,
    delivered_at            timestamptz,
    created_at              timestamptz NOT NULL,
    CONSTRAINT webhook_delivery_state_known CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    CONSTRAINT webhook_delivery_once UNIQUE (message_id, endpoint_id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id DESC);

-- Every attempt, for the delivery log.
CREATE TABLE webhook_attempt (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id             bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at            timestamptz NOT NULL,
    status_code             integer,
    latency_ms              integer     NOT NULL,
    error                   text
);

CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);

-- Whether anyone may watch the subject now: an active post-loan-monitoring consent exists. Only a
-- filter that keeps the outbox free of the many failings nobody watches; the dispatcher and every
-- delivery attempt ask the consent capability itself (ConsentService.require).
CREATE FUNCTION webhook_watched(subject bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = subject AND c.purpose = 'POST_LOAN_MONITORING'
                   AND c.revoked_at IS NULL AND c.valid_until > now())
$$;

-- A failing (a record with a severity: penalties, broken commitments …) that is published and
-- visible outside government.
CREATE FUNCTION webhook_visible_failing(severity text, status text, disclosure_level text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT severity IS NOT NULL AND status = 'PUBLISHED' AND disclosure_level IN ('PUBLIC', 'AUTHORISED')
$$;

-- What an event about a record carries: what the record's own API shows of it, without its content.
CREATE FUNCTION webhook_record_data(r credit_record, s subject) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'subjectUscc', s.uscc, 'subjectName', s.name, 'recordId', r.id::text, 'category', r.category, 'severity', r.severity,
        'title', r.title, 'decisionNumber', r.decision_number, 'decisionDate', r.decision_date, 'sourceDepartment', r.source_department,
        'sourceDepartmentUscc', r.source_department_uscc, 'amount', r.amount::text, 'currency', r.currency,
        'disclosureLevel', r.disclosure_level, 'publishedUntil', r.published_until)
$$;

-- Inserted as a visible failing, or changed into one (a correction that publishes it again).
CREATE FUNCTION webhook_capture_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO webhook_outbox (subject_id, event_type, data)
        SELECT n.subject_id, 'RECORD_FAILING_PUBLISHED', webhook_record_data(n, s)
        FROM new_rows n JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL AND webhook_visible_failing(n.severity, n.status, n.disclosure_level) AND webhook_watched(n.subject_id)
        ORDER BY n.id;
    ELSE
        INSERT INTO webhook_outbox (subject_id, event_type, data)
        SELECT n.subject_id, 'RECORD_FAILING_PUBLISHED', webhook_record_data(n, s)
        FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL AND webhook_visible_failing(n.severity, n.status, n.disclosure_level)
          AND NOT webhook_visible_failing(o.severity, o.status, o.disclosure_level) AND webhook_watched(n.subject_id)
        ORDER BY n.id;
    END IF;
    RETURN NULL;
END $$;

-- An inclusion in a list of failings: black, watch, abnormal-operation or dishonest-debtor.
CREATE FUNCTION webhook_capture_list_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_outbox (subject_id, event_type, data)
    SELECT n.subject_id, 'LIST_ENTRY_ADDED', jsonb_build_object(
               'subjectUscc', s.uscc, 'subjectName', s.name, 'entryId', n.id::text, 'listType', n.list_type,
               'authority', n.authority, 'authorityUscc', n.authority_uscc, 'reason', n.reason, 'legalBasis', n.legal_basis,
               'includedAt', n.included_at, 'expiresAt', n.expires_at)
    FROM new_rows n JOIN subject s ON s.id = n.subject_id
    WHERE s.uscc IS NOT NULL AND n.list_type <> 'RED' AND n.removed_at IS NULL AND webhook_watched(n.subject_id)
    ORDER BY n.id;
    RETURN NULL;
END $$;

-- A worse grade than before (A best, D worst; the codes sort in that order). A subject losing its
-- grade altogether (cancelled) is no grade drop. A row trigger whose WHEN clause sees the old and new
-- grade: a recompute that rewrites every evaluation pays for nothing but that comparison.
CREATE FUNCTION webhook_capture_grade_drop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF webhook_watched(NEW.subject_id) THEN
        INSERT INTO webhook_outbox (subject_id, event_type, data)
        VALUES (NEW.subject_id, 'EVALUATION_GRADE_DROPPED', jsonb_build_object(
                    'subjectUscc', NEW.uscc, 'previousGrade', OLD.grade, 'grade', NEW.grade, 'previousScore', OLD.score,
                    'score', NEW.score, 'supervisionClass', NEW.supervision_class, 'modelVersion', NEW.model_version, 'asOf', NEW.as_of));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER webhook_credit_record_insert AFTER INSERT ON credit_record
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_capture_record();
CREATE TRIGGER webhook_credit_record_update AFTER UPDATE ON credit_record
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_capture_record();
CREATE TRIGGER webhook_list_entry_insert AFTER INSERT ON list_entry
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_capture_list_entry();
CREATE TRIGGER webhook_evaluation_grade_drop AFTER UPDATE OF grade ON evaluation
    FOR EACH ROW WHEN (NEW.grade IS NOT NULL AND OLD.grade IS NOT NULL AND NEW.grade > OLD.grade)
    EXECUTE FUNCTION webhook_capture_grade_drop();
