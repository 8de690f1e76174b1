-- 信易贷: the data banks pull under an enterprise's consent (four record categories departments feed
-- at the authorised level), enterprises featured for banks, financing demands with the banks'
-- offers, and loan outcomes.

-- 纳税 (tax payments), 社保, 公积金 and 水电气 records: a month (details.period, YYYY-MM), an exact
-- amount and a payment status (details.paymentStatus). VOLUNTARY (自愿注册) is kept in the list.
ALTER TABLE credit_record DROP CONSTRAINT credit_record_category_known;
ALTER TABLE credit_record ADD CONSTRAINT credit_record_category_known CHECK (category IN (
    'LICENCE', 'PENALTY', 'COERCION', 'CONFIRMATION', 'LEVY', 'PAYMENT', 'ADJUDICATION', 'COMPENSATION', 'REWARD', 'INSPECTION',
    'JUDICIAL', 'COMMITMENT', 'HONOUR', 'TAX_CREDIT_GRADE', 'INDUSTRY_RATING', 'VOLUNTARY',
    'TAX_PAYMENT', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'UTILITY_PAYMENT'));

-- An enterprise featured for banks while it opts in (and its grade qualifies).
CREATE TABLE finance_featured (
    subject_id          bigint      PRIMARY KEY REFERENCES subject (id),
    opted_in_at         timestamptz NOT NULL,
    opted_out_at        timestamptz,
    version             integer     NOT NULL DEFAULT 0
);

-- A financing demand: what the enterprise asks for, and to which banks (none listed: all participating).
CREATE TABLE finance_demand (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id          bigint      NOT NULL REFERENCES subject (id),
    requested_by        uuid        NOT NULL,
    amount              numeric(20, 2) NOT NULL,
    currency            text        NOT NULL DEFAULT 'CNY',
    term_months         integer     NOT NULL,
    purpose             text        NOT NULL,
    guarantee_type      text        NOT NULL,
    to_all_banks        boolean     NOT NULL,
    state               text        NOT NULL,
    accepted_offer_id   bigint,
    created_at          timestamptz NOT NULL,
    closed_at           timestamptz,
    idempotency_key     text,
    request_sha256      bytea,
    version             integer     NOT NULL DEFAULT 0,
    CONSTRAINT finance_demand_amount CHECK (amount > 0),
    CONSTRAINT finance_demand_term CHECK (term_months BETWEEN 1 AND 360),
    CONSTRAINT finance_demand_guarantee_known CHECK (guarantee_type IN ('CREDIT', 'MORTGAGE', 'GUARANTEE')),
    CONSTRAINT finance_demand_state_known CHECK (state IN ('OPEN', 'ACCEPTED', 'WITHDRAWN')),
    CONSTRAINT finance_demand_idempotency UNIQUE (requested_by, idempotency_key)
);

CREATE INDEX finance_demand_subject ON finance_demand (subject_id, id DESC);
CREATE INDEX finance_demand_open_to_all ON finance_demand (id DESC) WHERE to_all_banks AND state = 'OPEN';

CREATE TABLE finance_demand_bank (
    demand_id           bigint      NOT NULL REFERENCES finance_demand (id),
    bank_consumer_id    uuid        NOT NULL,
    PRIMARY KEY (demand_id, bank_consumer_id)
);

CREATE INDEX finance_demand_bank_bank ON finance_demand_bank (bank_consumer_id, demand_id DESC);

-- A bank's answer to a demand: an offer (amount, rate band, term) or a decline with a reason code.
CREATE TABLE finance_offer (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    demand_id           bigint      NOT NULL REFERENCES finance_demand (id),
    bank_consumer_id    uuid        NOT NULL,
    kind                text        NOT NULL,
    amount              numeric(20, 2),
    rate_from           numeric(6, 3),
    rate_to             numeric(6, 3),
    term_months         integer,
    decline_reason      text,
    note                text,
    state               text        NOT NULL,
    created_at          timestamptz NOT NULL,
    CONSTRAINT finance_offer_kind_known CHECK (kind IN ('OFFER', 'DECLINE')),
    CONSTRAINT finance_offer_state_known CHECK (state IN ('MADE', 'ACCEPTED', 'NOT_CHOSEN')),
    CONSTRAINT finance_offer_complete CHECK ((kind = 'OFFER') = (amount IS NOT NULL AND rate_from IS NOT NULL AND rate_to IS NOT NULL
                                                                 AND term_months IS NOT NULL)
                                             AND (kind = 'DECLINE') = (decline_reason IS NOT NULL)),
    CONSTRAINT finance_offer_rate_band CHECK (rate_from <= rate_to AND rate_from >= 0),
    CONSTRAINT finance_offer_once UNIQUE (demand_id, bank_consumer_id)
);

-- What a bank did: granted (amount, term, rate, guarantee) or refused (a reason code).
CREATE TABLE finance_loan_outcome (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    demand_id           bigint      NOT NULL REFERENCES finance_demand (id),
    subject_id          bigint      NOT NULL REFERENCES subject (id),
    bank_consumer_id    uuid        NOT NULL,
    granted             boolean     NOT NULL,
    amount              numeric(20, 2),
    term_months         integer,
    rate_from           numeric(6, 3),
    rate_to             numeric(6, 3),
    guarantee_type      text,
    decided_on          date        NOT NULL,
    refusal_reason      text,
    region_code         text COLLATE "C" NOT NULL,
    reported_at         timestamptz NOT NULL,
    CONSTRAINT finance_outcome_complete CHECK (granted = (amount IS NOT NULL AND term_months IS NOT NULL AND guarantee_type IS NOT NULL)
                                               AND (NOT granted) = (refusal_reason IS NOT NULL)),
    CONSTRAINT finance_outcome_guarantee_known CHECK (guarantee_type IN ('CREDIT', 'MORTGAGE', 'GUARANTEE')),
    CONSTRAINT finance_outcome_once UNIQUE (demand_id, bank_consumer_id)
);

CREATE INDEX finance_outcome_reported ON finance_loan_outcome (reported_at);
