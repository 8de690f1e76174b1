-- One-character name search through the same table as the pairs. A single character cannot be
-- looked up by its pairs (it may end a name, or stand in many different pairs), so it was checked
-- with ILIKE on every name in USCC order: fast for a common character, whose matches come early,
-- but a full read of the names for a rare or absent one (130 ms at 100 000 subjects, over a second
-- at 1 000 000). Each name's distinct characters now go into subject_name_pair beside its pairs,
-- keyed (character, uscc), so a one-character search walks its holders in USCC order like a word.
-- A character and a pair never share a key: one is one character long, the other two.

CREATE FUNCTION subject_name_characters(name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(array_agg(DISTINCT substr(lower(name), i, 1)), '{}')
            FROM generate_series(1, char_length(lower(name))) AS i);

CREATE OR REPLACE FUNCTION subject_name_pair_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.uscc IS NOT NULL THEN
        DELETE FROM subject_name_pair
        WHERE pair = ANY (OLD.name_bigrams || subject_name_characters(OLD.name_folded)) AND uscc = OLD.uscc;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.uscc IS NOT NULL THEN
        INSERT INTO subject_name_pair (pair, uscc)
        SELECT unnest(NEW.name_bigrams || subject_name_characters(NEW.name_folded)), NEW.uscc ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

-- The characters of the names already there are added by V017, once V016 has waited out every
-- write that still ran the old trigger: a write committed after this migration's snapshot but
-- begun under the old function would otherwise never get its characters.
