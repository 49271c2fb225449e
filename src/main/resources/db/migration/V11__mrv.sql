-- MRV part 1: quality-control plans (数据质量控制计划) and monthly deposits (月度信息化存证), seed 002 §二(一)(二)(六)(七).
CREATE SCHEMA mrv;

-- Plausible ranges per fuel and parameter, from a data year on (the latest from_year <= the deposit's year applies).
CREATE TABLE mrv.plausible_range (
  fuel       VARCHAR(20) NOT NULL,
  parameter  VARCHAR(30) NOT NULL,
  from_year  INT NOT NULL,
  min_value  NUMERIC NOT NULL,
  max_value  NUMERIC NOT NULL CHECK (max_value > min_value),
  source     TEXT NOT NULL,
  PRIMARY KEY (fuel, parameter, from_year)
);

-- Coal sample requirements by the month they start to apply (seed 002 §二(六)).
CREATE TABLE mrv.sample_rule (
  requirement      VARCHAR(30) NOT NULL,
  from_month       DATE NOT NULL CHECK (extract(day FROM from_month) = 1),
  retention_months INT NOT NULL CHECK (retention_months > 0),
  source           TEXT NOT NULL,
  PRIMARY KEY (requirement, from_month)
);

CREATE TABLE mrv.qc_plan (
  id              UUID PRIMARY KEY,
  emitter_uscc    CHAR(18) NOT NULL,
  emitter_name    VARCHAR(200) NOT NULL,
  region_code     CHAR(6) NOT NULL,
  unit_id         UUID NOT NULL,
  unit_code       VARCHAR(60) NOT NULL,
  plan_year       INT NOT NULL CHECK (plan_year BETWEEN 2019 AND 2100),
  plan_version    INT NOT NULL CHECK (plan_version >= 1),
  replaces        UUID REFERENCES mrv.qc_plan (id),
  revision_reason TEXT,
  status          VARCHAR(20) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'DISTRICT_APPROVED', 'APPROVED', 'SUPERSEDED')),
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by      VARCHAR(64) NOT NULL,
  UNIQUE (unit_id, plan_year, plan_version),
  CHECK (plan_version = 1 OR (replaces IS NOT NULL AND length(trim(revision_reason)) > 0))
);
-- At most one version of a unit's plan is being worked on or reviewed at a time.
CREATE UNIQUE INDEX qc_plan_one_open ON mrv.qc_plan (unit_id, plan_year) WHERE status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'DISTRICT_APPROVED');
CREATE INDEX qc_plan_by_region ON mrv.qc_plan (region_code, plan_year);

CREATE TABLE mrv.qc_plan_item (
  plan_id       UUID NOT NULL REFERENCES mrv.qc_plan (id) ON DELETE CASCADE,
  parameter     VARCHAR(30) NOT NULL,
  fuel          VARCHAR(20) NOT NULL DEFAULT '',
  basis         VARCHAR(20) NOT NULL CHECK (basis IN ('MEASURED', 'DEFAULT', 'CALCULATED')),
  method        TEXT NOT NULL,
  instrument    TEXT,
  calibration   TEXT,
  lab           TEXT,
  frequency     TEXT,
  default_value NUMERIC,
  PRIMARY KEY (plan_id, parameter, fuel)
);

CREATE TABLE mrv.deposit (
  id              UUID PRIMARY KEY,
  emitter_uscc    CHAR(18) NOT NULL,
  emitter_name    VARCHAR(200) NOT NULL,
  region_code     CHAR(6) NOT NULL,
  unit_id         UUID NOT NULL,
  unit_code       VARCHAR(60) NOT NULL,
  month           DATE NOT NULL CHECK (extract(day FROM month) = 1),
  deposit_version INT NOT NULL CHECK (deposit_version >= 1),
  replaces        UUID REFERENCES mrv.deposit (id),
  status          VARCHAR(20) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'DISTRICT_APPROVED', 'APPROVED')),
  channel         VARCHAR(10) NOT NULL CHECK (channel IN ('FORM', 'EXCEL', 'API')),
  sample_id       VARCHAR(100),
  sample_place    VARCHAR(200),
  findings        JSONB NOT NULL DEFAULT '[]',
  content_sha256  CHAR(64),
  log_index       BIGINT,
  submitted_at    TIMESTAMPTZ,
  submitted_by    VARCHAR(64),
  version         INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by      VARCHAR(64) NOT NULL,
  UNIQUE (unit_id, month, deposit_version),
  CHECK (deposit_version = 1 OR replaces IS NOT NULL),
  CHECK (status = 'DRAFT' OR (content_sha256 IS NOT NULL AND log_index IS NOT NULL AND submitted_at IS NOT NULL))
);
-- One live version per unit-month: a draft, one under review, or the approved one. Returned versions stay as history.
CREATE UNIQUE INDEX deposit_one_live ON mrv.deposit (unit_id, month) WHERE status <> 'RETURNED';
CREATE INDEX deposit_by_region ON mrv.deposit (region_code, status);
CREATE INDEX deposit_by_emitter ON mrv.deposit (emitter_uscc, month);

CREATE TABLE mrv.deposit_value (
  deposit_id UUID NOT NULL REFERENCES mrv.deposit (id) ON DELETE CASCADE,
  parameter  VARCHAR(30) NOT NULL,
  fuel       VARCHAR(20) NOT NULL DEFAULT '',
  value      NUMERIC CHECK (value >= 0),
  basis      VARCHAR(20) NOT NULL CHECK (basis IN ('MEASURED', 'DEFAULT', 'CALCULATED')),
  note       TEXT,
  PRIMARY KEY (deposit_id, parameter, fuel),
  CHECK (value IS NOT NULL OR basis = 'DEFAULT')
);

CREATE TABLE mrv.deposit_evidence (
  deposit_id    UUID NOT NULL REFERENCES mrv.deposit (id) ON DELETE CASCADE,
  upload_id     UUID NOT NULL,
  sha256        CHAR(64) NOT NULL,
  file_name     VARCHAR(255) NOT NULL,
  evidence_kind VARCHAR(30) NOT NULL,
  fuel          VARCHAR(20) NOT NULL DEFAULT '',
  size_bytes    BIGINT NOT NULL,
  attached_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  attached_by   VARCHAR(64) NOT NULL,
  PRIMARY KEY (deposit_id, upload_id)
);

-- Who did what when: every state change of a plan or a deposit, with the reasons of a return.
CREATE TABLE mrv.review_event (
  id           BIGSERIAL PRIMARY KEY,
  subject_kind VARCHAR(10) NOT NULL CHECK (subject_kind IN ('PLAN', 'DEPOSIT')),
  subject_id   UUID NOT NULL,
  action       VARCHAR(30) NOT NULL,
  actor        VARCHAR(64) NOT NULL,
  actor_org    VARCHAR(200) NOT NULL,
  at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  reasons      JSONB NOT NULL DEFAULT '[]'
);
CREATE INDEX review_event_subject ON mrv.review_event (subject_id, id);

-- A submitted deposit is frozen: its values and evidence can no longer change, and only its review state may move.
CREATE FUNCTION mrv.refuse_change_after_submission() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.deposit_id ELSE NEW.deposit_id END;
  state  VARCHAR(20);
BEGIN
  SELECT status INTO state FROM mrv.deposit WHERE id = parent;
  IF state IS NOT NULL AND state <> 'DRAFT' THEN
    RAISE EXCEPTION 'deposit % is submitted: its % cannot change (a correction is a new version)', parent, TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.deposit_id <> NEW.deposit_id THEN
    RAISE EXCEPTION 'a % row cannot move to another deposit', TG_TABLE_NAME;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER deposit_value_frozen BEFORE INSERT OR UPDATE OR DELETE ON mrv.deposit_value
  FOR EACH ROW EXECUTE FUNCTION mrv.refuse_change_after_submission();
CREATE TRIGGER deposit_evidence_frozen BEFORE INSERT OR UPDATE OR DELETE ON mrv.deposit_evidence
  FOR EACH ROW EXECUTE FUNCTION mrv.refuse_change_after_submission();

CREATE FUNCTION mrv.refuse_deposit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION 'deposit % is submitted and cannot be deleted', OLD.id;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'DRAFT' AND (NEW.status = 'DRAFT'
      OR (NEW.emitter_uscc, NEW.emitter_name, NEW.region_code, NEW.unit_code, NEW.created_by, NEW.created_at, NEW.unit_id, NEW.month, NEW.deposit_version, NEW.replaces, NEW.sample_id, NEW.sample_place,
          NEW.content_sha256, NEW.log_index, NEW.submitted_at, NEW.submitted_by, NEW.findings, NEW.channel)
         IS DISTINCT FROM
         (OLD.emitter_uscc, OLD.emitter_name, OLD.region_code, OLD.unit_code, OLD.created_by, OLD.created_at, OLD.unit_id, OLD.month, OLD.deposit_version, OLD.replaces, OLD.sample_id, OLD.sample_place,
          OLD.content_sha256, OLD.log_index, OLD.submitted_at, OLD.submitted_by, OLD.findings, OLD.channel)) THEN
    RAISE EXCEPTION 'deposit % is submitted: only its review state may change (a correction is a new version)', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER deposit_frozen BEFORE UPDATE OR DELETE ON mrv.deposit FOR EACH ROW EXECUTE FUNCTION mrv.refuse_deposit_rewrite();

CREATE FUNCTION mrv.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'review history is append-only';
END $$;
CREATE TRIGGER review_event_append_only BEFORE UPDATE OR DELETE ON mrv.review_event FOR EACH ROW EXECUTE FUNCTION mrv.refuse_event_change();

-- Ranges: 《企业温室气体排放核算与报告指南 发电设施》(环办气候函〔2022〕485号) defaults and the verification guide's
-- plausibility bands for as-received coal; values outside them are data-entry errors or need a lab re-test.
INSERT INTO mrv.plausible_range (fuel, parameter, from_year, min_value, max_value, source) VALUES
 ('RAW_COAL',     'NCV',            2019, 8,    32,   '485号 附录: 原煤收到基低位发热量 (GJ/t)'),
 ('RAW_COAL',     'CARBON_CONTENT', 2019, 0.20, 0.80, '485号 §5.2.1: 收到基元素碳含量 (tC/t)'),
 ('BITUMINOUS',   'NCV',            2019, 14,   32,   '485号 附录: 烟煤收到基低位发热量 (GJ/t)'),
 ('BITUMINOUS',   'CARBON_CONTENT', 2019, 0.35, 0.80, '485号 §5.2.1: 收到基元素碳含量 (tC/t)'),
 ('ANTHRACITE',   'NCV',            2019, 14,   33,   '485号 附录: 无烟煤收到基低位发热量 (GJ/t)'),
 ('ANTHRACITE',   'CARBON_CONTENT', 2019, 0.40, 0.90, '485号 §5.2.1: 收到基元素碳含量 (tC/t)'),
 ('LIGNITE',      'NCV',            2019, 8,    20,   '485号 附录: 褐煤收到基低位发热量 (GJ/t)'),
 ('LIGNITE',      'CARBON_CONTENT', 2019, 0.20, 0.60, '485号 §5.2.1: 收到基元素碳含量 (tC/t)'),
 ('COAL_GANGUE',  'NCV',            2019, 4,    16,   '485号 附录: 煤矸石低位发热量 (GJ/t)'),
 ('COAL_GANGUE',  'CARBON_CONTENT', 2019, 0.08, 0.45, '485号 §5.2.1: 收到基元素碳含量 (tC/t)'),
 ('NATURAL_GAS',  'NCV',            2019, 330,  420,  '485号 附录表A.1: 天然气 389.31 GJ/10⁴Nm³ (band ±15%)'),
 ('NATURAL_GAS',  'CARBON_CONTENT', 2019, 4.8,  6.6,  '485号 附录表A.1: 15.32 tC/TJ × 389.31 GJ/10⁴Nm³ = 5.96 tC/10⁴Nm³ (band)'),
 ('FUEL_OIL',     'NCV',            2019, 38,   44,   '485号 附录表A.1: 燃料油 41.816 GJ/t'),
 ('FUEL_OIL',     'CARBON_CONTENT', 2019, 0.80, 0.90, '485号 附录表A.1: 21.1 tC/TJ × 41.816 GJ/t = 0.882 tC/t (band)'),
 ('BIOMASS',      'NCV',            2019, 8,    20,   '生物质燃料低位发热量 (GJ/t)'),
 ('BIOMASS',      'CARBON_CONTENT', 2019, 0.25, 0.55, '生物质收到基元素碳含量 (tC/t)');

INSERT INTO mrv.sample_rule (requirement, from_month, retention_months, source) VALUES
 ('RETAINED_SAMPLE', DATE '2023-09-01', 12, '渝环规〔2023〕2号 §二(六) "2023年9月起月缩分煤样至少留存1份…至少保存12个月备查"'),
 ('SAMPLING_RECORDING', DATE '2024-01-01', 12, '渝环规〔2023〕2号 §二(六) "2024年1月1日起对每月煤样的采样、制样、化验、保存等全程采用影像等可视化手段记录"');
