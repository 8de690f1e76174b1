-- 联合奖惩 credit checks (应查必查): the catalogue of joint incentive and punishment measures that
-- operators manage, the checks departments run inside their workflows (stored as answered), the
-- measures they report having applied (联合奖惩案例), and the approvals they report per month so that
-- the share of approvals checked can be counted.

CREATE TABLE creditcheck_measure (
    code                        text COLLATE "C" PRIMARY KEY,
    name                        text        NOT NULL,
    kind                        text        NOT NULL,
    basis_document              text        NOT NULL,
    basis_clause                text        NOT NULL,
    -- Triggers: any one suffices. A current membership of one of these lists, one of these grades,
    -- or a published failing of one of these categories at least this severe.
    trigger_list_types          text[]      NOT NULL DEFAULT '{}',
    trigger_grades              text[]      NOT NULL DEFAULT '{}',
    trigger_record_categories   text[]      NOT NULL DEFAULT '{}',
    trigger_min_severity        text,
    scenarios                   text[]      NOT NULL,
    departments                 text[]      NOT NULL,
    valid_from                  date        NOT NULL,
    valid_until                 date,
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    updated_by                  uuid,
    version                     integer     NOT NULL DEFAULT 0,
    CONSTRAINT creditcheck_measure_code_format CHECK (code ~ '^[A-Z][A-Z0-9-]{1,39}$'),
    CONSTRAINT creditcheck_measure_kind_known CHECK (kind IN ('INCENTIVE', 'PUNISHMENT')),
    CONSTRAINT creditcheck_measure_severity_known CHECK (trigger_min_severity IN ('MINOR', 'GENERAL', 'SERIOUS')),
    CONSTRAINT creditcheck_measure_has_trigger CHECK (cardinality(trigger_list_types) + cardinality(trigger_grades)
                                                      + cardinality(trigger_record_categories) > 0),
    CONSTRAINT creditcheck_measure_records_need_severity CHECK ((cardinality(trigger_record_categories) = 0)
                                                                = (trigger_min_severity IS NULL)),
    CONSTRAINT creditcheck_measure_has_scenario CHECK (cardinality(scenarios) > 0),
    CONSTRAINT creditcheck_measure_validity_ordered CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

-- One check as it was answered: the answer is kept whole (it names the measures and their basis as
-- they stood), so that GET re-reads it unchanged after records, lists or the catalogue move on.
CREATE TABLE creditcheck_check (
    id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer_id                 uuid        NOT NULL,
    consumer_name               text        NOT NULL,
    department_uscc             text COLLATE "C",
    scenario                    text        NOT NULL,
    case_reference              text        NOT NULL,
    purpose                     text        NOT NULL,
    checked_at                  timestamptz NOT NULL,
    subjects_total              integer     NOT NULL,
    subjects_with_measures      integer     NOT NULL,
    measures_triggered          integer     NOT NULL,
    answer                      jsonb       NOT NULL
);
CREATE INDEX creditcheck_check_by_department ON creditcheck_check (department_uscc, checked_at);

-- The receipt of each checked subject: what feedback names, and what the statistics count.
CREATE TABLE creditcheck_receipt (
    receipt_id                  text COLLATE "C" PRIMARY KEY,
    check_id                    bigint      NOT NULL REFERENCES creditcheck_check (id),
    subject_uscc                text COLLATE "C" NOT NULL,
    measure_codes               text[]      NOT NULL
);
CREATE INDEX creditcheck_receipt_by_check ON creditcheck_receipt (check_id);

-- 联合奖惩案例: a measure a department reports having applied after a check.
CREATE TABLE creditcheck_feedback (
    id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_id                    bigint      NOT NULL REFERENCES creditcheck_check (id),
    receipt_id                  text COLLATE "C" NOT NULL REFERENCES creditcheck_receipt (receipt_id),
    measure_code                text COLLATE "C" NOT NULL REFERENCES creditcheck_measure (code),
    case_reference              text        NOT NULL,
    applied_on                  date        NOT NULL,
    result                      text        NOT NULL,
    reported_at                 timestamptz NOT NULL,
    reported_by                 uuid        NOT NULL,
    CONSTRAINT creditcheck_feedback_once UNIQUE (receipt_id, measure_code, case_reference)
);
CREATE INDEX creditcheck_feedback_by_check ON creditcheck_feedback (check_id);

-- The approvals (or procurements, awards …) a department handled in a month per scenario, as it
-- reports them: the denominator of the 应查必查 rate. A later report of the same month replaces it.
CREATE TABLE creditcheck_approval_count (
    department_uscc             text COLLATE "C" NOT NULL,
    scenario                    text        NOT NULL,
    month                       date        NOT NULL,
    approvals                   integer     NOT NULL,
    reported_at                 timestamptz NOT NULL,
    reported_by                 uuid        NOT NULL,
    PRIMARY KEY (department_uscc, scenario, month),
    CONSTRAINT creditcheck_approval_count_first_of_month CHECK (extract(day FROM month) = 1),
    CONSTRAINT creditcheck_approval_count_non_negative CHECK (approvals >= 0)
);
