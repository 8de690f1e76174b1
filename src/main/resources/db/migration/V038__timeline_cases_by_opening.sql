-- The workflow statistics find the cases opened in a range by their first event (no state before).
CREATE INDEX workflow_event_opened ON workflow_event (occurred_at) WHERE state_from IS NULL;
