package org.opencets.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.Vintage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Accounts, holdings, operations and transfers in the {@code registry} schema: explicit SQL, nothing updated but balances and statuses. */
@Repository
class LedgerStore {

    private static final String ENTRY_SELECT = """
            select t.*, o.kind, o.reference, da.number debit_account, dh.state debit_state, ca.number credit_account, ch.state credit_state
            from registry.transfer t join registry.operation o on o.id = t.operation_id
            join registry.holding dh on dh.id = t.debit_holding_id join registry.account da on da.id = dh.account_id
            join registry.holding ch on ch.id = t.credit_holding_id join registry.account ca on ca.id = ch.account_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LedgerStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- accounts

    Optional<Account> account(String number) {
        return jdbc.sql("select * from registry.account where number = ?").param(number).query(this::mapAccount).optional();
    }

    /** The accounts of these numbers that exist, by number, in one query. */
    Map<String, Account> accounts(String... numbers) {
        return jdbc.sql("select * from registry.account where number = any(?)").param(numbers).query(this::mapAccount).list().stream()
                .collect(java.util.stream.Collectors.toMap(Account::number, a -> a));
    }


    Optional<Account> emitterAccount(Uscc uscc) {
        return jdbc.sql("select * from registry.account where kind = 'EMITTER' and holder_uscc = ?").param(uscc.value()).query(this::mapAccount).optional();
    }

    Optional<Account> provincialAccount(RegionCode province) {
        return jdbc.sql("select * from registry.account where kind = 'PROVINCIAL' and region_code = ?").param(province.value()).query(this::mapAccount).optional();
    }

    Account national(AccountKind kind) {
        return jdbc.sql("select * from registry.account where kind = ?").param(kind.name()).query(this::mapAccount).single();
    }

    List<Account> accounts(String regionPrefix) {
        return jdbc.sql("select * from registry.account where region_code like ? or kind like 'NATIONAL%' order by kind <> 'EMITTER', number")
                .param(regionPrefix + "%").query(this::mapAccount).list();
    }

    /** Opens the province's account unless it exists; returns it either way (a concurrent opening is not an error). */
    Account openProvincial(RegionCode province, String name, Instant at) {
        jdbc.sql("insert into registry.account (number, kind, holder_name, region_code, opened_at) values (?, 'PROVINCIAL', ?, ?, ?) on conflict do nothing")
                .params("P" + province.value(), name, province.value(), Timestamp.from(at)).update();
        return provincialAccount(province).orElseThrow();
    }

    /** Opens the emitter's account with the next number unless it has one; returns its account either way. */
    Account openEmitter(Uscc holder, String name, RegionCode region, Instant at) {
        jdbc.sql("""
                insert into registry.account (number, kind, holder_uscc, holder_name, region_code, opened_at)
                values ('E' || lpad(nextval('registry.emitter_account_number')::text, 10, '0'), 'EMITTER', ?, ?, ?, ?) on conflict do nothing""")
                .params(holder.value(), name, region.value(), Timestamp.from(at)).update();
        return emitterAccount(holder).orElseThrow();
    }

    boolean setStatus(Account account, AccountStatus to, UUID operationId, String reason, Instant at) {
        int changed = jdbc.sql("update registry.account set status = ?, version = version + 1 where id = ? and version = ?")
                .params(to.name(), account.id(), account.version()).update();
        if (changed == 1) {
            jdbc.sql("insert into registry.account_status_change (account_id, operation_id, from_status, to_status, reason, changed_at) values (?,?,?,?,?,?)")
                    .params(account.id(), operationId, account.status().name(), to.name(), reason, Timestamp.from(at)).update();
        }
        return changed == 1;
    }

    private Account mapAccount(ResultSet rs, int n) throws SQLException {
        String holder = rs.getString("holder_uscc");
        return new Account(rs.getLong("id"), rs.getString("number"), AccountKind.valueOf(rs.getString("kind")), holder == null ? null : Uscc.of(holder),
                rs.getString("holder_name"), rs.getString("region_code") == null ? null : RegionCode.of(rs.getString("region_code")), AccountStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getTimestamp("opened_at").toInstant());
    }

    // ---- holdings

    /** The account's holdings; a national account's are summed from its transfers. */
    List<Holding> holdings(Account account) {
        if (account.kind().national()) {
            return jdbc.sql("""
                    select h.unit_type, h.vintage, h.state,
                      coalesce((select sum(quantity) from registry.transfer where credit_holding_id = h.id), 0)
                      - coalesce((select sum(quantity) from registry.transfer where debit_holding_id = h.id), 0) balance
                    from registry.holding h where h.account_id = ? order by h.unit_type, h.vintage, h.state""")
                    .param(account.id()).query((rs, n) -> holding(account.number(), rs)).list();
        }
        return jdbc.sql("select unit_type, vintage, state, balance from registry.holding where account_id = ? order by unit_type, vintage, state")
                .param(account.id()).query((rs, n) -> holding(account.number(), rs)).list();
    }

    long balance(Account account, UnitType unit, Vintage vintage, HoldingState state) {
        return holdings(account).stream().filter(h -> h.unitType() == unit && h.vintage().equals(vintage) && h.state() == state)
                .mapToLong(Holding::balance).sum();
    }

    boolean everIssued(UnitType unit, Vintage vintage) {
        return jdbc.sql("""
                select exists (select 1 from registry.holding h join registry.account a on a.id = h.account_id
                  where a.kind = 'NATIONAL_ISSUANCE' and h.unit_type = ? and h.vintage = ?)""")
                .params(unit.name(), vintage.toString()).query(Boolean.class).single();
    }

    private static Holding holding(String account, ResultSet rs) throws SQLException {
        return new Holding(account, UnitType.valueOf(rs.getString("unit_type")), Vintage.parse(rs.getString("vintage")),
                HoldingState.valueOf(rs.getString("state")), rs.getLong("balance"));
    }

    // ---- operations

    /** Inserts the operation unless its idempotency id is taken; true when this call inserted it. */
    boolean insertOperation(UUID id, String idempotencyId, OperationKind kind, String sha256, String content, String reference, Account account,
            boolean needsApproval, Ledger.Initiator by, Instant at) {
        return jdbc.sql("""
                insert into registry.operation (id, idempotency_id, kind, content_sha256, content, reference, account_id, needs_approval, initiated_by,
                  initiator_name, organisation_id, created_at) values (?,?,?,?,cast(? as jsonb),?,?,?,?,?,?,?)
                on conflict (idempotency_id) do nothing""")
                .params(id, idempotencyId, kind.name(), sha256, content, reference, account == null ? null : account.id(), needsApproval, by.userId(),
                        by.name(), by.organisationId(), Timestamp.from(at))
                .update() == 1;
    }

    /**
     * The common case in one round trip: a new single-leg operation posted at once — the operation row and its
     * transfer in one statement. Empty when the idempotency id is already taken (nothing was written).
     */
    Optional<Long> insertPostedOperation(UUID id, String idempotencyId, OperationKind kind, String sha256, String content, String reference,
            Account account, Ledger.Initiator by, Instant at, Account debit, HoldingState debitState, Account credit, HoldingState creditState,
            UnitType unit, Vintage vintage, long quantity, Long reversesId) {
        return jdbc.sql("""
                with op as (
                  insert into registry.operation (id, idempotency_id, kind, content_sha256, content, reference, account_id, needs_approval, initiated_by,
                    initiator_name, organisation_id, created_at) values (?,?,?,?,cast(? as jsonb),?,?,false,?,?,?,?)
                  on conflict (idempotency_id) do nothing returning id)
                select registry.move(op.id, 1, ?, ?, ?, ?, ?, ?, ?, 'POSTED', null, ?, ?) from op""")
                .params(id, idempotencyId, kind.name(), sha256, content, reference, account == null ? null : account.id(), by.userId(), by.name(),
                        by.organisationId(), Timestamp.from(at), debit.id(), debitState.name(), credit.id(), creditState.name(), unit.name(),
                        vintage.toString(), quantity, reversesId, Timestamp.from(at))
                .query(Long.class).optional();
    }

    String sha256Of(String idempotencyId) {
        return jdbc.sql("select content_sha256 from registry.operation where idempotency_id = ?").param(idempotencyId).query(String.class).single();
    }

    Optional<Operation> operation(UUID id) {
        return jdbc.sql(OPERATION_SELECT + " where o.id = ?").param(id).query(this::mapOperation).optional();
    }

    Optional<Operation> operationByIdempotencyId(String idempotencyId) {
        return jdbc.sql(OPERATION_SELECT + " where o.idempotency_id = ?").param(idempotencyId).query(this::mapOperation).optional();
    }

    List<Operation> operations(String sqlCondition, Object... params) {
        return jdbc.sql(OPERATION_SELECT + " where " + sqlCondition + " order by o.created_at desc, o.id").params(params).query(this::mapOperation).list();
    }

    private static final String OPERATION_SELECT = """
            select o.*, (select a.number from registry.account a where a.id = o.account_id) account_number,
              d.outcome, d.decider_name, d.reason, d.decided_at
            from registry.operation o left join registry.operation_decision d on d.operation_id = o.id""";

    boolean insertDecision(UUID operation, boolean approved, Ledger.Initiator by, String reason, Instant at) {
        return jdbc.sql("""
                insert into registry.operation_decision (operation_id, outcome, decided_by, decider_name, reason, decided_at) values (?,?,?,?,?,?)
                on conflict do nothing""")
                .params(operation, approved ? "APPROVED" : "REJECTED", by.userId(), by.name(), reason, Timestamp.from(at)).update() == 1;
    }

    private Operation mapOperation(ResultSet rs, int n) throws SQLException {
        Map<String, Object> content = json.readValue(rs.getString("content"), new TypeReference<LinkedHashMap<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> details = (Map<String, String>) content.getOrDefault("details", Map.of());
        List<Operation.Leg> legs = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rawLegs = (List<Map<String, Object>>) content.getOrDefault("legs", List.of());
        for (Map<String, Object> l : rawLegs) {
            legs.add(new Operation.Leg((String) l.get("debit"), HoldingState.valueOf((String) l.get("debitState")), (String) l.get("credit"),
                    HoldingState.valueOf((String) l.get("creditState")), UnitType.valueOf((String) l.get("unit")), Vintage.parse((String) l.get("vintage")),
                    ((Number) l.get("quantity")).longValue()));
        }
        String outcome = rs.getString("outcome");
        boolean needsApproval = rs.getBoolean("needs_approval");
        Operation.Status status = !needsApproval ? Operation.Status.POSTED
                : outcome == null ? Operation.Status.PENDING_APPROVAL : Operation.Status.valueOf(outcome);
        Operation.Decision decision = outcome == null ? null
                : new Operation.Decision("APPROVED".equals(outcome), rs.getString("decider_name"), rs.getString("reason"), rs.getTimestamp("decided_at").toInstant());
        return new Operation(rs.getObject("id", UUID.class), rs.getString("idempotency_id"), OperationKind.valueOf(rs.getString("kind")), status,
                rs.getString("reference"), rs.getString("account_number"), details, legs, rs.getString("initiator_name"),
                rs.getObject("initiated_by", UUID.class), rs.getObject("organisation_id", UUID.class), rs.getTimestamp("created_at").toInstant(), decision);
    }

    // ---- transfers

    long move(UUID operation, int leg, Account debit, HoldingState debitState, Account credit, HoldingState creditState, UnitType unit, Vintage vintage,
            long quantity, LedgerEntry.Phase phase, Long pendingId, Long reversesId, Instant at) {
        return jdbc.sql("select registry.move(?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(operation, leg, debit.id(), debitState.name(), credit.id(), creditState.name(), unit.name(), vintage.toString(), quantity,
                        phase.name(), pendingId, reversesId, Timestamp.from(at))
                .query(Long.class).single();
    }

    /** One holding a request touches. */
    record HoldingRef(Account account, UnitType unit, Vintage vintage, HoldingState state) {
    }

    /**
     * Resolves (creating on first use) and locks every holding the request touches — national ones aside, which carry no
     * balance — in one order for every request: holdings are created in key order and locked in id order, so that two
     * multi-leg requests cannot deadlock each other whatever the order of their legs.
     */
    void lockHoldings(List<HoldingRef> holdings) {
        List<HoldingRef> sorted = holdings.stream().filter(h -> !h.account().kind().national()).distinct()
                .sorted(java.util.Comparator.comparingLong((HoldingRef h) -> h.account().id()).thenComparing(h -> h.unit().name())
                        .thenComparing(h -> h.vintage().toString()).thenComparing(h -> h.state().name()))
                .toList();
        List<Long> ids = new ArrayList<>();
        for (HoldingRef h : sorted) {
            ids.add(jdbc.sql("select registry.holding_id(?,?,?,?)").params(h.account().id(), h.unit().name(), h.vintage().toString(), h.state().name())
                    .query(Long.class).single());
        }
        jdbc.sql("select id from registry.holding where id = any(?) order by id for no key update").param(ids.toArray(Long[]::new)).query(Long.class).list();
    }

    List<LedgerEntry> entriesOf(UUID operation) {
        return jdbc.sql(ENTRY_SELECT + " where t.operation_id = ? order by t.id").param(operation).query(this::entry).list();
    }

    /** The account's transfers in [from, to), oldest first. */
    List<LedgerEntry> entriesOf(Account account, Instant from, Instant to) {
        return jdbc.sql(ENTRY_SELECT + """
                 where (dh.account_id = ? or ch.account_id = ?) and t.created_at >= ? and t.created_at < ? order by t.created_at, t.id""")
                .params(account.id(), account.id(), Timestamp.from(from), Timestamp.from(to)).query(this::entry).list();
    }

    /** Net change per holding (unit type, vintage, state) of the account before {@code before}: the statement's opening balances. */
    List<Holding> balancesBefore(Account account, Instant before) {
        return jdbc.sql("""
                select h.unit_type, h.vintage, h.state,
                  coalesce((select sum(quantity) from registry.transfer where credit_holding_id = h.id and created_at < ?), 0)
                  - coalesce((select sum(quantity) from registry.transfer where debit_holding_id = h.id and created_at < ?), 0) balance
                from registry.holding h where h.account_id = ? order by h.unit_type, h.vintage, h.state""")
                .params(Timestamp.from(before), Timestamp.from(before), account.id()).query((rs, n) -> holding(account.number(), rs)).list();
    }

    private LedgerEntry entry(ResultSet rs, int n) throws SQLException {
        long pending = rs.getLong("pending_id");
        boolean noPending = rs.wasNull();
        long reverses = rs.getLong("reverses_id");
        boolean noReverses = rs.wasNull();
        return new LedgerEntry(rs.getLong("id"), rs.getObject("operation_id", UUID.class), OperationKind.valueOf(rs.getString("kind")),
                rs.getString("reference"), rs.getInt("leg"), rs.getString("debit_account"), HoldingState.valueOf(rs.getString("debit_state")),
                rs.getString("credit_account"), HoldingState.valueOf(rs.getString("credit_state")), UnitType.valueOf(rs.getString("unit_type")),
                Vintage.parse(rs.getString("vintage")), rs.getLong("quantity"), LedgerEntry.Phase.valueOf(rs.getString("phase")),
                noPending ? null : pending, noReverses ? null : reverses, rs.getTimestamp("created_at").toInstant());
    }

    Map<Vintage, Long> heldForEntity(Uscc entity) {
        Map<Vintage, Long> held = new java.util.TreeMap<>();
        jdbc.sql("""
                select t.vintage, sum(case when ch.account_id = pa.id then t.quantity else -t.quantity end) as held
                from registry.operation o
                join registry.transfer t on t.operation_id = o.id and t.phase = 'POSTED'
                join registry.holding dh on dh.id = t.debit_holding_id
                join registry.holding ch on ch.id = t.credit_holding_id
                join registry.account pa on pa.kind = 'PROVINCIAL' and pa.id in (dh.account_id, ch.account_id)
                where o.content -> 'details' ->> 'emitter' = ? and t.unit_type = 'CEA' and dh.account_id <> ch.account_id
                group by t.vintage""")
                .param(entity.value())
                .query(rs -> {
                    long q = rs.getLong("held");
                    if (q != 0) {
                        held.put(Vintage.parse(rs.getString("vintage")), q);
                    }
                });
        return held;
    }

    /** Effective surrenders of a year (all emitters, or one): approved requests and forced surrenders, with CEA and CCER tonnes. */
    List<Surrendered> surrendered(int year, Uscc emitter) {
        return jdbc.sql("""
                select o.id, o.kind, coalesce(a.holder_uscc, o.content -> 'details' ->> 'emitter') as emitter,
                       o.created_at as at,
                       coalesce((select sum(t.quantity) from registry.transfer t where t.operation_id = o.id and t.phase in ('POSTED', 'POST_PENDING')), 0) as allowances,
                       coalesce((select sum(u.quantity) from registry.offset_use u where u.operation_id = o.id and u.state = 'USED'), 0) as ccer
                from registry.operation o
                left join registry.account a on a.id = o.account_id and a.kind = 'EMITTER'
                left join registry.operation_decision d on d.operation_id = o.id
                where o.kind in ('SURRENDER', 'FORCED_SURRENDER') and o.content -> 'details' ->> 'year' = ?
                  and (o.kind = 'FORCED_SURRENDER' or d.outcome = 'APPROVED')
                  and not exists (select 1 from registry.operation r join registry.operation_decision rd on rd.operation_id = r.id and rd.outcome = 'APPROVED'
                                  where r.kind = 'REVERSAL' and r.reference = o.id::text)
                  and (cast(? as text) is null or o.id in (
                        select so.id from registry.account sa join registry.operation so on so.account_id = sa.id
                        where sa.kind = 'EMITTER' and sa.holder_uscc = ? and so.kind = 'SURRENDER'
                        union all
                        select fo.id from registry.operation fo where fo.kind = 'FORCED_SURRENDER' and fo.content -> 'details' ->> 'emitter' = ?))
                order by at, o.id""")
                .params(Integer.toString(year), emitter == null ? null : emitter.value(), emitter == null ? null : emitter.value(),
                        emitter == null ? null : emitter.value())
                .query((rs, n) -> new Surrendered(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter")), year,
                        "FORCED_SURRENDER".equals(rs.getString("kind")), rs.getLong("allowances"), rs.getLong("ccer"), rs.getTimestamp("at").toInstant()))
                .list();
    }
}
