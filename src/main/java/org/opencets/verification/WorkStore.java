package org.opencets.verification;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The verifier's work on a task and what follows it: site visits, findings, conclusions, objections, re-verifications. */
@Repository
class WorkStore {

    private final JdbcClient jdbc;

    WorkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- site visits

    void insertVisit(SiteVisit v) {
        jdbc.sql("insert into verification.site_visit (id, task_id, visit_date, verifiers, places, notes, recorded_at, recorded_by) values (?,?,?,?,?,?,?,?)")
                .params(v.id(), v.taskId(), v.date(), v.verifiers(), v.places(), v.notes(), Timestamp.from(v.recordedAt()), v.recordedBy()).update();
    }

    List<SiteVisit> visits(UUID taskId) {
        return jdbc.sql("select * from verification.site_visit where task_id = ? order by visit_date, recorded_at").param(taskId)
                .query((rs, n) -> new SiteVisit(rs.getObject("id", UUID.class), taskId, rs.getDate("visit_date").toLocalDate(), rs.getString("verifiers"),
                        rs.getString("places"), rs.getString("notes"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"))).list();
    }

    // --- findings

    int nextFindingNumber(UUID taskId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from verification.finding where task_id = ?").param(taskId).query(Integer.class).single();
    }

    void insertFinding(Finding f) {
        jdbc.sql("""
                insert into verification.finding (id, task_id, number, subject, description, status, raised_at, raised_by) values (?,?,?,?,?,'OPEN',?,?)""")
                .params(f.id(), f.taskId(), f.number(), f.subject(), f.description(), Timestamp.from(f.raisedAt()), f.raisedBy()).update();
    }

    Optional<Finding> finding(UUID id) {
        return jdbc.sql("select * from verification.finding where id = ?").param(id).query(WorkStore::finding).optional();
    }

    List<Finding> findings(UUID taskId) {
        return jdbc.sql("select * from verification.finding where task_id = ? order by number").param(taskId).query(WorkStore::finding).list();
    }

    boolean respond(UUID id, int expectedVersion, String response, Instant at, String by) {
        return jdbc.sql("""
                update verification.finding set status = 'CORRECTED', response = ?, responded_at = ?, responded_by = ?, version = version + 1
                where id = ? and version = ? and status = 'OPEN'""").params(response, Timestamp.from(at), by, id, expectedVersion).update() == 1;
    }

    boolean closeFinding(UUID id, int expectedVersion, Finding.Status to, String note, Instant at, String by) {
        return jdbc.sql("""
                update verification.finding set status = ?, closing_note = ?, closed_at = ?, closed_by = ?, version = version + 1
                where id = ? and version = ? and status in ('OPEN', 'CORRECTED')""").params(to.name(), note, Timestamp.from(at), by, id, expectedVersion)
                .update() == 1;
    }

    /** The verifier does not accept the correction: the finding is open again for a new answer. */
    boolean reopen(UUID id, int expectedVersion, String note, Instant at, String by) {
        return jdbc.sql("""
                update verification.finding set status = 'OPEN', closing_note = ?, closed_at = ?, closed_by = ?, version = version + 1
                where id = ? and version = ? and status = 'CORRECTED'""").params(note, Timestamp.from(at), by, id, expectedVersion).update() == 1;
    }

    // --- conclusions

    void insertConclusion(Conclusion c) {
        jdbc.sql("""
                insert into verification.conclusion (id, task_id, number, reason, verified_total, verified_compliance, opinion, issued_at, issued_by,
                  on_time, content_sha256) values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(c.id(), c.taskId(), c.number(), c.reason().name(), c.verifiedTotal(), c.verifiedCompliance(), c.opinion(),
                        Timestamp.from(c.issuedAt()), c.issuedBy(), c.onTime(), c.contentSha256()).update();
        for (Conclusion.Line l : c.lines()) {
            jdbc.sql("insert into verification.conclusion_unit (conclusion_id, unit_code, emissions, compliance, generation_mwh, heat_gj) values (?,?,?,?,?,?)")
                    .params(c.id(), l.unit(), l.emissions(), l.compliance(), l.generationMwh(), l.heatGj()).update();
        }
        c.products().forEach((product, output) -> jdbc.sql("insert into verification.conclusion_product (conclusion_id, product, output) values (?,?,?)")
                .params(c.id(), product, output).update());
    }

    List<Conclusion> conclusions(UUID taskId) {
        return jdbc.sql("select * from verification.conclusion where task_id = ? order by number").param(taskId).query(this::conclusion).list();
    }

    Optional<Conclusion> latestConclusion(UUID taskId) {
        List<Conclusion> all = conclusions(taskId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    // --- objections

    void insertObjection(Objection o) {
        jdbc.sql("insert into verification.objection (id, task_id, conclusion_id, grounds, filed_at, filed_by, decide_by) values (?,?,?,?,?,?,?)")
                .params(o.id(), o.taskId(), o.conclusionId(), o.grounds(), Timestamp.from(o.filedAt()), o.filedBy(), o.decideBy()).update();
    }

    List<Objection> objections(UUID taskId) {
        return jdbc.sql("select * from verification.objection where task_id = ? order by filed_at").param(taskId).query(this::objection).list();
    }

    void note(UUID objectionId, String note, Instant at, String by) {
        jdbc.sql("insert into verification.coordination_note (objection_id, note, at, by_user) values (?,?,?,?)").params(objectionId, note, Timestamp.from(at), by)
                .update();
    }

    boolean decide(UUID objectionId, Objection.Decision decision, String text, Instant at, String by) {
        return jdbc.sql("""
                update verification.objection set decision = ?, decision_text = ?, decided_at = ?, decided_by = ? where id = ? and decision is null""")
                .params(decision.name(), text, Timestamp.from(at), by, objectionId).update() == 1;
    }

    // --- re-verification

    void insertReverification(Reverification r) {
        jdbc.sql("insert into verification.reverification (id, task_id, conclusion_id, selected_how, draw_id, opened_at, opened_by) values (?,?,?,?,?,?,?)")
                .params(r.id(), r.taskId(), r.conclusionId(), r.selectedHow().name(), r.drawId(), Timestamp.from(r.openedAt()), r.openedBy()).update();
    }

    boolean finishReverification(UUID id, boolean changed, String opinion, Map<String, Reverification.Figures> figures, Instant at, String by) {
        boolean done = jdbc.sql("""
                update verification.reverification set changed = ?, opinion = ?, finished_at = ?, finished_by = ? where id = ? and finished_at is null""")
                .params(changed, opinion, Timestamp.from(at), by, id).update() == 1;
        if (done) {
            figures.forEach((unit, f) -> jdbc.sql("insert into verification.reverification_unit (reverification_id, unit_code, emissions, compliance) values (?,?,?,?)")
                    .params(id, unit, f.emissions(), f.compliance()).update());
        }
        return done;
    }

    List<Reverification> reverifications(UUID taskId) {
        return jdbc.sql("select * from verification.reverification where task_id = ? order by opened_at").param(taskId).query(this::reverification).list();
    }

    // --- publication

    /** False when this conclusion was already published (so it is published once). */
    boolean recordPublished(UUID taskId, Conclusion c, int revision, String emitter, int year, Instant at) {
        return jdbc.sql("""
                insert into verification.published_result (task_id, conclusion_id, revision, emitter_uscc, data_year, verified_total, verified_compliance,
                  published_at) values (?,?,?,?,?,?,?,?) on conflict do nothing""")
                .params(taskId, c.id(), revision, emitter, year, c.verifiedTotal(), c.verifiedCompliance(), Timestamp.from(at)).update() == 1;
    }

    int publishedRevisions(UUID taskId) {
        return jdbc.sql("select count(*) from verification.published_result where task_id = ?").param(taskId).query(Integer.class).single();
    }

    Optional<UUID> lastPublishedConclusion(UUID taskId) {
        return jdbc.sql("select conclusion_id from verification.published_result where task_id = ? order by revision desc limit 1").param(taskId)
                .query(UUID.class).optional();
    }

    // --- mapping

    private static Finding finding(ResultSet rs, int n) throws SQLException {
        return new Finding(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class), rs.getInt("number"), rs.getString("subject"),
                rs.getString("description"), Finding.Status.valueOf(rs.getString("status")), rs.getTimestamp("raised_at").toInstant(), rs.getString("raised_by"),
                rs.getString("response"), instant(rs, "responded_at"), rs.getString("responded_by"), rs.getString("closing_note"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getInt("version"));
    }

    private Conclusion conclusion(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Conclusion.Line> lines = jdbc.sql("select * from verification.conclusion_unit where conclusion_id = ? order by unit_code").param(id)
                .query((r, i) -> new Conclusion.Line(r.getString("unit_code"), r.getBigDecimal("emissions"), r.getBigDecimal("compliance"),
                        r.getBigDecimal("generation_mwh"), r.getBigDecimal("heat_gj"))).list();
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        jdbc.sql("select * from verification.conclusion_product where conclusion_id = ? order by product").param(id)
                .query((r, i) -> products.put(r.getString("product"), r.getBigDecimal("output"))).list();
        return new Conclusion(id, rs.getObject("task_id", UUID.class), rs.getInt("number"), Conclusion.Reason.valueOf(rs.getString("reason")),
                rs.getBigDecimal("verified_total"), rs.getBigDecimal("verified_compliance"), lines, products, rs.getString("opinion"),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"), rs.getBoolean("on_time"), rs.getString("content_sha256"));
    }

    private Objection objection(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Objection.Note> notes = jdbc.sql("select * from verification.coordination_note where objection_id = ? order by id").param(id)
                .query((r, i) -> new Objection.Note(r.getString("note"), r.getTimestamp("at").toInstant(), r.getString("by_user"))).list();
        String decision = rs.getString("decision");
        return new Objection(id, rs.getObject("task_id", UUID.class), rs.getObject("conclusion_id", UUID.class), rs.getString("grounds"),
                rs.getTimestamp("filed_at").toInstant(), rs.getString("filed_by"), rs.getDate("decide_by").toLocalDate(),
                decision == null ? null : Objection.Decision.valueOf(decision), rs.getString("decision_text"), instant(rs, "decided_at"),
                rs.getString("decided_by"), notes);
    }

    private Reverification reverification(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Map<String, Reverification.Figures> figures = new LinkedHashMap<>();
        jdbc.sql("select * from verification.reverification_unit where reverification_id = ? order by unit_code").param(id)
                .query((r, i) -> figures.put(r.getString("unit_code"), new Reverification.Figures(r.getBigDecimal("emissions"), r.getBigDecimal("compliance"))))
                .list();
        Object changed = rs.getObject("changed");
        return new Reverification(id, rs.getObject("task_id", UUID.class), rs.getObject("conclusion_id", UUID.class),
                Reverification.Selection.valueOf(rs.getString("selected_how")), rs.getObject("draw_id", UUID.class), rs.getTimestamp("opened_at").toInstant(),
                rs.getString("opened_by"), changed == null ? null : (Boolean) changed, rs.getString("opinion"), instant(rs, "finished_at"),
                rs.getString("finished_by"), figures);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
