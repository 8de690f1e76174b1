-- 信易+ benefit catalogue: each scenario is data an operator manages, with its eligibility rule as a
-- list of named conditions (CEL expressions over the subject's facts), all of which must hold.
CREATE TABLE incentive_scenario (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text COLLATE "C" NOT NULL,
    name                text        NOT NULL,
    provider            text        NOT NULL,
    subject_kinds       text[]      NOT NULL,
    benefit             text        NOT NULL,
    valid_from          date        NOT NULL,
    valid_until         date,
    -- [{"name", "expression", "reasonZh", "measure"?}], each checked against the fact declarations on write.
    conditions          jsonb       NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer     NOT NULL DEFAULT 0,
    CONSTRAINT incentive_scenario_code_format CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    CONSTRAINT incentive_scenario_kinds_known CHECK (subject_kinds <@ ARRAY['enterprise', 'individual-business', 'person']::text[]
        AND cardinality(subject_kinds) > 0),
    CONSTRAINT incentive_scenario_validity CHECK (valid_until IS NULL OR valid_until >= valid_from),
    CONSTRAINT incentive_scenario_conditions_array CHECK (jsonb_typeof(conditions) = 'array')
);
CREATE UNIQUE INDEX incentive_scenario_code_key ON incentive_scenario (code);

-- One row: bumped with every catalogue change, so cached eligibility answers of the old catalogue
-- are never served on any replica.
CREATE TABLE incentive_catalogue_revision (
    singleton           boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    revision            bigint      NOT NULL
);
INSERT INTO incentive_catalogue_revision VALUES (true, 0);
