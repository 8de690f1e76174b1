-- 信易贷 market: an enterprise's opting in to (and out of) the featured feed and each financing
-- demand's transitions go to the subject's timeline with the other workflows.
ALTER TABLE workflow_event DROP CONSTRAINT workflow_event_workflow_known;
ALTER TABLE workflow_event ADD CONSTRAINT workflow_event_workflow_known
    CHECK (workflow IN ('REGISTRATION', 'COMMITMENT', 'REPAIR', 'OBJECTION', 'CONSENT', 'FINANCE_FEATURED', 'FINANCE_DEMAND'));

-- The featured feed starts from the enterprises opted in now.
CREATE INDEX finance_featured_opted_in ON finance_featured (subject_id) WHERE opted_out_at IS NULL;
-- Statistics count demands by month, and banks' answers and outcomes by demand.
CREATE INDEX finance_demand_created ON finance_demand (created_at);
CREATE INDEX finance_outcome_demand ON finance_loan_outcome (demand_id);
