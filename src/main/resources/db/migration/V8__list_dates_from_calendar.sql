-- The list steps' due dates now come from the calendar's deadline rules (LIST_PROPOSAL_*, LIST_PUBLICATION_*), the one
-- place that answers "when is this due". The values moved there with the same sources.
ALTER TABLE directory.list_rule DROP COLUMN proposal_due, DROP COLUMN publication_due;
