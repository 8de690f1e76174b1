-- Public credit evaluation (公共信用综合评价): versioned scoring models, each subject's current
-- evaluation, the history of its results, the queue of subjects to evaluate again, and the jobs
-- that evaluate everyone (recomputes) or try a draft model on everyone (backtests).

CREATE TABLE evaluation_model (
    version             text        PRIMARY KEY,
    status              text        NOT NULL,
    -- The model as its author wrote it (YAML); what is evaluated is what is stored.
    document            text        NOT NULL,
    document_sha256     bytea       NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    created_by          uuid,
    published_at        timestamptz,
    published_by        uuid,
    retired_at          timestamptz,
    CONSTRAINT evaluation_model_version_format CHECK (version ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$'),
    CONSTRAINT evaluation_model_status_known CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    CONSTRAINT evaluation_model_published CHECK ((status = 'DRAFT') = (published_at IS NULL))
);

-- At most one model is in force.
CREATE UNIQUE INDEX evaluation_model_in_force ON evaluation_model ((true)) WHERE status = 'PUBLISHED';

-- The current evaluation of each subject with a USCC. The subject's USCC, region, industry and type
-- are copied in so that subjects are listed by grade from one index; a change to them queues the
-- subject again, which rewrites the copies.
CREATE TABLE evaluation (
    subject_id          bigint      PRIMARY KEY REFERENCES subject (id),
    uscc                text COLLATE "C" NOT NULL,
    region_code         text COLLATE "C" NOT NULL,
    industry_section    text,
    subject_type        text        NOT NULL,
    model_version       text        NOT NULL REFERENCES evaluation_model (version),
    -- The day the evaluation is as of: ages, decay and publication ends are counted to it.
    as_of               date        NOT NULL,
    -- Null when the subject gets no grade (cancelled, revoked): not_evaluated says why.
    score               integer,
    grade               text,
    supervision_class   text,
    not_evaluated       text,
    contributions       jsonb       NOT NULL,
    -- SHA-256 of the model version, the day and every input, in a canonical order: the same inputs
    -- under the same version give the same result.
    inputs_sha256       bytea       NOT NULL,
    -- The first day a time-dependent input (decay, end of publication, list expiry, an anniversary)
    -- changes the result; the subject is queued again on that day. Null when nothing will.
    valid_until         date,
    evaluated_at        timestamptz NOT NULL,
    CONSTRAINT evaluation_score_range CHECK (score BETWEEN 0 AND 1000),
    CONSTRAINT evaluation_grade_known CHECK (grade IN ('A', 'B', 'C', 'D')),
    CONSTRAINT evaluation_class_known CHECK (supervision_class IN ('TRUSTED', 'GENERAL', 'FOCUSED', 'STRICT')),
    CONSTRAINT evaluation_graded CHECK ((grade IS NULL) = (not_evaluated IS NOT NULL)
                                        AND (grade IS NULL) = (score IS NULL)
                                        AND (grade IS NULL) = (supervision_class IS NULL))
);

-- Subjects of one grade in USCC order (GET /api/v1/evaluations), and by region within a grade.
CREATE INDEX evaluation_grade_uscc ON evaluation (grade, uscc) WHERE grade IS NOT NULL;
CREATE INDEX evaluation_grade_region_uscc ON evaluation (grade, region_code, uscc) WHERE grade IS NOT NULL;
-- The daily sweep of results that time has changed.
CREATE INDEX evaluation_valid_until ON evaluation (valid_until) WHERE valid_until IS NOT NULL;
-- Subjects still under an older model while a recompute runs.
CREATE INDEX evaluation_model_version ON evaluation (model_version);

-- Each result a subject had, appended when the score, grade or model changed.
CREATE TABLE evaluation_history (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id          bigint      NOT NULL REFERENCES subject (id),
    model_version       text        NOT NULL REFERENCES evaluation_model (version),
    as_of               date        NOT NULL,
    score               integer,
    grade               text,
    supervision_class   text,
    not_evaluated       text,
    inputs_sha256       bytea       NOT NULL,
    evaluated_at        timestamptz NOT NULL
);

CREATE INDEX evaluation_history_subject ON evaluation_history (subject_id, id DESC);

-- Subjects whose inputs changed, queued in the transaction that changed them (an outbox): a
-- replica that dies while evaluating them rolls back its claim, and another takes them.
CREATE TABLE evaluation_pending (
    subject_id          bigint      PRIMARY KEY,
    queued_at           timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX evaluation_pending_queued ON evaluation_pending (queued_at);

CREATE FUNCTION evaluation_queue_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO evaluation_pending (subject_id)
    SELECT DISTINCT n.subject_id FROM new_rows n ORDER BY 1
    ON CONFLICT (subject_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION evaluation_queue_old_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO evaluation_pending (subject_id)
    SELECT DISTINCT o.subject_id FROM old_rows o ORDER BY 1
    ON CONFLICT (subject_id) DO NOTHING;
    RETURN NULL;
END $$;

-- A record or entry that moves to another subject changes both.
CREATE FUNCTION evaluation_queue_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO evaluation_pending (subject_id)
    SELECT s FROM (SELECT n.subject_id FROM new_rows n UNION SELECT o.subject_id FROM old_rows o) AS changed (s) ORDER BY 1
    ON CONFLICT (subject_id) DO NOTHING;
    RETURN NULL;
END $$;

-- Subjects are queued by id; natural persons (no USCC) are not evaluated and never queued.
CREATE FUNCTION evaluation_queue_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO evaluation_pending (subject_id)
    SELECT n.id FROM new_rows n WHERE n.uscc IS NOT NULL ORDER BY 1
    ON CONFLICT (subject_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER evaluation_credit_record_insert AFTER INSERT ON credit_record
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_new_rows();
CREATE TRIGGER evaluation_credit_record_update AFTER UPDATE ON credit_record
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_changed_rows();
CREATE TRIGGER evaluation_credit_record_delete AFTER DELETE ON credit_record
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_old_rows();
CREATE TRIGGER evaluation_list_entry_insert AFTER INSERT ON list_entry
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_new_rows();
CREATE TRIGGER evaluation_list_entry_update AFTER UPDATE ON list_entry
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_changed_rows();
CREATE TRIGGER evaluation_list_entry_delete AFTER DELETE ON list_entry
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_old_rows();
CREATE TRIGGER evaluation_subject_insert AFTER INSERT ON subject
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_subjects();
CREATE TRIGGER evaluation_subject_update AFTER UPDATE ON subject
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_queue_subjects();

-- Recomputes (everyone under the model in force) and backtests (everyone under a draft and under
-- the model in force, nothing written but the comparison). One runs at a time across replicas.
CREATE TABLE evaluation_job (
    id                  uuid        PRIMARY KEY,
    kind                text        NOT NULL,
    model_version       text        NOT NULL REFERENCES evaluation_model (version),
    baseline_version    text        REFERENCES evaluation_model (version),
    state               text        NOT NULL,
    reason              text        NOT NULL,
    as_of               date        NOT NULL,
    subjects_total      bigint      NOT NULL DEFAULT 0,
    subjects_done       bigint      NOT NULL DEFAULT 0,
    -- Subjects are taken in id order; a replica that takes over a job whose runner died resumes here.
    resume_after        bigint      NOT NULL DEFAULT 0,
    -- The run that owns the job; a runner that finds another here has been taken over and stops.
    runner              uuid,
    requested_by        uuid,
    requested_at        timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    updated_at          timestamptz,
    finished_at         timestamptz,
    result              jsonb,
    failure             text,
    CONSTRAINT evaluation_job_kind_known CHECK (kind IN ('RECOMPUTE', 'BACKTEST')),
    CONSTRAINT evaluation_job_state_known CHECK (state IN ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED'))
);

CREATE INDEX evaluation_job_requested ON evaluation_job (requested_at DESC);
-- At most one job runs or waits at a time.
CREATE UNIQUE INDEX evaluation_job_one_active ON evaluation_job ((true)) WHERE state IN ('QUEUED', 'RUNNING');

-- The records a subject's evaluation reads: those that count (published, disputed or corrected,
-- not for government eyes only), by subject.
CREATE INDEX credit_record_subject_evaluated ON credit_record (subject_id)
    WHERE status IN ('PUBLISHED', 'DISPUTED', 'CORRECTED') AND disclosure_level <> 'GOVERNMENT';
