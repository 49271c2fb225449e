package org.opencets.ccer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ccer schema in explicit SQL: projects, accounts, holdings, offset lots and period-1 cancellations. */
@Repository
class CcerStore {

    private static final String OFFSET_SELECT = """
            select o.*, p.name as project_name, p.in_national_ets from ccer.offset o join ccer.project p using (project_number)""";
    private static final String CANCELLATION_SELECT = """
            select c.*, p.name as project_name, p.in_national_ets from ccer.first_period_cancellation c join ccer.project p using (project_number)""";

    private final JdbcClient jdbc;

    CcerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- projects

    List<CcerProject> projects() {
        return jdbc.sql("select * from ccer.project order by registered_at desc, project_number").query(CcerStore::project).list();
    }

    Optional<CcerProject> project(String number) {
        return jdbc.sql("select * from ccer.project where project_number = ?").param(number).query(CcerStore::project).optional();
    }

    boolean insertProject(CcerProject p) {
        return jdbc.sql("""
                insert into ccer.project (project_number, name, type, methodology, in_national_ets, registered_at) values (?,?,?,?,?,?)
                on conflict do nothing""")
                .params(p.projectNumber(), p.name(), p.type(), p.methodology(), p.inNationalEts(), Timestamp.from(p.registeredAt())).update() == 1;
    }

    private static CcerProject project(ResultSet rs, int n) throws SQLException {
        return new CcerProject(rs.getString("project_number"), rs.getString("name"), rs.getString("type"), rs.getString("methodology"),
                rs.getBoolean("in_national_ets"), rs.getTimestamp("registered_at").toInstant());
    }

    // ---- accounts

    List<CcerAccount> accounts() {
        return jdbc.sql("select * from ccer.account order by id").query(CcerStore::account).list();
    }

    Optional<CcerAccount> account(String id) {
        return jdbc.sql("select * from ccer.account where id = ?").param(id).query(CcerStore::account).optional();
    }

    Optional<CcerAccount> accountForUpdate(String id) {
        return jdbc.sql("select * from ccer.account where id = ? for update").param(id).query(CcerStore::account).optional();
    }

    Optional<CcerAccount> accountOf(Uscc holder) {
        return jdbc.sql("select * from ccer.account where holder_uscc = ?").param(holder.value()).query(CcerStore::account).optional();
    }

    /** Opens the holder's account unless it has one; empty when it had. */
    Optional<CcerAccount> insertAccount(Uscc holder, String name, RegionCode region, Instant at) {
        return jdbc.sql("""
                insert into ccer.account (id, holder_uscc, holder_name, region_code, opened_at)
                values ('C' || lpad(nextval('ccer.account_number')::text, 10, '0'), ?, ?, ?, ?)
                on conflict (holder_uscc) do nothing returning *""")
                .params(holder.value(), name, region.value(), Timestamp.from(at)).query(CcerStore::account).optional();
    }

    void bind(String accountId, String etsAccount, Instant at) {
        jdbc.sql("update ccer.account set bound_ets_account = ?, bound_at = ? where id = ?").params(etsAccount, Timestamp.from(at), accountId).update();
    }

    private static CcerAccount account(ResultSet rs, int n) throws SQLException {
        Timestamp bound = rs.getTimestamp("bound_at");
        return new CcerAccount(rs.getString("id"), Uscc.of(rs.getString("holder_uscc")), rs.getString("holder_name"), RegionCode.of(rs.getString("region_code")),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("bound_ets_account"), bound == null ? null : bound.toInstant());
    }

    // ---- holdings

    List<CcerHolding> holdings(String accountId) {
        return jdbc.sql("""
                select h.*, p.name as project_name, p.in_national_ets from ccer.holding h join ccer.project p using (project_number)
                where h.account_id = ? and h.quantity > 0 order by h.project_number, h.state""")
                .param(accountId).query((rs, n) -> new CcerHolding(rs.getString("project_number"), rs.getString("project_name"),
                        rs.getBoolean("in_national_ets"), CcerHoldingState.valueOf(rs.getString("state")), rs.getLong("quantity")))
                .list();
    }

    long balance(String accountId, String project, CcerHoldingState state) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from ccer.holding where account_id = ? and project_number = ? and state = ?")
                .params(accountId, project, state.name()).query(Long.class).single();
    }

    boolean everHeld(String accountId, String project) {
        return jdbc.sql("select exists (select 1 from ccer.holding where account_id = ? and project_number = ?)").params(accountId, project)
                .query(Boolean.class).single();
    }

    /** Takes {@code quantity} out of a holding; false (and nothing changed) when it holds less. */
    boolean take(String accountId, String project, CcerHoldingState state, long quantity) {
        return jdbc.sql("update ccer.holding set quantity = quantity - ? where account_id = ? and project_number = ? and state = ? and quantity >= ?")
                .params(quantity, accountId, project, state.name(), quantity).update() == 1;
    }

    void put(String accountId, String project, CcerHoldingState state, long quantity) {
        jdbc.sql("""
                insert into ccer.holding (account_id, project_number, state, quantity) values (?,?,?,?)
                on conflict (account_id, project_number, state) do update set quantity = ccer.holding.quantity + excluded.quantity""")
                .params(accountId, project, state.name(), quantity).update();
    }

    // ---- offset lots

    void insertOffset(UUID id, String accountId, String project, String etsAccount, long quantity, boolean firstPeriod, Instant at) {
        jdbc.sql("""
                insert into ccer.offset (id, account_id, project_number, ets_account, quantity, first_period, frozen_at) values (?,?,?,?,?,?,?)""")
                .params(id, accountId, project, etsAccount, quantity, firstPeriod, Timestamp.from(at)).update();
    }

    Optional<CcerOffset> offset(UUID id) {
        return jdbc.sql(OFFSET_SELECT + " where o.id = ?").param(id).query(CcerStore::offset).optional();
    }

    Optional<CcerOffset> offsetForUpdate(UUID id) {
        return jdbc.sql(OFFSET_SELECT + " where o.id = ? for update of o").param(id).query(CcerStore::offset).optional();
    }

    List<CcerOffset> offsets(String accountId) {
        return jdbc.sql(OFFSET_SELECT + " where o.account_id = ? order by o.frozen_at desc").param(accountId).query(CcerStore::offset).list();
    }

    void settle(UUID offset, long cancelled, long returned, Instant at) {
        jdbc.sql("""
                update ccer.offset set cancelled_quantity = cancelled_quantity + ?, returned_quantity = returned_quantity + ?,
                  status = case when cancelled_quantity + ? + returned_quantity + ? = quantity then 'CLOSED' else 'FROZEN' end,
                  closed_at = case when cancelled_quantity + ? + returned_quantity + ? = quantity then cast(? as timestamptz) end
                where id = ?""")
                .params(cancelled, returned, cancelled, returned, cancelled, returned, Timestamp.from(at), offset).update();
    }

    private static CcerOffset offset(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new CcerOffset(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("project_number"), rs.getString("project_name"),
                rs.getBoolean("in_national_ets"), rs.getString("ets_account"), rs.getLong("quantity"), rs.getLong("cancelled_quantity"),
                rs.getLong("returned_quantity"), rs.getBoolean("first_period"), CcerOffset.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("frozen_at").toInstant(), closed == null ? null : closed.toInstant());
    }

    // ---- period-1 cancellations

    void insertCancellation(UUID id, String accountId, String project, long quantity, LocalDate cancelledOn, UUID remainderOf, Instant at) {
        jdbc.sql("""
                insert into ccer.first_period_cancellation (id, account_id, project_number, quantity, cancelled_on, remainder_of, recorded_at)
                values (?,?,?,?,?,?,?)""")
                .params(id, accountId, project, quantity, Date.valueOf(cancelledOn), remainderOf, Timestamp.from(at)).update();
    }

    Optional<FirstPeriodCancellation> cancellation(UUID id) {
        return jdbc.sql(CANCELLATION_SELECT + " where c.id = ?").param(id).query(CcerStore::cancellation).optional();
    }

    Optional<FirstPeriodCancellation> cancellationForUpdate(UUID id) {
        return jdbc.sql(CANCELLATION_SELECT + " where c.id = ? for update of c").param(id).query(CcerStore::cancellation).optional();
    }

    Optional<FirstPeriodCancellation> cancellationAppliedAs(UUID offset) {
        return jdbc.sql(CANCELLATION_SELECT + " where c.applied_offset_id = ?").param(offset).query(CcerStore::cancellation).optional();
    }

    List<FirstPeriodCancellation> cancellations(String accountId) {
        return jdbc.sql(CANCELLATION_SELECT + " where c.account_id = ? order by c.cancelled_on, c.recorded_at").param(accountId)
                .query(CcerStore::cancellation).list();
    }

    void applied(UUID cancellation, UUID offset) {
        jdbc.sql("update ccer.first_period_cancellation set applied_offset_id = ? where id = ?").params(offset, cancellation).update();
    }

    private static FirstPeriodCancellation cancellation(ResultSet rs, int n) throws SQLException {
        return new FirstPeriodCancellation(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("project_number"),
                rs.getString("project_name"), rs.getBoolean("in_national_ets"), rs.getLong("quantity"), rs.getDate("cancelled_on").toLocalDate(),
                rs.getObject("applied_offset_id", UUID.class), rs.getObject("remainder_of", UUID.class), rs.getTimestamp("recorded_at").toInstant());
    }
}
