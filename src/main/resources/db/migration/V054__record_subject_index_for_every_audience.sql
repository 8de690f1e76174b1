-- A subject's records, newest first, for every audience. The partial index this replaces held the
-- public rows only, and the reads filter on `disclosure_level = ANY($n)` with the audience's levels:
-- for a department or operator (all levels) or the subject itself (public and authorised) no index
-- on subject_id applied, and the profile's record summary scanned the whole table (1.6 s at
-- 1 000 000 subjects). It also let PostgreSQL keep a generic plan for the prepared statements
-- instead of planning every execution anew (a custom plan costs more than the read it plans).
-- Replacing, not adding, keeps the number of indexes an ingested row writes the same.
CREATE INDEX credit_record_subject ON credit_record (subject_id, decision_date DESC, id DESC);
DROP INDEX credit_record_subject_public;
