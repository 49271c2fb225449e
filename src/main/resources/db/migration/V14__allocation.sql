-- Allocation (配额分配): the verified data allocation builds on, special cases (seed 003 §一), pre-allocation and final
-- allocation decisions (versioned, never changed), the issuance instructions sent to the registry exactly once per
-- decision, allocation notices with their service receipts (送达回证, seed 004 §三(二)3 and 附件2), borrowing
-- (预支, seed 003 §三) and relief plans (纾困方案, seed 003 §三). Seeds 002 §二(五), 003 §一 §三 §五.

create schema if not exists allocation;

-- 1. Year rules.
-- Load (output) correction of conventional coal units: the bands of the national power allocation plan.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'LOAD_CORRECTION', b.qualifier, '', b.value, b.unit,
       'Load (output) correction bands of the national power allocation plan (2019–2020 plan: F≥85% → 1; 80–85% → 1+0.0014×(85−100F); 75–80% → 1.007+0.0016×(80−100F); <75% → 1.015^(16−20F)); OpenCETS assumption that the 2023/24 plan keeps them — confirm against the plan',
       make_date(y, 1, 1)
FROM generate_series(2023, 2024) y CROSS JOIN (VALUES
  ('FULL', '85', '%'), ('MIDDLE', '80', '%'), ('LOW', '75', '%'), ('SLOPE_UPPER', '0.0014', 'per point'), ('SLOPE_LOWER', '0.0016', 'per point'),
  ('POWER_BASE', '1.015', 'base'), ('POWER_OFFSET', '16', 'exponent'), ('POWER_SLOPE', '20', 'exponent per F')
) AS b(qualifier, value, unit);

INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'GAS_TOP_UP', '', '', '1', '1 = yes', 'DOMAIN.md Allocation (2023/24 plan): gas units topped up to their emissions', make_date(y, 1, 1)
FROM generate_series(2023, 2024) y;

-- Who allocates: 2 = the province (省级生态环境主管部门, seed 003), 4 = the city (市生态环境局, seed 002 §二(五) for a
-- municipality directly under the central government). A region may record its own value.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'ALLOCATION_AUTHORITY_LEVEL', '', '', '2', 'region digits', 'seed 003 §一 §三: the provincial department allocates and reviews borrowing (a region may set 4: the city, as seed 002 §二(五))', make_date(y, 1, 1)
FROM generate_series(2021, 2027) y;

-- Dated steps of seed 003 (moved from docs/pending): borrowing and relief applications, allocation tables, issuance.
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from) VALUES
 (2021, 'BORROWING_APPLICATION', '', DATE '2023-08-04', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三 "重点排放单位申报材料…于2023年8月4日前通过正式文件报送注登机构"', DATE '2023-07-14'),
 (2022, 'BORROWING_APPLICATION', '', DATE '2023-08-04', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三 "重点排放单位申报材料…于2023年8月4日前通过正式文件报送注登机构"', DATE '2023-07-14'),
 (2021, 'RELIEF_PLAN_APPLICATION', '', DATE '2023-08-04', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三 "纾困方案…于2023年8月4日前通过正式文件报送我部应对气候变化司"', DATE '2023-07-14'),
 (2022, 'RELIEF_PLAN_APPLICATION', '', DATE '2023-08-04', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §三 "纾困方案…于2023年8月4日前通过正式文件报送我部应对气候变化司"', DATE '2023-07-14'),
 (2021, 'ALLOCATION_TABLES_SUBMISSION', '', DATE '2023-08-04', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §五 末段 "机组核定配额明细表和…核定配额实际发放汇总表报送截止时间由2023年7月15日延至8月4日"', DATE '2023-07-14'),
 (2022, 'ALLOCATION_TABLES_SUBMISSION', '', DATE '2023-08-04', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §五 末段 "机组核定配额明细表和…核定配额实际发放汇总表报送截止时间由2023年7月15日延至8月4日"', DATE '2023-07-14'),
 (2021, 'ALLOCATION_ISSUANCE', '', DATE '2023-08-11', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §五 末段 "注登机构应于8月11日前完成配额和履约通知书发放工作"', DATE '2023-07-14'),
 (2022, 'ALLOCATION_ISSUANCE', '', DATE '2023-08-11', NULL, NULL, 'AS_STATED', '生态环境部办公厅《关于全国碳排放权交易市场2021、2022年度碳排放配额清缴相关工作的通知》(2023-07-14) §五 末段 "注登机构应于8月11日前完成配额和履约通知书发放工作"', DATE '2023-07-14');

-- The emitter signs for an allocation notice within 10 working days of its issue (OpenCETS assumption; seed 004
-- §三(二)3 asks for the receipt, no period stated).
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from)
SELECT y, 'NOTICE_RECEIPT', '', NULL, 10, 'WORKING', 'NEXT_WORKING_DAY',
       'OpenCETS assumption: the emitter signs the service receipt (送达回证) of an allocation notice within 10 working days (seed 004 §三(二)3 "书面通知…并签署送达回证", no period stated)', DATE '2023-01-01'
FROM generate_series(2021, 2027) y;

-- 2. The verified data allocation builds on: a revision per emitter and year, from verification's published result or
-- imported (history, migration from the national platform). Per unit for the final allocation; the entity figures
-- alone suffice as the previous year's basis of a pre-allocation.
create table allocation.basis (
    id                  uuid primary key,
    emitter_uscc        varchar(18) not null,
    emitter_name        varchar(200) not null,
    region_code         varchar(6) not null,
    data_year           int not null check (data_year between 2019 and 2100),
    revision            int not null check (revision > 0),
    source              varchar(20) not null check (source in ('VERIFICATION', 'IMPORT')),
    reference           varchar(300) not null,
    verified_total      numeric(16, 2) not null check (verified_total >= 0),
    verified_compliance numeric(16, 2) not null check (verified_compliance >= 0 and verified_compliance <= verified_total),
    recorded_by         varchar(100) not null,
    recorded_at         timestamptz not null,
    unique (emitter_uscc, data_year, revision)
);

create table allocation.basis_unit (
    basis_id          uuid not null references allocation.basis (id),
    unit_code         varchar(40) not null,
    category          varchar(3) check (category in ('I', 'II', 'III', 'IV')),
    rated_capacity_mw numeric(8, 2) check (rated_capacity_mw > 0),
    generation_mwh    numeric(16, 2) not null check (generation_mwh >= 0),
    heat_gj           numeric(16, 2) not null check (heat_gj >= 0),
    operating_hours   numeric(8, 2) check (operating_hours >= 0 and operating_hours <= 8784),
    emissions         numeric(16, 2) not null check (emissions >= 0),
    primary key (basis_id, unit_code)
);

-- 3. Special cases (seed 003 §一): at most one in force per emitter and year.
create table allocation.special_case (
    id            uuid primary key,
    emitter_uscc  varchar(18) not null,
    emitter_name  varchar(200) not null,
    region_code   varchar(6) not null,
    data_year     int not null,
    kind          varchar(20) not null check (kind in ('FACILITIES_SHUT', 'LEGAL_RISK', 'DISSOLVED')),
    note          varchar(1000) not null check (btrim(note) <> ''),
    recorded_by   varchar(100) not null,
    recorded_at   timestamptz not null,
    withdrawn_by  varchar(100),
    withdrawn_at  timestamptz,
    withdrawal    varchar(500)
);
create unique index special_case_one_in_force on allocation.special_case (emitter_uscc, data_year) where withdrawn_at is null;

-- 4. Decisions: pre-allocation and final allocation per emitter and year, numbered; a correction is a new revision.
create table allocation.decision (
    id              uuid primary key,
    emitter_uscc    varchar(18) not null,
    emitter_name    varchar(200) not null,
    region_code     varchar(6) not null,
    data_year       int not null,
    kind            varchar(20) not null check (kind in ('PRE_ALLOCATION', 'FINAL')),
    revision        int not null check (revision > 0),
    basis_id        uuid references allocation.basis (id),
    special_case    varchar(20) check (special_case in ('FACILITIES_SHUT', 'LEGAL_RISK', 'DISSOLVED')),
    special_note    varchar(1000),
    allocation_due  bigint not null check (allocation_due >= 0),
    obligation      bigint check (obligation >= 0),
    already_issued  bigint not null check (already_issued >= 0),
    borrowed        bigint not null default 0 check (borrowed >= 0),
    to_issue        bigint not null,
    account         varchar(12) not null check (account in ('EMITTER', 'PROVINCIAL', 'NONE')),
    reason          varchar(300) not null,
    computation     jsonb not null,
    content_sha256  varchar(64) not null,
    decided_by      varchar(100) not null,
    decided_org     varchar(200) not null,
    decided_at      timestamptz not null,
    unique (emitter_uscc, data_year, kind, revision),
    check (kind = 'PRE_ALLOCATION' or obligation is not null)
);

-- 5. Borrowing (预支) and relief plans (纾困方案).
create table allocation.borrowing (
    id            uuid primary key,
    emitter_uscc  varchar(18) not null,
    emitter_name  varchar(200) not null,
    region_code   varchar(6) not null,
    data_year     int not null,
    requested     bigint not null check (requested > 0),
    maximum       bigint not null check (maximum >= 0),
    gap           bigint not null check (gap >= 0),
    reason        varchar(2000) not null,
    status        varchar(12) not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    approved      bigint check (approved > 0 and approved <= requested),
    decision_note varchar(1000),
    requested_by  varchar(100) not null,
    requested_at  timestamptz not null,
    decided_by    varchar(100),
    decided_at    timestamptz,
    version       int not null default 0
);
create unique index borrowing_one_open on allocation.borrowing (emitter_uscc, data_year) where status <> 'REJECTED';

create table allocation.relief_plan (
    id            uuid primary key,
    emitter_uscc  varchar(18) not null,
    emitter_name  varchar(200) not null,
    region_code   varchar(6) not null,
    data_year     int not null,
    duties        varchar(2000) not null check (btrim(duties) <> ''),
    difficulty    varchar(2000) not null check (btrim(difficulty) <> ''),
    measures      varchar(2000) not null check (btrim(measures) <> ''),
    status        varchar(12) not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED')),
    decision_note varchar(2000),
    submitted_by  varchar(100) not null,
    submitted_at  timestamptz not null,
    decided_by    varchar(100),
    decided_at    timestamptz,
    version       int not null default 0
);
create unique index relief_plan_one_open on allocation.relief_plan (emitter_uscc, data_year) where status <> 'REJECTED';

create table allocation.relief_document (
    plan_id     uuid not null references allocation.relief_plan (id),
    upload_id   uuid not null,
    sha256      varchar(64) not null,
    file_name   varchar(255) not null,
    size_bytes  bigint not null,
    attached_by varchar(100) not null,
    attached_at timestamptz not null,
    primary key (plan_id, upload_id)
);

-- 6. Issuance instructions to the registry: exactly one per decision with something to move, or per approved
-- borrowing. The id is the registry's idempotency key.
create table allocation.instruction (
    id            uuid primary key,
    decision_id   uuid unique references allocation.decision (id),
    borrowing_id  uuid unique references allocation.borrowing (id),
    emitter_uscc  varchar(18) not null,
    emitter_name  varchar(200) not null,
    region_code   varchar(6) not null,
    data_year     int not null,
    vintage       varchar(9) not null,
    purpose       varchar(20) not null check (purpose in ('PRE_ALLOCATION', 'TRUE_UP', 'CORRECTION', 'BORROWING')),
    direction     varchar(10) not null check (direction in ('ISSUE', 'TAKE_BACK')),
    quantity      bigint not null check (quantity > 0),
    account       varchar(12) not null check (account in ('EMITTER', 'PROVINCIAL')),
    own_surrender_only boolean not null default false,
    created_at    timestamptz not null,
    check ((decision_id is null) <> (borrowing_id is null))
);

-- 7. Allocation notices (配额分配通知书) and their service receipts (送达回证, seed 004 附件2).
create table allocation.notice (
    id             uuid primary key,
    decision_id    uuid not null unique references allocation.decision (id),
    number         varchar(60) not null unique,
    emitter_uscc   varchar(18) not null,
    emitter_name   varchar(200) not null,
    region_code    varchar(6) not null,
    data_year      int not null,
    issued_by      varchar(200) not null,
    issued_at      timestamptz not null,
    content_sha256 varchar(64) not null
);

create table allocation.service_receipt (
    notice_id      uuid primary key references allocation.notice (id),
    status         varchar(14) not null check (status in ('PENDING', 'ACKNOWLEDGED', 'REFUSED')),
    method         varchar(60) not null,
    place          varchar(300) not null,
    recipient      varchar(100),
    agent          varchar(100),
    agent_relation varchar(100),
    served_at      timestamptz,
    refusal_reason varchar(1000),
    witness        varchar(100),
    served_by      varchar(100),
    note           varchar(1000),
    version        int not null default 0,
    check (status <> 'REFUSED' or (refusal_reason is not null and witness is not null)),
    check (status <> 'ACKNOWLEDGED' or (coalesce(recipient, agent) is not null and served_at is not null))
);

create index decision_year on allocation.decision (data_year, region_code);
create index basis_year on allocation.basis (data_year, region_code);
create index instruction_year on allocation.instruction (data_year, region_code);

create function allocation.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'allocation.% rows are immutable', tg_table_name using errcode = 'P0001';
end $$;
create trigger basis_immutable before update or delete on allocation.basis for each row execute function allocation.refuse_change();
create trigger basis_unit_immutable before update or delete on allocation.basis_unit for each row execute function allocation.refuse_change();
create trigger decision_immutable before update or delete on allocation.decision for each row execute function allocation.refuse_change();
create trigger instruction_immutable before update or delete on allocation.instruction for each row execute function allocation.refuse_change();
create trigger notice_immutable before update or delete on allocation.notice for each row execute function allocation.refuse_change();
