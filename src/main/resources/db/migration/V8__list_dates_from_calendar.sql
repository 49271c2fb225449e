-- The list steps' due dates now come from the calendar's deadline rules (LIST_PROPOSAL_*, LIST_PUBLICATION_*), the one
-- place that answers "when is this due". Proposal dates and the power-list publication date moved there with their
-- sources (渝环规〔2023〕2号 §一). The non-power publication date (Dec 31) is NOT carried over: no seed states one
-- (§一 only says the city reviews and decides), so it shows as "not set" until a regulator enters it.
ALTER TABLE directory.list_rule DROP COLUMN proposal_due, DROP COLUMN publication_due;
