package org.opencets.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NoticeStore {

    private static final String SELECT = "select n.*, r.status, r.method, r.place, r.recipient, r.agent, r.agent_relation, r.served_at, r.refusal_reason,"
            + " r.witness, r.served_by, r.note, r.version from allocation.notice n join allocation.service_receipt r on r.notice_id = n.id";
    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the year in the province; the transaction-scoped lock makes concurrent decisions wait their turn. */
    int nextNumber(int year, String province) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))::text").param("allocation.notice:" + year + ":" + province).query(String.class).list();
        return jdbc.sql("select count(*) + 1 from allocation.notice where data_year = ? and region_code like ?").params(year, province + "%")
                .query(Integer.class).single();
    }

    void insert(AllocationNotice n) {
        jdbc.sql("""
                insert into allocation.notice (id, decision_id, number, emitter_uscc, emitter_name, region_code, data_year, issued_by, issued_at, content_sha256)
                values (?,?,?,?,?,?,?,?,?,?)""").params(n.id(), n.decisionId(), n.number(), n.emitter().value(), n.emitterName(), n.region().value(),
                n.year(), n.issuedBy(), Timestamp.from(n.issuedAt()), n.contentSha256()).update();
        jdbc.sql("insert into allocation.service_receipt (notice_id, status, method, place) values (?, 'PENDING', ?, ?)")
                .params(n.id(), n.receipt().method(), n.receipt().place()).update();
    }

    /** Compare-and-set on the receipt's version and a PENDING status: a receipt is recorded once. */
    boolean record(UUID noticeId, int expectedVersion, AllocationNotice.Receipt r) {
        return jdbc.sql("""
                update allocation.service_receipt set status = ?, method = ?, place = ?, recipient = ?, agent = ?, agent_relation = ?, served_at = ?,
                  refusal_reason = ?, witness = ?, served_by = ?, note = ?, version = version + 1
                where notice_id = ? and version = ? and status = 'PENDING'""")
                .params(r.status().name(), r.method(), r.place(), r.recipient(), r.agent(), r.agentRelation(),
                        r.servedAt() == null ? null : Timestamp.from(r.servedAt()), r.refusalReason(), r.witness(), r.servedBy(), r.note(), noticeId,
                        expectedVersion).update() == 1;
    }

    Optional<AllocationNotice> find(UUID id) {
        return jdbc.sql(SELECT + " where n.id = ?").param(id).query(this::map).optional();
    }

    Optional<AllocationNotice> ofDecision(UUID decisionId) {
        return jdbc.sql(SELECT + " where n.decision_id = ?").param(decisionId).query(this::map).optional();
    }

    List<AllocationNotice> of(Uscc emitter) {
        return jdbc.sql(SELECT + " where n.emitter_uscc = ? order by n.issued_at desc").param(emitter.value()).query(this::map).list();
    }

    List<AllocationNotice> ofYear(int year, String regionPrefix) {
        return jdbc.sql(SELECT + " where n.data_year = ? and n.region_code like ? order by n.number").params(year, regionPrefix + "%")
                .query(this::map).list();
    }

    private AllocationNotice map(ResultSet rs, int n) throws SQLException {
        Timestamp served = rs.getTimestamp("served_at");
        return new AllocationNotice(rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class), rs.getString("number"),
                Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"), RegionCode.of(rs.getString("region_code")), rs.getInt("data_year"),
                rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(), rs.getString("content_sha256"),
                new AllocationNotice.Receipt(AllocationNotice.ReceiptStatus.valueOf(rs.getString("status")), rs.getString("method"), rs.getString("place"),
                        rs.getString("recipient"), rs.getString("agent"), rs.getString("agent_relation"), served == null ? null : served.toInstant(),
                        rs.getString("refusal_reason"), rs.getString("witness"), rs.getString("served_by"), rs.getString("note"), rs.getInt("version")));
    }
}
