-- Row triggers do not fire on TRUNCATE: without this, emptying subject (to reload demo data, say)
-- would leave the name pairs of V011 behind, and the next load of the same codes would collide
-- with them.
CREATE FUNCTION subject_name_pair_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE subject_name_pair;
    RETURN NULL;
END $$;

CREATE TRIGGER subject_name_pair_clear AFTER TRUNCATE ON subject
    FOR EACH STATEMENT EXECUTE FUNCTION subject_name_pair_clear();
