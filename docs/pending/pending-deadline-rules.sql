-- Not loaded: dated steps found in the seeds whose DeadlineKind does not exist yet (CCER application, borrowing,
-- relief plans, rectification, ...). Add the kinds with issues 7-9 and move these rows into a migration.
-- OpenCETS seed data: calendar.deadline_rule, ADDITIONAL codes (optional).
-- Other steps with dates stated in the seeds. Their codes are not in org.opencets.calendar.DeadlineKind, so
-- load this file only after the enum has them (Deadlines.map uses DeadlineKind.valueOf). Sources are as in deadline_rules.sql.
-- National-default rows modelled on 渝环规〔2023〕2号 carry its date (2023-08-04) as in_force_from.

-- PENALTY_DISCLOSURE_DISTRICT_REPORT: the districts report to the city how the penalties were disclosed. 002 §二(九): "各区县生态环境局于2024年4月1日前向市生态环境局报送全国碳市场第二个履约周期内未按时足额清缴…处罚信息公开情况"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'PENALTY_DISCLOSURE_DISTRICT_REPORT', '50', DATE '2024-04-01', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(九) "各区县生态环境局于2024年4月1日前向市生态环境局报送…处罚信息公开情况"', DATE '2023-08-04'),
 (2021, 'PENALTY_DISCLOSURE_DISTRICT_REPORT', '', DATE '2024-04-01', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (penalty disclosure "by Apr 1 / Apr 30"); date as stated in 渝环规〔2023〕2号 §二(九) (adopted as national default)', DATE '2023-08-04'),
 (2022, 'PENALTY_DISCLOSURE_DISTRICT_REPORT', '50', DATE '2024-04-01', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(九) "各区县生态环境局于2024年4月1日前向市生态环境局报送…处罚信息公开情况"', DATE '2023-08-04'),
 (2022, 'PENALTY_DISCLOSURE_DISTRICT_REPORT', '', DATE '2024-04-01', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (penalty disclosure "by Apr 1 / Apr 30"); date as stated in 渝环规〔2023〕2号 §二(九) (adopted as national default)', DATE '2023-08-04');

-- Late surrender in the second compliance period (2021/2022), 002 §二(五): "对全国碳市场第二个履约周期内未按时足额清缴配额的重点排放单位，责令于2024年2月29日前完成整改，
-- 并依法立案处罚，有关处理情况于2024年3月5日前报送市生态环境局，市生态环境局收集汇总全市有关情况，于2024年3月15日前报送生态环境部。"
-- LATE_SURRENDER_RECTIFICATION = the emitter's rectification deadline; _CASE_REPORT_CITY = district → city; _CASE_REPORT_MEE = city → MEE.
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'LATE_SURRENDER_RECTIFICATION', '50', DATE '2024-02-29', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "责令于2024年2月29日前完成整改，并依法立案处罚"', DATE '2023-08-04'),
 (2021, 'LATE_SURRENDER_RECTIFICATION', '', DATE '2024-02-29', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (late surrender rectification: ordered deadline (e.g. Feb 29)); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04'),
 (2022, 'LATE_SURRENDER_RECTIFICATION', '50', DATE '2024-02-29', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "责令于2024年2月29日前完成整改，并依法立案处罚"', DATE '2023-08-04'),
 (2022, 'LATE_SURRENDER_RECTIFICATION', '', DATE '2024-02-29', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (late surrender rectification: ordered deadline (e.g. Feb 29)); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04'),
 (2021, 'LATE_SURRENDER_CASE_REPORT_CITY', '50', DATE '2024-03-05', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "有关处理情况于2024年3月5日前报送市生态环境局"', DATE '2023-08-04'),
 (2021, 'LATE_SURRENDER_CASE_REPORT_CITY', '', DATE '2024-03-05', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (late surrender: case filed, reported upward); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04'),
 (2022, 'LATE_SURRENDER_CASE_REPORT_CITY', '50', DATE '2024-03-05', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "有关处理情况于2024年3月5日前报送市生态环境局"', DATE '2023-08-04'),
 (2022, 'LATE_SURRENDER_CASE_REPORT_CITY', '', DATE '2024-03-05', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (late surrender: case filed, reported upward); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04'),
 (2021, 'LATE_SURRENDER_CASE_REPORT_MEE', '50', DATE '2024-03-15', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "市生态环境局收集汇总全市有关情况，于2024年3月15日前报送生态环境部"', DATE '2023-08-04'),
 (2021, 'LATE_SURRENDER_CASE_REPORT_MEE', '', DATE '2024-03-15', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (late surrender: case filed, reported upward); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04'),
 (2022, 'LATE_SURRENDER_CASE_REPORT_MEE', '50', DATE '2024-03-15', NULL, NULL, 'AS_STATED', '渝环规〔2023〕2号 §二(五) "市生态环境局收集汇总全市有关情况，于2024年3月15日前报送生态环境部"', DATE '2023-08-04'),
 (2022, 'LATE_SURRENDER_CASE_REPORT_MEE', '', DATE '2024-03-15', NULL, NULL, 'AS_STATED', 'DOMAIN.md yearly chain (late surrender: case filed, reported upward); date as stated in 渝环规〔2023〕2号 §二(五) (adopted as national default)', DATE '2023-08-04');

-- CCER_OFFSET_APPLICATION: the emitter files the CCER offset 申请表 with the provincial department.
-- 001 第三步 (2021/2022): "…《申请表》…于2023年12月15日前向所属省级生态环境主管部门提交".
-- 000 附件3 第三步 (national first-period procedure, 2019–2020, recorded as 2020): "于2021年10月26日至2021年12月10日，向所属省级生态环境主管部门提交申请表".
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'CCER_OFFSET_APPLICATION', '', DATE '2023-12-15', NULL, NULL, 'AS_STATED', '《2021、2022年度全国碳市场重点排放单位使用CCER抵销配额清缴程序》(生态环境部办公厅2023-07-14通知附件) 第三步 "于2023年12月15日前向所属省级生态环境主管部门提交"', DATE '2023-07-14'),
 (2022, 'CCER_OFFSET_APPLICATION', '', DATE '2023-12-15', NULL, NULL, 'AS_STATED', '《2021、2022年度全国碳市场重点排放单位使用CCER抵销配额清缴程序》(生态环境部办公厅2023-07-14通知附件) 第三步 "于2023年12月15日前向所属省级生态环境主管部门提交"', DATE '2023-07-14'),
 (2020, 'CCER_OFFSET_APPLICATION', '', DATE '2021-12-10', NULL, NULL, 'AS_STATED', '山西省生态环境厅《关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知》(2021-11-04) 附件3《全国碳市场第一个履约周期使用CCER抵销配额清缴程序》第三步 "2021年10月26日至2021年12月10日…提交申请表"', DATE '2021-11-04');

-- CCER_CANCELLATION (first period 2019–2020, recorded as 2020): the emitter cancels the confirmed CCER. 000 附件3 第五步: "重点排放单位在2021年12月15日17点前使用自愿减排注册登记系统的“自愿注销”功能…注销…CCER"
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2020, 'CCER_CANCELLATION', '', DATE '2021-12-15', NULL, NULL, 'AS_STATED', '山西省生态环境厅《关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知》(2021-11-04) 附件3 第五步 "在2021年12月15日17点前…注销其一般持有账户上符合条件的CCER" (time 17:00)', DATE '2021-11-04');

-- (BORROWING_APPLICATION, RELIEF_PLAN_APPLICATION, ALLOCATION_TABLES_SUBMISSION, ALLOCATION_ISSUANCE: now in V14__allocation.sql.)

-- Shanxi (14) data-quality campaign on the 2019/2020 reports (first period, recorded as 2020).
-- 000 §二(一)1/2: "各市局对辖区内企业自查情况进行审核汇总，并于11月10日前报送至省生态环境厅" (verifiers too) → DATA_SELF_CHECK_REPORT;
-- 000 §二(二): "评估工作组于11月10日—11月20日开展相关工作，并形成整改工作台账和自查评估报告" → DATA_QUALITY_EVALUATION (end of window).
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2020, 'DATA_SELF_CHECK_REPORT', '14', DATE '2021-11-10', NULL, NULL, 'AS_STATED', '山西省生态环境厅《关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知》(2021-11-04) §二(一)1、2 "于11月10日前报送至省生态环境厅" (2019、2020年度碳排放报告自查)', DATE '2021-11-04'),
 (2020, 'DATA_QUALITY_EVALUATION', '14', DATE '2021-11-20', NULL, NULL, 'AS_STATED', '山西省生态环境厅《关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知》(2021-11-04) §二(二) "评估工作组于11月10日—11月20日开展相关工作，并形成整改工作台账和自查评估报告"', DATE '2021-11-04');

-- 22 rows
