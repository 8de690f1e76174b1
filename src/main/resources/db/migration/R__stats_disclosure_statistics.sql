-- Read models of GET /api/v1/stats/disclosures, refreshed by stats_refresh() on a schedule
-- (opencredit.stats.refresh-every): answers are as old as the last refresh, which they report.

DROP FUNCTION IF EXISTS stats_refresh();
DROP MATERIALIZED VIEW IF EXISTS stats_disclosure_daily;
DROP MATERIALIZED VIEW IF EXISTS stats_region_black_list;

-- 双公示 per reporting department, category and decision day: how many public records, how many
-- carry a timeliness verdict (due_on, working_days_to_report and late, written by ingestion) and how
-- many of those arrived late. A day's grain lets any from/to range be summed from it.
CREATE MATERIALIZED VIEW stats_disclosure_daily AS
SELECT source_department_uscc                    AS department_uscc,
       category,
       decision_date,
       max(source_department)                    AS department_name,
       count(*)                                  AS records,
       count(late)                               AS timed,
       count(*) FILTER (WHERE late)              AS late,
       now()                                     AS computed_at
FROM credit_record
WHERE category IN ('LICENCE', 'PENALTY') AND disclosure_level = 'PUBLIC'
GROUP BY source_department_uscc, category, decision_date;

CREATE UNIQUE INDEX stats_disclosure_daily_key ON stats_disclosure_daily (department_uscc, decision_date, category);

-- Per region: subjects, and subjects with at least one current black-list entry (included, not
-- removed, not expired at refresh time).
CREATE MATERIALIZED VIEW stats_region_black_list AS
SELECT s.region_code,
       count(*)                                  AS subjects,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM list_entry l
           WHERE l.subject_id = s.id AND l.list_type = 'BLACK' AND l.removed_at IS NULL AND l.included_at <= now()
             AND (l.expires_at IS NULL OR l.expires_at > now()))) AS black_listed,
       now()                                     AS computed_at
FROM subject s
GROUP BY s.region_code;

CREATE UNIQUE INDEX stats_region_black_list_key ON stats_region_black_list (region_code);

-- One replica refreshes at a time (the others return false at once); CONCURRENTLY keeps the views
-- readable while they are recomputed.
CREATE FUNCTION stats_refresh() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    -- 'statsref' in ASCII: a key no other capability uses.
    IF NOT pg_try_advisory_xact_lock(x'7374617473726566'::bigint) THEN
        RETURN false;
    END IF;
    REFRESH MATERIALIZED VIEW CONCURRENTLY stats_disclosure_daily;
    REFRESH MATERIALIZED VIEW CONCURRENTLY stats_region_black_list;
    RETURN true;
END $$;
