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

@Repository
class SpecialCaseStore {

    private final JdbcClient jdbc;

    SpecialCaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SpecialCase c) {
        jdbc.sql("""
                insert into allocation.special_case (id, emitter_uscc, emitter_name, region_code, data_year, kind, note, recorded_by, recorded_at)
                values (?,?,?,?,?,?,?,?,?)""").params(c.id(), c.emitter().value(), c.emitterName(), c.region().value(), c.year(), c.kind().name(),
                c.note(), c.recordedBy(), Timestamp.from(c.recordedAt())).update();
    }

    boolean withdraw(UUID id, String by, Instant at, String reason) {
        return jdbc.sql("update allocation.special_case set withdrawn_by = ?, withdrawn_at = ?, withdrawal = ? where id = ? and withdrawn_at is null")
                .params(by, Timestamp.from(at), reason, id).update() == 1;
    }

    Optional<SpecialCase> find(UUID id) {
        return jdbc.sql("select * from allocation.special_case where id = ?").param(id).query(this::map).optional();
    }

    Optional<SpecialCase> inForce(Uscc emitter, int year) {
        return jdbc.sql("select * from allocation.special_case where emitter_uscc = ? and data_year = ? and withdrawn_at is null")
                .params(emitter.value(), year).query(this::map).optional();
    }

    List<SpecialCase> ofYear(int year, String regionPrefix) {
        return jdbc.sql("select * from allocation.special_case where data_year = ? and region_code like ? order by withdrawn_at nulls first, emitter_name")
                .params(year, regionPrefix + "%").query(this::map).list();
    }

    private SpecialCase map(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new SpecialCase(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), rs.getInt("data_year"), SpecialCaseKind.valueOf(rs.getString("kind")), rs.getString("note"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("withdrawn_by"),
                withdrawn == null ? null : withdrawn.toInstant(), rs.getString("withdrawal"));
    }
}
