-- The voluntary-reduction registry (自愿减排注册登记系统): CCER projects, holders' accounts, holdings by project and state,
-- an append-only movement log, and the lots frozen for a national compliance offset (全国履约抵销, seed 001 第三步).
-- It shares nothing with the ETS registry's schema: the two talk only through CcerOffsetRequested / Used / Recalled.
create schema ccer;

create function ccer.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ccer.% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;

create table ccer.project (
    project_number  text primary key check (project_number ~ '^[A-Z0-9][A-Z0-9-]{2,39}$'),
    name            text not null check (length(name) between 1 and 200),
    type            text not null check (length(type) between 1 and 50),
    methodology     text not null check (length(methodology) between 1 and 50),
    -- a project inside the national ETS is ineligible for offsetting (seed 000); the ETS registry judges it
    in_national_ets boolean not null,
    registered_at   timestamptz not null
);

create sequence ccer.account_number;
create table ccer.account (
    id                text primary key check (id ~ '^C\d{10}$'),
    holder_uscc       text not null unique,
    holder_name       text not null check (length(holder_name) between 1 and 200),
    region_code       text not null check (region_code ~ '^\d{6}$'),
    opened_at         timestamptz not null,
    bound_ets_account text check (bound_ets_account ~ '^E\d{10}$'),
    bound_at          timestamptz,
    check ((bound_ets_account is null) = (bound_at is null))
);

create table ccer.holding (
    account_id     text not null references ccer.account (id),
    project_number text not null references ccer.project (project_number),
    state          text not null check (state in ('AVAILABLE', 'FROZEN_FOR_OFFSET', 'CANCELLED')),
    quantity       bigint not null check (quantity >= 0),
    primary key (account_id, project_number, state)
);

-- One lot frozen for a national compliance offset; its id is the offsetId the ETS registry knows it by.
create table ccer.offset (
    id                 uuid primary key,
    account_id         text not null references ccer.account (id),
    project_number     text not null references ccer.project (project_number),
    ets_account        text not null check (ets_account ~ '^E\d{10}$'),
    quantity           bigint not null check (quantity > 0),
    cancelled_quantity bigint not null default 0 check (cancelled_quantity >= 0),
    returned_quantity  bigint not null default 0 check (returned_quantity >= 0),
    -- CCER cancelled in period 1 and applied for 2021/2022 (seed 003 §二): nothing frozen, nothing to return to holdings
    first_period       boolean not null default false,
    status             text not null default 'FROZEN' check (status in ('FROZEN', 'CLOSED')),
    frozen_at          timestamptz not null,
    closed_at          timestamptz,
    check (cancelled_quantity + returned_quantity <= quantity),
    check ((status = 'CLOSED') = (cancelled_quantity + returned_quantity = quantity)),
    check ((status = 'CLOSED') = (closed_at is not null))
);
create index offset_account on ccer.offset (account_id, frozen_at);

-- CCER cancelled for compliance in period 1 (2019–2020) and never used for it; applicable for 2021/2022 once.
create table ccer.first_period_cancellation (
    id                uuid primary key,
    account_id        text not null references ccer.account (id),
    project_number    text not null references ccer.project (project_number),
    quantity          bigint not null check (quantity > 0),
    cancelled_on      date not null check (cancelled_on between '2019-01-01' and '2021-12-31'),
    applied_offset_id uuid unique references ccer.offset (id),
    -- the unused rest of an applied cancellation that came back recalled
    remainder_of      uuid references ccer.first_period_cancellation (id),
    recorded_at       timestamptz not null
);
create index first_period_account on ccer.first_period_cancellation (account_id);

-- Every change of a holding, once per client request id (or inbound event), with the request's content hash so a
-- retry replays the first outcome and another request under the same id is refused.
create table ccer.movement (
    id             bigint generated always as identity primary key,
    request_id     text not null unique check (length(request_id) between 1 and 200),
    kind           text not null check (kind in ('ISSUANCE', 'OFFSET_FREEZE', 'OFFSET_CANCELLATION', 'OFFSET_RETURN',
                                                 'FIRST_PERIOD_CANCELLATION', 'FIRST_PERIOD_APPLICATION', 'FIRST_PERIOD_USE', 'FIRST_PERIOD_RETURN')),
    content_sha256 text not null,
    account_id     text not null references ccer.account (id),
    project_number text not null references ccer.project (project_number),
    from_state     text check (from_state in ('AVAILABLE', 'FROZEN_FOR_OFFSET', 'CANCELLED')),
    to_state       text check (to_state in ('AVAILABLE', 'FROZEN_FOR_OFFSET', 'CANCELLED')),
    quantity       bigint not null check (quantity > 0 and quantity <= 10000000000),
    offset_id      uuid references ccer.offset (id),
    recorded_by    uuid,
    recorder_name  text not null,
    recorded_at    timestamptz not null
);
create index movement_account on ccer.movement (account_id, recorded_at);

-- The ETS registry's messages as handled here: CcerOffsetUsed by its useId, CcerOffsetRecalled by its offsetId.
create table ccer.handled_event (
    event_kind text not null check (event_kind in ('USED', 'RECALLED')),
    event_id   uuid not null,
    offset_id  uuid not null,
    quantity   bigint not null,
    outcome    text not null check (outcome in ('APPLIED', 'REFUSED')),
    reason     text,
    handled_at timestamptz not null,
    primary key (event_kind, event_id)
);

create trigger movement_append_only before update or delete on ccer.movement for each row execute function ccer.refuse_change();
create trigger handled_event_append_only before update or delete on ccer.handled_event for each row execute function ccer.refuse_change();
