-- "Someone watches this subject" is defined once again, as a view, instead of V060's three inline
-- copies beside webhook_watched() (issue 18 review).
--
-- V060 wrote the predicate into each capture trigger because a SQL function with a subquery is not
-- inlined, so webhook_watched() ran as a statement of its own per row. A view is inlined: the
-- triggers' EXISTS over it plans as the same semi-join V060 measured, and webhook_watched(), which
-- the grade trigger calls once per changed result, reads the same view. One definition of an active
-- post-loan monitoring consent for every capture path.

CREATE VIEW webhook_monitoring_consent AS
    SELECT c.subject_id FROM consent c
    WHERE c.purpose = 'POST_LOAN_MONITORING' AND c.revoked_at IS NULL AND c.valid_until > now();

CREATE OR REPLACE FUNCTION webhook_watched(subject bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM webhook_monitoring_consent w WHERE w.subject_id = subject)
$$;

CREATE OR REPLACE FUNCTION webhook_capture_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO webhook_outbox (subject_id, event_type, data)
        SELECT n.subject_id, 'RECORD_FAILING_PUBLISHED', webhook_record_data(n, s)
        FROM new_rows n JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL AND webhook_visible_failing(n.severity, n.status, n.disclosure_level)
          AND EXISTS (SELECT 1 FROM webhook_monitoring_consent w WHERE w.subject_id = n.subject_id)
        ORDER BY n.id;
    ELSE
        INSERT INTO webhook_outbox (subject_id, event_type, data)
        SELECT n.subject_id, 'RECORD_FAILING_PUBLISHED', webhook_record_data(n, s)
        FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN subject s ON s.id = n.subject_id
        WHERE s.uscc IS NOT NULL AND webhook_visible_failing(n.severity, n.status, n.disclosure_level)
          AND NOT webhook_visible_failing(o.severity, o.status, o.disclosure_level)
          AND EXISTS (SELECT 1 FROM webhook_monitoring_consent w WHERE w.subject_id = n.subject_id)
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
      AND EXISTS (SELECT 1 FROM webhook_monitoring_consent w WHERE w.subject_id = n.subject_id)
    ORDER BY n.id;
    RETURN NULL;
END $$;
