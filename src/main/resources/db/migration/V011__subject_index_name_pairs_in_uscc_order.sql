-- Name search in USCC order without reading what does not match. Search answers come in USCC order
-- (keyset pages). The GIN index of V010 finds the names holding a fragment's character pairs, but
-- not in that order: a word in 40 % of 1 000 000 names meant fetching and sorting 400 000 rows, and
-- walking the USCC index instead meant reading every subject before the first match (farmers'
-- cooperatives, 合作社, only begin at codes 93…). Here every pair of adjacent characters of each
-- name is one row, keyed (pair, uscc): the subjects holding a pair come straight out of the primary
-- key in USCC order, so a page costs what its own matches cost, however common the word.

CREATE TABLE subject_name_pair (
    pair text NOT NULL,
    uscc text COLLATE "C" NOT NULL,
    PRIMARY KEY (pair, uscc)
);

CREATE FUNCTION subject_name_pair_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.uscc IS NOT NULL THEN
        DELETE FROM subject_name_pair WHERE pair = ANY (OLD.name_bigrams) AND uscc = OLD.uscc;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.uscc IS NOT NULL THEN
        INSERT INTO subject_name_pair (pair, uscc) SELECT unnest(NEW.name_bigrams), NEW.uscc ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

-- The seed loader writes with triggers off and fills the table itself in one statement.
CREATE TRIGGER subject_name_pair_sync AFTER INSERT OR DELETE OR UPDATE OF name, uscc ON subject
    FOR EACH ROW EXECUTE FUNCTION subject_name_pair_sync();

INSERT INTO subject_name_pair (pair, uscc)
SELECT DISTINCT unnest(name_bigrams), uscc FROM subject WHERE uscc IS NOT NULL;

-- The pairs table serves every fragment of two or more characters; the GIN index is no longer read.
DROP INDEX subject_name_bigrams;

ANALYZE subject_name_pair;
