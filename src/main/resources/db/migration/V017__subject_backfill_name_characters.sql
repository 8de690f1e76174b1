-- The characters of every name already there (V015). Writes since V016 keep their own through the
-- trigger; ON CONFLICT lets the two meet. Inserted in key order, which is cheaper for the primary
-- key than the order the subjects come in; the function already returns each character once.
INSERT INTO subject_name_pair (pair, uscc)
SELECT c, uscc FROM (SELECT unnest(subject_name_characters(name_folded)) AS c, uscc FROM subject WHERE uscc IS NOT NULL) characters
ORDER BY 1, 2
ON CONFLICT DO NOTHING;

ANALYZE subject_name_pair;
