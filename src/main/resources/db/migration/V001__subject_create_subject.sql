-- Credit subjects (信用主体). USCC is the natural key of every legal-person subject; natural persons
-- (added later) carry no USCC, so the column is nullable and uniqueness is enforced where present.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE subject (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- "C" collation: USCC comparisons and prefix searches are bytewise, so LIKE 'prefix%' and the
    -- keyset order use the plain btree index.
    uscc                    text COLLATE "C",
    name                    text        NOT NULL,
    -- Names as users type them: departments send full-width brackets （） and letters, people type
    -- half-width ones, so search matches the NFKC form of both.
    name_folded             text        GENERATED ALWAYS AS (normalize(name, NFKC)) STORED,
    subject_type            text        NOT NULL,
    legal_representative    text,
    region_code             text COLLATE "C" NOT NULL,
    industry_section        text,
    registered_on           date,
    status                  text        NOT NULL DEFAULT 'ACTIVE',
    registered_capital      numeric(20, 2),
    capital_currency        text        NOT NULL DEFAULT 'CNY',
    address                 text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 integer     NOT NULL DEFAULT 0,
    CONSTRAINT subject_uscc_format CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    CONSTRAINT subject_uscc_required CHECK (uscc IS NOT NULL OR subject_type = 'NATURAL_PERSON'),
    CONSTRAINT subject_type_known CHECK (subject_type IN (
        'ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE', 'SOCIAL_ORGANISATION',
        'PUBLIC_INSTITUTION', 'GOVERNMENT_BODY', 'OTHER_ORGANISATION', 'NATURAL_PERSON')),
    CONSTRAINT subject_region_format CHECK (region_code ~ '^[0-9]{6}$'),
    CONSTRAINT subject_industry_section CHECK (industry_section ~ '^[A-T]$'),
    CONSTRAINT subject_status_known CHECK (status IN ('ACTIVE', 'REVOKED', 'CANCELLED', 'MOVED_OUT')),
    CONSTRAINT subject_capital_non_negative CHECK (registered_capital >= 0),
    CONSTRAINT subject_currency_format CHECK (capital_currency ~ '^[A-Z]{3}$')
);

CREATE UNIQUE INDEX subject_uscc_key ON subject (uscc);
-- Name fragments (CJK included: the database ctype is UTF-8, so pg_trgm keeps Han characters).
CREATE INDEX subject_name_trgm ON subject USING gin (name_folded gin_trgm_ops);
-- Region filter walks subjects of a region in USCC order (the search's keyset order).
CREATE INDEX subject_region_uscc ON subject (region_code, uscc);
CREATE INDEX subject_type_uscc ON subject (subject_type, uscc);
