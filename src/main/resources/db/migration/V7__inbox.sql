-- Open obligations (what is due, by whom, for which emitter/unit/month) and the reminders sent about them.
CREATE SCHEMA inbox;

CREATE TABLE inbox.obligation (
  id              UUID PRIMARY KEY,
  -- chosen by the module that opens it, e.g. 'MONTHLY_DEPOSIT:9133...:1#:2026-10'; opening twice is a no-op
  obligation_key  VARCHAR(200) NOT NULL UNIQUE,
  deadline        VARCHAR(40) NOT NULL,
  compliance_year INT NOT NULL,
  responsible_org UUID NOT NULL,
  region_code     CHAR(6) NOT NULL,
  emitter_uscc    CHAR(18),
  emitter_name    VARCHAR(200),
  subject         VARCHAR(200),
  period          VARCHAR(20),
  link            VARCHAR(300),
  due_date        DATE NOT NULL,
  rule_id         BIGINT NOT NULL REFERENCES calendar.deadline_rule (id),
  anchor          DATE,
  -- computed before the year's holidays were announced (weekends assumed); recomputed when they are
  provisional     BOOLEAN NOT NULL DEFAULT false,
  opened_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  closed_at       TIMESTAMPTZ,
  closed_by       VARCHAR(64),
  outcome         VARCHAR(10) CHECK (outcome IN ('DONE', 'WITHDRAWN')),
  CONSTRAINT closed_with_outcome CHECK ((closed_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX obligation_open_by_org ON inbox.obligation (responsible_org, due_date) WHERE closed_at IS NULL;
CREATE INDEX obligation_open_by_due ON inbox.obligation (due_date) WHERE closed_at IS NULL;
CREATE INDEX obligation_region ON inbox.obligation (region_code, due_date);

-- One row per obligation and stage: the primary key is what makes each reminder go out once, whichever instance
-- or restart tries again.
CREATE TABLE inbox.reminder (
  obligation_id UUID NOT NULL REFERENCES inbox.obligation (id),
  stage         VARCHAR(10) NOT NULL CHECK (stage IN ('DAYS_7', 'DAYS_1', 'OVERDUE')),
  days_left     INT NOT NULL,
  sent_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (obligation_id, stage)
);

CREATE TABLE inbox.notification (
  id            UUID PRIMARY KEY,
  person_id     UUID NOT NULL,
  obligation_id UUID NOT NULL REFERENCES inbox.obligation (id),
  stage         VARCHAR(10) NOT NULL,
  days_left     INT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  read_at       TIMESTAMPTZ,
  UNIQUE (person_id, obligation_id, stage)
);
CREATE INDEX notification_unread ON inbox.notification (person_id) WHERE read_at IS NULL;

-- Outbox: written with the notification, sent by a job; each email is claimed, sent and marked in its own short steps,
-- so a crash can resend at most the one email in flight. A failed send is retried, a sent one never again.
CREATE TABLE inbox.email (
  id              UUID PRIMARY KEY,
  notification_id UUID NOT NULL UNIQUE REFERENCES inbox.notification (id),
  recipient       VARCHAR(200) NOT NULL,
  subject         VARCHAR(300) NOT NULL,
  body            TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_at         TIMESTAMPTZ,
  attempts        INT NOT NULL DEFAULT 0,
  -- an instance sending this email holds it until then; a crashed sender's claim runs out
  claimed_until   TIMESTAMPTZ,
  last_error      VARCHAR(500)
);
CREATE INDEX email_unsent ON inbox.email (created_at) WHERE sent_at IS NULL;
