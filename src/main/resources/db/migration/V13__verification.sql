-- Verification (核查): firms and their verifiers, engagements that create conflicts, the year's tasks and their
-- assignment (by hand or by a logged random draw), the verifier's work (document review, site visit, findings and the
-- emitter's corrections), conclusions (versioned, never overwritten), objections, re-verification, the published
-- verified emissions, and the city's evaluation of the firms. Seeds 000 §二, 002 §二(四)(八), 004 §三(一)2 and (三).

create schema if not exists verification;

-- 1. Year rules.
-- The objection window and the city's decision (issue 6: 7 and 10 working days after the result / the objection).
INSERT INTO calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count, day_off_policy, source, in_force_from)
SELECT y, k.deadline, '', NULL, k.days, 'WORKING', 'NEXT_WORKING_DAY', k.source, DATE '2023-08-04'
FROM generate_series(2021, 2027) y CROSS JOIN (VALUES
  ('VERIFICATION_OBJECTION', 7, 'OpenCETS requirement (issue 6): the emitter may object to the verification result within 7 working days; seed 002 §二(四) "协调重点排放单位、第三方核查机构就核查异议达成一致"'),
  ('OBJECTION_DECISION', 10, 'OpenCETS requirement (issue 6): the city decides an objection within 10 working days, coordinating emitter and firm (seed 002 §二(四))'),
  ('VERIFICATION_REVISION', 10, 'OpenCETS assumption: the firm revises its verification report within 10 working days of the re-verification opinion or the upheld objection (seed 004 §三(三)6 "根据复查意见对核查报告进行修改完善", no period stated)'),
  ('FINDING_RESPONSE', 5, 'OpenCETS assumption: the emitter answers a verification finding (不符合项) within 5 working days (核查指南 asks for corrections before the report is issued; no period stated in the seeds)'),
  ('VERIFIER_INTERVIEW', 20, 'OpenCETS assumption: the interview (约谈) of a firm rated D or below within 20 working days of the published evaluation (seed 004 §三(三)5, no period stated)')
) AS k(deadline, days, source);

INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, p.parameter, p.qualifier, '', p.value, p.unit, p.source, make_date(y, 1, 1)
FROM generate_series(2021, 2027) y CROSS JOIN (VALUES
  ('VERIFIER_MAX_CONSECUTIVE_YEARS', '', '3', 'years', 'OpenCETS assumption: a firm verifies the same emitter at most 3 years in a row (provincial practice; no seed states the number)'),
  ('VERIFIER_SCORE_WEIGHT', 'QUALITY', '50', 'points', 'OpenCETS scoring (seed 002 §二(八) 工作质量、合规性、及时性): quality share of 100 points'),
  ('VERIFIER_SCORE_WEIGHT', 'COMPLIANCE', '30', 'points', 'OpenCETS scoring (seed 002 §二(八)): compliance share of 100 points'),
  ('VERIFIER_SCORE_WEIGHT', 'TIMELINESS', '20', 'points', 'OpenCETS scoring (seed 002 §二(八)): timeliness share of 100 points'),
  ('VERIFIER_RATING_MIN', 'A', '90', 'points', 'OpenCETS assumption: 浙江省企业环境信用评价 grades A–E; A from 90 points'),
  ('VERIFIER_RATING_MIN', 'B', '80', 'points', 'OpenCETS assumption: grade B from 80 points'),
  ('VERIFIER_RATING_MIN', 'C', '70', 'points', 'OpenCETS assumption: grade C from 70 points'),
  ('VERIFIER_RATING_MIN', 'D', '60', 'points', 'OpenCETS assumption: grade D from 60 points, E below; D or below is notified and interviewed (seed 004 §三(三)5)')
) AS p(parameter, qualifier, value, unit, source);

-- 碳排放权交易管理暂行条例 (2024) 第十四条: in one province a firm reviewing annual reports may not also prepare them.
INSERT INTO calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
SELECT y, 'VERIFIER_PREPARATION_EXCLUSION', '', '', CASE WHEN y >= 2024 THEN '1' ELSE '0' END, '1 = yes',
       '碳排放权交易管理暂行条例 (国务院令第775号, 2024-05-01) 第十四条: 在同一省、自治区、直辖市范围内，接受委托对年度排放报告进行技术审核的技术服务机构，不得同时从事年度排放报告编制业务',
       make_date(y, 1, 1)
FROM generate_series(2021, 2027) y;

-- 2. Firms (the organisation is an identity organisation of kind VERIFIER) and their verifiers.
create table verification.firm (
    organisation_id uuid primary key,
    uscc            varchar(18) not null unique,
    name            varchar(200) not null,
    region_code     varchar(6) not null,
    qualification   varchar(500) not null default '',
    sectors         varchar(200) not null default '',
    active          boolean not null default true,
    version         int not null default 0,
    updated_at      timestamptz not null default now(),
    updated_by      varchar(100) not null
);

create table verification.verifier (
    id                uuid primary key,
    firm_id           uuid not null references verification.firm (organisation_id),
    name              varchar(100) not null,
    credential_number varchar(60) not null,
    credential_until  date not null,
    sectors           varchar(200) not null default '',
    active            boolean not null default true,
    created_at        timestamptz not null default now(),
    created_by        varchar(100) not null,
    unique (firm_id, credential_number)
);

-- A firm's report preparation or consulting for an emitter: what makes it conflicted.
create table verification.engagement (
    id           uuid primary key,
    firm_id      uuid not null references verification.firm (organisation_id),
    emitter_uscc varchar(18) not null,
    province     varchar(2) not null,
    data_year    int not null,
    kind         varchar(30) not null check (kind in ('REPORT_PREPARATION', 'CONSULTING')),
    note         varchar(500) not null default '',
    recorded_at  timestamptz not null default now(),
    recorded_by  varchar(100) not null,
    unique (firm_id, emitter_uscc, data_year, kind)
);

-- 3. Tasks: one per emitter and data year.
create table verification.task (
    id                 uuid primary key,
    data_year          int not null,
    emitter_uscc       varchar(18) not null,
    emitter_name       varchar(200) not null,
    region_code        varchar(6) not null,
    sector             varchar(30) not null,
    report_id          uuid not null,
    report_version     int not null,
    reported_total     numeric(16, 2) not null,
    reported_compliance numeric(16, 2) not null,
    firm_id            uuid references verification.firm (organisation_id),
    assigned_how       varchar(10) check (assigned_how in ('MANUAL', 'DRAW')),
    draw_id            uuid,
    status             varchar(20) not null check (status in ('UNASSIGNED', 'ASSIGNED', 'CONCLUDED', 'OBJECTED', 'REVERIFYING', 'REVISION_REQUIRED', 'FINAL')),
    due_date           date not null,
    document_review    varchar(4000),
    document_review_at timestamptz,
    objection_until    date,
    version            int not null default 0,
    created_at         timestamptz not null default now(),
    created_by         varchar(100) not null,
    unique (emitter_uscc, data_year),
    check ((status = 'UNASSIGNED') = (firm_id is null))
);
create index task_year_region on verification.task (data_year, region_code);
create index task_firm on verification.task (firm_id, data_year);

-- The reported figures per unit the task checks (copied from the approved report when the task is created).
create table verification.task_unit (
    task_id             uuid not null references verification.task (id),
    unit_code           varchar(60) not null,
    reported_emissions  numeric(16, 2) not null,
    reported_compliance numeric(16, 2) not null,
    reported_generation numeric(16, 2),
    reported_heat       numeric(16, 2),
    primary key (task_id, unit_code)
);

-- The reported production data outside power (clinker, cement, …), verified with the emissions.
create table verification.task_product (
    task_id  uuid not null references verification.task (id),
    product  varchar(40) not null,
    reported numeric(16, 2) not null,
    primary key (task_id, product)
);

-- Who did what when (append-only).
create table verification.task_event (
    id         bigserial primary key,
    task_id    uuid not null references verification.task (id),
    action     varchar(40) not null,
    actor      varchar(100) not null,
    actor_org  varchar(200) not null,
    at         timestamptz not null,
    detail     varchar(4000) not null default ''
);
create index task_event_task on verification.task_event (task_id, id);

-- 4. Draws: seed, candidates and result logged before the outcome is shown.
create table verification.draw (
    id          uuid primary key,
    data_year   int not null,
    region_code varchar(6) not null,
    purpose     varchar(20) not null check (purpose in ('ASSIGNMENT', 'REVERIFICATION')),
    seed        varchar(100) not null,
    algorithm   varchar(200) not null,
    inputs      jsonb not null,
    result      jsonb not null,
    drawn_at    timestamptz not null,
    drawn_by    varchar(100) not null
);

-- 5. The verifier's work.
create table verification.site_visit (
    id           uuid primary key,
    task_id      uuid not null references verification.task (id),
    visit_date   date not null,
    verifiers    varchar(500) not null,
    places       varchar(1000) not null,
    notes        varchar(4000) not null default '',
    recorded_at  timestamptz not null,
    recorded_by  varchar(100) not null
);

create table verification.finding (
    id            uuid primary key,
    task_id       uuid not null references verification.task (id),
    number        int not null,
    subject       varchar(200) not null,
    description   varchar(4000) not null,
    status        varchar(12) not null check (status in ('OPEN', 'CORRECTED', 'CLOSED', 'UNRESOLVED')),
    raised_at     timestamptz not null,
    raised_by     varchar(100) not null,
    response      varchar(4000),
    responded_at  timestamptz,
    responded_by  varchar(100),
    closing_note  varchar(2000),
    closed_at     timestamptz,
    closed_by     varchar(100),
    version       int not null default 0,
    unique (task_id, number)
);

-- 6. Conclusions: every version kept; the newest is the firm's current opinion.
create table verification.conclusion (
    id                 uuid primary key,
    task_id            uuid not null references verification.task (id),
    number             int not null,
    reason             varchar(30) not null check (reason in ('FIRST', 'OBJECTION_UPHELD', 'REVERIFICATION')),
    verified_total     numeric(16, 2) not null check (verified_total >= 0),
    verified_compliance numeric(16, 2) not null check (verified_compliance >= 0),
    opinion            varchar(4000) not null,
    issued_at          timestamptz not null,
    issued_by          varchar(100) not null,
    on_time            boolean not null,
    content_sha256     varchar(64) not null,
    unique (task_id, number)
);

create table verification.conclusion_unit (
    conclusion_id     uuid not null references verification.conclusion (id),
    unit_code         varchar(60) not null,
    emissions         numeric(16, 2) not null check (emissions >= 0),
    compliance        numeric(16, 2) not null check (compliance >= 0),
    generation_mwh    numeric(16, 2) check (generation_mwh >= 0),
    heat_gj           numeric(16, 2) check (heat_gj >= 0),
    primary key (conclusion_id, unit_code)
);

create table verification.conclusion_product (
    conclusion_id uuid not null references verification.conclusion (id),
    product       varchar(40) not null,
    output        numeric(16, 2) not null check (output >= 0),
    primary key (conclusion_id, product)
);

-- 7. Objections and re-verification.
create table verification.objection (
    id            uuid primary key,
    task_id       uuid not null references verification.task (id),
    conclusion_id uuid not null references verification.conclusion (id),
    grounds       varchar(4000) not null,
    filed_at      timestamptz not null,
    filed_by      varchar(100) not null,
    decide_by     date not null,
    decision      varchar(10) check (decision in ('UPHELD', 'REJECTED')),
    decision_text varchar(4000),
    decided_at    timestamptz,
    decided_by    varchar(100),
    unique (conclusion_id)
);

create table verification.coordination_note (
    id           bigserial primary key,
    objection_id uuid not null references verification.objection (id),
    note         varchar(2000) not null,
    at           timestamptz not null,
    by_user      varchar(100) not null
);

create table verification.reverification (
    id            uuid primary key,
    task_id       uuid not null references verification.task (id),
    conclusion_id uuid not null references verification.conclusion (id),
    selected_how  varchar(10) not null check (selected_how in ('SPECIFIC', 'SAMPLE')),
    draw_id       uuid references verification.draw (id),
    opened_at     timestamptz not null,
    opened_by     varchar(100) not null,
    changed       boolean,
    opinion       varchar(4000),
    finished_at   timestamptz,
    finished_by   varchar(100)
);

create table verification.reverification_unit (
    reverification_id uuid not null references verification.reverification (id),
    unit_code         varchar(60) not null,
    emissions         numeric(16, 2) not null check (emissions >= 0),
    compliance        numeric(16, 2) not null check (compliance >= 0),
    primary key (reverification_id, unit_code)
);

-- 8. Verified emissions published to the other modules: one row per final conclusion, so each is published once.
create table verification.published_result (
    task_id       uuid not null references verification.task (id),
    conclusion_id uuid not null references verification.conclusion (id),
    revision      int not null,
    emitter_uscc  varchar(18) not null,
    data_year     int not null,
    verified_total numeric(16, 2) not null,
    verified_compliance numeric(16, 2) not null,
    published_at  timestamptz not null,
    primary key (task_id, revision),
    unique (conclusion_id)
);

-- 9. The city's evaluation of the firms (snapshots; a later publication is a new version).
create table verification.evaluation (
    id            uuid primary key,
    data_year     int not null,
    city_code     varchar(6) not null,
    edition       int not null,
    published_at  timestamptz not null,
    published_by  varchar(100) not null,
    unique (data_year, city_code, edition)
);

create table verification.evaluation_firm (
    evaluation_id   uuid not null references verification.evaluation (id),
    firm_id         uuid not null references verification.firm (organisation_id),
    firm_name       varchar(200) not null,
    tasks           int not null,
    on_time         int not null,
    overturned      int not null,
    upheld_objections int not null,
    process_defects int not null,
    quality         numeric(5, 1) not null,
    compliance      numeric(5, 1) not null,
    timeliness      numeric(5, 1) not null,
    score           numeric(5, 1) not null,
    rating          varchar(1) not null,
    primary key (evaluation_id, firm_id)
);

-- D or below: a notice and an interview record (seed 004 §三(三)5).
create table verification.interview (
    id             uuid primary key,
    evaluation_id  uuid not null references verification.evaluation (id),
    firm_id        uuid not null references verification.firm (organisation_id),
    notice         varchar(2000) not null,
    noticed_at     timestamptz not null,
    held_on        date,
    firm_head      varchar(100),
    participants   varchar(500),
    record         varchar(4000),
    recorded_at    timestamptz,
    recorded_by    varchar(100),
    unique (evaluation_id, firm_id)
);

-- Immutable records: history, conclusions and what was published never change.
create function verification.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'verification.% rows are immutable', tg_table_name using errcode = 'P0001';
end $$;
create trigger task_event_immutable before update or delete on verification.task_event for each row execute function verification.refuse_change();
create trigger conclusion_immutable before update or delete on verification.conclusion for each row execute function verification.refuse_change();
create trigger conclusion_unit_immutable before update or delete on verification.conclusion_unit for each row execute function verification.refuse_change();
create trigger conclusion_product_immutable before update or delete on verification.conclusion_product for each row execute function verification.refuse_change();
create trigger published_immutable before update or delete on verification.published_result for each row execute function verification.refuse_change();
create trigger draw_immutable before update or delete on verification.draw for each row execute function verification.refuse_change();
create trigger evaluation_firm_immutable before update or delete on verification.evaluation_firm for each row execute function verification.refuse_change();
