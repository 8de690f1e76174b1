-- The public list listing walks one list newest inclusion first (keyset on included_at, id), either
-- whole or for one authority; the date range narrows the same walk. Region and "active" are
-- filters on the walked rows, so a page costs the same however deep it is.
CREATE INDEX list_entry_type_included ON list_entry (list_type, included_at DESC, id DESC);
CREATE INDEX list_entry_type_authority_included ON list_entry (list_type, authority_uscc, included_at DESC, id DESC);

-- A subject's full list history (the profile), removed and expired entries included.
CREATE INDEX list_entry_subject_history ON list_entry (subject_id, included_at DESC, id DESC);
