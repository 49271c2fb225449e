package org.opencets.verification;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks, their reported lines and their history. State changes are compare-and-set on status and version. */
@Repository
class TaskStore {

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the emitter already has a task for the year. */
    boolean insert(VerificationTask t, String by, Instant at) {
        int rows = jdbc.sql("""
                insert into verification.task (id, data_year, emitter_uscc, emitter_name, region_code, sector, report_id, report_version,
                  reported_total, reported_compliance, status, due_date, created_at, created_by) values (?,?,?,?,?,?,?,?,?,?,'UNASSIGNED',?,?,?)
                on conflict (emitter_uscc, data_year) do nothing""")
                .params(t.id(), t.year(), t.emitter().value(), t.emitterName(), t.region().value(), t.sector().name(), t.reportId(), t.reportVersion(),
                        t.reportedTotal(), t.reportedCompliance(), t.due(), Timestamp.from(at), by).update();
        if (rows == 0) {
            return false;
        }
        for (VerificationTask.ReportedLine l : t.lines()) {
            jdbc.sql("""
                    insert into verification.task_unit (task_id, unit_code, reported_emissions, reported_compliance, reported_generation, reported_heat)
                    values (?,?,?,?,?,?)""").params(t.id(), l.unit(), l.emissions(), l.compliance(), l.generationMwh(), l.heatGj()).update();
        }
        t.products().forEach((product, output) -> jdbc.sql("insert into verification.task_product (task_id, product, reported) values (?,?,?)")
                .params(t.id(), product, output).update());
        return true;
    }

    Optional<VerificationTask> find(UUID id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(this::map).optional().map(this::withLines);
    }

    List<VerificationTask> year(int year, String regionPrefix) {
        return jdbc.sql(SELECT + " where t.data_year = ? and t.region_code like ? order by t.region_code, t.emitter_name").params(year, regionPrefix + "%")
                .query(this::map).list().stream().map(this::withLines).toList();
    }

    List<VerificationTask> ofFirm(UUID firmId) {
        return jdbc.sql(SELECT + " where t.firm_id = ? order by t.data_year desc, t.emitter_name").param(firmId).query(this::map).list()
                .stream().map(this::withLines).toList();
    }

    List<VerificationTask> ofEmitter(Uscc emitter) {
        return jdbc.sql(SELECT + " where t.emitter_uscc = ? order by t.data_year desc").param(emitter.value()).query(this::map).list()
                .stream().map(this::withLines).toList();
    }

    List<VerificationTask> inStatus(TaskStatus status) {
        return jdbc.sql(SELECT + " where t.status = ? order by t.data_year").param(status.name()).query(this::map).list().stream().map(this::withLines).toList();
    }

    /** The data years a firm was assigned to verify an emitter (assignment counts, whatever came of it). */
    Set<Integer> yearsVerified(UUID firmId, Uscc emitter) {
        return Set.copyOf(jdbc.sql("select data_year from verification.task where firm_id = ? and emitter_uscc = ?").params(firmId, emitter.value())
                .query(Integer.class).list());
    }

    boolean firmAssigned(UUID firmId, Uscc emitter) {
        return jdbc.sql("select exists (select 1 from verification.task where firm_id = ? and emitter_uscc = ?)").params(firmId, emitter.value())
                .query(Boolean.class).single();
    }

    boolean assign(UUID id, int expectedVersion, UUID firmId, VerificationTask.Assignment how, UUID drawId, boolean reassign) {
        return jdbc.sql("""
                update verification.task set firm_id = ?, assigned_how = ?, draw_id = ?, status = 'ASSIGNED', version = version + 1
                where id = ? and version = ? and status = ?""").params(firmId, how.name(), drawId, id, expectedVersion,
                reassign ? "ASSIGNED" : "UNASSIGNED").update() == 1;
    }

    boolean move(UUID id, int expectedVersion, TaskStatus from, TaskStatus to) {
        return jdbc.sql("update verification.task set status = ?, version = version + 1 where id = ? and version = ? and status = ?")
                .params(to.name(), id, expectedVersion, from.name()).update() == 1;
    }

    boolean concluded(UUID id, int expectedVersion, TaskStatus from, TaskStatus to, LocalDate objectionUntil) {
        return jdbc.sql("update verification.task set status = ?, objection_until = ?, version = version + 1 where id = ? and version = ? and status = ?")
                .params(to.name(), objectionUntil, id, expectedVersion, from.name()).update() == 1;
    }

    boolean documentReview(UUID id, int expectedVersion, String note, Instant at) {
        return jdbc.sql("""
                update verification.task set document_review = ?, document_review_at = ?, version = version + 1
                where id = ? and version = ? and status in ('ASSIGNED', 'REVISION_REQUIRED')""").params(note, Timestamp.from(at), id, expectedVersion)
                .update() == 1;
    }

    void event(UUID taskId, String action, String actor, String actorOrg, Instant at, String detail) {
        jdbc.sql("insert into verification.task_event (task_id, action, actor, actor_org, at, detail) values (?,?,?,?,?,?)")
                .params(taskId, action, actor, actorOrg, Timestamp.from(at), detail == null ? "" : detail).update();
    }

    List<TaskEvent> events(UUID taskId) {
        return jdbc.sql("select * from verification.task_event where task_id = ? order by id").param(taskId)
                .query((rs, n) -> new TaskEvent(rs.getString("action"), rs.getString("actor"), rs.getString("actor_org"), rs.getTimestamp("at").toInstant(),
                        rs.getString("detail"))).list();
    }

    /** Whether the task saw an event since its last assignment other than the assignment itself (reassignment is refused then). */
    boolean workedOn(UUID taskId) {
        return jdbc.sql("""
                select exists (select 1 from verification.site_visit where task_id = ?) or exists (select 1 from verification.finding where task_id = ?)
                  or exists (select 1 from verification.task where id = ? and document_review_at is not null)""").params(taskId, taskId, taskId)
                .query(Boolean.class).single();
    }

    private static final String SELECT = """
            select t.*, f.name as firm_name from verification.task t left join verification.firm f on f.organisation_id = t.firm_id""";

    private VerificationTask map(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("document_review_at");
        java.sql.Date until = rs.getDate("objection_until");
        String how = rs.getString("assigned_how");
        return new VerificationTask(rs.getObject("id", UUID.class), rs.getInt("data_year"), Uscc.of(rs.getString("emitter_uscc")),
                rs.getString("emitter_name"), RegionCode.of(rs.getString("region_code")), Sector.valueOf(rs.getString("sector")),
                rs.getObject("report_id", UUID.class), rs.getInt("report_version"), rs.getBigDecimal("reported_total"),
                rs.getBigDecimal("reported_compliance"), rs.getObject("firm_id", UUID.class), rs.getString("firm_name"),
                how == null ? null : VerificationTask.Assignment.valueOf(how), rs.getObject("draw_id", UUID.class), TaskStatus.valueOf(rs.getString("status")),
                rs.getDate("due_date").toLocalDate(), rs.getString("document_review"), reviewed == null ? null : reviewed.toInstant(),
                until == null ? null : until.toLocalDate(), rs.getInt("version"), List.of(), java.util.Map.of());
    }

    private VerificationTask withLines(VerificationTask t) {
        List<VerificationTask.ReportedLine> lines = jdbc.sql("select * from verification.task_unit where task_id = ? order by unit_code").param(t.id())
                .query((rs, n) -> new VerificationTask.ReportedLine(rs.getString("unit_code"), rs.getBigDecimal("reported_emissions"),
                        rs.getBigDecimal("reported_compliance"), rs.getBigDecimal("reported_generation"), rs.getBigDecimal("reported_heat"))).list();
        java.util.Map<String, java.math.BigDecimal> products = new java.util.LinkedHashMap<>();
        jdbc.sql("select * from verification.task_product where task_id = ? order by product").param(t.id())
                .query((rs, n) -> products.put(rs.getString("product"), rs.getBigDecimal("reported"))).list();
        return new VerificationTask(t.id(), t.year(), t.emitter(), t.emitterName(), t.region(), t.sector(), t.reportId(), t.reportVersion(),
                t.reportedTotal(), t.reportedCompliance(), t.firmId(), t.firmName(), t.assignedHow(), t.drawId(), t.status(), t.due(),
                t.documentReview(), t.documentReviewAt(), t.objectionUntil(), t.version(), lines, products);
    }

}
