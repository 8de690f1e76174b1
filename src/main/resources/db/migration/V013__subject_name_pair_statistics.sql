-- The name walk (SubjectRepository.byNamePairs) is planned for the fragment's rarest pair. With the
-- default statistics only the 100 most common pairs have their own frequency; a pair held by tens
-- of thousands of names but outside them was estimated at a few hundred, and the planner then
-- gathered and sorted all its holders instead of walking them in order. A thousand covers them.
ALTER TABLE subject_name_pair ALTER COLUMN pair SET STATISTICS 1000;

ANALYZE subject_name_pair;
