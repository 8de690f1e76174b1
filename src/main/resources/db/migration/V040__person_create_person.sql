-- Natural persons (自然人) as subjects: the subject row (type NATURAL_PERSON, no USCC) carries the
-- name and the keyed hash of the identity number that ingestion already uses to find the person;
-- this row carries the identity number encrypted with AES-256-GCM under a configured key (its id
-- kept for rotation), its masked form for answers, and the person's occupational group.
CREATE TABLE person (
    subject_id          bigint      PRIMARY KEY REFERENCES subject (id),
    -- What answers and URLs name the person by: never the identity number, never the subject id.
    public_id           uuid        NOT NULL,
    -- 12-byte nonce followed by the GCM ciphertext and tag; the subject id is the associated data,
    -- so a ciphertext copied onto another person's row does not decrypt.
    identity_cipher     bytea       NOT NULL,
    identity_key_id     text        NOT NULL,
    identity_masked     text        NOT NULL,
    occupation          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer     NOT NULL DEFAULT 0,
    CONSTRAINT person_occupation_known CHECK (occupation IN ('civil-servant', 'legal-representative', 'lawyer', 'teacher',
        'physician', 'licensed-pharmacist', 'appraiser', 'tax-adviser', 'fire-engineer', 'accountant-auditor', 'estate-agent',
        'certification-staff', 'finance-staff', 'tour-guide')),
    CONSTRAINT person_cipher_length CHECK (octet_length(identity_cipher) > 28)
);
CREATE UNIQUE INDEX person_public_id_key ON person (public_id);
-- Re-encryption walks the rows still under an older key.
CREATE INDEX person_key_id ON person (identity_key_id, subject_id);

-- incentive:read (信易+ eligibility) for apps and departments, persons:read (a person by identity
-- number) for departments, and both for operators with every scope: consumers made before these
-- scopes get them as they would have at their creation.
UPDATE access_consumer SET scopes = array_append(scopes, 'incentive:read')
WHERE NOT ('incentive:read' = ANY (scopes))
  AND (consumer_type IN ('APP', 'DEPARTMENT')
       OR (consumer_type = 'OPERATOR' AND scopes @> ARRAY['public:read', 'authorised:read', 'finance:read', 'self:read', 'ingest:write',
                                                         'lists:write', 'audit:read', 'admin']));
UPDATE access_consumer SET scopes = array_append(scopes, 'persons:read')
WHERE NOT ('persons:read' = ANY (scopes))
  AND (consumer_type = 'DEPARTMENT'
       OR (consumer_type = 'OPERATOR' AND scopes @> ARRAY['public:read', 'authorised:read', 'finance:read', 'self:read', 'ingest:write',
                                                         'lists:write', 'audit:read', 'admin']));
