-- MRV part 2: the accounting rules per data year (calendar.policy_value) and the annual emission reports (mrv).

-- 1. Accounting rules as compliance-year data. Sources: 企业温室气体排放核算与报告指南 发电设施 (环办气候函〔2022〕485号,
-- named by seed 002 §二(三) for the 2023 and 2024 reports), the non-power sector guidelines (default fuel factors of
-- GB/T 32151 series tables), seed 002 §二(三)/§三(一) for the grid factor. Rows marked "OpenCETS assumption" are not
-- stated in any seed and should be checked against the guideline PDF before a real compliance year relies on them.

-- Seed 002 §二(三): "2022 年度全国电网平均排放因子为 0.5703 ... 后续年度全国电网平均排放因子如有更新，将另行通知" — so 0.5703
-- applies to later data years until a new value is announced (a new version of these rows).
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'GRID_EMISSION_FACTOR', '', '', '0.5703', 'tCO2/MWh',
       'seed 002 §二(三): 0.5703 for 2022 data, "后续年度...如有更新，将另行通知" (kept until a new value is announced)', make_date(y, 1, 1)
FROM generate_series(2023, 2025) y;

INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'DEFAULT_COAL_CARBON_CONTENT', '', '', '0.03085', 'tC/GJ',
       '485号 §5.2.2: 未实测元素碳含量的燃煤单位热值含碳量缺省值 0.03085 tC/GJ (DOMAIN.md Emission accounting)', make_date(y, 1, 1)
FROM generate_series(2023, 2026) y;

INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, p.parameter, p.qualifier, '', p.value, p.unit, p.source, make_date(y, 1, 1)
FROM generate_series(2021, 2026) y CROSS JOIN (VALUES
  ('FUEL_OXIDATION_RATE', 'GAS', '99', '%', '485号 附录 A 缺省值: 天然气碳氧化率 99% (DOMAIN.md gas worked example, OF 99%)'),
  ('FUEL_OXIDATION_RATE', 'OIL', '98', '%', '485号 附录 A 缺省值: 燃料油碳氧化率 98%'),
  ('DEFAULT_FUEL_CARBON_CONTENT', 'GAS', '0.01532', 'tC/GJ', '485号 附录 A 缺省值: 天然气单位热值含碳量 0.01532 tC/GJ (DOMAIN.md gas worked example)'),
  ('DEFAULT_FUEL_CARBON_CONTENT', 'OIL', '0.0211', 'tC/GJ', '485号 附录 A 缺省值: 燃料油单位热值含碳量 0.0211 tC/GJ'),
  ('DEFAULT_FUEL_NCV', 'GAS', '389.31', 'GJ/10⁴Nm³', '485号 附录 A 缺省值: 天然气低位发热量 389.31 GJ/10⁴Nm³ (DOMAIN.md gas worked example)'),
  ('DEFAULT_FUEL_NCV', 'OIL', '41.816', 'GJ/t', '485号 附录 A 缺省值: 燃料油低位发热量 41.816 GJ/t'),
  ('PURCHASED_HEAT_EMISSION_FACTOR', '', '0.11', 'tCO2/GJ', 'non-power sector guidelines: 购入热力排放因子缺省值 0.11 tCO2/GJ'),
  ('MISSING_CARBON_MIN_MEASURED_MONTHS', '', '3', 'months', 'OpenCETS assumption (issue 5 example): fewer than 3 measured months → the conservative default for the missing months, otherwise the highest measured month; check against 485号 §5.2'),
  ('PLAUSIBILITY_LIMIT', 'CHP', '1', 'ratio', 'verification guide: 热电联产 (发电量×3.6 + 供热量)/Σ(FC×NCV) < 1'),
  ('PLAUSIBILITY_LIMIT', 'CONDENSING', '0.46', 'ratio', 'verification guide: 纯凝 发电量×3.6/Σ(FC×NCV) < 46%'),
  ('ACCOUNTING_DECIMALS', 'NCV', '3', 'places', 'OpenCETS assumption: NCV kept to 3 places (national platform entry precision)'),
  ('ACCOUNTING_DECIMALS', 'CARBON_SOLID', '4', 'places', 'OpenCETS assumption: C_ar of solid and liquid fuels (tC/t) kept to 4 places'),
  ('ACCOUNTING_DECIMALS', 'CARBON_GAS', '2', 'places', 'DOMAIN.md gas worked example: C_ar 5.96 tC/10⁴Nm³ (2 places)'),
  ('ACCOUNTING_DECIMALS', 'CARBON_PER_GJ', '5', 'places', '485号 缺省值 precision: 0.03085 / 0.01532 tC/GJ (5 places)'),
  ('ACCOUNTING_DECIMALS', 'EMISSIONS', '2', 'places', 'DOMAIN.md gas worked example: 454.33 tCO2 (2 places)'),
  ('ACCOUNTING_DECIMALS', 'AMOUNTS', '2', 'places', 'OpenCETS assumption: heat input (GJ) kept to 2 places'),
  ('ACCOUNTING_DECIMALS', 'INDICATORS', '4', 'places', 'OpenCETS assumption: ratios and intensities kept to 4 places')
) AS p(parameter, qualifier, value, unit, source);

-- Purchased electricity: reported and counted until the 2022 data; from the 2023/24 plan reported but excluded from
-- compliance; dropped from accounting from 2026 data (DOMAIN.md Emission accounting).
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'PURCHASED_ELECTRICITY_REPORTED', '', '', CASE WHEN y < 2026 THEN '1' ELSE '0' END, '1 = yes',
       'DOMAIN.md Emission accounting: purchased electricity dropped from accounting from 2026 data', make_date(y, 1, 1)
FROM generate_series(2021, 2026) y;
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'PURCHASED_ELECTRICITY_IN_COMPLIANCE', '', '', CASE WHEN y < 2023 THEN '1' ELSE '0' END, '1 = yes',
       'DOMAIN.md Emission accounting: excluded from compliance from the 2023/24 plan', make_date(y, 1, 1)
FROM generate_series(2021, 2026) y;

-- 2. Annual emission reports. One live version per emitter and year; a returned version is corrected as a new one.
CREATE TABLE mrv.annual_report (
  id              UUID PRIMARY KEY,
  emitter_uscc    CHAR(18) NOT NULL,
  emitter_name    VARCHAR(200) NOT NULL,
  region_code     CHAR(6) NOT NULL,
  sector          VARCHAR(30) NOT NULL,
  data_year       INT NOT NULL CHECK (data_year BETWEEN 2000 AND 2100),
  report_version  INT NOT NULL CHECK (report_version >= 1),
  replaces        UUID REFERENCES mrv.annual_report (id),
  status          VARCHAR(20) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'DISTRICT_APPROVED', 'APPROVED', 'RETURNED')),
  explanation     TEXT NOT NULL DEFAULT '' CHECK (length(explanation) <= 5000),
  account         JSONB,
  content_sha256  CHAR(64),
  log_index       BIGINT,
  late            BOOLEAN NOT NULL DEFAULT FALSE,
  submitted_at    TIMESTAMPTZ,
  submitted_by    VARCHAR(64),
  created_by      VARCHAR(64) NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  version         INT NOT NULL DEFAULT 0,
  UNIQUE (emitter_uscc, data_year, report_version),
  CHECK ((status = 'DRAFT') = (account IS NULL))
);
CREATE UNIQUE INDEX annual_report_one_live ON mrv.annual_report (emitter_uscc, data_year) WHERE status <> 'RETURNED';
CREATE INDEX annual_report_status ON mrv.annual_report (status, region_code);

CREATE TABLE mrv.report_attachment (
  report_id   UUID NOT NULL REFERENCES mrv.annual_report (id) ON DELETE CASCADE,
  upload_id   UUID NOT NULL,
  sha256      CHAR(64) NOT NULL,
  file_name   VARCHAR(255) NOT NULL,
  size_bytes  BIGINT NOT NULL,
  attached_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  attached_by VARCHAR(64) NOT NULL,
  PRIMARY KEY (report_id, upload_id)
);

-- Non-power source streams and the sector's supplementary data table (power reports compile from the deposits).
CREATE TABLE mrv.report_stream (
  report_id      UUID NOT NULL REFERENCES mrv.annual_report (id) ON DELETE CASCADE,
  position       INT NOT NULL,
  kind           VARCHAR(30) NOT NULL CHECK (kind IN ('FUEL_COMBUSTION', 'PROCESS', 'PURCHASED_ELECTRICITY', 'PURCHASED_HEAT')),
  name           VARCHAR(100) NOT NULL,
  fuel           VARCHAR(20),
  activity       NUMERIC(20, 6) CHECK (activity >= 0),
  activity_unit  VARCHAR(20) NOT NULL,
  ncv            NUMERIC(20, 6) CHECK (ncv >= 0),
  carbon_per_gj  NUMERIC(20, 8) CHECK (carbon_per_gj >= 0),
  oxidation_rate NUMERIC(10, 6) CHECK (oxidation_rate BETWEEN 0 AND 1),
  emission_factor NUMERIC(20, 8) CHECK (emission_factor >= 0),
  note           VARCHAR(500),
  PRIMARY KEY (report_id, position)
);
CREATE TABLE mrv.report_product (
  report_id UUID NOT NULL REFERENCES mrv.annual_report (id) ON DELETE CASCADE,
  product   VARCHAR(40) NOT NULL,
  output    NUMERIC(20, 6) CHECK (output >= 0),
  PRIMARY KEY (report_id, product)
);

-- A submitted report is frozen: only its review state moves; its parts cannot change.
CREATE FUNCTION mrv.refuse_report_part_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END;
  state  VARCHAR(20);
BEGIN
  SELECT status INTO state FROM mrv.annual_report WHERE id = parent;
  IF state IS NOT NULL AND state <> 'DRAFT' THEN
    RAISE EXCEPTION 'annual report % is submitted: its % cannot change (a correction is a new version)', parent, TG_TABLE_NAME;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER report_attachment_frozen BEFORE INSERT OR UPDATE OR DELETE ON mrv.report_attachment
  FOR EACH ROW EXECUTE FUNCTION mrv.refuse_report_part_change();
CREATE TRIGGER report_stream_frozen BEFORE INSERT OR UPDATE OR DELETE ON mrv.report_stream
  FOR EACH ROW EXECUTE FUNCTION mrv.refuse_report_part_change();
CREATE TRIGGER report_product_frozen BEFORE INSERT OR UPDATE OR DELETE ON mrv.report_product
  FOR EACH ROW EXECUTE FUNCTION mrv.refuse_report_part_change();

CREATE FUNCTION mrv.refuse_report_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION 'annual report % is submitted and cannot be deleted', OLD.id;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'DRAFT' AND (NEW.status = 'DRAFT'
      OR (NEW.emitter_uscc, NEW.emitter_name, NEW.region_code, NEW.sector, NEW.data_year, NEW.report_version, NEW.replaces, NEW.explanation,
          NEW.account, NEW.content_sha256, NEW.log_index, NEW.late, NEW.submitted_at, NEW.submitted_by, NEW.created_by, NEW.created_at)
         IS DISTINCT FROM
         (OLD.emitter_uscc, OLD.emitter_name, OLD.region_code, OLD.sector, OLD.data_year, OLD.report_version, OLD.replaces, OLD.explanation,
          OLD.account, OLD.content_sha256, OLD.log_index, OLD.late, OLD.submitted_at, OLD.submitted_by, OLD.created_by, OLD.created_at)) THEN
    RAISE EXCEPTION 'annual report % is submitted: only its review state may change (a correction is a new version)', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER annual_report_frozen BEFORE UPDATE OR DELETE ON mrv.annual_report FOR EACH ROW EXECUTE FUNCTION mrv.refuse_report_rewrite();

ALTER TABLE mrv.review_event DROP CONSTRAINT review_event_subject_kind_check;
ALTER TABLE mrv.review_event ADD CONSTRAINT review_event_subject_kind_check CHECK (subject_kind IN ('PLAN', 'DEPOSIT', 'REPORT'));
