-- Red/black and other list memberships. An entry is never deleted: removal is recorded with its
-- reason, and expiry is a date, so "active" is computed at read time.
CREATE TABLE list_entry (
    id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id                  bigint      NOT NULL REFERENCES subject (id),
    list_type                   text        NOT NULL,
    authority                   text        NOT NULL,
    authority_uscc              text COLLATE "C" NOT NULL,
    reason                      text        NOT NULL,
    legal_basis                 text,
    -- 责任追究: the legal representative of a black-listed enterprise, as recorded at inclusion.
    legal_representative        text,
    included_at                 timestamptz NOT NULL,
    expires_at                  timestamptz,
    removed_at                  timestamptz,
    removal_reason              text,
    removal_note                text,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    version                     integer     NOT NULL DEFAULT 0,
    CONSTRAINT list_entry_type_known CHECK (list_type IN ('RED', 'BLACK', 'WATCH', 'ABNORMAL', 'DISHONEST_DEBTOR')),
    CONSTRAINT list_entry_authority_uscc_format CHECK (authority_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    CONSTRAINT list_entry_expiry_after_inclusion CHECK (expires_at IS NULL OR expires_at > included_at),
    CONSTRAINT list_entry_removal_after_inclusion CHECK (removed_at IS NULL OR removed_at >= included_at),
    CONSTRAINT list_entry_removal_reason_known CHECK (removal_reason IN ('REPAIRED', 'EXPIRED', 'REVOKED', 'COURT_DECISION')),
    CONSTRAINT list_entry_removal_complete CHECK ((removed_at IS NULL) = (removal_reason IS NULL))
);

-- The profile reads a subject's memberships that have not been removed.
CREATE INDEX list_entry_subject_current ON list_entry (subject_id, list_type) WHERE removed_at IS NULL;
