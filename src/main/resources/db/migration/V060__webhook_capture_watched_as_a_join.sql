-- The webhook capture triggers of credit_record and list_entry ask whether anyone watches a subject
-- as a semi-join over the batch, instead of calling webhook_watched() once per row (issue 18).
--
-- A SQL function with a subquery is not inlined: for every ingested failing, PostgreSQL ran
-- webhook_watched as a statement of its own, after joining the row to its subject. Most subjects
-- are watched by nobody, so that was the whole capture's work, for nothing: 3.6-7.1 ms per
-- 1 000-row batch when no subject is watched, 0.4-1.1 ms as a semi-join, which hashes the few
-- active monitoring consents once (or, with many of them, looks each subject up in their index, as
-- the function did), and joins the subject only for the rows that are watched
-- (docs/benchmarks.md, eleventh sitting). The same predicate, so the same events.

CREATE OR REPLACE FUNCTION webhook_capture_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO webhook_outbox (subject_id, event_type, data)
        SELECT n.subject_id, 'RECORD_FAILING_PUBLISHED', webhook_record_data(n, s)
        FROM new_rows n JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL AND webhook_visible_failing(n.severity, n.status, n.disclosure_level)
          AND EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = n.subject_id AND c.purpose = 'POST_LOAN_MONITORING'
                      AND c.revoked_at IS NULL AND c.valid_until > now())
        ORDER BY n.id;
    ELSE
        INSERT INTO webhook_outbox (subject_id, event_type, data)
        SELECT n.subject_id, 'RECORD_FAILING_PUBLISHED', webhook_record_data(n, s)
        FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL AND webhook_visible_failing(n.severity, n.status, n.disclosure_level)
          AND NOT webhook_visible_failing(o.severity, o.status, o.disclosure_level)
          AND EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = n.subject_id AND c.purpose = 'POST_LOAN_MONITORING'
                      AND c.revoked_at IS NULL AND c.valid_until > now())
        ORDER BY n.id;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION webhook_capture_list_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_outbox (subject_id, event_type, data)
    SELECT n.subject_id, 'LIST_ENTRY_ADDED', jsonb_build_object(
               'subjectUscc', s.uscc, 'subjectName', s.name, 'entryId', n.id::text, 'listType', n.list_type,
               'authority', n.authority, 'authorityUscc', n.authority_uscc, 'reason', n.reason, 'legalBasis', n.legal_basis,
               'includedAt', n.included_at, 'expiresAt', n.expires_at)
    FROM new_rows n JOIN subject s ON s.id = n.subject_id
    WHERE s.uscc IS NOT NULL AND n.list_type <> 'RED' AND n.removed_at IS NULL
      AND EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = n.subject_id AND c.purpose = 'POST_LOAN_MONITORING'
                  AND c.revoked_at IS NULL AND c.valid_until > now())
    ORDER BY n.id;
    RETURN NULL;
END $$;
