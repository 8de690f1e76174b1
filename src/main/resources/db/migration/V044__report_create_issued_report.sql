-- Credit reports (信用报告) issued, kept only as far as verifying them needs: the report's content is
-- not stored (it is assembled from the subject's data when asked, and that data moves on), so a
-- report is proven by the SHA-256 of the exact bytes that went out, which its holder presents.
CREATE TABLE report_issued (
    code                        text COLLATE "C" PRIMARY KEY,
    subject_uscc                text COLLATE "C" NOT NULL,
    level                       text        NOT NULL,
    format                      text        NOT NULL,
    content_sha256              bytea       NOT NULL,
    content_bytes               integer     NOT NULL,
    issued_at                   timestamptz NOT NULL,
    valid_until                 timestamptz NOT NULL,
    consumer_id                 uuid,
    CONSTRAINT report_issued_level_known CHECK (level IN ('PUBLIC', 'FULL')),
    CONSTRAINT report_issued_format_known CHECK (format IN ('JSON', 'PDF')),
    CONSTRAINT report_issued_hash_length CHECK (octet_length(content_sha256) = 32),
    CONSTRAINT report_issued_validity_ordered CHECK (valid_until > issued_at)
);
CREATE INDEX report_issued_by_subject ON report_issued (subject_uscc, issued_at);
