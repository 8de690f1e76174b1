-- Who read or wrote which subject's data: the query record a subject may inspect. Append-only
-- (a trigger refuses UPDATE and DELETE) and partitioned by month so that 100 M rows stay cheap
-- to write, to query per subject and to expire by dropping whole partitions.
CREATE TABLE audit_access_log (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at     timestamptz NOT NULL,
    consumer_id     uuid,
    consumer_name   text        NOT NULL,
    consumer_type   text        NOT NULL,
    key_id          uuid,
    subject_uscc    text COLLATE "C" NOT NULL,
    operation       text        NOT NULL,
    purpose         text,
    outcome         smallint    NOT NULL,
    request_id      text        NOT NULL,
    PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);

-- A subject's log, newest first, is one index range per partition.
CREATE INDEX audit_access_log_subject ON audit_access_log (subject_uscc, occurred_at DESC, id DESC);

-- Rows outside the monthly partitions (clock skew, a missed maintenance run) are never refused.
CREATE TABLE audit_access_log_default PARTITION OF audit_access_log DEFAULT;

CREATE FUNCTION audit_access_log_create_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'audit_access_log_' || to_char(first_day, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_access_log FOR VALUES FROM (%L) TO (%L)',
                       name, first_day, (first_day + interval '1 month')::date);
    END IF;
END $$;

SELECT audit_access_log_create_partition((date_trunc('month', now()) + make_interval(months => m))::date)
FROM generate_series(-1, 3) AS m;

CREATE FUNCTION audit_access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_access_log is append-only';
END $$;

CREATE TRIGGER audit_access_log_append_only BEFORE UPDATE OR DELETE ON audit_access_log
    FOR EACH ROW EXECUTE FUNCTION audit_access_log_refuse_change();
