package org.opencets.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.allocation.SpecialCaseKind;
import org.opencets.shared.Vintage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the compliance schema (V18). */
@Repository
class ComplianceStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ComplianceStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- obligations

    /** Records the obligation unless a later revision of the decision is already recorded. */
    void recordObligation(Obligation o, UUID decisionId, Instant at) {
        jdbc.sql("""
                insert into compliance.obligation (emitter_uscc, year, emitter_name, region_code, tonnes, special_case, decision_id, revision, recorded_at)
                values (?,?,?,?,?,?,?,?,?)
                on conflict (emitter_uscc, year) do update set emitter_name = excluded.emitter_name, region_code = excluded.region_code,
                    tonnes = excluded.tonnes, special_case = excluded.special_case, decision_id = excluded.decision_id, revision = excluded.revision,
                    recorded_at = excluded.recorded_at
                where compliance.obligation.revision <= excluded.revision""")
                .params(o.emitter(), o.year(), o.emitterName(), o.regionCode(), o.tonnes(), o.specialCase() == null ? null : o.specialCase().name(),
                        decisionId, o.revision(), Timestamp.from(at))
                .update();
    }

    Optional<Obligation> obligation(String emitter, int year) {
        return jdbc.sql("select * from compliance.obligation where emitter_uscc = ? and year = ?").params(emitter, year).query(ComplianceStore::obligation)
                .optional();
    }

    List<Obligation> obligations(int year, String regionPrefix) {
        return jdbc.sql("select * from compliance.obligation where year = ? and region_code like ? order by region_code, emitter_name")
                .params(year, regionPrefix + "%").query(ComplianceStore::obligation).list();
    }

    List<Integer> years() {
        return jdbc.sql("select distinct year from compliance.obligation order by year desc").query(Integer.class).list();
    }

    private static Obligation obligation(ResultSet rs, int n) throws SQLException {
        String special = rs.getString("special_case");
        return new Obligation(rs.getString("emitter_uscc"), rs.getString("emitter_name"), rs.getString("region_code"), rs.getInt("year"),
                rs.getLong("tonnes"), special == null ? null : SpecialCaseKind.valueOf(special), rs.getInt("revision"));
    }

    // ---- requests

    /** Claims the emitter's one open request for the year; false if another is under review. */
    boolean insertRequest(UUID id, Obligation o, boolean late, SurrenderRequest.Contact contact, Instant at) {
        try {
            return jdbc.sql("""
                    insert into compliance.surrender_request (id, emitter_uscc, emitter_name, region_code, year, status, revision, late,
                        contact_name, contact_phone, contact_email, created_at, updated_at)
                    values (?,?,?,?,?, 'SUBMITTED', 1, ?,?,?,?,?,?) on conflict (id) do nothing""")
                    .params(id, o.emitter(), o.emitterName(), o.regionCode(), o.year(), late, contact.name(), contact.phone(), contact.email(),
                            Timestamp.from(at), Timestamp.from(at))
                    .update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /** Reopens a rejected request as its next revision; false if it changed meanwhile or another request is open. */
    boolean reopen(UUID id, int expectedVersion, boolean late, SurrenderRequest.Contact contact, Instant at) {
        try {
            return jdbc.sql("""
                    update compliance.surrender_request set status = 'SUBMITTED', revision = revision + 1, late = ?, contact_name = ?, contact_phone = ?,
                        contact_email = ?, updated_at = ?, version = version + 1
                    where id = ? and status = 'REJECTED' and version = ?""")
                    .params(late, contact.name(), contact.phone(), contact.email(), Timestamp.from(at), id, expectedVersion).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    void insertRevision(UUID request, int revision, UUID operation, SurrenderAsk ask, String by, Instant at) {
        jdbc.sql("""
                insert into compliance.request_revision (request_id, revision, operation_id, content, submitted_at, submitted_by)
                values (?,?,?, cast(? as jsonb), ?, ?) on conflict (request_id, revision) do nothing""")
                .params(request, revision, operation, json.writeValueAsString(content(ask)), Timestamp.from(at), by).update();
    }

    void setDeficiencies(UUID request, int revision, List<String> deficiencies) {
        jdbc.sql("update compliance.request_revision set deficiencies = cast(? as jsonb) where request_id = ? and revision = ? and outcome is null")
                .params(json.writeValueAsString(deficiencies), request, revision).update();
    }

    /** Records the registry's decision on a revision once, and moves the request on if that revision is its current one. */
    boolean decide(UUID operation, boolean approved, String by, Instant at) {
        List<Map<String, Object>> rows = jdbc.sql("""
                update compliance.request_revision set outcome = ?, decided_by = ?, decided_at = ? where operation_id = ? and outcome is null
                returning request_id, revision""")
                .params(approved ? "APPROVED" : "REJECTED", by, Timestamp.from(at), operation).query().listOfRows();
        for (Map<String, Object> r : rows) {
            jdbc.sql("""
                    update compliance.surrender_request set status = ?, updated_at = ?, version = version + 1
                    where id = ? and revision = ? and status = 'SUBMITTED'""")
                    .params(approved ? "APPROVED" : "REJECTED", Timestamp.from(at), r.get("request_id"), r.get("revision")).update();
        }
        return !rows.isEmpty();
    }

    Optional<SurrenderRequest> request(UUID id) {
        return requests("r.id = ?", id).stream().findFirst();
    }

    List<SurrenderRequest> requests(String condition, Object... params) {
        List<Map<String, Object>> heads = jdbc.sql("select r.* from compliance.surrender_request r where " + condition + " order by r.updated_at desc")
                .params(params).query().listOfRows();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SurrenderRequest.Revision>> revisions = new LinkedHashMap<>();
        List<UUID> ids = heads.stream().map(h -> (UUID) h.get("id")).toList();
        jdbc.sql("select * from compliance.request_revision where request_id = any(?) order by revision")
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    revisions.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>()).add(revision(rs));
                });
        List<SurrenderRequest> out = new ArrayList<>();
        for (Map<String, Object> h : heads) {
            UUID id = (UUID) h.get("id");
            out.add(new SurrenderRequest(id, (String) h.get("emitter_uscc"), (String) h.get("emitter_name"), (String) h.get("region_code"),
                    (Integer) h.get("year"), SurrenderRequest.Status.valueOf((String) h.get("status")), (Integer) h.get("revision"), (Boolean) h.get("late"),
                    new SurrenderRequest.Contact((String) h.get("contact_name"), (String) h.get("contact_phone"), (String) h.get("contact_email")),
                    ((Timestamp) h.get("created_at")).toInstant(), ((Timestamp) h.get("updated_at")).toInstant(), (Integer) h.get("version"),
                    revisions.getOrDefault(id, List.of())));
        }
        return out;
    }

    void deleteRequest(UUID id) {
        jdbc.sql("delete from compliance.request_revision where request_id = ?").param(id).update();
        jdbc.sql("delete from compliance.surrender_request where id = ?").param(id).update();
    }

    void undoReopen(UUID id, int revision) {
        jdbc.sql("delete from compliance.request_revision where request_id = ? and revision = ?").params(id, revision).update();
        jdbc.sql("update compliance.surrender_request set status = 'REJECTED', revision = revision - 1, version = version + 1 where id = ? and revision = ?")
                .params(id, revision).update();
    }

    private SurrenderRequest.Revision revision(ResultSet rs) throws SQLException {
        Map<String, Object> c = json.readValue(rs.getString("content"), new TypeReference<Map<String, Object>>() { });
        List<SurrenderAsk.AllowancePick> allowances = new ArrayList<>();
        for (Object o : (List<?>) c.getOrDefault("allowances", List.of())) {
            Map<?, ?> m = (Map<?, ?>) o;
            allowances.add(new SurrenderAsk.AllowancePick(Vintage.parse((String) m.get("vintage")), ((Number) m.get("quantity")).longValue(),
                    Boolean.TRUE.equals(m.get("borrowed"))));
        }
        List<SurrenderAsk.OffsetPick> offsets = new ArrayList<>();
        for (Object o : (List<?>) c.getOrDefault("offsets", List.of())) {
            Map<?, ?> m = (Map<?, ?>) o;
            offsets.add(new SurrenderAsk.OffsetPick(UUID.fromString((String) m.get("offsetId")), ((Number) m.get("quantity")).longValue()));
        }
        String deficiencies = rs.getString("deficiencies");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new SurrenderRequest.Revision(rs.getInt("revision"), rs.getObject("operation_id", UUID.class), new SurrenderAsk(allowances, offsets),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"), rs.getString("outcome"),
                deficiencies == null ? List.of() : json.readValue(deficiencies, new TypeReference<List<String>>() { }), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }

    private static Map<String, Object> content(SurrenderAsk ask) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("allowances", ask.allowances().stream().map(a -> Map.of("vintage", a.vintage().toString(), "quantity", a.quantity(), "borrowed", a.borrowed()))
                .toList());
        c.put("offsets", ask.offsets().stream().map(o -> Map.of("offsetId", o.offsetId().toString(), "quantity", o.quantity())).toList());
        return c;
    }

    // ---- forced compliance

    record Forced(UUID id, String emitter, String emitterName, String regionCode, int year, String plan, String entrustedBy, Instant entrustedAt,
            Instant startedAt, String executedBy, Instant executedAt, Long shortfall) {
    }

    boolean entrust(UUID id, Obligation o, String plan, String by, Instant at) {
        return jdbc.sql("""
                insert into compliance.forced_compliance (id, emitter_uscc, emitter_name, region_code, year, plan, entrusted_by, entrusted_at)
                values (?,?,?,?,?, cast(? as jsonb), ?, ?) on conflict (emitter_uscc, year) do nothing""")
                .params(id, o.emitter(), o.emitterName(), o.regionCode(), o.year(), plan, by, Timestamp.from(at)).update() == 1;
    }

    /** Fixes the plan an execution carries out (the first attempt's); false if an earlier attempt already did. */
    boolean start(UUID id, String plan, Instant at) {
        return jdbc.sql("update compliance.forced_compliance set plan = cast(? as jsonb), started_at = ? where id = ? and started_at is null")
                .params(plan, Timestamp.from(at), id).update() == 1;
    }

    boolean executed(UUID id, String plan, String by, Instant at, long shortfall) {
        return jdbc.sql("""
                update compliance.forced_compliance set plan = cast(? as jsonb), executed_by = ?, executed_at = ?, shortfall = ?
                where id = ? and executed_at is null""")
                .params(plan, by, Timestamp.from(at), shortfall, id).update() == 1;
    }

    Optional<Forced> forced(UUID id) {
        return forcedWhere("id = ?", id).stream().findFirst();
    }

    List<Forced> forcedWhere(String condition, Object... params) {
        return jdbc.sql("select * from compliance.forced_compliance where " + condition + " order by entrusted_at").params(params)
                .query((rs, n) -> new Forced(rs.getObject("id", UUID.class), rs.getString("emitter_uscc"), rs.getString("emitter_name"),
                        rs.getString("region_code"), rs.getInt("year"), rs.getString("plan"), rs.getString("entrusted_by"),
                        rs.getTimestamp("entrusted_at").toInstant(),
                        rs.getTimestamp("started_at") == null ? null : rs.getTimestamp("started_at").toInstant(), rs.getString("executed_by"),
                        rs.getTimestamp("executed_at") == null ? null : rs.getTimestamp("executed_at").toInstant(),
                        rs.getObject("shortfall") == null ? null : rs.getLong("shortfall")))
                .list();
    }
}
