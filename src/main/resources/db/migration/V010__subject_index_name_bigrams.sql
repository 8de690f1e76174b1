-- Name search by fragment. Chinese names are searched by two-character words (农业, 科技, 华为),
-- and pg_trgm cannot serve a pattern shorter than three characters: such searches read every
-- subject. Each name's distinct character pairs (lower-cased, as ILIKE compares) go into an
-- array with a GIN index; a fragment of two or more characters first narrows the subjects to those
-- whose names hold all of its pairs, and ILIKE then checks the fragment itself. The trigram index
-- served only the fragment search, which the pairs now serve for every length but one.

CREATE FUNCTION subject_name_bigrams(name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(array_agg(DISTINCT substr(lower(name), i, 2)), '{}')
            FROM generate_series(1, char_length(name) - 1) AS i);

-- From the name itself: a generated column cannot read another (name_folded is the same normalize()).
ALTER TABLE subject ADD COLUMN name_bigrams text[] GENERATED ALWAYS AS (subject_name_bigrams(normalize(name, NFKC))) STORED;

CREATE INDEX subject_name_bigrams ON subject USING gin (name_bigrams);

DROP INDEX subject_name_trgm;
