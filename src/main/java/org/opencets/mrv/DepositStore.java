package org.opencets.mrv;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.directory.Fuel;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for deposits, their values, evidence and review history. */
@Repository
class DepositStore {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DepositStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record NewDeposit(UUID id, Uscc emitter, String emitterName, RegionCode region, UUID unitId, String unitCode, YearMonth month,
            int depositVersion, UUID replaces, Deposit.Channel channel, String createdBy) {
    }

    void insert(NewDeposit d) {
        jdbc.sql("""
                insert into mrv.deposit (id, emitter_uscc, emitter_name, region_code, unit_id, unit_code, month, deposit_version, replaces,
                  status, channel, created_by) values (?,?,?,?,?,?,?,?,?,'DRAFT',?,?)""")
                .params(d.id(), d.emitter().value(), d.emitterName(), d.region().value(), d.unitId(), d.unitCode(), d.month().atDay(1),
                        d.depositVersion(), d.replaces(), d.channel().name(), d.createdBy())
                .update();
    }

    Optional<Deposit> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional().map(this::withDetails);
    }

    /** The live version of a unit-month (a draft, one under review or the approved one), if any. */
    Optional<Deposit> live(UUID unitId, YearMonth month) {
        return jdbc.sql(SELECT + " where unit_id = ? and month = ? and status <> 'RETURNED'").params(unitId, month.atDay(1))
                .query(this::map).optional().map(this::withDetails);
    }

    List<Deposit> versions(UUID unitId, YearMonth month) {
        return jdbc.sql(SELECT + " where unit_id = ? and month = ? order by deposit_version desc").params(unitId, month.atDay(1))
                .query(this::map).list().stream().map(this::withDetails).toList();
    }

    int nextVersion(UUID unitId, YearMonth month) {
        return jdbc.sql("select coalesce(max(deposit_version), 0) + 1 from mrv.deposit where unit_id = ? and month = ?")
                .params(unitId, month.atDay(1)).query(Integer.class).single();
    }

    /** The newest version per unit-month of an emitter's year, without values (for the overview grid). */
    List<Deposit> latestOfYear(Uscc emitter, int year) {
        return jdbc.sql(SELECT + " where id in (" + LATEST_IDS + ") order by unit_code, month")
                .params(emitter.value(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1)).query(this::map).list();
    }

    /** The newest version of each unit-month of a year with its values, in two queries (annual reports, benchmark). */
    List<Deposit> latestOfYearWithValues(Uscc emitter, int year) {
        List<Deposit> latest = latestOfYear(emitter, year);
        java.util.Map<UUID, List<MonthlyValue>> values = new java.util.HashMap<>();
        jdbc.sql("select deposit_id, parameter, fuel, value, basis, note from mrv.deposit_value where deposit_id in (" + LATEST_IDS + ")")
                .params(emitter.value(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1))
                .query((rs, n) -> values.computeIfAbsent(rs.getObject("deposit_id", UUID.class), k -> new ArrayList<>())
                        .add(new MonthlyValue(Parameter.valueOf(rs.getString("parameter")), fuel(rs.getString("fuel")), rs.getBigDecimal("value"),
                                MeasurementBasis.valueOf(rs.getString("basis")), rs.getString("note"))))
                .list();
        return latest.stream().map(d -> new Deposit(d.id(), d.emitter(), d.emitterName(), d.region(), d.unitId(), d.unitCode(), d.month(),
                d.depositVersion(), d.replaces(), d.status(), d.channel(), d.sampleId(), d.samplePlace(), d.findings(), d.contentSha256(),
                d.logIndex(), d.submittedAt(), d.submittedBy(), d.version(), List.copyOf(values.getOrDefault(d.id(), List.of())), List.of()))
                .toList();
    }

    /** A non-fuel parameter summed per unit code over the newest version of each approved unit-month of the year. */
    java.util.Map<String, java.math.BigDecimal> approvedTotals(Uscc emitter, int year, Parameter parameter) {
        java.util.Map<String, java.math.BigDecimal> totals = new java.util.TreeMap<>();
        jdbc.sql("""
                select d.unit_code, sum(v.value) as total from mrv.deposit d join mrv.deposit_value v on v.deposit_id = d.id
                where d.id in (select distinct on (unit_id, month) id from mrv.deposit where emitter_uscc = ? and month between ? and ?
                               order by unit_id, month, deposit_version desc)
                  and d.status = 'APPROVED' and v.parameter = ? group by d.unit_code""")
                .params(emitter.value(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1), parameter.name())
                .query((rs, n) -> totals.put(rs.getString("unit_code"), rs.getBigDecimal("total"))).list();
        return totals;
    }

    private static final String LATEST_IDS = "select distinct on (unit_id, month) id from mrv.deposit where emitter_uscc = ?"
            + " and month between ? and ? order by unit_id, month, deposit_version desc";

    List<Deposit> inStatus(String regionPrefix, DepositStatus status) {
        return jdbc.sql(SELECT + " where region_code like ? and status = ? order by submitted_at, emitter_name, unit_code")
                .params(regionPrefix + "%", status.name()).query(this::map).list();
    }

    /** Has any version of this unit-month been submitted (for closing the emitter's monthly obligation)? */
    boolean submittedOnce(UUID unitId, YearMonth month) {
        return jdbc.sql("select count(*) from mrv.deposit where unit_id = ? and month = ? and status <> 'DRAFT'")
                .params(unitId, month.atDay(1)).query(Long.class).single() > 0;
    }

    void replaceContent(UUID id, DepositInput input) {
        jdbc.sql("delete from mrv.deposit_value where deposit_id = ?").param(id).update();
        for (MonthlyValue v : input.values()) {
            jdbc.sql("insert into mrv.deposit_value (deposit_id, parameter, fuel, value, basis, note) values (?,?,?,?,?,?)")
                    .params(id, v.parameter().name(), v.fuel() == null ? "" : v.fuel().name(), v.value(), v.basis().name(), v.note())
                    .update();
        }
        jdbc.sql("update mrv.deposit set sample_id = ?, sample_place = ? where id = ?")
                .params(blankToNull(input.sampleId()), blankToNull(input.samplePlace()), id).update();
    }

    void attach(UUID id, AttachedEvidence e) {
        jdbc.sql("""
                insert into mrv.deposit_evidence (deposit_id, upload_id, sha256, file_name, evidence_kind, fuel, size_bytes, attached_by)
                values (?,?,?,?,?,?,?,?)""")
                .params(id, e.uploadId(), e.sha256(), e.fileName(), e.kind().name(), e.fuel() == null ? "" : e.fuel().name(),
                        e.sizeBytes(), e.attachedBy())
                .update();
    }

    boolean detach(UUID id, UUID uploadId) {
        return jdbc.sql("delete from mrv.deposit_evidence where deposit_id = ? and upload_id = ?").params(id, uploadId).update() == 1;
    }

    /** Optimistic lock: bumps the version only if nobody else changed the deposit since it was read. */
    boolean touch(UUID id, int expectedVersion) {
        return jdbc.sql("update mrv.deposit set version = version + 1 where id = ? and version = ?").params(id, expectedVersion).update() == 1;
    }

    boolean markSubmitted(UUID id, int expectedVersion, List<Finding> findings, String sha256, long logIndex, Instant at, String by) {
        return jdbc.sql("""
                update mrv.deposit set status = 'SUBMITTED', findings = ?::jsonb, content_sha256 = ?, log_index = ?, submitted_at = ?,
                  submitted_by = ?, version = version + 1 where id = ? and version = ? and status = 'DRAFT'""")
                .params(json.writeValueAsString(findings), sha256, logIndex, Timestamp.from(at), by, id, expectedVersion)
                .update() == 1;
    }

    boolean moveStatus(UUID id, int expectedVersion, DepositStatus from, DepositStatus to) {
        return jdbc.sql("update mrv.deposit set status = ?, version = version + 1 where id = ? and version = ? and status = ?")
                .params(to.name(), id, expectedVersion, from.name()).update() == 1;
    }

    void deleteDraft(UUID id) {
        jdbc.sql("delete from mrv.deposit where id = ? and status = 'DRAFT'").param(id).update();
    }

    void event(UUID subject, String subjectKind, String action, String actor, String actorOrg, List<String> reasons) {
        jdbc.sql("insert into mrv.review_event (subject_kind, subject_id, action, actor, actor_org, reasons) values (?,?,?,?,?,?::jsonb)")
                .params(subjectKind, subject, action, actor, actorOrg, json.writeValueAsString(reasons)).update();
    }

    List<ReviewEvent> events(UUID subject) {
        return jdbc.sql("select action, actor, actor_org, at, reasons from mrv.review_event where subject_id = ? order by id")
                .param(subject).query((rs, n) -> new ReviewEvent(rs.getString("action"), rs.getString("actor"), rs.getString("actor_org"),
                        rs.getTimestamp("at").toInstant(), json.readValue(rs.getString("reasons"), STRINGS))).list();
    }

    private Deposit withDetails(Deposit d) {
        List<MonthlyValue> values = jdbc.sql("select parameter, fuel, value, basis, note from mrv.deposit_value where deposit_id = ?")
                .param(d.id()).query((rs, n) -> new MonthlyValue(Parameter.valueOf(rs.getString("parameter")), fuel(rs.getString("fuel")),
                        rs.getBigDecimal("value"), MeasurementBasis.valueOf(rs.getString("basis")), rs.getString("note"))).list();
        List<MonthlyValue> ordered = new ArrayList<>(values);
        ordered.sort(java.util.Comparator.comparing(MonthlyValue::parameter).thenComparing(v -> v.fuel() == null ? "" : v.fuel().name()));
        List<AttachedEvidence> evidence = jdbc.sql("""
                select upload_id, sha256, file_name, evidence_kind, fuel, size_bytes, attached_at, attached_by
                from mrv.deposit_evidence where deposit_id = ? order by attached_at, file_name""")
                .param(d.id()).query((rs, n) -> new AttachedEvidence(rs.getObject("upload_id", UUID.class), rs.getString("sha256"),
                        rs.getString("file_name"), EvidenceKind.valueOf(rs.getString("evidence_kind")), fuel(rs.getString("fuel")),
                        rs.getLong("size_bytes"), rs.getTimestamp("attached_at").toInstant(), rs.getString("attached_by"))).list();
        return new Deposit(d.id(), d.emitter(), d.emitterName(), d.region(), d.unitId(), d.unitCode(), d.month(), d.depositVersion(),
                d.replaces(), d.status(), d.channel(), d.sampleId(), d.samplePlace(), d.findings(), d.contentSha256(), d.logIndex(),
                d.submittedAt(), d.submittedBy(), d.version(), List.copyOf(ordered), evidence);
    }

    private static final String SELECT = """
            select id, emitter_uscc, emitter_name, region_code, unit_id, unit_code, month, deposit_version, replaces, status, channel,
                   sample_id, sample_place, findings, content_sha256, log_index, submitted_at, submitted_by, version
            from mrv.deposit""";

    private Deposit map(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        long logIndex = rs.getLong("log_index");
        Long index = rs.wasNull() ? null : logIndex;
        return new Deposit(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("deposit_version"), rs.getObject("replaces", UUID.class),
                DepositStatus.valueOf(rs.getString("status")), Deposit.Channel.valueOf(rs.getString("channel")), rs.getString("sample_id"),
                rs.getString("sample_place"), json.readValue(rs.getString("findings"), FINDINGS), rs.getString("content_sha256"), index,
                submitted == null ? null : submitted.toInstant(), rs.getString("submitted_by"), rs.getInt("version"),
                List.of(), List.of());
    }

    static Fuel fuel(String text) {
        return text == null || text.isEmpty() ? null : Fuel.valueOf(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
