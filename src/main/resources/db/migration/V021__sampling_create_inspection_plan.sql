-- 双随机、一公开: inspection plans of departments. A plan freezes its population (the subjects it
-- drew from, with their grades) and its sample at creation, in one transaction, and never changes
-- afterwards; only the results of the sampled subjects are added, once each.

CREATE TABLE sampling_plan (
    id                              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title                           text        NOT NULL,
    -- The department that inspects and reports the results (数据来源单位 of the inspection records).
    department_uscc                 text COLLATE "C" NOT NULL,
    department_name                 text        NOT NULL,
    sector                          text        NOT NULL,
    -- Population filter: a region prefix (null: everywhere, operators only), industry sections and
    -- subject types (null: any).
    region                          text COLLATE "C",
    industries                      text[],
    subject_types                   text[],
    exclude_inspected_within_months integer     NOT NULL,
    -- Subjects with an inspection record decided on or after this day were left out; null when none were.
    inspected_since                 date,
    -- Whether A-grade subjects ("非请勿扰") were left out: every sector but the four key ones.
    trusted_exempt                  boolean     NOT NULL,
    -- The Beijing date the plan was drawn on.
    as_of                           date        NOT NULL,
    seed                            text        NOT NULL,
    seed_source                     text        NOT NULL,
    algorithm                       text        NOT NULL,
    -- The scoring model whose sampling ratios filled in the grades the plan did not size.
    model_version                   text,
    population_sha256               bytea       NOT NULL,
    population_size                 integer     NOT NULL,
    excluded_recently_inspected     integer     NOT NULL,
    excluded_trusted                integer     NOT NULL,
    -- Per grade: the members of the population, the ratio or size asked for, where it came from and
    -- how many were drawn ([{grade, population, ratio, size, source, drawn}], A to D).
    grades                          jsonb       NOT NULL,
    sample_size                     integer     NOT NULL,
    created_by                      uuid        NOT NULL REFERENCES access_consumer (id),
    created_at                      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sampling_plan_department_format CHECK (department_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    CONSTRAINT sampling_plan_sector_known CHECK (sector IN ('GENERAL', 'FOOD', 'DRUGS_AND_VACCINES', 'SPECIAL_EQUIPMENT',
                                                            'HAZARDOUS_CHEMICALS')),
    CONSTRAINT sampling_plan_region_format CHECK (region ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})$'),
    CONSTRAINT sampling_plan_months_range CHECK (exclude_inspected_within_months BETWEEN 0 AND 36),
    CONSTRAINT sampling_plan_inspected_since CHECK ((inspected_since IS NULL) = (exclude_inspected_within_months = 0)),
    CONSTRAINT sampling_plan_seed_format CHECK (seed ~ '^[\x20-\x7E]{1,64}$'),
    CONSTRAINT sampling_plan_seed_source_known CHECK (seed_source IN ('CLIENT', 'SERVER')),
    CONSTRAINT sampling_plan_hash_length CHECK (octet_length(population_sha256) = 32),
    CONSTRAINT sampling_plan_counts CHECK (population_size >= 0 AND sample_size BETWEEN 0 AND population_size
                                           AND excluded_recently_inspected >= 0 AND excluded_trusted >= 0)
);

-- Plans newest first, all of them or one department's (GET /api/v1/inspection-plans?department=).
CREATE INDEX sampling_plan_department ON sampling_plan (department_uscc, id);

-- The frozen population: every subject the draw was made from, with its grade at the draw.
CREATE TABLE sampling_population (
    plan_id             bigint      NOT NULL REFERENCES sampling_plan (id),
    uscc                text COLLATE "C" NOT NULL,
    grade               text        NOT NULL,
    PRIMARY KEY (plan_id, uscc),
    CONSTRAINT sampling_population_grade_known CHECK (grade IN ('A', 'B', 'C', 'D'))
);

-- The sample: the drawn members, their rank within their grade and the HMAC that ranked them, the
-- name they were registered under at the draw; then, once, the result the department reported and
-- the inspection record it became.
CREATE TABLE sampling_sample (
    plan_id             bigint      NOT NULL,
    uscc                text COLLATE "C" NOT NULL,
    grade               text        NOT NULL,
    rank                integer     NOT NULL,
    hmac                bytea       NOT NULL,
    name                text        NOT NULL,
    inspected_on        date,
    outcome             text,
    findings            text,
    decision_number     text,
    record_id           bigint      REFERENCES credit_record (id),
    reported_at         timestamptz,
    reported_by         uuid,
    PRIMARY KEY (plan_id, uscc),
    FOREIGN KEY (plan_id, uscc) REFERENCES sampling_population (plan_id, uscc),
    CONSTRAINT sampling_sample_rank_positive CHECK (rank >= 1),
    CONSTRAINT sampling_sample_hmac_length CHECK (octet_length(hmac) = 32),
    CONSTRAINT sampling_sample_outcome_known CHECK (outcome IN ('PASSED', 'CORRECTED', 'FAILED', 'NOT_FOUND', 'NO_ACTIVITY', 'REFUSED',
                                                                'CLOSED')),
    CONSTRAINT sampling_sample_result_complete CHECK ((reported_at IS NULL) = (outcome IS NULL)
                                                      AND (reported_at IS NULL) = (inspected_on IS NULL)
                                                      AND (reported_at IS NULL) = (record_id IS NULL)
                                                      AND (reported_at IS NULL) = (reported_by IS NULL))
);

-- A plan, its population and its draw are immutable; a sampled subject's result is written once.
CREATE FUNCTION sampling_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% of %: inspection plans and their populations are immutable', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE FUNCTION sampling_result_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.reported_at IS NOT NULL
       OR (NEW.plan_id, NEW.uscc, NEW.grade, NEW.rank, NEW.hmac, NEW.name) IS DISTINCT FROM
          (OLD.plan_id, OLD.uscc, OLD.grade, OLD.rank, OLD.hmac, OLD.name) THEN
        RAISE EXCEPTION 'sample member % of plan %: the draw is immutable and a result is reported once', OLD.uscc, OLD.plan_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER sampling_plan_immutable BEFORE UPDATE OR DELETE ON sampling_plan
    FOR EACH ROW EXECUTE FUNCTION sampling_refuse_change();
CREATE TRIGGER sampling_population_immutable BEFORE UPDATE OR DELETE ON sampling_population
    FOR EACH ROW EXECUTE FUNCTION sampling_refuse_change();
CREATE TRIGGER sampling_sample_draw_immutable BEFORE DELETE ON sampling_sample
    FOR EACH ROW EXECUTE FUNCTION sampling_refuse_change();
CREATE TRIGGER sampling_sample_result_once BEFORE UPDATE ON sampling_sample
    FOR EACH ROW EXECUTE FUNCTION sampling_result_once();
