package org.opencets.mrv;

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
import org.opencets.accounting.StreamKind;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for annual reports, their attachments, source streams and product outputs. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewReport(UUID id, Uscc emitter, String emitterName, RegionCode region, Sector sector, int year, int reportVersion, UUID replaces,
            String explanation, String createdBy) {
    }

    void insert(NewReport r) {
        jdbc.sql("""
                insert into mrv.annual_report (id, emitter_uscc, emitter_name, region_code, sector, data_year, report_version, replaces, status,
                  explanation, created_by) values (?,?,?,?,?,?,?,?,'DRAFT',?,?)""")
                .params(r.id(), r.emitter().value(), r.emitterName(), r.region().value(), r.sector().name(), r.year(), r.reportVersion(),
                        r.replaces(), r.explanation(), r.createdBy())
                .update();
    }

    Optional<AnnualReport> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional().map(this::withDetails);
    }

    /** The live version (a draft, one under review or the approved one), if any. */
    Optional<AnnualReport> live(Uscc emitter, int year) {
        return jdbc.sql(SELECT + " where emitter_uscc = ? and data_year = ? and status <> 'RETURNED'").params(emitter.value(), year)
                .query(this::map).optional().map(this::withDetails);
    }

    List<AnnualReport> versions(Uscc emitter, int year) {
        return jdbc.sql(SELECT + " where emitter_uscc = ? and data_year = ? order by report_version desc").params(emitter.value(), year)
                .query(this::map).list().stream().map(this::withDetails).toList();
    }

    int nextVersion(Uscc emitter, int year) {
        return jdbc.sql("select coalesce(max(report_version), 0) + 1 from mrv.annual_report where emitter_uscc = ? and data_year = ?")
                .params(emitter.value(), year).query(Integer.class).single();
    }

    List<AnnualReport> inStatus(String regionPrefix, ReportStatus status) {
        return jdbc.sql(SELECT + " where region_code like ? and status = ? order by submitted_at, emitter_name")
                .params(regionPrefix + "%", status.name()).query(this::map).list();
    }

    Optional<String> account(UUID id) {
        return jdbc.sql("select account::text from mrv.annual_report where id = ?").param(id).query(String.class).optional();
    }

    boolean saveExplanation(UUID id, int expectedVersion, String explanation) {
        return jdbc.sql("update mrv.annual_report set explanation = ?, version = version + 1 where id = ? and version = ? and status = 'DRAFT'")
                .params(explanation, id, expectedVersion).update() == 1;
    }

    boolean touch(UUID id, int expectedVersion) {
        return jdbc.sql("update mrv.annual_report set version = version + 1 where id = ? and version = ? and status = 'DRAFT'")
                .params(id, expectedVersion).update() == 1;
    }

    void replaceStreams(UUID id, List<StreamEntry> streams, Map<String, BigDecimal> products) {
        jdbc.sql("delete from mrv.report_stream where report_id = ?").param(id).update();
        jdbc.sql("delete from mrv.report_product where report_id = ?").param(id).update();
        for (int i = 0; i < streams.size(); i++) {
            StreamEntry s = streams.get(i);
            jdbc.sql("""
                    insert into mrv.report_stream (report_id, position, kind, name, fuel, activity, activity_unit, ncv, carbon_per_gj, oxidation_rate,
                      emission_factor, note) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(id, i + 1, s.kind().name(), s.name(), s.fuel(), s.activity(), s.activityUnit(), s.ncv(), s.carbonPerGj(),
                            s.oxidationRate(), s.emissionFactor(), s.note())
                    .update();
        }
        products.forEach((product, output) -> jdbc.sql("insert into mrv.report_product (report_id, product, output) values (?,?,?)")
                .params(id, product, output).update());
    }

    void attach(UUID id, ReportAttachment a) {
        jdbc.sql("""
                insert into mrv.report_attachment (report_id, upload_id, sha256, file_name, size_bytes, attached_at, attached_by)
                values (?,?,?,?,?,?,?) on conflict do nothing""")
                .params(id, a.uploadId(), a.sha256(), a.fileName(), a.sizeBytes(), Timestamp.from(a.attachedAt()), a.attachedBy()).update();
    }

    void detach(UUID id, UUID uploadId) {
        jdbc.sql("delete from mrv.report_attachment where report_id = ? and upload_id = ?").params(id, uploadId).update();
    }

    boolean markSubmitted(UUID id, int expectedVersion, String accountJson, String sha256, long logIndex, boolean late, Instant at, String by) {
        return jdbc.sql("""
                update mrv.annual_report set status = 'SUBMITTED', account = ?::jsonb, content_sha256 = ?, log_index = ?, late = ?, submitted_at = ?,
                  submitted_by = ?, version = version + 1 where id = ? and version = ? and status = 'DRAFT'""")
                .params(accountJson, sha256, logIndex, late, Timestamp.from(at), by, id, expectedVersion).update() == 1;
    }

    boolean moveStatus(UUID id, int expectedVersion, ReportStatus from, ReportStatus to) {
        return jdbc.sql("update mrv.annual_report set status = ?, version = version + 1 where id = ? and version = ? and status = ?")
                .params(to.name(), id, expectedVersion, from.name()).update() == 1;
    }

    void deleteDraft(UUID id) {
        jdbc.sql("delete from mrv.annual_report where id = ? and status = 'DRAFT'").param(id).update();
    }

    private AnnualReport withDetails(AnnualReport r) {
        List<ReportAttachment> attachments = jdbc.sql("""
                select upload_id, sha256, file_name, size_bytes, attached_at, attached_by from mrv.report_attachment where report_id = ?
                order by attached_at, file_name""").param(r.id())
                .query((rs, n) -> new ReportAttachment(rs.getObject("upload_id", UUID.class), rs.getString("sha256"), rs.getString("file_name"),
                        rs.getLong("size_bytes"), rs.getTimestamp("attached_at").toInstant(), rs.getString("attached_by"))).list();
        List<StreamEntry> streams = jdbc.sql("select * from mrv.report_stream where report_id = ? order by position").param(r.id())
                .query((rs, n) -> new StreamEntry(StreamKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("fuel"),
                        plain(rs.getBigDecimal("activity")), rs.getString("activity_unit"), plain(rs.getBigDecimal("ncv")),
                        plain(rs.getBigDecimal("carbon_per_gj")), plain(rs.getBigDecimal("oxidation_rate")), plain(rs.getBigDecimal("emission_factor")),
                        rs.getString("note"))).list();
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        jdbc.sql("select product, output from mrv.report_product where report_id = ? order by product").param(r.id())
                .query((rs, n) -> products.put(rs.getString("product"), plain(rs.getBigDecimal("output")))).list();
        return new AnnualReport(r.id(), r.emitter(), r.emitterName(), r.region(), r.sector(), r.year(), r.reportVersion(), r.replaces(), r.status(),
                r.explanation(), r.late(), r.contentSha256(), r.logIndex(), r.submittedAt(), r.submittedBy(), r.version(), attachments, streams,
                products);
    }

    /** The value as entered: NUMERIC(20,6) columns give 128650.000000 back; the report shows 128650. */
    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static final String SELECT = """
            select id, emitter_uscc, emitter_name, region_code, sector, data_year, report_version, replaces, status, explanation, late,
                   content_sha256, log_index, submitted_at, submitted_by, version from mrv.annual_report""";

    private AnnualReport map(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        long logIndex = rs.getLong("log_index");
        Long index = rs.wasNull() ? null : logIndex;
        return new AnnualReport(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), Sector.valueOf(rs.getString("sector")), rs.getInt("data_year"),
                rs.getInt("report_version"), rs.getObject("replaces", UUID.class), ReportStatus.valueOf(rs.getString("status")),
                rs.getString("explanation"), rs.getBoolean("late"), rs.getString("content_sha256"), index,
                submitted == null ? null : submitted.toInstant(), rs.getString("submitted_by"), rs.getInt("version"), List.of(), List.of(), Map.of());
    }
}
