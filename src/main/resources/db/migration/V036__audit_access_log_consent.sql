-- A read under a subject's consent (a bank's 信易贷 pull) names the consent and what it disclosed, so
-- that the enterprise sees exactly which bank read what, under which authorisation, and when.
ALTER TABLE audit_access_log ADD COLUMN consent_id bigint;
ALTER TABLE audit_access_log ADD COLUMN disclosed text;
