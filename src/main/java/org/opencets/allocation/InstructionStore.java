package org.opencets.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issuance instructions; the unique decision and borrowing columns make a second instruction for one of them impossible. */
@Repository
class InstructionStore {

    private final JdbcClient jdbc;

    InstructionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IssuanceInstruction i) {
        jdbc.sql("""
                insert into allocation.instruction (id, decision_id, borrowing_id, emitter_uscc, emitter_name, region_code, data_year, vintage, purpose,
                  direction, quantity, account, own_surrender_only, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(i.id(), i.decisionId(), i.borrowingId(), i.emitter().value(), i.emitterName(), i.region().value(), i.year(), i.vintage(),
                        i.purpose().name(), i.direction().name(), i.quantity(), i.account().name(), i.ownSurrenderOnly(), Timestamp.from(i.createdAt()))
                .update();
    }

    List<IssuanceInstruction> all() {
        return jdbc.sql("select * from allocation.instruction order by created_at, id").query(this::map).list();
    }

    List<IssuanceInstruction> of(Uscc emitter) {
        return jdbc.sql("select * from allocation.instruction where emitter_uscc = ? order by created_at").param(emitter.value()).query(this::map).list();
    }

    List<IssuanceInstruction> ofYear(int year, String regionPrefix) {
        return jdbc.sql("select * from allocation.instruction where data_year = ? and region_code like ? order by created_at, emitter_name")
                .params(year, regionPrefix + "%").query(this::map).list();
    }

    private IssuanceInstruction map(ResultSet rs, int n) throws SQLException {
        return new IssuanceInstruction(rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class), rs.getObject("borrowing_id", UUID.class),
                Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"), RegionCode.of(rs.getString("region_code")), rs.getInt("data_year"),
                rs.getString("vintage"), IssuanceInstruction.Purpose.valueOf(rs.getString("purpose")),
                IssuanceInstruction.Direction.valueOf(rs.getString("direction")), rs.getLong("quantity"),
                AllocationDecision.Account.valueOf(rs.getString("account")), rs.getBoolean("own_surrender_only"), rs.getTimestamp("created_at").toInstant());
    }
}
