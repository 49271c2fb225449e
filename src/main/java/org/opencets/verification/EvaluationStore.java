package org.opencets.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the platform recorded of each firm's year in a city, and the published evaluations. */
@Repository
class EvaluationStore {

    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record FirmRecord(UUID firmId, String firmName, FirmScoring.Record record) {
    }

    /**
     * Per firm with concluded tasks in the region and year: tasks, first conclusions on time, tasks whose figures a
     * re-verification changed, upheld objections, and tasks with a process defect (no site visit recorded, a finding
     * closed as not corrected without the emitter's answer, or a revision issued after its deadline).
     */
    List<FirmRecord> records(int year, String regionPrefix) {
        return jdbc.sql("""
                select t.firm_id, f.name,
                  count(*) as tasks,
                  count(*) filter (where c1.on_time) as on_time,
                  count(*) filter (where exists (select 1 from verification.reverification r where r.task_id = t.id and r.changed)) as overturned,
                  coalesce(sum((select count(*) from verification.objection o where o.task_id = t.id and o.decision = 'UPHELD')), 0) as upheld,
                  count(*) filter (where not exists (select 1 from verification.site_visit v where v.task_id = t.id)
                    or exists (select 1 from verification.finding x where x.task_id = t.id and x.status = 'UNRESOLVED' and x.response is null)
                    or exists (select 1 from verification.conclusion c where c.task_id = t.id and c.number > 1 and not c.on_time)) as defects
                from verification.task t
                join verification.firm f on f.organisation_id = t.firm_id
                join verification.conclusion c1 on c1.task_id = t.id and c1.number = 1
                where t.data_year = ? and t.region_code like ?
                group by t.firm_id, f.name order by f.name""").params(year, regionPrefix + "%")
                .query((rs, n) -> new FirmRecord(rs.getObject("firm_id", UUID.class), rs.getString("name"), new FirmScoring.Record(rs.getInt("tasks"),
                        rs.getInt("on_time"), rs.getInt("overturned"), rs.getInt("upheld"), rs.getInt("defects")))).list();
    }

    int nextEdition(int year, String city) {
        return jdbc.sql("select coalesce(max(edition), 0) + 1 from verification.evaluation where data_year = ? and city_code = ?").params(year, city)
                .query(Integer.class).single();
    }

    void insert(UUID id, int year, String city, int edition, Instant at, String by, List<FirmEvaluation.Row> rows) {
        jdbc.sql("insert into verification.evaluation (id, data_year, city_code, edition, published_at, published_by) values (?,?,?,?,?,?)")
                .params(id, year, city, edition, Timestamp.from(at), by).update();
        for (FirmEvaluation.Row r : rows) {
            jdbc.sql("""
                    insert into verification.evaluation_firm (evaluation_id, firm_id, firm_name, tasks, on_time, overturned, upheld_objections, process_defects,
                      quality, compliance, timeliness, score, rating) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(id, r.firmId(), r.firmName(), r.tasks(), r.onTime(), r.overturned(), r.upheldObjections(), r.processDefects(), r.quality(),
                            r.compliance(), r.timeliness(), r.score(), r.rating().name()).update();
        }
    }

    void insertInterview(UUID evaluationId, UUID firmId, String notice, Instant at) {
        jdbc.sql("insert into verification.interview (id, evaluation_id, firm_id, notice, noticed_at) values (?,?,?,?,?)")
                .params(UUID.randomUUID(), evaluationId, firmId, notice, Timestamp.from(at)).update();
    }

    boolean recordInterview(UUID evaluationId, UUID firmId, LocalDate heldOn, String head, String participants, String record, Instant at, String by) {
        return jdbc.sql("""
                update verification.interview set held_on = ?, firm_head = ?, participants = ?, record = ?, recorded_at = ?, recorded_by = ?
                where evaluation_id = ? and firm_id = ? and recorded_at is null""").params(heldOn, head, participants, record, Timestamp.from(at), by,
                evaluationId, firmId).update() == 1;
    }

    /** The latest published edition for a city and year. */
    Optional<FirmEvaluation> latest(int year, String city) {
        return jdbc.sql("select * from verification.evaluation where data_year = ? and city_code = ? order by edition desc limit 1").params(year, city)
                .query((rs, n) -> new FirmEvaluation(year, city, rs.getObject("id", UUID.class), rs.getInt("edition"), rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by"), List.of())).optional().map(e -> new FirmEvaluation(e.year(), e.city(), e.id(), e.edition(),
                        e.publishedAt(), e.publishedBy(), rows(e.id())));
    }

    /** Every city's latest edition for a year (the public page). */
    List<FirmEvaluation> publishedIn(int year) {
        return jdbc.sql("select distinct city_code from verification.evaluation where data_year = ? order by city_code").param(year).query(String.class).list()
                .stream().map(city -> latest(year, city).orElseThrow()).toList();
    }

    List<Integer> publishedYears() {
        return jdbc.sql("select distinct data_year from verification.evaluation order by 1 desc").query(Integer.class).list();
    }

    private List<FirmEvaluation.Row> rows(UUID evaluationId) {
        return jdbc.sql("""
                select e.*, i.id as interview_id, i.notice, i.noticed_at, i.held_on, i.firm_head, i.participants, i.record, i.recorded_at, i.recorded_by
                from verification.evaluation_firm e left join verification.interview i on i.evaluation_id = e.evaluation_id and i.firm_id = e.firm_id
                where e.evaluation_id = ? order by e.score desc, e.firm_name""").param(evaluationId)
                .query((rs, n) -> {
                    UUID interviewId = rs.getObject("interview_id", UUID.class);
                    java.sql.Date held = rs.getDate("held_on");
                    FirmEvaluation.Interview interview = interviewId == null ? null : new FirmEvaluation.Interview(interviewId, rs.getString("notice"),
                            rs.getTimestamp("noticed_at").toInstant(), held == null ? null : held.toLocalDate(), rs.getString("firm_head"),
                            rs.getString("participants"), rs.getString("record"), WorkStore.instant(rs, "recorded_at"), rs.getString("recorded_by"));
                    return new FirmEvaluation.Row(rs.getObject("firm_id", UUID.class), rs.getString("firm_name"), rs.getInt("tasks"), rs.getInt("on_time"),
                            rs.getInt("overturned"), rs.getInt("upheld_objections"), rs.getInt("process_defects"), rs.getBigDecimal("quality"),
                            rs.getBigDecimal("compliance"), rs.getBigDecimal("timeliness"), rs.getBigDecimal("score"), Rating.valueOf(rs.getString("rating")),
                            interview);
                }).list();
    }
}
