-- API consumers and their keys. Keys are stored only as a SHA-256 hash (a key carries 192 random
-- bits, so a fast hash is enough) plus a short public prefix for support conversations.
CREATE TABLE access_consumer (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL,
    consumer_type   text        NOT NULL,
    scopes          text[]      NOT NULL,
    plan            text        NOT NULL,
    bound_uscc      text COLLATE "C",
    status          text        NOT NULL DEFAULT 'ACTIVE',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 0,
    CONSTRAINT access_consumer_type_known CHECK (consumer_type IN
        ('OPERATOR', 'DEPARTMENT', 'BANK', 'CREDIT_AGENCY', 'APP', 'SUBJECT')),
    CONSTRAINT access_consumer_status_known CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    -- An enterprise acting for itself is bound to its own USCC; nobody else is.
    CONSTRAINT access_consumer_subject_bound CHECK ((consumer_type = 'SUBJECT') = (bound_uscc IS NOT NULL)),
    CONSTRAINT access_consumer_uscc_format CHECK (bound_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$')
);

CREATE INDEX access_consumer_type ON access_consumer (consumer_type);
CREATE INDEX access_consumer_created ON access_consumer (created_at, id);

CREATE TABLE access_key (
    id              uuid        PRIMARY KEY,
    consumer_id     uuid        NOT NULL REFERENCES access_consumer (id),
    prefix          text        NOT NULL,
    key_hash        bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    revoked_at      timestamptz,
    CONSTRAINT access_key_hash_unique UNIQUE (key_hash),
    CONSTRAINT access_key_expiry_after_creation CHECK (expires_at IS NULL OR expires_at > created_at)
);

CREATE INDEX access_key_consumer ON access_key (consumer_id, created_at);
