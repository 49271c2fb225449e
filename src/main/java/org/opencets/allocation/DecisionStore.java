package org.opencets.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.accounting.Figure;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Decisions, numbered per emitter, year and kind; the unique key refuses a second decision with the same number. */
@Repository
class DecisionStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DecisionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    String figuresJson(List<Figure> figures) {
        return json.writeValueAsString(figures);
    }

    void insert(AllocationDecision d) {
        jdbc.sql("""
                insert into allocation.decision (id, emitter_uscc, emitter_name, region_code, data_year, kind, revision, basis_id, special_case, special_note,
                  allocation_due, obligation, already_issued, borrowed, to_issue, account, reason, computation, content_sha256, decided_by, decided_org,
                  decided_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,cast(? as jsonb),?,?,?,?)""")
                .params(d.id(), d.emitter().value(), d.emitterName(), d.region().value(), d.year(), d.kind().name(), d.revision(), d.basisId(),
                        d.specialCase() == null ? null : d.specialCase().name(), d.specialNote(), d.allocationDue(), d.obligation(), d.alreadyIssued(),
                        d.borrowed(), d.toIssue(), d.account().name(), d.reason(), figuresJson(d.figures()), d.contentSha256(), d.decidedBy(),
                        d.decidedOrganisation(), Timestamp.from(d.decidedAt())).update();
    }

    Optional<AllocationDecision> find(UUID id) {
        return jdbc.sql("select * from allocation.decision where id = ?").param(id).query(this::map).optional();
    }

    /** Every decision of an emitter and year, oldest first. */
    List<AllocationDecision> of(Uscc emitter, int year) {
        return jdbc.sql("select * from allocation.decision where emitter_uscc = ? and data_year = ? order by decided_at, kind desc, revision")
                .params(emitter.value(), year).query(this::map).list();
    }

    List<AllocationDecision> ofYear(int year, String regionPrefix) {
        return jdbc.sql("select * from allocation.decision where data_year = ? and region_code like ? order by emitter_name, decided_at, revision")
                .params(year, regionPrefix + "%").query(this::map).list();
    }

    private AllocationDecision map(ResultSet rs, int n) throws SQLException {
        String special = rs.getString("special_case");
        long obligation = rs.getLong("obligation");
        Long obligationOrNull = rs.wasNull() ? null : obligation;
        return new AllocationDecision(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), rs.getInt("data_year"), AllocationDecision.Kind.valueOf(rs.getString("kind")),
                rs.getInt("revision"), rs.getObject("basis_id", UUID.class), special == null ? null : SpecialCaseKind.valueOf(special),
                rs.getString("special_note"), rs.getLong("allocation_due"), obligationOrNull, rs.getLong("already_issued"), rs.getLong("borrowed"),
                rs.getLong("to_issue"), AllocationDecision.Account.valueOf(rs.getString("account")), rs.getString("reason"),
                json.readValue(rs.getString("computation"), new TypeReference<List<Figure>>() {
                }), rs.getString("content_sha256"), rs.getString("decided_by"), rs.getString("decided_org"), rs.getTimestamp("decided_at").toInstant());
    }
}
