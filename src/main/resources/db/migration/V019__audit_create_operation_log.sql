-- The operations log (issue 11): one row per bulk read (search, list entries, disclosures, change
-- feed, statistics), for operators and auditors, as the access log is for reads about one subject.
-- Append-only and partitioned by month like the access log.
CREATE TABLE audit_operation_log (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at     timestamptz NOT NULL,
    consumer_id     uuid,
    consumer_name   text        NOT NULL,
    consumer_type   text        NOT NULL,
    key_id          uuid,
    operation       text        NOT NULL,
    -- The request's filters as sent: query and path parameters, each cut to 200 characters.
    filters         jsonb       NOT NULL,
    -- How many items the answer carried; null when it carried none (an error).
    items           integer,
    outcome         smallint    NOT NULL,
    request_id      text        NOT NULL,
    PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);

CREATE INDEX audit_operation_log_consumer ON audit_operation_log (consumer_id, occurred_at DESC, id DESC);
CREATE INDEX audit_operation_log_time ON audit_operation_log (occurred_at DESC, id DESC);

CREATE TABLE audit_operation_log_default PARTITION OF audit_operation_log DEFAULT;

CREATE FUNCTION audit_operation_log_create_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'audit_operation_log_' || to_char(first_day, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_operation_log FOR VALUES FROM (%L) TO (%L)',
                       name, first_day, (first_day + interval '1 month')::date);
    END IF;
END $$;

SELECT audit_operation_log_create_partition((date_trunc('month', now()) + make_interval(months => m))::date)
FROM generate_series(-1, 3) AS m;

CREATE FUNCTION audit_operation_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_operation_log is append-only';
END $$;

CREATE TRIGGER audit_operation_log_append_only BEFORE UPDATE OR DELETE ON audit_operation_log
    FOR EACH ROW EXECUTE FUNCTION audit_operation_log_refuse_change();
