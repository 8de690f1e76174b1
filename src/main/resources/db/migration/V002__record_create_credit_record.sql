-- Credit records (信用记录): one fact about one subject from one source department.
CREATE TABLE credit_record (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id              bigint      NOT NULL REFERENCES subject (id),
    category                text        NOT NULL,
    source_department       text        NOT NULL,
    source_department_uscc  text COLLATE "C" NOT NULL,
    source_record_id        text        NOT NULL,
    decision_number         text,
    title                   text        NOT NULL,
    decision_date           date        NOT NULL,
    reported_on             date        NOT NULL,
    content                 text        NOT NULL,
    legal_basis             text,
    severity                text,
    amount                  numeric(20, 2),
    currency                text,
    disclosure_level        text        NOT NULL DEFAULT 'PUBLIC',
    published_from          date        NOT NULL,
    published_until         date,
    status                  text        NOT NULL DEFAULT 'PUBLISHED',
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT credit_record_category_known CHECK (category IN (
        'LICENCE', 'PENALTY', 'COERCION', 'CONFIRMATION', 'LEVY', 'PAYMENT', 'ADJUDICATION',
        'COMPENSATION', 'REWARD', 'INSPECTION', 'JUDICIAL', 'COMMITMENT', 'HONOUR',
        'TAX_CREDIT_GRADE', 'INDUSTRY_RATING')),
    CONSTRAINT credit_record_department_uscc_format CHECK (source_department_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    CONSTRAINT credit_record_severity_known CHECK (severity IN ('MINOR', 'GENERAL', 'SERIOUS')),
    -- 轻微/一般/严重 is a property of a failing; a penalty always has one.
    CONSTRAINT credit_record_penalty_severity CHECK (category <> 'PENALTY' OR severity IS NOT NULL),
    CONSTRAINT credit_record_amount_currency CHECK ((amount IS NULL) = (currency IS NULL)),
    CONSTRAINT credit_record_amount_non_negative CHECK (amount >= 0),
    CONSTRAINT credit_record_reported_after_decision CHECK (reported_on >= decision_date),
    CONSTRAINT credit_record_disclosure_known CHECK (disclosure_level IN ('PUBLIC', 'AUTHORISED', 'GOVERNMENT')),
    CONSTRAINT credit_record_window CHECK (published_until IS NULL OR published_until >= published_from),
    CONSTRAINT credit_record_status_known CHECK (status IN ('PUBLISHED', 'DISPUTED', 'REPAIRED', 'REVOKED', 'CORRECTED')),
    CONSTRAINT credit_record_source_key UNIQUE (source_department_uscc, source_record_id)
);

-- A subject's public records, newest first, optionally of one category: both keyset walks are
-- index-only in order; the partial predicate keeps non-public rows out of the index entirely.
CREATE INDEX credit_record_subject_public
    ON credit_record (subject_id, decision_date DESC, id DESC)
    WHERE disclosure_level = 'PUBLIC';
CREATE INDEX credit_record_subject_category_public
    ON credit_record (subject_id, category, decision_date DESC, id DESC)
    WHERE disclosure_level = 'PUBLIC';
