-- finance:read (信易贷: consented data packages, featured enterprises, demands and outcomes) is a
-- bank's by default and an operator's with every scope: consumers made before it get it as they
-- would have at their creation.
UPDATE access_consumer SET scopes = array_append(scopes, 'finance:read')
WHERE NOT ('finance:read' = ANY (scopes))
  AND ((consumer_type = 'BANK' AND 'authorised:read' = ANY (scopes))
       OR (consumer_type = 'OPERATOR' AND scopes @> ARRAY['public:read', 'authorised:read', 'self:read', 'ingest:write', 'lists:write',
                                                         'audit:read', 'admin']));
