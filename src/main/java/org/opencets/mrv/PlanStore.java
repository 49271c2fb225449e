package org.opencets.mrv;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for QC plan versions and their items. */
@Repository
class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewPlan(UUID id, Uscc emitter, String emitterName, RegionCode region, UUID unitId, String unitCode, int year, int planVersion,
            UUID replaces, String revisionReason, String createdBy) {
    }

    void insert(NewPlan p) {
        jdbc.sql("""
                insert into mrv.qc_plan (id, emitter_uscc, emitter_name, region_code, unit_id, unit_code, plan_year, plan_version, replaces,
                  revision_reason, status, created_by) values (?,?,?,?,?,?,?,?,?,?,'DRAFT',?)""")
                .params(p.id(), p.emitter().value(), p.emitterName(), p.region().value(), p.unitId(), p.unitCode(), p.year(), p.planVersion(),
                        p.replaces(), p.revisionReason(), p.createdBy())
                .update();
    }

    Optional<QcPlan> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(PlanStore::map).optional().map(this::withItems);
    }

    /** The version in force: the approved one (there is at most one; a revision's approval supersedes it). */
    Optional<QcPlan> inForce(UUID unitId, int year) {
        return jdbc.sql(SELECT + " where unit_id = ? and plan_year = ? and status = 'APPROVED'").params(unitId, year)
                .query(PlanStore::map).optional().map(this::withItems);
    }

    Optional<QcPlan> open(UUID unitId, int year) {
        return jdbc.sql(SELECT + " where unit_id = ? and plan_year = ? and status in ('DRAFT','SUBMITTED','RETURNED','DISTRICT_APPROVED')")
                .params(unitId, year).query(PlanStore::map).optional().map(this::withItems);
    }

    List<QcPlan> versions(UUID unitId, int year) {
        return jdbc.sql(SELECT + " where unit_id = ? and plan_year = ? order by plan_version desc").params(unitId, year)
                .query(PlanStore::map).list().stream().map(this::withItems).toList();
    }

    List<QcPlan> ofEmitter(Uscc emitter, int year) {
        return jdbc.sql(SELECT + " where emitter_uscc = ? and plan_year = ? order by unit_code, plan_version desc")
                .params(emitter.value(), year).query(PlanStore::map).list();
    }

    List<QcPlan> inStatus(String regionPrefix, PlanStatus status) {
        return jdbc.sql(SELECT + " where region_code like ? and status = ? order by plan_year, emitter_name, unit_code")
                .params(regionPrefix + "%", status.name()).query(PlanStore::map).list();
    }

    int nextVersion(UUID unitId, int year) {
        return jdbc.sql("select coalesce(max(plan_version), 0) + 1 from mrv.qc_plan where unit_id = ? and plan_year = ?")
                .params(unitId, year).query(Integer.class).single();
    }

    void replaceItems(UUID planId, List<QcPlanItem> items) {
        jdbc.sql("delete from mrv.qc_plan_item where plan_id = ?").param(planId).update();
        for (QcPlanItem i : items) {
            jdbc.sql("""
                    insert into mrv.qc_plan_item (plan_id, parameter, fuel, basis, method, instrument, calibration, lab, frequency, default_value)
                    values (?,?,?,?,?,?,?,?,?,?)""")
                    .params(planId, i.parameter().name(), i.fuel() == null ? "" : i.fuel().name(), i.basis().name(), i.method(),
                            i.instrument(), i.calibration(), i.lab(), i.frequency(), i.defaultValue())
                    .update();
        }
    }

    boolean moveStatus(UUID id, int expectedVersion, PlanStatus from, PlanStatus to) {
        return jdbc.sql("update mrv.qc_plan set status = ?, version = version + 1 where id = ? and version = ? and status = ?")
                .params(to.name(), id, expectedVersion, from.name()).update() == 1;
    }

    boolean touch(UUID id, int expectedVersion) {
        return jdbc.sql("update mrv.qc_plan set version = version + 1 where id = ? and version = ?").params(id, expectedVersion).update() == 1;
    }

    void supersede(UUID id) {
        jdbc.sql("update mrv.qc_plan set status = 'SUPERSEDED', version = version + 1 where id = ? and status = 'APPROVED'").param(id).update();
    }

    private QcPlan withItems(QcPlan p) {
        List<QcPlanItem> items = jdbc.sql("""
                select parameter, fuel, basis, method, instrument, calibration, lab, frequency, default_value from mrv.qc_plan_item
                where plan_id = ?""").param(p.id())
                .query((rs, n) -> new QcPlanItem(Parameter.valueOf(rs.getString("parameter")), DepositStore.fuel(rs.getString("fuel")),
                        MeasurementBasis.valueOf(rs.getString("basis")), rs.getString("method"), rs.getString("instrument"),
                        rs.getString("calibration"), rs.getString("lab"), rs.getString("frequency"), rs.getBigDecimal("default_value")))
                .list().stream()
                .sorted(java.util.Comparator.comparing(QcPlanItem::parameter).thenComparing(i -> i.fuel() == null ? "" : i.fuel().name()))
                .toList();
        return new QcPlan(p.id(), p.emitter(), p.emitterName(), p.region(), p.unitId(), p.unitCode(), p.year(), p.planVersion(), p.replaces(),
                p.revisionReason(), p.status(), p.version(), p.createdAt(), p.createdBy(), items);
    }

    private static final String SELECT = """
            select id, emitter_uscc, emitter_name, region_code, unit_id, unit_code, plan_year, plan_version, replaces, revision_reason,
                   status, version, created_at, created_by from mrv.qc_plan""";

    private static QcPlan map(ResultSet rs, int row) throws SQLException {
        return new QcPlan(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                rs.getInt("plan_year"), rs.getInt("plan_version"), rs.getObject("replaces", UUID.class), rs.getString("revision_reason"),
                PlanStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), List.of());
    }
}
