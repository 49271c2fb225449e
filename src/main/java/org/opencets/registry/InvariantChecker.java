package org.opencets.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencets.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves what the database cannot enforce by itself, from one consistent snapshot (repeatable read), and records the
 * result where the operator sees it: on demand and nightly.
 */
@Service
public class InvariantChecker {

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final JsonMapper json;
    private final Clock clock;

    InvariantChecker(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.json = json;
        this.clock = clock;
    }

    public InvariantCheck runNow(CurrentUser user) {
        RegistryAccess.requireOperator(user);
        return run(user.displayName());
    }

    @Scheduled(cron = "${opencets.registry.check-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "registry.invariant-check", lockAtMostFor = "PT1H")
    public void nightly() {
        run("nightly");
    }

    public InvariantCheck run(String triggeredBy) {
        Instant started = clock.instant();
        Result r = snapshot.execute(status -> check());
        Instant finished = clock.instant();
        long id = jdbc.sql("""
                insert into registry.invariant_check (started_at, finished_at, triggered_by, passed, transfers_checked, holdings_checked, totals, violations)
                values (?,?,?,?,?,?,cast(? as jsonb),cast(? as jsonb)) returning id""")
                .params(Timestamp.from(started), Timestamp.from(finished), triggeredBy, r.violations.isEmpty(), r.transfers, r.holdings,
                        json.writeValueAsString(r.totals), json.writeValueAsString(r.violations))
                .query(Long.class).single();
        return new InvariantCheck(id, started, finished, triggeredBy, r.violations.isEmpty(), r.transfers, r.holdings, r.totals, r.violations);
    }

    public List<InvariantCheck> recent(CurrentUser user, int limit) {
        if (!RegistryAccess.isOperator(user) && user.kind() != org.opencets.identity.OrganisationKind.MINISTRY) {
            throw new org.opencets.identity.AccessDenied("denied.registry.operator", "Only the registry operator sees the invariant checks");
        }
        return jdbc.sql("select * from registry.invariant_check order by id desc limit ?").param(limit).query((rs, n) -> new InvariantCheck(rs.getLong("id"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(), rs.getString("triggered_by"), rs.getBoolean("passed"),
                rs.getLong("transfers_checked"), rs.getLong("holdings_checked"),
                json.readValue(rs.getString("totals"), new TypeReference<LinkedHashMap<String, Map<String, Long>>>() { }),
                json.readValue(rs.getString("violations"), new TypeReference<List<String>>() { }))).list();
    }


    private record Result(Map<String, Map<String, Long>> totals, List<String> violations, long transfers, long holdings) {
    }

    private Result check() {
        List<String> violations = new ArrayList<>();
        // 1. every cached balance equals the sum of its transfers
        jdbc.sql("""
                with c as (select credit_holding_id id, sum(quantity) s from registry.transfer group by 1),
                     d as (select debit_holding_id id, sum(quantity) s from registry.transfer group by 1)
                select a.number, h.unit_type, h.vintage, h.state, h.balance, coalesce(c.s, 0) - coalesce(d.s, 0) computed
                from registry.holding h join registry.account a on a.id = h.account_id left join c on c.id = h.id left join d on d.id = h.id
                where h.balance is not null and h.balance <> coalesce(c.s, 0) - coalesce(d.s, 0)""")
                .query(rs -> {
                    violations.add("balance " + rs.getString("number") + " " + rs.getString("unit_type") + " " + rs.getString("vintage") + " "
                            + rs.getString("state") + ": recorded " + rs.getLong("balance") + ", transfers sum to " + rs.getLong("computed"));
                });
        // 2. issued − cancelled − surrendered = Σ holdings, per unit type and vintage
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        jdbc.sql("""
                with net as (
                  select h.unit_type, h.vintage, a.kind, h.balance,
                    coalesce((select sum(quantity) from registry.transfer where credit_holding_id = h.id), 0)
                    - coalesce((select sum(quantity) from registry.transfer where debit_holding_id = h.id), 0) computed
                  from registry.holding h join registry.account a on a.id = h.account_id)
                select unit_type, vintage,
                  -sum(computed) filter (where kind = 'NATIONAL_ISSUANCE') issued,
                  sum(computed) filter (where kind = 'NATIONAL_SURRENDER') surrendered,
                  sum(computed) filter (where kind = 'NATIONAL_CANCELLATION') cancelled,
                  sum(balance) filter (where kind not like 'NATIONAL%') held
                from net group by unit_type, vintage order by unit_type, vintage""")
                .query(rs -> {
                    long issued = rs.getLong("issued");
                    long surrendered = rs.getLong("surrendered");
                    long cancelled = rs.getLong("cancelled");
                    long held = rs.getLong("held");
                    String key = rs.getString("unit_type") + " " + rs.getString("vintage");
                    totals.put(key, Map.of("issued", issued, "surrendered", surrendered, "cancelled", cancelled, "held", held));
                    if (issued - cancelled - surrendered != held) {
                        violations.add("totals " + key + ": issued " + issued + " − cancelled " + cancelled + " − surrendered " + surrendered + " ≠ held " + held);
                    }
                    if (surrendered < 0 || cancelled < 0 || issued < 0) {
                        violations.add("totals " + key + ": a national account is negative");
                    }
                });
        // 3. every operation has exactly its legs: posted at once, or reserved and (once decided) resolved once each
        jdbc.sql("""
                select o.id, o.kind, o.needs_approval, d.outcome, jsonb_array_length(o.content -> 'legs') legs,
                  count(t.id) filter (where t.phase = 'POSTED') posted, count(t.id) filter (where t.phase = 'PENDING') pending,
                  count(t.id) filter (where t.phase = 'POST_PENDING') post, count(t.id) filter (where t.phase = 'VOID_PENDING') void
                from registry.operation o left join registry.operation_decision d on d.operation_id = o.id left join registry.transfer t on t.operation_id = o.id
                group by o.id, o.kind, o.needs_approval, d.outcome
                having (not o.needs_approval and (count(t.id) filter (where t.phase = 'POSTED') <> jsonb_array_length(o.content -> 'legs')
                          or count(t.id) filter (where t.phase <> 'POSTED') > 0))
                    or (o.needs_approval and (count(t.id) filter (where t.phase = 'PENDING') <> jsonb_array_length(o.content -> 'legs')
                          or count(t.id) filter (where t.phase = 'POSTED') > 0
                          or count(t.id) filter (where t.phase = 'POST_PENDING') <> case when d.outcome = 'APPROVED' then jsonb_array_length(o.content -> 'legs') else 0 end
                          or count(t.id) filter (where t.phase = 'VOID_PENDING') <> case when d.outcome = 'REJECTED' then jsonb_array_length(o.content -> 'legs') else 0 end))""")
                .query(rs -> {
                    violations.add("operation " + rs.getString("id") + " " + rs.getString("kind") + ": " + rs.getLong("legs") + " legs, " + rs.getLong("posted")
                            + " posted, " + rs.getLong("pending") + " pending, " + rs.getLong("post") + " post, " + rs.getLong("void") + " void ("
                            + rs.getString("outcome") + ")");
                });
        // 4. each PENDING_OFFSET lot: quantity = pending + reserved + used + recalled, and a surrender's uses follow its decision
        jdbc.sql("""
                select p.offset_id, p.quantity, p.remaining, p.recalled,
                  coalesce(sum(u.quantity) filter (where u.state in ('RESERVED', 'USED')), 0) taken
                from registry.pending_offset p left join registry.offset_use u on u.offset_id = p.offset_id
                group by p.offset_id, p.quantity, p.remaining, p.recalled
                having p.quantity <> p.remaining + p.recalled + coalesce(sum(u.quantity) filter (where u.state in ('RESERVED', 'USED')), 0)""")
                .query(rs -> {
                    violations.add("pending CCER lot " + rs.getString("offset_id") + ": " + rs.getLong("quantity") + " ≠ pending " + rs.getLong("remaining")
                            + " + reserved/used " + rs.getLong("taken") + " + recalled " + rs.getLong("recalled"));
                });
        jdbc.sql("""
                select u.id, u.state, d.outcome from registry.offset_use u left join registry.operation_decision d on d.operation_id = u.operation_id
                where (u.state = 'RESERVED') <> (d.outcome is null) or (u.state = 'USED') <> coalesce(d.outcome = 'APPROVED', false)""")
                .query(rs -> {
                    violations.add("CCER use " + rs.getString("id") + " is " + rs.getString("state") + " but its surrender is " + rs.getString("outcome"));
                });
        long transfers = jdbc.sql("select count(*) from registry.transfer").query(Long.class).single();
        long holdings = jdbc.sql("select count(*) from registry.holding").query(Long.class).single();
        return new Result(totals, violations, transfers, holdings);
    }
}
