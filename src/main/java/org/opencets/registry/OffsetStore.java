package org.opencets.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for PENDING_OFFSET lots and the surrenders' uses of them (V16). */
@Repository
class OffsetStore {

    private static final String SELECT = """
            select p.*, a.number as account_number,
                   coalesce((select sum(u.quantity) from registry.offset_use u where u.offset_id = p.offset_id and u.state = 'RESERVED'), 0) as reserved,
                   coalesce((select sum(u.quantity) from registry.offset_use u where u.offset_id = p.offset_id and u.state = 'USED'), 0) as used
            from registry.pending_offset p left join registry.account a on a.id = p.account_id
            """;

    private final JdbcClient jdbc;

    OffsetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a lot once; false if its id was already recorded (a redelivery). */
    boolean receive(CcerOffsetRequested r, Account account, String refusal, Instant at) {
        return jdbc.sql("""
                insert into registry.pending_offset (offset_id, account_id, emitter_uscc, ets_account, ccer_account, project_number, project_name,
                    project_type, project_in_ets, first_period, quantity, remaining, recalled, received_at, recalled_at, recall_reason)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) on conflict (offset_id) do nothing""")
                .params(r.offsetId(), account == null ? null : account.id(), r.emitter().value(), r.etsAccount(), r.ccerAccount(), r.projectNumber(),
                        r.projectName(), r.projectType(), r.projectInNationalEts(), r.firstPeriodCancelled(), r.quantity(),
                        refusal == null ? r.quantity() : 0, refusal == null ? 0 : r.quantity(), Timestamp.from(at),
                        refusal == null ? null : Timestamp.from(at), refusal)
                .update() == 1;
    }

    List<PendingOffset> ofAccount(Account account) {
        return jdbc.sql(SELECT + " where p.account_id = ? order by p.received_at, p.offset_id").param(account.id()).query(OffsetStore::map).list();
    }

    Optional<PendingOffset> lot(UUID offsetId) {
        return jdbc.sql(SELECT + " where p.offset_id = ?").param(offsetId).query(OffsetStore::map).optional();
    }

    /** Each lot's quantity in one surrender, by state. */
    Map<UUID, Long> uses(UUID operationId) {
        Map<UUID, Long> uses = new java.util.LinkedHashMap<>();
        jdbc.sql("select offset_id, quantity from registry.offset_use where operation_id = ? order by offset_id").param(operationId)
                .query(rs -> {
                    uses.put(rs.getObject("offset_id", UUID.class), rs.getLong("quantity"));
                });
        return uses;
    }

    /** Reserves part of a lot for a surrender; false if the lot is not this account's or has too little pending. */
    boolean reserve(UUID operationId, Account account, UUID offsetId, long quantity) {
        int taken = jdbc.sql("update registry.pending_offset set remaining = remaining - ? where offset_id = ? and account_id = ? and remaining >= ?")
                .params(quantity, offsetId, account.id(), quantity).update();
        if (taken == 0) {
            return false;
        }
        jdbc.sql("insert into registry.offset_use (id, offset_id, operation_id, quantity, state) values (?,?,?,?, 'RESERVED')")
                .params(UUID.randomUUID(), offsetId, operationId, quantity).update();
        return true;
    }

    record Use(UUID id, UUID offsetId, long quantity) {
    }

    /** Marks a surrender's reserved uses used; returns them (none if already decided). */
    List<Use> markUsed(UUID operationId, Instant at) {
        return jdbc.sql("update registry.offset_use set state = 'USED', decided_at = ? where operation_id = ? and state = 'RESERVED' returning id, offset_id, quantity")
                .params(Timestamp.from(at), operationId)
                .query((rs, n) -> new Use(rs.getObject("id", UUID.class), rs.getObject("offset_id", UUID.class), rs.getLong("quantity"))).list();
    }

    /** Voids a rejected surrender's uses and gives their quantity back to the lots. */
    void voidUses(UUID operationId, Instant at) {
        List<Use> voided = jdbc.sql("""
                update registry.offset_use set state = 'VOIDED', decided_at = ? where operation_id = ? and state = 'RESERVED'
                returning id, offset_id, quantity""")
                .params(Timestamp.from(at), operationId)
                .query((rs, n) -> new Use(rs.getObject("id", UUID.class), rs.getObject("offset_id", UUID.class), rs.getLong("quantity"))).list();
        for (Use u : voided) {
            jdbc.sql("update registry.pending_offset set remaining = remaining + ? where offset_id = ?").params(u.quantity(), u.offsetId()).update();
        }
    }

    /** Lots with something still pending, received up to {@code until}, locked for the recall. */
    List<PendingOffset> pendingUntil(Instant until) {
        return jdbc.sql(SELECT + " where p.remaining > 0 and p.received_at <= ? order by p.offset_id for update of p")
                .param(Timestamp.from(until)).query(OffsetStore::map).list();
    }

    void recall(UUID offsetId, long quantity, String reason, Instant at) {
        jdbc.sql("update registry.pending_offset set remaining = remaining - ?, recalled = recalled + ?, recalled_at = ?, recall_reason = ? where offset_id = ?")
                .params(quantity, quantity, Timestamp.from(at), reason, offsetId).update();
    }

    void recordRun(OffsetRecallRun run) {
        jdbc.sql("insert into registry.offset_recall_run (period_last_year, recall_date, lots, quantity, run_at, run_by) values (?,?,?,?,?,?)")
                .params(run.periodLastYear(), run.recallDate(), run.lots(), run.quantity(), Timestamp.from(run.runAt()), run.runBy()).update();
    }

    boolean hasRun(int periodLastYear) {
        return jdbc.sql("select exists (select 1 from registry.offset_recall_run where period_last_year = ?)").param(periodLastYear).query(Boolean.class)
                .single();
    }

    /** Serialises recalls of one period (the second waits, then finds nothing left). */
    void lockPeriod(int periodLastYear) {
        jdbc.sql("select pg_advisory_xact_lock(7301, ?)").param(periodLastYear).query().listOfRows();
    }

    List<OffsetRecallRun> runs() {
        return jdbc.sql("select * from registry.offset_recall_run order by run_at desc").query(OffsetStore::mapRun).list();
    }

    private static OffsetRecallRun mapRun(ResultSet rs, int n) throws SQLException {
        return new OffsetRecallRun(rs.getInt("period_last_year"), rs.getObject("recall_date", java.time.LocalDate.class), rs.getInt("lots"),
                rs.getLong("quantity"), rs.getTimestamp("run_at").toInstant(), rs.getString("run_by"));
    }

    private static PendingOffset map(ResultSet rs, int n) throws SQLException {
        Timestamp recalledAt = rs.getTimestamp("recalled_at");
        return new PendingOffset(rs.getObject("offset_id", UUID.class), rs.getString("account_number"), rs.getString("emitter_uscc"),
                rs.getString("ccer_account"), rs.getString("project_number"), rs.getString("project_name"), rs.getString("project_type"),
                rs.getBoolean("project_in_ets"), rs.getBoolean("first_period"), rs.getLong("quantity"), rs.getLong("remaining"), rs.getLong("reserved"),
                rs.getLong("used"), rs.getLong("recalled"), rs.getTimestamp("received_at").toInstant(), recalledAt == null ? null : recalledAt.toInstant(),
                rs.getString("recall_reason"));
    }
}
