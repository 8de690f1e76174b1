-- The evaluation's read of a subject's counted records is served by credit_record_subject (V054)
-- as well. While this smaller partial index existed, PostgreSQL found it for the profile's
-- prepared record summary whenever it planned with the values at hand (public audience, constant
-- statuses), judged that plan cheaper than the generic one and so planned every execution anew:
-- 0.2-0.5 ms of planning for a 0.06 ms read. Without it both plans are the same and the generic
-- plan is kept after five executions. One index fewer for every ingested row to write, too.
DROP INDEX credit_record_subject_evaluated;
