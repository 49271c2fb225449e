-- Compliance (清缴履约, issue 9): obligations per emitter and year, surrender requests with their revisions, forced compliance.
create schema compliance;

-- The surrender obligation (应清缴配额量) of the latest final allocation decision (allocation's AllocationFinalised).
create table compliance.obligation (
    emitter_uscc text not null,
    year         int not null check (year between 2019 and 2100),
    emitter_name text not null,
    region_code  text not null,
    tonnes       bigint not null check (tonnes >= 0),
    special_case text,
    decision_id  uuid not null,
    revision     int not null,
    recorded_at  timestamptz not null,
    primary key (emitter_uscc, year)
);
create index obligation_year_region on compliance.obligation (year, region_code);

-- A surrender request (履约清缴申请): submitted, rejected (the emitter amends and resubmits: a new revision), approved.
create table compliance.surrender_request (
    id            uuid primary key,
    emitter_uscc  text not null,
    emitter_name  text not null,
    region_code   text not null,
    year          int not null,
    status        text not null check (status in ('SUBMITTED', 'REJECTED', 'APPROVED', 'WITHDRAWN')),
    revision      int not null check (revision >= 1),
    late          boolean not null,
    contact_name  text not null,
    contact_phone text not null,
    contact_email text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       int not null default 0
);
-- one request under review per emitter and year
create unique index surrender_request_one_open on compliance.surrender_request (emitter_uscc, year) where status = 'SUBMITTED';
create index surrender_request_region on compliance.surrender_request (year, region_code, status);

-- Each submission of a request: what it asked (allowances by vintage, CCER lots), the registry operation carrying it, the outcome.
create table compliance.request_revision (
    request_id    uuid not null references compliance.surrender_request (id),
    revision      int not null,
    operation_id  uuid not null unique,
    content       jsonb not null,
    submitted_at  timestamptz not null,
    submitted_by  text not null,
    outcome       text check (outcome in ('APPROVED', 'REJECTED')),
    deficiencies  jsonb,
    decided_by    text,
    decided_at    timestamptz,
    primary key (request_id, revision),
    check ((outcome is null) = (decided_at is null))
);

-- Forced compliance (seed 003 §一): entrusted by the province, executed by the registry operator, once.
create table compliance.forced_compliance (
    id            uuid primary key,
    emitter_uscc  text not null,
    emitter_name  text not null,
    region_code   text not null,
    year          int not null,
    plan          jsonb not null,
    entrusted_by  text not null,
    entrusted_at  timestamptz not null,
    started_at    timestamptz,
    executed_by   text,
    executed_at   timestamptz,
    shortfall     bigint,
    unique (emitter_uscc, year)
);
