-- Audit trail: every change to a record, who made it, when, and the record before and after
CREATE SCHEMA audit;

CREATE TABLE audit.change (
  id                    BIGSERIAL PRIMARY KEY,
  occurred_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor                 VARCHAR(64) NOT NULL,
  actor_organisation_id UUID,
  subject_type          VARCHAR(40) NOT NULL,
  subject_id            VARCHAR(64) NOT NULL,
  action                VARCHAR(40) NOT NULL,
  before_state          JSONB,
  after_state           JSONB,
  note                  TEXT
);
CREATE INDEX change_by_subject ON audit.change (subject_type, subject_id, occurred_at);

-- The trail is append-only: history cannot be rewritten.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.change is append-only';
END $$;
CREATE TRIGGER change_append_only BEFORE UPDATE OR DELETE ON audit.change
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
