-- Compliance-year data (policy values and deadline rules) kept by regulators. Never updated or deleted: a change is
-- a new version with its own in-force date, so "which value applied on a given date" always has an answer.
-- region_prefix '' = national; otherwise a GB/T 2260 prefix (2 province, 4 city, 6 district); the longest matching
-- prefix wins for a region.

CREATE TABLE calendar.policy_value (
  id              BIGSERIAL PRIMARY KEY,
  compliance_year INT NOT NULL CHECK (compliance_year BETWEEN 2013 AND 2100),
  parameter       VARCHAR(60) NOT NULL,
  qualifier       VARCHAR(30) NOT NULL DEFAULT '',
  region_prefix   VARCHAR(6) NOT NULL DEFAULT '' CHECK (region_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})?$'),
  value           VARCHAR(200) NOT NULL CHECK (btrim(value) <> ''),
  unit            VARCHAR(30) NOT NULL CHECK (btrim(unit) <> ''),
  source          VARCHAR(300) NOT NULL CHECK (btrim(source) <> ''),
  in_force_from   DATE NOT NULL,
  note            VARCHAR(500),
  recorded_by     VARCHAR(64) NOT NULL DEFAULT 'system',
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (compliance_year, parameter, qualifier, region_prefix, in_force_from)
);

CREATE TABLE calendar.deadline_rule (
  id              BIGSERIAL PRIMARY KEY,
  compliance_year INT NOT NULL CHECK (compliance_year BETWEEN 2013 AND 2100),
  deadline        VARCHAR(40) NOT NULL,
  region_prefix   VARCHAR(6) NOT NULL DEFAULT '' CHECK (region_prefix ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})?$'),
  fixed_date      DATE,
  offset_days     INT CHECK (offset_days BETWEEN 1 AND 366),
  day_count       VARCHAR(8) CHECK (day_count IN ('NATURAL', 'WORKING')),
  day_off_policy  VARCHAR(20) NOT NULL CHECK (day_off_policy IN ('NEXT_WORKING_DAY', 'AS_STATED')),
  source          VARCHAR(300) NOT NULL CHECK (btrim(source) <> ''),
  in_force_from   DATE NOT NULL,
  note            VARCHAR(500),
  recorded_by     VARCHAR(64) NOT NULL DEFAULT 'system',
  recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- either a calendar date, or a count of days after an anchor the workflow supplies
  CONSTRAINT fixed_or_relative CHECK ((fixed_date IS NOT NULL AND offset_days IS NULL AND day_count IS NULL)
                                   OR (fixed_date IS NULL AND offset_days IS NOT NULL AND day_count IS NOT NULL)),
  UNIQUE (compliance_year, deadline, region_prefix, in_force_from)
);

CREATE FUNCTION calendar.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'compliance-year data is append-only: add a new version instead of changing %', TG_TABLE_NAME;
END $$;

CREATE TRIGGER policy_value_append_only BEFORE UPDATE OR DELETE ON calendar.policy_value
  FOR EACH ROW EXECUTE FUNCTION calendar.refuse_change();
CREATE TRIGGER deadline_rule_append_only BEFORE UPDATE OR DELETE ON calendar.deadline_rule
  FOR EACH ROW EXECUTE FUNCTION calendar.refuse_change();

-- Several application instances: scheduled jobs take a database lock (ShedLock).
CREATE TABLE public.shedlock (
  name       VARCHAR(64) PRIMARY KEY,
  lock_until TIMESTAMPTZ NOT NULL,
  locked_at  TIMESTAMPTZ NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);

-- ===== Seed data: deadline rules 2021–2027 from the seed notices (each row names its source) =====
-- OpenCETS seed data: calendar.deadline_rule
-- Deadlines taken only from the five seed notices in /work/shared/seeds/ and /work/shared/DOMAIN.md.
-- region_prefix: '' = national, '50' = 重庆 (渝环规〔2023〕2号, issued 2023-08-04), '14' = 山西 (seed 000, 2021-11-04).
-- The only complete yearly chain in the seeds is Chongqing's (渝环规〔2023〕2号). It is seeded twice:
--   '50' rows: Chongqing's own rule, only for compliance years whose deadline falls after the notice was issued (2023-08-04);
--   ''  rows: the same chain adopted as national default (DOMAIN.md yearly chain) for 2021–2027, so that Zhejiang (33/3302/3306) users have
--            a rule for every code. 绍市环发〔2023〕14号 (3306) states no dates ("在生态环境部规定的时限内清缴"), so there are no 3306 rows.
-- Standing "每年…前" / "N 日内" rules use NEXT_WORKING_DAY; dates a notice fixes for one specific year use AS_STATED.
-- in_force_from: date of the notice that set the rule. National-default rows modelled on 渝环规〔2023〕2号 carry its date (2023-08-04):
-- Deadlines.ruleOn() takes the version in force on the date asked (today by default). With 1 Jan of the compliance year,
-- year-(N) rules due in year N-1 (lists, QC plans) and every 2027 rule would not be in force when they are needed.
-- Only codes of org.opencets.calendar.DeadlineKind are used. Steps with other codes are in deadline_rules_extra.sql.

-- LIST_PROPOSAL_POWER (year = list year; due 15 Oct of year-1). 002 §一: "将拟纳入下一年度全国碳排放权交易市场的发电行业重点排放单位名录于每年10月15日前…向市生态环境局报送"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2024, 'LIST_PROPOSAL_POWER', '50', DATE '2023-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入下一年度…发电行业重点排放单位名录于每年10月15日前…报送" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'LIST_PROPOSAL_POWER', '50', DATE '2024-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入下一年度…发电行业重点排放单位名录于每年10月15日前…报送" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'LIST_PROPOSAL_POWER', '50', DATE '2025-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入下一年度…发电行业重点排放单位名录于每年10月15日前…报送" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'LIST_PROPOSAL_POWER', '50', DATE '2026-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入下一年度…发电行业重点排放单位名录于每年10月15日前…报送" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'LIST_PROPOSAL_POWER', '', DATE '2020-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'LIST_PROPOSAL_POWER', '', DATE '2021-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'LIST_PROPOSAL_POWER', '', DATE '2022-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'LIST_PROPOSAL_POWER', '', DATE '2023-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'LIST_PROPOSAL_POWER', '', DATE '2024-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'LIST_PROPOSAL_POWER', '', DATE '2025-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'LIST_PROPOSAL_POWER', '', DATE '2026-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- LIST_PUBLICATION_POWER (year = list year; due 31 Dec of year-1). 002 §一: "市生态环境局于每年12月31日前将确定的发电行业重点排放单位名录通过管理平台向社会公开"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2024, 'LIST_PUBLICATION_POWER', '50', DATE '2023-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "市生态环境局于每年12月31日前将确定的发电行业重点排放单位名录…向社会公开" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'LIST_PUBLICATION_POWER', '50', DATE '2024-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "市生态环境局于每年12月31日前将确定的发电行业重点排放单位名录…向社会公开" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'LIST_PUBLICATION_POWER', '50', DATE '2025-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "市生态环境局于每年12月31日前将确定的发电行业重点排放单位名录…向社会公开" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'LIST_PUBLICATION_POWER', '50', DATE '2026-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "市生态环境局于每年12月31日前将确定的发电行业重点排放单位名录…向社会公开" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'LIST_PUBLICATION_POWER', '', DATE '2020-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'LIST_PUBLICATION_POWER', '', DATE '2021-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'LIST_PUBLICATION_POWER', '', DATE '2022-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'LIST_PUBLICATION_POWER', '', DATE '2023-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'LIST_PUBLICATION_POWER', '', DATE '2024-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'LIST_PUBLICATION_POWER', '', DATE '2025-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'LIST_PUBLICATION_POWER', '', DATE '2026-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- LIST_PROPOSAL_NON_POWER (year = list year; due 31 Jan of that year). 002 §一: "将拟纳入当年全国碳排放权交易市场的非发电行业的重点排放单位名录于1月31日前向市生态环境局报送"
-- LIST_PUBLICATION_NON_POWER: not seeded. 002 §一 says only that the city reviews and determines the non-power list, with no date; DOMAIN.md gives none either.
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2024, 'LIST_PROPOSAL_NON_POWER', '50', DATE '2024-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入当年…非发电行业的重点排放单位名录于1月31日前向市生态环境局报送" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'LIST_PROPOSAL_NON_POWER', '50', DATE '2025-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入当年…非发电行业的重点排放单位名录于1月31日前向市生态环境局报送" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'LIST_PROPOSAL_NON_POWER', '50', DATE '2026-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入当年…非发电行业的重点排放单位名录于1月31日前向市生态环境局报送" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'LIST_PROPOSAL_NON_POWER', '50', DATE '2027-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 "拟纳入当年…非发电行业的重点排放单位名录于1月31日前向市生态环境局报送" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'LIST_PROPOSAL_NON_POWER', '', DATE '2021-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'LIST_PROPOSAL_NON_POWER', '', DATE '2022-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'LIST_PROPOSAL_NON_POWER', '', DATE '2023-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'LIST_PROPOSAL_NON_POWER', '', DATE '2024-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'LIST_PROPOSAL_NON_POWER', '', DATE '2025-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'LIST_PROPOSAL_NON_POWER', '', DATE '2026-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'LIST_PROPOSAL_NON_POWER', '', DATE '2027-01-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §一 (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- QC_PLAN_SUBMISSION (year = plan year; due 15 Oct of year-1). 002 §二(一): "制订下一年度数据质量控制计划，并于每年10月15日前通过管理平台提交至各区县生态环境局"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2024, 'QC_PLAN_SUBMISSION', '50', DATE '2023-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "制订下一年度数据质量控制计划，并于每年10月15日前…提交" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'QC_PLAN_SUBMISSION', '50', DATE '2024-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "制订下一年度数据质量控制计划，并于每年10月15日前…提交" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'QC_PLAN_SUBMISSION', '50', DATE '2025-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "制订下一年度数据质量控制计划，并于每年10月15日前…提交" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'QC_PLAN_SUBMISSION', '50', DATE '2026-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "制订下一年度数据质量控制计划，并于每年10月15日前…提交" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'QC_PLAN_SUBMISSION', '', DATE '2020-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'QC_PLAN_SUBMISSION', '', DATE '2021-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'QC_PLAN_SUBMISSION', '', DATE '2022-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'QC_PLAN_SUBMISSION', '', DATE '2023-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'QC_PLAN_SUBMISSION', '', DATE '2024-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'QC_PLAN_SUBMISSION', '', DATE '2025-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'QC_PLAN_SUBMISSION', '', DATE '2026-10-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- QC_PLAN_REVIEW (year = plan year; due 15 Nov of year-1). 002 §二(一): "各区县生态环境局对数据质量控制计划进行技术把关后，于每年11月15日前通过管理平台提交至市生态环境局"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2024, 'QC_PLAN_REVIEW', '50', DATE '2023-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "对数据质量控制计划进行技术把关后，于每年11月15日前…提交至市生态环境局" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'QC_PLAN_REVIEW', '50', DATE '2024-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "对数据质量控制计划进行技术把关后，于每年11月15日前…提交至市生态环境局" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'QC_PLAN_REVIEW', '50', DATE '2025-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "对数据质量控制计划进行技术把关后，于每年11月15日前…提交至市生态环境局" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'QC_PLAN_REVIEW', '50', DATE '2026-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) "对数据质量控制计划进行技术把关后，于每年11月15日前…提交至市生态环境局" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'QC_PLAN_REVIEW', '', DATE '2020-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'QC_PLAN_REVIEW', '', DATE '2021-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'QC_PLAN_REVIEW', '', DATE '2022-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'QC_PLAN_REVIEW', '', DATE '2023-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'QC_PLAN_REVIEW', '', DATE '2024-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'QC_PLAN_REVIEW', '', DATE '2025-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'QC_PLAN_REVIEW', '', DATE '2026-11-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- MONTHLY_DEPOSIT (year = data year; anchor = month end). 002 §二(二): "于每月结束后20个自然日内通过管理平台上传上月…数据及其支撑材料"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'MONTHLY_DEPOSIT', '50', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后20个自然日内…上传上月…数据及其支撑材料" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT', '50', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后20个自然日内…上传上月…数据及其支撑材料" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT', '50', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后20个自然日内…上传上月…数据及其支撑材料" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT', '50', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后20个自然日内…上传上月…数据及其支撑材料" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'MONTHLY_DEPOSIT', '50', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后20个自然日内…上传上月…数据及其支撑材料" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'MONTHLY_DEPOSIT', '', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'MONTHLY_DEPOSIT', '', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'MONTHLY_DEPOSIT', '', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT', '', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT', '', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT', '', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'MONTHLY_DEPOSIT', '', NULL, 20, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- MONTHLY_DEPOSIT_DISTRICT_REVIEW (anchor = emitter submission date). 002 §二(二): "在重点排放单位存证提交日期起5个自然日内（包含重点排放单位提交时间，最多25个自然日内）…完成…技术把关"
-- The 25-day cap after month end is in policy_value MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS.
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '50', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "在重点排放单位存证提交日期起5个自然日内…完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '50', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "在重点排放单位存证提交日期起5个自然日内…完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '50', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "在重点排放单位存证提交日期起5个自然日内…完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '50', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "在重点排放单位存证提交日期起5个自然日内…完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '50', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "在重点排放单位存证提交日期起5个自然日内…完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW', '', NULL, 5, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- MONTHLY_DEPOSIT_CITY_COMPLETION (anchor = month end). 002 §二(二): "于每月结束后40个自然日内…组织完成全市月度信息化存证工作"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '50', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后40个自然日内…组织完成全市月度信息化存证工作" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '50', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后40个自然日内…组织完成全市月度信息化存证工作" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '50', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后40个自然日内…组织完成全市月度信息化存证工作" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '50', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后40个自然日内…组织完成全市月度信息化存证工作" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '50', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) "于每月结束后40个自然日内…组织完成全市月度信息化存证工作" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'MONTHLY_DEPOSIT_CITY_COMPLETION', '', NULL, 40, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- DEPOSIT_CORRECTION (anchor = the district's request). 002 §二(七): "对于存证材料不及时、不规范、不完整及不清晰等情况，各区县生态环境局应在3个工作日内组织重点排放单位完成核实和更正"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'DEPOSIT_CORRECTION', '50', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) "存证材料不及时、不规范、不完整及不清晰…应在3个工作日内…完成核实和更正" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'DEPOSIT_CORRECTION', '50', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) "存证材料不及时、不规范、不完整及不清晰…应在3个工作日内…完成核实和更正" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'DEPOSIT_CORRECTION', '50', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) "存证材料不及时、不规范、不完整及不清晰…应在3个工作日内…完成核实和更正" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'DEPOSIT_CORRECTION', '50', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) "存证材料不及时、不规范、不完整及不清晰…应在3个工作日内…完成核实和更正" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'DEPOSIT_CORRECTION', '50', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) "存证材料不及时、不规范、不完整及不清晰…应在3个工作日内…完成核实和更正" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'DEPOSIT_CORRECTION', '', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'DEPOSIT_CORRECTION', '', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'DEPOSIT_CORRECTION', '', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'DEPOSIT_CORRECTION', '', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'DEPOSIT_CORRECTION', '', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'DEPOSIT_CORRECTION', '', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'DEPOSIT_CORRECTION', '', NULL, 3, 'WORKING', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(七) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- ANNUAL_REPORT_POWER (year = data year; due 1 Feb of year+1). 002 §二(三): "于每年2月1日前通过管理平台报送上一年度温室气体排放报告"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'ANNUAL_REPORT_POWER', '50', DATE '2024-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年2月1日前通过管理平台报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_POWER', '50', DATE '2025-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年2月1日前通过管理平台报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_POWER', '50', DATE '2026-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年2月1日前通过管理平台报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_POWER', '50', DATE '2027-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年2月1日前通过管理平台报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_POWER', '50', DATE '2028-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年2月1日前通过管理平台报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'ANNUAL_REPORT_POWER', '', DATE '2022-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'ANNUAL_REPORT_POWER', '', DATE '2023-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'ANNUAL_REPORT_POWER', '', DATE '2024-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_POWER', '', DATE '2025-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_POWER', '', DATE '2026-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_POWER', '', DATE '2027-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_POWER', '', DATE '2028-02-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- ANNUAL_REPORT_DISTRICT_REVIEW (anchor = emitter submission date). 002 §二(三): "重点排放单位报送日期起10个自然日内，各区县生态环境局完成对年度温室气体排放报告的技术把关"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'ANNUAL_REPORT_DISTRICT_REVIEW', '50', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "重点排放单位报送日期起10个自然日内，各区县生态环境局完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_DISTRICT_REVIEW', '50', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "重点排放单位报送日期起10个自然日内，各区县生态环境局完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_DISTRICT_REVIEW', '50', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "重点排放单位报送日期起10个自然日内，各区县生态环境局完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_DISTRICT_REVIEW', '50', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "重点排放单位报送日期起10个自然日内，各区县生态环境局完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_DISTRICT_REVIEW', '50', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "重点排放单位报送日期起10个自然日内，各区县生态环境局完成…技术把关" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'ANNUAL_REPORT_DISTRICT_REVIEW', '', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'ANNUAL_REPORT_DISTRICT_REVIEW', '', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'ANNUAL_REPORT_DISTRICT_REVIEW', '', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_DISTRICT_REVIEW', '', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_DISTRICT_REVIEW', '', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_DISTRICT_REVIEW', '', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_DISTRICT_REVIEW', '', NULL, 10, 'NATURAL', 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- ANNUAL_REPORT_CITY_REVIEW (year = data year; due 1 Mar of year+1). 002 §二(三): "市生态环境局…于每年3月1日前组织完成全市年度温室气体排放报告工作"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'ANNUAL_REPORT_CITY_REVIEW', '50', DATE '2024-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年3月1日前组织完成全市年度温室气体排放报告工作" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_CITY_REVIEW', '50', DATE '2025-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年3月1日前组织完成全市年度温室气体排放报告工作" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_CITY_REVIEW', '50', DATE '2026-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年3月1日前组织完成全市年度温室气体排放报告工作" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_CITY_REVIEW', '50', DATE '2027-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年3月1日前组织完成全市年度温室气体排放报告工作" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_CITY_REVIEW', '50', DATE '2028-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) "于每年3月1日前组织完成全市年度温室气体排放报告工作" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'ANNUAL_REPORT_CITY_REVIEW', '', DATE '2022-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'ANNUAL_REPORT_CITY_REVIEW', '', DATE '2023-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'ANNUAL_REPORT_CITY_REVIEW', '', DATE '2024-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_CITY_REVIEW', '', DATE '2025-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_CITY_REVIEW', '', DATE '2026-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_CITY_REVIEW', '', DATE '2027-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_CITY_REVIEW', '', DATE '2028-03-01', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(三) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- VERIFICATION_POWER (year = data year; due 30 Apr of year+1). 002 §二(四): "每年4月30日前，市生态环境局组织完成上一年度温室气体排放报告核查管理平台填报及相关工作"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'VERIFICATION_POWER', '50', DATE '2024-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) "每年4月30日前…组织完成上一年度温室气体排放报告核查" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'VERIFICATION_POWER', '50', DATE '2025-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) "每年4月30日前…组织完成上一年度温室气体排放报告核查" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'VERIFICATION_POWER', '50', DATE '2026-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) "每年4月30日前…组织完成上一年度温室气体排放报告核查" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'VERIFICATION_POWER', '50', DATE '2027-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) "每年4月30日前…组织完成上一年度温室气体排放报告核查" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'VERIFICATION_POWER', '50', DATE '2028-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) "每年4月30日前…组织完成上一年度温室气体排放报告核查" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'VERIFICATION_POWER', '', DATE '2022-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'VERIFICATION_POWER', '', DATE '2023-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'VERIFICATION_POWER', '', DATE '2024-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'VERIFICATION_POWER', '', DATE '2025-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'VERIFICATION_POWER', '', DATE '2026-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'VERIFICATION_POWER', '', DATE '2027-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'VERIFICATION_POWER', '', DATE '2028-04-30', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(四) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- VERIFIER_EVALUATION (year = data year whose verification is evaluated; due 31 Jul of year+1). 002 §二(八): "市生态环境局于每年7月31日前通过管理平台向社会公开评估结果"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'VERIFIER_EVALUATION', '50', DATE '2024-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) "市生态环境局于每年7月31日前通过管理平台向社会公开评估结果" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'VERIFIER_EVALUATION', '50', DATE '2025-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) "市生态环境局于每年7月31日前通过管理平台向社会公开评估结果" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'VERIFIER_EVALUATION', '50', DATE '2026-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) "市生态环境局于每年7月31日前通过管理平台向社会公开评估结果" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'VERIFIER_EVALUATION', '50', DATE '2027-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) "市生态环境局于每年7月31日前通过管理平台向社会公开评估结果" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'VERIFIER_EVALUATION', '50', DATE '2028-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) "市生态环境局于每年7月31日前通过管理平台向社会公开评估结果" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'VERIFIER_EVALUATION', '', DATE '2022-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'VERIFIER_EVALUATION', '', DATE '2023-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'VERIFIER_EVALUATION', '', DATE '2024-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'VERIFIER_EVALUATION', '', DATE '2025-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'VERIFIER_EVALUATION', '', DATE '2026-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'VERIFIER_EVALUATION', '', DATE '2027-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'VERIFIER_EVALUATION', '', DATE '2028-07-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §二(八) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- ANNUAL_REPORT_NON_POWER (year = data year; due 15 Sep of year+1). 002 §三(一): "于每年9月15日前向市生态环境局报送上一年度温室气体排放报告等信息"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2022, 'ANNUAL_REPORT_NON_POWER', '50', DATE '2023-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) "于每年9月15日前向市生态环境局报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2023, 'ANNUAL_REPORT_NON_POWER', '50', DATE '2024-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) "于每年9月15日前向市生态环境局报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_NON_POWER', '50', DATE '2025-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) "于每年9月15日前向市生态环境局报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_NON_POWER', '50', DATE '2026-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) "于每年9月15日前向市生态环境局报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_NON_POWER', '50', DATE '2027-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) "于每年9月15日前向市生态环境局报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_NON_POWER', '50', DATE '2028-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) "于每年9月15日前向市生态环境局报送上一年度温室气体排放报告" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'ANNUAL_REPORT_NON_POWER', '', DATE '2022-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'ANNUAL_REPORT_NON_POWER', '', DATE '2023-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'ANNUAL_REPORT_NON_POWER', '', DATE '2024-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'ANNUAL_REPORT_NON_POWER', '', DATE '2025-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'ANNUAL_REPORT_NON_POWER', '', DATE '2026-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'ANNUAL_REPORT_NON_POWER', '', DATE '2027-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'ANNUAL_REPORT_NON_POWER', '', DATE '2028-09-15', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(一) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- VERIFICATION_NON_POWER (year = data year; due 31 Dec of year+1). 002 §三(二): "于每年12月31日之前完成上一年度排放报告的核查工作"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2022, 'VERIFICATION_NON_POWER', '50', DATE '2023-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) "于每年12月31日之前完成上一年度排放报告的核查工作" (standing yearly rule)', DATE '2023-08-04'),
 (2023, 'VERIFICATION_NON_POWER', '50', DATE '2024-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) "于每年12月31日之前完成上一年度排放报告的核查工作" (standing yearly rule)', DATE '2023-08-04'),
 (2024, 'VERIFICATION_NON_POWER', '50', DATE '2025-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) "于每年12月31日之前完成上一年度排放报告的核查工作" (standing yearly rule)', DATE '2023-08-04'),
 (2025, 'VERIFICATION_NON_POWER', '50', DATE '2026-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) "于每年12月31日之前完成上一年度排放报告的核查工作" (standing yearly rule)', DATE '2023-08-04'),
 (2026, 'VERIFICATION_NON_POWER', '50', DATE '2027-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) "于每年12月31日之前完成上一年度排放报告的核查工作" (standing yearly rule)', DATE '2023-08-04'),
 (2027, 'VERIFICATION_NON_POWER', '50', DATE '2028-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) "于每年12月31日之前完成上一年度排放报告的核查工作" (standing yearly rule)', DATE '2023-08-04'),
 (2021, 'VERIFICATION_NON_POWER', '', DATE '2022-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2022, 'VERIFICATION_NON_POWER', '', DATE '2023-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2023, 'VERIFICATION_NON_POWER', '', DATE '2024-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2024, 'VERIFICATION_NON_POWER', '', DATE '2025-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2025, 'VERIFICATION_NON_POWER', '', DATE '2026-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2026, 'VERIFICATION_NON_POWER', '', DATE '2027-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04'),
 (2027, 'VERIFICATION_NON_POWER', '', DATE '2028-12-31', NULL, NULL, 'NEXT_WORKING_DAY', '渝环规〔2023〕2号 §三(二) (model chain adopted as national default; DOMAIN.md yearly chain; standing yearly rule)', DATE '2023-08-04');

-- VERIFICATION_OBJECTION (7 working days) and OBJECTION_DECISION (10 working days): not seeded. The seeds mention 核查异议
-- only in passing (002 §二(四) "就核查异议达成一致"), and neither the seeds nor DOMAIN.md give the day counts.

-- SURRENDER_INTERIM (year = compliance year; at least 95% of a region's emitters have surrendered). 2023-10-15 is a Sunday and is kept AS_STATED.
-- 002 §二(五): "其中2021、2022年度重点排放单位配额清缴，确保2023年10月15日前本行政区域内至少达到95%的重点排放单位完成履约(力争履约率达到100%)"
-- The MEE notice of 2023-07-14 (seed 003) gives no surrender date. The national rows rest on DOMAIN.md, which takes the dates from seed 002.
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'SURRENDER_INTERIM', '50', DATE '2023-10-15', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "2021、2022年度…确保2023年10月15日前本行政区域内至少达到95%的重点排放单位完成履约"', DATE '2023-08-04'),
 (2021, 'SURRENDER_INTERIM', '', DATE '2023-10-15', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (surrender, 2021/2022: Oct 15, 2023); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default; MEE notice 2023-07-14 states no date)', DATE '2023-08-04'),
 (2022, 'SURRENDER_INTERIM', '50', DATE '2023-10-15', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "2021、2022年度…确保2023年10月15日前本行政区域内至少达到95%的重点排放单位完成履约"', DATE '2023-08-04'),
 (2022, 'SURRENDER_INTERIM', '', DATE '2023-10-15', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (surrender, 2021/2022: Oct 15, 2023); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default; MEE notice 2023-07-14 states no date)', DATE '2023-08-04');

-- SURRENDER_FINAL (year = compliance year; all emitters have surrendered).
-- 002 §二(五): "12月15日前全部重点排放单位完成履约" (2021、2022年度, i.e. 2023-12-15). The national rows rest on DOMAIN.md and seed 001 第三步 (the CCER 申请表 is due "于2023年12月15日前").
-- Shanxi (14), first compliance period 2019–2020, recorded as compliance_year 2020. 000 §三(一): "督促辖区内已纳入2019-2020年全国碳排放权交易名录的企业，于2021年12月15日11点前全部足额完成本周期履约清缴"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'SURRENDER_FINAL', '50', DATE '2023-12-15', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "2021、2022年度…12月15日前全部重点排放单位完成履约"', DATE '2023-08-04'),
 (2021, 'SURRENDER_FINAL', '', DATE '2023-12-15', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (surrender, 2021/2022: Dec 15, 2023); date as stated in 渝环规〔2023〕2号 §二(五); consistent with 2021、2022年度CCER抵销配额清缴程序 第三步 (申请表 by 2023-12-15)', DATE '2023-08-04'),
 (2022, 'SURRENDER_FINAL', '50', DATE '2023-12-15', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "2021、2022年度…12月15日前全部重点排放单位完成履约"', DATE '2023-08-04'),
 (2022, 'SURRENDER_FINAL', '', DATE '2023-12-15', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (surrender, 2021/2022: Dec 15, 2023); date as stated in 渝环规〔2023〕2号 §二(五); consistent with 2021、2022年度CCER抵销配额清缴程序 第三步 (申请表 by 2023-12-15)', DATE '2023-08-04'),
 (2020, 'SURRENDER_FINAL', '14', DATE '2021-12-15', NULL, NULL, 'AS_STATED', '山西省生态环境厅《关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知》(2021-11-04) §三(一) "于2021年12月15日11点前全部足额完成本周期履约清缴" (first period 2019–2020; time 11:00)', DATE '2021-11-04');

-- PENDING_OFFSET_RECALL (anchor = end of the compliance period). 001 第六步: "对于履约期结束15个工作日后，在碳排放权注册登记系统中仍处于“待抵销”状态的CCER，将强制召回至…一般持有账户"
-- The procedure covers only 2021 and 2022.
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'PENDING_OFFSET_RECALL', '', NULL, 15, 'WORKING', 'NEXT_WORKING_DAY', '《2021、2022年度全国碳市场重点排放单位使用CCER抵销配额清缴程序》(生态环境部办公厅2023-07-14通知附件) 第六步 "履约期结束15个工作日后…仍处于待抵销状态的CCER，将强制召回"', DATE '2023-07-14'),
 (2022, 'PENDING_OFFSET_RECALL', '', NULL, 15, 'WORKING', 'NEXT_WORKING_DAY', '《2021、2022年度全国碳市场重点排放单位使用CCER抵销配额清缴程序》(生态环境部办公厅2023-07-14通知附件) 第六步 "履约期结束15个工作日后…仍处于待抵销状态的CCER，将强制召回"', DATE '2023-07-14');

-- PENALTY_DISCLOSURE (publication of the 2021/2022 surrender results and penalties). 002 §二(九): "市生态环境局于2024年4月30日前通过管理平台公开2021、2022年度全国碳市场重点排放单位碳排放配额清缴完成和处罚情况"
-- This is a one-off date for the second compliance period, not a standing rule. The district report due 2024-04-01 is in PENALTY_DISCLOSURE_DISTRICT_REPORT below.
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'PENALTY_DISCLOSURE', '50', DATE '2024-04-30', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(九) "市生态环境局于2024年4月30日前通过管理平台公开2021、2022年度…配额清缴完成和处罚情况"', DATE '2023-08-04'),
 (2021, 'PENALTY_DISCLOSURE', '', DATE '2024-04-30', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (penalty disclosure "by Apr 1 / Apr 30"); date as stated in 渝环规〔2023〕2号 §二(九) (adopted as national default)', DATE '2023-08-04'),
 (2022, 'PENALTY_DISCLOSURE', '50', DATE '2024-04-30', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(九) "市生态环境局于2024年4月30日前通过管理平台公开2021、2022年度…配额清缴完成和处罚情况"', DATE '2023-08-04'),
 (2022, 'PENALTY_DISCLOSURE', '', DATE '2024-04-30', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (penalty disclosure "by Apr 1 / Apr 30"); date as stated in 渝环规〔2023〕2号 §二(九) (adopted as national default)', DATE '2023-08-04');

-- 204 rows


-- ===== Seed data: compliance-year values 2021–2026 =====
-- OpenCETS seed data: calendar.policy_value
-- Yearly rule values taken only from the five seed notices in /work/shared/seeds/ and /work/shared/DOMAIN.md.
-- region_prefix: '' = national, '50' = 重庆 (渝环规〔2023〕2号), '14' = 山西 (seed 000), '3306' = 绍兴 (绍市环发〔2023〕14号).
-- in_force_from: date of the notice that set the value where the seeds give it, else 1 Jan of the compliance year.
-- National-default rows modelled on 渝环规〔2023〕2号 carry its date (2023-08-04, or 2023-09-01 where the clause says so).
-- The first 13 parameters are those of org.opencets.calendar.PolicyParameter. The ADDITIONAL block at the end uses
-- new codes, which need enum entries before the application can read or edit them.

-- GRID_EMISSION_FACTOR: national average grid emission factor for purchased electricity, per emissions data year.
-- 2019/2020 (0.6101) and 2021 (0.5810): DOMAIN.md only. DOMAIN attributes them to seed 002, but 渝环规〔2023〕2号 states only the 2022 value.
-- 002 §二(三): "2022 年度全国电网平均排放因子为 0.5703t CO2/MWh。后续年度全国电网平均排放因子如有更新，将另行通知。"
-- 002 §三(一): non-power 补充数据表 "其中电网排放因子调整为 0.5703 tCO2/MWh". No seed gives a 2023+ value, so there are no rows for 2023 or later.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2019, 'GRID_EMISSION_FACTOR', '', '', '0.6101', 'tCO2/MWh', 'DOMAIN.md Emission accounting: "0.6101 before 2021" (not stated in any seed; 2019 data are in scope of the 2019–2020 self-check, seed 000 §二(一))', DATE '2019-01-01'),
 (2020, 'GRID_EMISSION_FACTOR', '', '', '0.6101', 'tCO2/MWh', 'DOMAIN.md Emission accounting: "0.6101 before 2021" (not stated in any seed; 2020 data are in scope of the 2019–2020 self-check, seed 000 §二(一))', DATE '2020-01-01'),
 (2021, 'GRID_EMISSION_FACTOR', '', '', '0.5810', 'tCO2/MWh', 'DOMAIN.md Emission accounting: "0.5810 for 2021 data" (DOMAIN cites seed 002, but 渝环规〔2023〕2号 does not state this value)', DATE '2021-01-01'),
 (2022, 'GRID_EMISSION_FACTOR', '', '', '0.5703', 'tCO2/MWh', '渝环规〔2023〕2号 §二(三) "2022年度全国电网平均排放因子为0.5703tCO2/MWh" and §三(一) (non-power 补充数据表); DOMAIN.md Emission accounting', DATE '2022-01-01');

-- DEFAULT_COAL_CARBON_CONTENT: default (conservative high) element carbon content per GJ for coal when carbon is not measured.
-- DOMAIN.md: "default CC (0.03356, later 0.03085 tC/GJ for 2021–22 data)". The earlier value 0.03356 has no year in the sources, so it is not seeded.
-- No value is stated for 2023 or later (002 §二(三) only says 2023/2024 reports follow 《核算报告指南》 环办气候函〔2022〕485号).
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'DEFAULT_COAL_CARBON_CONTENT', '', '', '0.03085', 'tC/GJ', 'DOMAIN.md Emission accounting: "0.03356, later 0.03085 tC/GJ for 2021–22 data" (verify against 核算报告指南 发电设施 PDF)', DATE '2021-01-01'),
 (2022, 'DEFAULT_COAL_CARBON_CONTENT', '', '', '0.03085', 'tC/GJ', 'DOMAIN.md Emission accounting: "0.03356, later 0.03085 tC/GJ for 2021–22 data" (verify against 核算报告指南 发电设施 PDF)', DATE '2022-01-01');

-- COAL_OXIDATION_RATE: carbon oxidation rate OF for coal in E = FC × C_ar × OF × 44/12.
-- DOMAIN.md: "OF oxidation rate, coal 99%". No year limit is stated, so this is treated as a standing rule for 2021–2026. To be checked against the 核算报告指南 PDF.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'COAL_OXIDATION_RATE', '', '', '99', '%', 'DOMAIN.md Emission accounting: "OF oxidation rate, coal 99%" (stated without year limit; standing rule; verify against 核算报告指南 发电设施)', DATE '2021-01-01'),
 (2022, 'COAL_OXIDATION_RATE', '', '', '99', '%', 'DOMAIN.md Emission accounting: "OF oxidation rate, coal 99%" (stated without year limit; standing rule; verify against 核算报告指南 发电设施)', DATE '2022-01-01'),
 (2023, 'COAL_OXIDATION_RATE', '', '', '99', '%', 'DOMAIN.md Emission accounting: "OF oxidation rate, coal 99%" (stated without year limit; standing rule; verify against 核算报告指南 发电设施)', DATE '2023-01-01'),
 (2024, 'COAL_OXIDATION_RATE', '', '', '99', '%', 'DOMAIN.md Emission accounting: "OF oxidation rate, coal 99%" (stated without year limit; standing rule; verify against 核算报告指南 发电设施)', DATE '2024-01-01'),
 (2025, 'COAL_OXIDATION_RATE', '', '', '99', '%', 'DOMAIN.md Emission accounting: "OF oxidation rate, coal 99%" (stated without year limit; standing rule; verify against 核算报告指南 发电设施)', DATE '2025-01-01'),
 (2026, 'COAL_OXIDATION_RATE', '', '', '99', '%', 'DOMAIN.md Emission accounting: "OF oxidation rate, coal 99%" (stated without year limit; standing rule; verify against 核算报告指南 发电设施)', DATE '2026-01-01');

-- BENCHMARK_ELECTRICITY: power supply benchmark Be by unit category (I conventional coal ≥400 MW, II conventional coal <400 MW, III unconventional coal, IV gas).
-- DOMAIN.md Allocation (2023/24 plan): "2023 benchmarks: Be I 0.7950, II 0.8090, III 0.8285, IV 0.3305 tCO2/MWh ... (2024: 0.7910/0.8049/0.8244/0.3288)".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'BENCHMARK_ELECTRICITY', 'I', '', '0.7950', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2023 Be category I (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2023-01-01'),
 (2023, 'BENCHMARK_ELECTRICITY', 'II', '', '0.8090', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2023 Be category II (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2023-01-01'),
 (2023, 'BENCHMARK_ELECTRICITY', 'III', '', '0.8285', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2023 Be category III (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2023-01-01'),
 (2023, 'BENCHMARK_ELECTRICITY', 'IV', '', '0.3305', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2023 Be category IV (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2023-01-01'),
 (2024, 'BENCHMARK_ELECTRICITY', 'I', '', '0.7910', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2024 Be category I (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2024-01-01'),
 (2024, 'BENCHMARK_ELECTRICITY', 'II', '', '0.8049', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2024 Be category II (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2024-01-01'),
 (2024, 'BENCHMARK_ELECTRICITY', 'III', '', '0.8244', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2024 Be category III (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2024-01-01'),
 (2024, 'BENCHMARK_ELECTRICITY', 'IV', '', '0.3288', 'tCO2/MWh', 'DOMAIN.md Allocation (2023/24 plan): 2024 Be category IV (I coal ≥400MW, II coal <400MW, III unconventional coal, IV gas)', DATE '2024-01-01');

-- BENCHMARK_HEAT: heat supply benchmark Bh by fuel.
-- DOMAIN.md Allocation (2023/24 plan): "Bh coal 0.1038, gas 0.0536 tCO2/GJ (2024: ...; 0.1033/0.0533)".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'BENCHMARK_HEAT', 'COAL', '', '0.1038', 'tCO2/GJ', 'DOMAIN.md Allocation (2023/24 plan): 2023 Bh coal', DATE '2023-01-01'),
 (2023, 'BENCHMARK_HEAT', 'GAS', '', '0.0536', 'tCO2/GJ', 'DOMAIN.md Allocation (2023/24 plan): 2023 Bh gas', DATE '2023-01-01'),
 (2024, 'BENCHMARK_HEAT', 'COAL', '', '0.1033', 'tCO2/GJ', 'DOMAIN.md Allocation (2023/24 plan): 2024 Bh coal', DATE '2024-01-01'),
 (2024, 'BENCHMARK_HEAT', 'GAS', '', '0.0533', 'tCO2/GJ', 'DOMAIN.md Allocation (2023/24 plan): 2024 Bh gas', DATE '2024-01-01');

-- PRE_ALLOCATION_RATIO: pre-allocation as a share of the previous year's verified emissions.
-- DOMAIN.md Allocation (2023/24 plan): "Pre-allocation 70% of the previous year's verified emissions; final allocation trues up (多退少补)".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'PRE_ALLOCATION_RATIO', '', '', '70', '%', 'DOMAIN.md Allocation (2023/24 plan): pre-allocation 70% of previous year''s verified emissions', DATE '2023-01-01'),
 (2024, 'PRE_ALLOCATION_RATIO', '', '', '70', '%', 'DOMAIN.md Allocation (2023/24 plan): pre-allocation 70% of previous year''s verified emissions', DATE '2024-01-01');

-- ENTITY_GAP_CAP: maximum allowance gap of an entity relative to its emissions (top up to 80% of emissions).
-- DOMAIN.md Allocation (2023/24 plan): "Entity gap capped at 20% (top up to 80% of emissions)".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'ENTITY_GAP_CAP', '', '', '20', '%', 'DOMAIN.md Allocation (2023/24 plan): entity gap capped at 20% (top up to 80% of emissions)', DATE '2023-01-01'),
 (2024, 'ENTITY_GAP_CAP', '', '', '20', '%', 'DOMAIN.md Allocation (2023/24 plan): entity gap capped at 20% (top up to 80% of emissions)', DATE '2024-01-01');

-- CCER_OFFSET_CAP: CCER offset at most this share of the year's surrender obligation.
-- 003 §二: "抵销比例不超过对应年度应清缴配额量的5%"; 002 §二(五): "按照《办法》等有关规定…抵销比例不得超过应清缴配额量的5%";
-- 000 附件3 一(一) (first period 2019–2020): "抵销比例不超过应清缴碳排放配额的5%". 2023–2026: standing rule of 《办法》 / DOMAIN.md.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'CCER_OFFSET_CAP', '', '', '5', '%', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §二 "抵销比例不超过对应年度应清缴配额量的5%"; also 渝环规〔2023〕2号 §二(五)', DATE '2023-07-14'),
 (2022, 'CCER_OFFSET_CAP', '', '', '5', '%', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §二 "抵销比例不超过对应年度应清缴配额量的5%"; also 渝环规〔2023〕2号 §二(五)', DATE '2023-07-14'),
 (2023, 'CCER_OFFSET_CAP', '', '', '5', '%', '碳排放权交易管理办法（试行）(部令第19号) as cited in 渝环规〔2023〕2号 §二(五); DOMAIN.md Surrender and CCER offsets: CCER ≤5% of that year''s obligation (standing rule)', DATE '2023-01-01'),
 (2024, 'CCER_OFFSET_CAP', '', '', '5', '%', '碳排放权交易管理办法（试行）(部令第19号) as cited in 渝环规〔2023〕2号 §二(五); DOMAIN.md Surrender and CCER offsets: CCER ≤5% of that year''s obligation (standing rule)', DATE '2024-01-01'),
 (2025, 'CCER_OFFSET_CAP', '', '', '5', '%', '碳排放权交易管理办法（试行）(部令第19号) as cited in 渝环规〔2023〕2号 §二(五); DOMAIN.md Surrender and CCER offsets: CCER ≤5% of that year''s obligation (standing rule)', DATE '2025-01-01'),
 (2026, 'CCER_OFFSET_CAP', '', '', '5', '%', '碳排放权交易管理办法（试行）(部令第19号) as cited in 渝环规〔2023〕2号 §二(五); DOMAIN.md Surrender and CCER offsets: CCER ≤5% of that year''s obligation (standing rule)', DATE '2026-01-01');

-- SURRENDER_VINTAGES: allowance vintages usable to surrender for the year.
-- 003 §四: "重点排放单位持有的2019—2020年度配额、2021年度配额和2022年度配额均可用于2021年度、2022年度清缴履约，也可用于交易。"
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'SURRENDER_VINTAGES', '', '', '2019-2020,2021,2022', 'vintage', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §四 配额结转', DATE '2023-07-14'),
 (2022, 'SURRENDER_VINTAGES', '', '', '2019-2020,2021,2022', 'vintage', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §四 配额结转', DATE '2023-07-14');

-- COMPLIANCE_RATE_INTERIM: minimum share of a region's emitters that must have completed surrender by the interim date.
-- 002 §二(五): "确保2023年10月15日前本行政区域内至少达到95%的重点排放单位完成履约(力争履约率达到100%)". National default per DOMAIN.md.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'COMPLIANCE_RATE_INTERIM', '', '50', '95', '%', '渝环规〔2023〕2号 §二(五) "确保2023年10月15日前本行政区域内至少达到95%的重点排放单位完成履约"', DATE '2023-08-04'),
 (2021, 'COMPLIANCE_RATE_INTERIM', '', '', '95', '%', 'DOMAIN.md yearly chain (surrender: 95% of emitters by the interim date); model: 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04'),
 (2022, 'COMPLIANCE_RATE_INTERIM', '', '50', '95', '%', '渝环规〔2023〕2号 §二(五) "确保2023年10月15日前本行政区域内至少达到95%的重点排放单位完成履约"', DATE '2023-08-04'),
 (2022, 'COMPLIANCE_RATE_INTERIM', '', '', '95', '%', 'DOMAIN.md yearly chain (surrender: 95% of emitters by the interim date); model: 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04');

-- COMPLIANCE_RATE_FINAL: share of emitters that must have completed surrender by the final date.
-- 002 §二(五): "12月15日前全部重点排放单位完成履约". National default per DOMAIN.md.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'COMPLIANCE_RATE_FINAL', '', '50', '100', '%', '渝环规〔2023〕2号 §二(五) "12月15日前全部重点排放单位完成履约"', DATE '2023-08-04'),
 (2021, 'COMPLIANCE_RATE_FINAL', '', '', '100', '%', 'DOMAIN.md yearly chain (surrender: 100% by the final date); model: 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04'),
 (2022, 'COMPLIANCE_RATE_FINAL', '', '50', '100', '%', '渝环规〔2023〕2号 §二(五) "12月15日前全部重点排放单位完成履约"', DATE '2023-08-04'),
 (2022, 'COMPLIANCE_RATE_FINAL', '', '', '100', '%', 'DOMAIN.md yearly chain (surrender: 100% by the final date); model: 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04');

-- BORROWING_GAP_THRESHOLD / BORROWING_MAX_SHARE: borrowing (预支) of next year's allowances, 2021/2022 only.
-- DOMAIN.md Allocation: "Borrowing (2021/22 only): gap ≥ 10% → up to 50% of the gap from the next year's pre-allocation, for own surrender only."
-- 003 §三 orders the 预支2023年度配额 application "满足《配额分配工作通知》要求" but does not restate the thresholds (that notice is not among the seeds).
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'BORROWING_GAP_THRESHOLD', '', '', '10', '%', 'DOMAIN.md Allocation: borrowing 2021/22 only, gap ≥10%; procedure: 生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三', DATE '2021-01-01'),
 (2021, 'BORROWING_MAX_SHARE', '', '', '50', '%', 'DOMAIN.md Allocation: borrowing 2021/22 only, up to 50% of the gap; procedure: 生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三', DATE '2021-01-01'),
 (2022, 'BORROWING_GAP_THRESHOLD', '', '', '10', '%', 'DOMAIN.md Allocation: borrowing 2021/22 only, gap ≥10%; procedure: 生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三', DATE '2022-01-01'),
 (2022, 'BORROWING_MAX_SHARE', '', '', '50', '%', 'DOMAIN.md Allocation: borrowing 2021/22 only, up to 50% of the gap; procedure: 生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三', DATE '2022-01-01');

-- ============================================================================================================
-- ADDITIONAL parameters: other yearly numeric rules stated in the seeds / DOMAIN.md. They are not yet in
-- PolicyParameter; the application ignores them until they are added. One INSERT per parameter.
-- ============================================================================================================

-- MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS: the district review of a monthly deposit ends at most this many natural days after month end, submission time included.
-- 002 §二(二): "在重点排放单位存证提交日期起5个自然日内（包含重点排放单位提交时间，最多25个自然日内）". National default per DOMAIN.md ("≤ 25 days").
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '50', '25', 'natural days', '渝环规〔2023〕2号 §二(二) "最多25个自然日内" (counted from month end; standing monthly rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '50', '25', 'natural days', '渝环规〔2023〕2号 §二(二) "最多25个自然日内" (counted from month end; standing monthly rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '50', '25', 'natural days', '渝环规〔2023〕2号 §二(二) "最多25个自然日内" (counted from month end; standing monthly rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '50', '25', 'natural days', '渝环规〔2023〕2号 §二(二) "最多25个自然日内" (counted from month end; standing monthly rule)', DATE '2023-08-04'),
 (2021, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '', '25', 'natural days', 'DOMAIN.md yearly chain (monthly deposit: "≤ 25 days"); model: 渝环规〔2023〕2号 §二(二) (adopted as national default; standing rule)', DATE '2023-08-04'),
 (2022, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '', '25', 'natural days', 'DOMAIN.md yearly chain (monthly deposit: "≤ 25 days"); model: 渝环规〔2023〕2号 §二(二) (adopted as national default; standing rule)', DATE '2023-08-04'),
 (2023, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '', '25', 'natural days', 'DOMAIN.md yearly chain (monthly deposit: "≤ 25 days"); model: 渝环规〔2023〕2号 §二(二) (adopted as national default; standing rule)', DATE '2023-08-04'),
 (2024, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '', '25', 'natural days', 'DOMAIN.md yearly chain (monthly deposit: "≤ 25 days"); model: 渝环规〔2023〕2号 §二(二) (adopted as national default; standing rule)', DATE '2023-08-04'),
 (2025, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '', '25', 'natural days', 'DOMAIN.md yearly chain (monthly deposit: "≤ 25 days"); model: 渝环规〔2023〕2号 §二(二) (adopted as national default; standing rule)', DATE '2023-08-04'),
 (2026, 'MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS', '', '', '25', 'natural days', 'DOMAIN.md yearly chain (monthly deposit: "≤ 25 days"); model: 渝环规〔2023〕2号 §二(二) (adopted as national default; standing rule)', DATE '2023-08-04');

-- RETAINED_COAL_SAMPLE_MONTHS: months each monthly reduced coal sample (月缩分煤样) is kept for spot re-testing.
-- 002 §二(六): "2023年9月起月缩分煤样至少留存1份缩分煤样…相关影像资料、月缩分煤样至少保存12个月备查". DOMAIN.md: "retained coal samples kept ≥ 12 months".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'RETAINED_COAL_SAMPLE_MONTHS', '', '50', '12', 'months', '渝环规〔2023〕2号 §二(六) "2023年9月起…月缩分煤样至少保存12个月备查" (standing rule)', DATE '2023-09-01'),
 (2024, 'RETAINED_COAL_SAMPLE_MONTHS', '', '50', '12', 'months', '渝环规〔2023〕2号 §二(六) "2023年9月起…月缩分煤样至少保存12个月备查" (standing rule)', DATE '2023-09-01'),
 (2025, 'RETAINED_COAL_SAMPLE_MONTHS', '', '50', '12', 'months', '渝环规〔2023〕2号 §二(六) "2023年9月起…月缩分煤样至少保存12个月备查" (standing rule)', DATE '2023-09-01'),
 (2026, 'RETAINED_COAL_SAMPLE_MONTHS', '', '50', '12', 'months', '渝环规〔2023〕2号 §二(六) "2023年9月起…月缩分煤样至少保存12个月备查" (standing rule)', DATE '2023-09-01'),
 (2023, 'RETAINED_COAL_SAMPLE_MONTHS', '', '', '12', 'months', 'DOMAIN.md Monthly parameters: "retained coal samples kept ≥ 12 months"; model: 渝环规〔2023〕2号 §二(六) (adopted as national default; standing rule)', DATE '2023-09-01'),
 (2024, 'RETAINED_COAL_SAMPLE_MONTHS', '', '', '12', 'months', 'DOMAIN.md Monthly parameters: "retained coal samples kept ≥ 12 months"; model: 渝环规〔2023〕2号 §二(六) (adopted as national default; standing rule)', DATE '2023-09-01'),
 (2025, 'RETAINED_COAL_SAMPLE_MONTHS', '', '', '12', 'months', 'DOMAIN.md Monthly parameters: "retained coal samples kept ≥ 12 months"; model: 渝环规〔2023〕2号 §二(六) (adopted as national default; standing rule)', DATE '2023-09-01'),
 (2026, 'RETAINED_COAL_SAMPLE_MONTHS', '', '', '12', 'months', 'DOMAIN.md Monthly parameters: "retained coal samples kept ≥ 12 months"; model: 渝环规〔2023〕2号 §二(六) (adopted as national default; standing rule)', DATE '2023-09-01');

-- RETAINED_COAL_SAMPLE_COPIES: minimum number of reduced coal samples kept per month (Chongqing only).
-- 002 §二(六): "2023年9月起月缩分煤样至少留存1份缩分煤样供市、区（县）两级生态环境部门不定期抽样比对检测".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'RETAINED_COAL_SAMPLE_COPIES', '', '50', '1', 'samples/month', '渝环规〔2023〕2号 §二(六) "2023年9月起月缩分煤样至少留存1份" (standing rule)', DATE '2023-09-01'),
 (2024, 'RETAINED_COAL_SAMPLE_COPIES', '', '50', '1', 'samples/month', '渝环规〔2023〕2号 §二(六) "2023年9月起月缩分煤样至少留存1份" (standing rule)', DATE '2023-09-01'),
 (2025, 'RETAINED_COAL_SAMPLE_COPIES', '', '50', '1', 'samples/month', '渝环规〔2023〕2号 §二(六) "2023年9月起月缩分煤样至少留存1份" (standing rule)', DATE '2023-09-01'),
 (2026, 'RETAINED_COAL_SAMPLE_COPIES', '', '50', '1', 'samples/month', '渝环规〔2023〕2号 §二(六) "2023年9月起月缩分煤样至少留存1份" (standing rule)', DATE '2023-09-01');

-- COAL_SAMPLING_VIDEO_RETENTION_MONTHS: months the video/visual record of coal sampling, preparation, testing and storage is kept (Chongqing only).
-- 002 §二(六): "于2024年1月1日起对每月煤样的采样、制样、化验、保存等全程采用影像等可视化手段记录…相关影像资料…至少保存12个月备查".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2024, 'COAL_SAMPLING_VIDEO_RETENTION_MONTHS', '', '50', '12', 'months', '渝环规〔2023〕2号 §二(六) "2024年1月1日起…全程采用影像等可视化手段记录…至少保存12个月" (standing rule)', DATE '2024-01-01'),
 (2025, 'COAL_SAMPLING_VIDEO_RETENTION_MONTHS', '', '50', '12', 'months', '渝环规〔2023〕2号 §二(六) "2024年1月1日起…全程采用影像等可视化手段记录…至少保存12个月" (standing rule)', DATE '2024-01-01'),
 (2026, 'COAL_SAMPLING_VIDEO_RETENTION_MONTHS', '', '50', '12', 'months', '渝环规〔2023〕2号 §二(六) "2024年1月1日起…全程采用影像等可视化手段记录…至少保存12个月" (standing rule)', DATE '2024-01-01');

-- NET_PURCHASE_REPORT_LEAD_MONTHS: the exchange reports each emitter's net purchase weekly, starting this many months before the surrender deadline.
-- 003 §五(二): "交易机构…于履约截止前1个月，每周向各省级生态环境主管部门通报重点排放单位配额净购入量信息".
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'NET_PURCHASE_REPORT_LEAD_MONTHS', '', '', '1', 'months', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §五(二) "于履约截止前1个月，每周…通报…配额净购入量信息"', DATE '2023-07-14'),
 (2022, 'NET_PURCHASE_REPORT_LEAD_MONTHS', '', '', '1', 'months', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §五(二) "于履约截止前1个月，每周…通报…配额净购入量信息"', DATE '2023-07-14');

-- RECORD_RETENTION_YEARS: minimum years emitters keep their records (碳排放权交易管理暂行条例, 2024).
-- DOMAIN.md Supervision: "records kept ≥ 5 years". The 条例 text is not among the seeds; the year 2024 comes from DOMAIN.md.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2024, 'RECORD_RETENTION_YEARS', '', '', '5', 'years', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "records kept ≥ 5 years" (standing rule)', DATE '2024-01-01'),
 (2025, 'RECORD_RETENTION_YEARS', '', '', '5', 'years', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "records kept ≥ 5 years" (standing rule)', DATE '2025-01-01'),
 (2026, 'RECORD_RETENTION_YEARS', '', '', '5', 'years', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "records kept ≥ 5 years" (standing rule)', DATE '2026-01-01');

-- Penalty ranges (qualifier MIN/MAX) under 碳排放权交易管理暂行条例 (2024), as summarised in DOMAIN.md Supervision. The 条例 text itself is not among the seeds.
-- SURRENDER_SHORTFALL_PENALTY_MULTIPLE: fine = multiple × last month's average allowance price × shortfall (the shortfall is also deducted next year).
-- FALSE_DATA_PENALTY_MULTIPLE: fine = multiple × illegal gains. FALSE_DATA_FINE_NO_GAINS: fine when there are no illegal gains.
-- FALSE_DATA_ALLOCATION_CUT: cut to the next allocation. REPORTING_FAILURE_FINE: fine for reporting failures.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2024, 'SURRENDER_SHORTFALL_PENALTY_MULTIPLE', 'MIN', '', '5', 'x last-month avg price', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "not surrendering → 5–10 × last month''s average price × shortfall" (standing rule)', DATE '2024-01-01'),
 (2024, 'SURRENDER_SHORTFALL_PENALTY_MULTIPLE', 'MAX', '', '10', 'x last-month avg price', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "not surrendering → 5–10 × last month''s average price × shortfall" (standing rule)', DATE '2024-01-01'),
 (2024, 'FALSE_DATA_PENALTY_MULTIPLE', 'MIN', '', '5', 'x illegal gains', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → 5–10 × illegal gains" (standing rule)', DATE '2024-01-01'),
 (2024, 'FALSE_DATA_PENALTY_MULTIPLE', 'MAX', '', '10', 'x illegal gains', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → 5–10 × illegal gains" (standing rule)', DATE '2024-01-01'),
 (2024, 'FALSE_DATA_FINE_NO_GAINS', 'MIN', '', '500000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data, no illegal gains → ¥0.5–2M" (standing rule)', DATE '2024-01-01'),
 (2024, 'FALSE_DATA_FINE_NO_GAINS', 'MAX', '', '2000000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data, no illegal gains → ¥0.5–2M" (standing rule)', DATE '2024-01-01'),
 (2024, 'FALSE_DATA_ALLOCATION_CUT', 'MIN', '', '50', '%', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → next allocation cut 50–100%" (standing rule)', DATE '2024-01-01'),
 (2024, 'FALSE_DATA_ALLOCATION_CUT', 'MAX', '', '100', '%', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → next allocation cut 50–100%" (standing rule)', DATE '2024-01-01'),
 (2024, 'REPORTING_FAILURE_FINE', 'MIN', '', '50000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "reporting failures ¥50k–500k" (standing rule)', DATE '2024-01-01'),
 (2024, 'REPORTING_FAILURE_FINE', 'MAX', '', '500000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "reporting failures ¥50k–500k" (standing rule)', DATE '2024-01-01'),
 (2025, 'SURRENDER_SHORTFALL_PENALTY_MULTIPLE', 'MIN', '', '5', 'x last-month avg price', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "not surrendering → 5–10 × last month''s average price × shortfall" (standing rule)', DATE '2025-01-01'),
 (2025, 'SURRENDER_SHORTFALL_PENALTY_MULTIPLE', 'MAX', '', '10', 'x last-month avg price', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "not surrendering → 5–10 × last month''s average price × shortfall" (standing rule)', DATE '2025-01-01'),
 (2025, 'FALSE_DATA_PENALTY_MULTIPLE', 'MIN', '', '5', 'x illegal gains', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → 5–10 × illegal gains" (standing rule)', DATE '2025-01-01'),
 (2025, 'FALSE_DATA_PENALTY_MULTIPLE', 'MAX', '', '10', 'x illegal gains', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → 5–10 × illegal gains" (standing rule)', DATE '2025-01-01'),
 (2025, 'FALSE_DATA_FINE_NO_GAINS', 'MIN', '', '500000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data, no illegal gains → ¥0.5–2M" (standing rule)', DATE '2025-01-01'),
 (2025, 'FALSE_DATA_FINE_NO_GAINS', 'MAX', '', '2000000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data, no illegal gains → ¥0.5–2M" (standing rule)', DATE '2025-01-01'),
 (2025, 'FALSE_DATA_ALLOCATION_CUT', 'MIN', '', '50', '%', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → next allocation cut 50–100%" (standing rule)', DATE '2025-01-01'),
 (2025, 'FALSE_DATA_ALLOCATION_CUT', 'MAX', '', '100', '%', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → next allocation cut 50–100%" (standing rule)', DATE '2025-01-01'),
 (2025, 'REPORTING_FAILURE_FINE', 'MIN', '', '50000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "reporting failures ¥50k–500k" (standing rule)', DATE '2025-01-01'),
 (2025, 'REPORTING_FAILURE_FINE', 'MAX', '', '500000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "reporting failures ¥50k–500k" (standing rule)', DATE '2025-01-01'),
 (2026, 'SURRENDER_SHORTFALL_PENALTY_MULTIPLE', 'MIN', '', '5', 'x last-month avg price', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "not surrendering → 5–10 × last month''s average price × shortfall" (standing rule)', DATE '2026-01-01'),
 (2026, 'SURRENDER_SHORTFALL_PENALTY_MULTIPLE', 'MAX', '', '10', 'x last-month avg price', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "not surrendering → 5–10 × last month''s average price × shortfall" (standing rule)', DATE '2026-01-01'),
 (2026, 'FALSE_DATA_PENALTY_MULTIPLE', 'MIN', '', '5', 'x illegal gains', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → 5–10 × illegal gains" (standing rule)', DATE '2026-01-01'),
 (2026, 'FALSE_DATA_PENALTY_MULTIPLE', 'MAX', '', '10', 'x illegal gains', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → 5–10 × illegal gains" (standing rule)', DATE '2026-01-01'),
 (2026, 'FALSE_DATA_FINE_NO_GAINS', 'MIN', '', '500000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data, no illegal gains → ¥0.5–2M" (standing rule)', DATE '2026-01-01'),
 (2026, 'FALSE_DATA_FINE_NO_GAINS', 'MAX', '', '2000000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data, no illegal gains → ¥0.5–2M" (standing rule)', DATE '2026-01-01'),
 (2026, 'FALSE_DATA_ALLOCATION_CUT', 'MIN', '', '50', '%', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → next allocation cut 50–100%" (standing rule)', DATE '2026-01-01'),
 (2026, 'FALSE_DATA_ALLOCATION_CUT', 'MAX', '', '100', '%', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "false data → next allocation cut 50–100%" (standing rule)', DATE '2026-01-01'),
 (2026, 'REPORTING_FAILURE_FINE', 'MIN', '', '50000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "reporting failures ¥50k–500k" (standing rule)', DATE '2026-01-01'),
 (2026, 'REPORTING_FAILURE_FINE', 'MAX', '', '500000', 'CNY', 'DOMAIN.md Supervision: 碳排放权交易管理暂行条例 (2024) "reporting failures ¥50k–500k" (standing rule)', DATE '2026-01-01');

-- 112 rows

