-- The allowance registry (注册登记): accounts, holdings and an append-only double-entry ledger (ADR 0012).
create schema registry;

create function registry.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'registry.% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;

create table registry.account (
    id          bigint generated always as identity primary key,
    number      text not null unique,
    kind        text not null check (kind in ('EMITTER', 'PROVINCIAL', 'NATIONAL_ISSUANCE', 'NATIONAL_SURRENDER', 'NATIONAL_CANCELLATION')),
    holder_uscc text,
    holder_name text not null,
    region_code text,
    status      text not null default 'OPEN' check (status in ('OPEN', 'RESTRICTED', 'FROZEN', 'CLOSED')),
    version     int not null default 0,
    opened_at   timestamptz not null,
    check ((kind = 'EMITTER') = (holder_uscc is not null)),
    check ((kind like 'NATIONAL%') = (region_code is null))
);
create sequence registry.emitter_account_number;
create unique index account_one_per_emitter on registry.account (holder_uscc) where kind = 'EMITTER';
create unique index account_one_per_province on registry.account (region_code) where kind = 'PROVINCIAL';
create unique index account_one_national on registry.account (kind) where kind like 'NATIONAL%';

insert into registry.account (number, kind, holder_name, opened_at) values
    ('N-ISSUANCE', 'NATIONAL_ISSUANCE', '全国碳排放权配额发放账户', '2021-07-16T00:00:00+08'),
    ('N-SURRENDER', 'NATIONAL_SURRENDER', '全国碳排放权配额清缴账户', '2021-07-16T00:00:00+08'),
    ('N-CANCELLATION', 'NATIONAL_CANCELLATION', '全国碳排放权配额注销账户', '2021-07-16T00:00:00+08');

-- A holding is one account's quantity of one unit type and vintage in one state. National accounts carry no cached
-- balance (balance is null: they are sums of their transfers), so deadline-day surrenders do not queue on one row.
create table registry.holding (
    id         bigint generated always as identity primary key,
    account_id bigint not null references registry.account (id),
    unit_type  text not null check (unit_type in ('CEA', 'CCER')),
    vintage    text not null check (vintage ~ '^(2019-2020|20[2-9][0-9]|2100)$'),
    state      text not null check (state in ('AVAILABLE', 'TRADING', 'SURRENDER_ONLY', 'RESERVED', 'FROZEN', 'PLEDGED')),
    balance    bigint check (balance >= 0),
    unique (account_id, unit_type, vintage, state),
    unique (id, unit_type, vintage)
);

-- One business request (issuance, trade settlement, freeze, surrender, ...) with the client's idempotency id.
create table registry.operation (
    id              uuid primary key,
    idempotency_id  text not null unique check (length(idempotency_id) between 1 and 200),
    kind            text not null,
    content_sha256  text not null,
    content         jsonb not null,
    reference       text,
    account_id      bigint references registry.account (id),
    needs_approval  boolean not null,
    initiated_by    uuid,
    initiator_name  text not null,
    organisation_id uuid,
    created_at      timestamptz not null
);
create index operation_account on registry.operation (account_id, created_at);
create index operation_reversal on registry.operation (reference) where kind = 'REVERSAL';

create table registry.operation_decision (
    operation_id  uuid primary key references registry.operation (id),
    outcome       text not null check (outcome in ('APPROVED', 'REJECTED')),
    decided_by    uuid,
    decider_name  text not null,
    reason        text,
    decided_at    timestamptz not null
);

-- The ledger. POSTED moves at once; PENDING reserves, and exactly one POST_PENDING or VOID_PENDING resolves it.
create table registry.transfer (
    id                bigint generated always as identity primary key,
    operation_id      uuid not null references registry.operation (id),
    leg               int not null,
    debit_holding_id  bigint not null,
    credit_holding_id bigint not null,
    unit_type         text not null,
    vintage           text not null,
    quantity          bigint not null check (quantity > 0 and quantity <= 10000000000),
    phase             text not null check (phase in ('POSTED', 'PENDING', 'POST_PENDING', 'VOID_PENDING')),
    pending_id        bigint references registry.transfer (id),
    reverses_id       bigint references registry.transfer (id),
    created_at        timestamptz not null,
    foreign key (debit_holding_id, unit_type, vintage) references registry.holding (id, unit_type, vintage),
    foreign key (credit_holding_id, unit_type, vintage) references registry.holding (id, unit_type, vintage),
    check (debit_holding_id <> credit_holding_id),
    check ((phase in ('POST_PENDING', 'VOID_PENDING')) = (pending_id is not null)),
    unique (operation_id, leg)
);
create index transfer_debit on registry.transfer (debit_holding_id, id);
create index transfer_credit on registry.transfer (credit_holding_id, id);
-- a reservation is resolved once and a transfer reversed once; partial, so ordinary transfers add no entries to them
create unique index transfer_pending_id_key on registry.transfer (pending_id) where pending_id is not null;
create unique index transfer_reverses_id_key on registry.transfer (reverses_id) where reverses_id is not null;

create table registry.account_status_change (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references registry.account (id),
    operation_id uuid references registry.operation (id),
    from_status  text not null,
    to_status    text not null,
    reason       text not null,
    changed_at   timestamptz not null
);

-- Exchange trades settled through the registry: the exchange's own trade id, once.
create table registry.trade (
    trade_id       text primary key check (length(trade_id) between 1 and 100),
    operation_id   uuid not null unique references registry.operation (id),
    seller_account bigint not null references registry.account (id),
    buyer_account  bigint not null references registry.account (id),
    vintage        text not null,
    quantity       bigint not null check (quantity > 0),
    price_fen      bigint check (price_fen >= 0),
    traded_at      timestamptz not null,
    settled_at     timestamptz not null
);
create index trade_seller on registry.trade (seller_account, traded_at);
create index trade_buyer on registry.trade (buyer_account, traded_at);

-- Allocation's issuance instructions as the registry received them: executed, or refused with the reason.
create table registry.instruction_receipt (
    id             bigint generated always as identity primary key,
    instruction_id uuid not null,
    operation_id   uuid references registry.operation (id),
    emitter_uscc   text not null,
    outcome        text not null check (outcome in ('EXECUTED', 'REFUSED')),
    reason         text,
    received_at    timestamptz not null
);
create unique index instruction_executed_once on registry.instruction_receipt (instruction_id) where outcome = 'EXECUTED';
create trigger receipt_append_only before update or delete on registry.instruction_receipt for each row execute function registry.refuse_change();

create table registry.invariant_check (
    id                bigint generated always as identity primary key,
    started_at        timestamptz not null,
    finished_at       timestamptz not null,
    triggered_by      text not null,
    passed            boolean not null,
    transfers_checked bigint not null,
    holdings_checked  bigint not null,
    totals            jsonb not null,
    violations        jsonb not null
);

create trigger operation_append_only before update or delete on registry.operation for each row execute function registry.refuse_change();
create trigger decision_append_only before update or delete on registry.operation_decision for each row execute function registry.refuse_change();
create trigger transfer_append_only before update or delete on registry.transfer for each row execute function registry.refuse_change();
create trigger status_change_append_only before update or delete on registry.account_status_change for each row execute function registry.refuse_change();
create trigger trade_append_only before update or delete on registry.trade for each row execute function registry.refuse_change();
create trigger check_append_only before update or delete on registry.invariant_check for each row execute function registry.refuse_change();

-- The holding of (account, unit type, vintage, state), created on first use.
create function registry.holding_id(p_account bigint, p_unit text, p_vintage text, p_state text) returns bigint language plpgsql as $$
declare
    h bigint;
begin
    select id into h from registry.holding where account_id = p_account and unit_type = p_unit and vintage = p_vintage and state = p_state;
    if h is null then
        insert into registry.holding (account_id, unit_type, vintage, state, balance)
        select p_account, p_unit, p_vintage, p_state, case when a.kind like 'NATIONAL%' then null else 0 end
        from registry.account a where a.id = p_account
        on conflict do nothing returning id into h;
        if h is null then
            select id into h from registry.holding where account_id = p_account and unit_type = p_unit and vintage = p_vintage and state = p_state;
        end if;
    end if;
    return h;
end $$;

-- One leg between two accounts' holdings: resolves (creating on first use) both holdings, locks them in id order (two
-- opposite moves cannot deadlock), moves the balances (the check constraint refuses a negative one) and appends the
-- transfer. One round trip per leg.
create function registry.move(p_operation uuid, p_leg int, p_debit_account bigint, p_debit_state text, p_credit_account bigint,
        p_credit_state text, p_unit text, p_vintage text, p_quantity bigint, p_phase text, p_pending bigint, p_reverses bigint,
        p_at timestamptz) returns bigint language plpgsql as $$
declare
    d bigint := registry.holding_id(p_debit_account, p_unit, p_vintage, p_debit_state);
    c bigint := registry.holding_id(p_credit_account, p_unit, p_vintage, p_credit_state);
    t bigint;
begin
    if d < c then
        update registry.holding set balance = balance - p_quantity where id = d and balance is not null;
        update registry.holding set balance = balance + p_quantity where id = c and balance is not null;
    else
        update registry.holding set balance = balance + p_quantity where id = c and balance is not null;
        update registry.holding set balance = balance - p_quantity where id = d and balance is not null;
    end if;
    insert into registry.transfer (operation_id, leg, debit_holding_id, credit_holding_id, unit_type, vintage, quantity, phase, pending_id, reverses_id, created_at)
    values (p_operation, p_leg, d, c, p_unit, p_vintage, p_quantity, p_phase, p_pending, p_reverses, p_at)
    returning id into t;
    return t;
end $$;
