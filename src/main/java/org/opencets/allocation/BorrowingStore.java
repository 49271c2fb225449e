package org.opencets.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Borrowing requests; the unique index allows one request per emitter and year that is not rejected. */
@Repository
class BorrowingStore {

    private final JdbcClient jdbc;

    BorrowingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Borrowing b) {
        jdbc.sql("""
                insert into allocation.borrowing (id, emitter_uscc, emitter_name, region_code, data_year, requested, maximum, gap, reason, status,
                  requested_by, requested_at) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(b.id(), b.emitter().value(), b.emitterName(), b.region().value(), b.year(), b.requested(), b.maximum(), b.gap(), b.reason(),
                        b.status().name(), b.requestedBy(), Timestamp.from(b.requestedAt())).update();
    }

    /** Decides a request still open at the expected version; false when it was decided or changed meanwhile. */
    boolean decide(UUID id, int expectedVersion, Borrowing.Status status, Long approved, String note, String by, Instant at) {
        return jdbc.sql("""
                update allocation.borrowing set status = ?, approved = ?, decision_note = ?, decided_by = ?, decided_at = ?, version = version + 1
                where id = ? and version = ? and status = 'REQUESTED'""")
                .params(status.name(), approved, note, by, Timestamp.from(at), id, expectedVersion).update() == 1;
    }

    Optional<Borrowing> find(UUID id) {
        return jdbc.sql("select * from allocation.borrowing where id = ?").param(id).query(this::map).optional();
    }

    /** The emitter's requests for a year, newest first. */
    List<Borrowing> of(Uscc emitter, int year) {
        return jdbc.sql("select * from allocation.borrowing where emitter_uscc = ? and data_year = ? order by requested_at desc")
                .params(emitter.value(), year).query(this::map).list();
    }

    /** The open or approved request of an emitter and year (at most one). */
    Optional<Borrowing> current(Uscc emitter, int year) {
        return jdbc.sql("select * from allocation.borrowing where emitter_uscc = ? and data_year = ? and status <> 'REJECTED'")
                .params(emitter.value(), year).query(this::map).optional();
    }

    List<Borrowing> ofYear(int year, String regionPrefix) {
        return jdbc.sql("""
                select * from allocation.borrowing where data_year = ? and region_code like ?
                order by case status when 'REQUESTED' then 0 else 1 end, requested_at""")
                .params(year, regionPrefix + "%").query(this::map).list();
    }

    private Borrowing map(ResultSet rs, int n) throws SQLException {
        long approved = rs.getLong("approved");
        Long approvedOrNull = rs.wasNull() ? null : approved;
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Borrowing(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), rs.getInt("data_year"), rs.getLong("requested"), rs.getLong("maximum"), rs.getLong("gap"),
                rs.getString("reason"), Borrowing.Status.valueOf(rs.getString("status")), approvedOrNull, rs.getString("decision_note"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getInt("version"));
    }
}
