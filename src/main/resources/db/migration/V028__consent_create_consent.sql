-- Consents (授权): a subject authorises a named consumer (a bank, an app) to read its non-public
-- data for one purpose, some categories and a period; revocable at any time. Reads under a consent
-- check it in the database each time, so a revocation holds on every replica at once.

CREATE TABLE consent (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id              bigint      NOT NULL REFERENCES subject (id),
    grantor_consumer_id     uuid        NOT NULL,
    grantee_consumer_id     uuid        NOT NULL,
    grantee_type            text        NOT NULL,
    purpose                 text        NOT NULL,
    categories              text[]      NOT NULL,
    reference               text,
    valid_from              timestamptz NOT NULL,
    valid_until             timestamptz NOT NULL,
    revoked_at              timestamptz,
    revoked_by              uuid,
    revocation_reason       text,
    -- Set once by the expiry job, so that the expiry is kept as an event.
    expired_at              timestamptz,
    created_at              timestamptz NOT NULL,
    idempotency_key         text,
    request_sha256          bytea,
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT consent_purpose_known CHECK (purpose IN ('LOAN_APPLICATION', 'POST_LOAN_MONITORING', 'INCENTIVE')),
    CONSTRAINT consent_categories_known CHECK (categories <@ ARRAY['PROFILE', 'EVALUATION', 'AUTHORISED_RECORDS', 'TAX',
        'SOCIAL_INSURANCE', 'HOUSING_FUND', 'UTILITIES', 'LISTS', 'COMMITMENTS']::text[] AND cardinality(categories) > 0),
    CONSTRAINT consent_period CHECK (valid_until > valid_from),
    CONSTRAINT consent_idempotency UNIQUE (grantor_consumer_id, idempotency_key)
);

-- A read under consent: the grantee's consents about one subject, newest first.
CREATE INDEX consent_grantee_subject ON consent (grantee_consumer_id, subject_id, id DESC);
CREATE INDEX consent_subject ON consent (subject_id, id DESC);
CREATE INDEX consent_grantee ON consent (grantee_consumer_id, id DESC);
-- The expiry job's walk.
CREATE INDEX consent_expiring ON consent (valid_until) WHERE revoked_at IS NULL AND expired_at IS NULL;

-- Consents' grants, revocations and expiries go to the subject's timeline with the workflows'.
ALTER TABLE workflow_event DROP CONSTRAINT workflow_event_workflow_known;
ALTER TABLE workflow_event ADD CONSTRAINT workflow_event_workflow_known
    CHECK (workflow IN ('REGISTRATION', 'COMMITMENT', 'REPAIR', 'OBJECTION', 'CONSENT'));
