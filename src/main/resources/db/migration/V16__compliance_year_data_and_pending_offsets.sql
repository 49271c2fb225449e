-- Compliance (issue 9): the 2023 and 2024 surrender rules as data, and the ETS registry's PENDING_OFFSET (待抵销) CCER.

-- The 2023/24 plan is not among the seeds. These rows are OpenCETS assumptions modelled on seed 003 §四 (all vintages
-- held may be surrendered for both years of a plan) and on the 2021/2022 chain (interim ≈ two months before final);
-- officers correct them on the calendar page, where every version is kept.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2023, 'SURRENDER_VINTAGES', '', '', '2019-2020,2021,2022,2023,2024', 'vintage', 'OpenCETS assumption modelled on 生态环境部办公厅 2023-07-14 通知 §四 配额结转 (vintages held may be surrendered for both years of the plan); confirm against the 2023、2024年度配额分配方案', DATE '2024-10-01'),
 (2024, 'SURRENDER_VINTAGES', '', '', '2019-2020,2021,2022,2023,2024', 'vintage', 'OpenCETS assumption modelled on 生态环境部办公厅 2023-07-14 通知 §四 配额结转 (vintages held may be surrendered for both years of the plan); confirm against the 2023、2024年度配额分配方案', DATE '2024-10-01'),
 (2023, 'COMPLIANCE_RATE_INTERIM', '', '', '95', '%', 'DOMAIN.md yearly chain (surrender: 95% of emitters by the interim date); OpenCETS assumption for 2023', DATE '2024-10-01'),
 (2024, 'COMPLIANCE_RATE_INTERIM', '', '', '95', '%', 'DOMAIN.md yearly chain (surrender: 95% of emitters by the interim date); OpenCETS assumption for 2024', DATE '2024-10-01'),
 (2023, 'COMPLIANCE_RATE_FINAL', '', '', '100', '%', 'DOMAIN.md yearly chain (surrender: 100% by the final date)', DATE '2024-10-01'),
 (2024, 'COMPLIANCE_RATE_FINAL', '', '', '100', '%', 'DOMAIN.md yearly chain (surrender: 100% by the final date)', DATE '2024-10-01');

INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2023, 'SURRENDER_INTERIM', '', DATE '2024-10-31', NULL, NULL, 'AS_STATED', 'OpenCETS assumption: interim two months before the final date, as in the 2021/2022 chain (渝环规〔2023〕2号 §二(五))', DATE '2024-10-01'),
 (2024, 'SURRENDER_INTERIM', '', DATE '2025-10-31', NULL, NULL, 'AS_STATED', 'OpenCETS assumption: interim two months before the final date, as in the 2021/2022 chain (渝环规〔2023〕2号 §二(五))', DATE '2024-10-01'),
 (2023, 'SURRENDER_FINAL', '', DATE '2024-12-31', NULL, NULL, 'AS_STATED', '2023、2024年度全国碳排放权交易发电行业配额总量和分配方案: 2023年度配额清缴于2024年12月31日前完成 (not among the seeds; confirm)', DATE '2024-10-01'),
 (2024, 'SURRENDER_FINAL', '', DATE '2025-12-31', NULL, NULL, 'AS_STATED', '2023、2024年度全国碳排放权交易发电行业配额总量和分配方案: 2024年度配额清缴于2025年12月31日前完成 (not among the seeds; confirm)', DATE '2024-10-01'),
 (2023, 'PENDING_OFFSET_RECALL', '', NULL, 15, 'WORKING', 'NEXT_WORKING_DAY', 'OpenCETS assumption: seed 001 第六步 (15 working days after the compliance period ends) kept for 2023', DATE '2024-10-01'),
 (2024, 'PENDING_OFFSET_RECALL', '', NULL, 15, 'WORKING', 'NEXT_WORKING_DAY', 'OpenCETS assumption: seed 001 第六步 (15 working days after the compliance period ends) kept for 2024', DATE '2024-10-01');

-- PENDING_OFFSET lots: CCER frozen in the CCER registry for a national compliance offset (seed 001 第三步), one row per
-- lot the CCER registry sent (its id is the idempotency key). remaining = pending and not reserved by a surrender.
create table registry.pending_offset (
    offset_id      uuid primary key,
    account_id     bigint references registry.account (id),
    emitter_uscc   text not null,
    ets_account    text not null,
    ccer_account   text not null,
    project_number text not null,
    project_name   text not null,
    project_type   text not null,
    project_in_ets boolean not null,
    first_period   boolean not null,
    quantity       bigint not null check (quantity > 0 and quantity <= 10000000000),
    remaining      bigint not null check (remaining >= 0),
    recalled       bigint not null default 0 check (recalled >= 0),
    received_at    timestamptz not null,
    recalled_at    timestamptz,
    recall_reason  text,
    check (remaining + recalled <= quantity),
    check (account_id is not null or recalled = quantity)
);
create index pending_offset_account on registry.pending_offset (account_id) where remaining > 0;

-- A surrender's use of a lot: reserved with the request, used (→ the CCER registry cancels it) or voided by the decision.
create table registry.offset_use (
    id           uuid primary key,
    offset_id    uuid not null references registry.pending_offset (offset_id),
    operation_id uuid not null references registry.operation (id),
    quantity     bigint not null check (quantity > 0),
    state        text not null check (state in ('RESERVED', 'USED', 'VOIDED')),
    decided_at   timestamptz,
    unique (operation_id, offset_id),
    check ((state = 'RESERVED') = (decided_at is null))
);
create index offset_use_offset on registry.offset_use (offset_id);

-- The recalls run (seed 001 第六步): a lot is recalled once (its remaining drops to 0); a run that finds nothing after an
-- earlier run of the same period is refused.
create table registry.offset_recall_run (
    id               bigint generated always as identity primary key,
    period_last_year int not null,
    recall_date      date not null,
    lots             int not null,
    quantity         bigint not null,
    run_at           timestamptz not null,
    run_by           text not null
);

-- Compliance reads a year's surrenders (its own and forced ones) in one query.
create index operation_surrender_year on registry.operation ((content -> 'details' ->> 'year')) where kind in ('SURRENDER', 'FORCED_SURRENDER');

-- FIRST_PERIOD_CCER_USABLE: CCER cancelled for period 1 (2019–2020) but never used may offset this year's surrender.
-- 003 §二: "对第一个履约周期出于履约目的已注销但实际未用于抵销清缴的CCER，由重点排放单位申请，可用于抵销2021、2022年度配额清缴。"
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from) VALUES
 (2021, 'FIRST_PERIOD_CCER_USABLE', '', '', '1', '1 = yes', '生态环境部办公厅 2023-07-14 通知 §二 "…可用于抵销2021、2022年度配额清缴"', DATE '2023-07-14'),
 (2022, 'FIRST_PERIOD_CCER_USABLE', '', '', '1', '1 = yes', '生态环境部办公厅 2023-07-14 通知 §二 "…可用于抵销2021、2022年度配额清缴"', DATE '2023-07-14');
-- A forced surrender names its emitter in its details (its account is the province's): find one emitter's without scanning the year.
create index operation_forced_surrender_emitter on registry.operation ((content -> 'details' ->> 'emitter')) where kind = 'FORCED_SURRENDER';
