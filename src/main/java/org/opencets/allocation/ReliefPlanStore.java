package org.opencets.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Relief plans and their documents; the unique index allows one plan per emitter and year that is not rejected. */
@Repository
class ReliefPlanStore {

    private final JdbcClient jdbc;

    ReliefPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ReliefPlan p) {
        jdbc.sql("""
                insert into allocation.relief_plan (id, emitter_uscc, emitter_name, region_code, data_year, duties, difficulty, measures, status,
                  submitted_by, submitted_at) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(p.id(), p.emitter().value(), p.emitterName(), p.region().value(), p.year(), p.duties(), p.difficulty(), p.measures(),
                        p.status().name(), p.submittedBy(), Timestamp.from(p.submittedAt())).update();
    }

    void attach(UUID planId, ReliefPlan.Document d) {
        jdbc.sql("""
                insert into allocation.relief_document (plan_id, upload_id, sha256, file_name, size_bytes, attached_by, attached_at)
                values (?,?,?,?,?,?,?)""").params(planId, d.uploadId(), d.sha256(), d.fileName(), d.sizeBytes(), d.attachedBy(),
                Timestamp.from(d.attachedAt())).update();
    }

    /** Decides a plan still submitted at the expected version; false when it was decided or changed meanwhile. */
    boolean decide(UUID id, int expectedVersion, ReliefPlan.Status status, String note, String by, Instant at) {
        return jdbc.sql("""
                update allocation.relief_plan set status = ?, decision_note = ?, decided_by = ?, decided_at = ?, version = version + 1
                where id = ? and version = ? and status = 'SUBMITTED'""").params(status.name(), note, by, Timestamp.from(at), id, expectedVersion)
                .update() == 1;
    }

    Optional<ReliefPlan> find(UUID id) {
        return jdbc.sql("select * from allocation.relief_plan where id = ?").param(id).query(this::map).optional().map(this::withDocuments);
    }

    Optional<ReliefPlan> current(Uscc emitter, int year) {
        return jdbc.sql("select * from allocation.relief_plan where emitter_uscc = ? and data_year = ? and status <> 'REJECTED'")
                .params(emitter.value(), year).query(this::map).optional().map(this::withDocuments);
    }

    List<ReliefPlan> of(Uscc emitter, int year) {
        return withDocuments(jdbc.sql("select * from allocation.relief_plan where emitter_uscc = ? and data_year = ? order by submitted_at desc")
                .params(emitter.value(), year).query(this::map).list());
    }

    List<ReliefPlan> ofYear(int year, String regionPrefix) {
        return withDocuments(jdbc.sql("""
                select * from allocation.relief_plan where data_year = ? and region_code like ?
                order by case status when 'SUBMITTED' then 0 else 1 end, submitted_at""").params(year, regionPrefix + "%").query(this::map).list());
    }

    private ReliefPlan withDocuments(ReliefPlan p) {
        return withDocuments(List.of(p)).getFirst();
    }

    private List<ReliefPlan> withDocuments(List<ReliefPlan> plans) {
        if (plans.isEmpty()) {
            return plans;
        }
        Map<UUID, List<ReliefPlan.Document>> docs = jdbc.sql("select * from allocation.relief_document where plan_id = any(?) order by attached_at, file_name")
                .param(plans.stream().map(ReliefPlan::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("plan_id", UUID.class), new ReliefPlan.Document(rs.getObject("upload_id", UUID.class),
                        rs.getString("sha256"), rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("attached_by"),
                        rs.getTimestamp("attached_at").toInstant())))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return plans.stream().map(p -> new ReliefPlan(p.id(), p.emitter(), p.emitterName(), p.region(), p.year(), p.duties(), p.difficulty(), p.measures(),
                p.status(), p.decisionNote(), p.submittedBy(), p.submittedAt(), p.decidedBy(), p.decidedAt(), p.version(),
                docs.getOrDefault(p.id(), List.of()))).toList();
    }

    private ReliefPlan map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ReliefPlan(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), rs.getInt("data_year"), rs.getString("duties"), rs.getString("difficulty"),
                rs.getString("measures"), ReliefPlan.Status.valueOf(rs.getString("status")), rs.getString("decision_note"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getInt("version"),
                List.of());
    }
}
