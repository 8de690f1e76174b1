-- Statistics on the name key (SubjectNames.key in SQL), so that PostgreSQL estimates how many
-- subjects share a name (issue 18).
--
-- Ingestion looks up every name of a batch in one statement (name key = ANY of up to 1 000 keys,
-- for the 重错码 checks). subject_name_key indexes that expression, but it is partial (subjects with
-- a USCC) and PostgreSQL ignores a partial index's statistics when estimating: it took the default
-- 0.5 % of the table for each key, i.e. the whole table for a batch, and scanned all of it,
-- working out the expression for every subject (71 ms a batch at 100 000 subjects, growing with
-- the register; 10 ms through the index). Expression statistics (PostgreSQL 14) give the
-- estimate the index's statistics would have.
CREATE STATISTICS subject_name_key_statistics ON (regexp_replace(name_folded, '[[:space:]]+', '', 'g')) FROM subject;
ANALYZE subject;
