package org.opencets.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencets.directory.UnitCategory;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Revisions of the verified data; the latest revision of an emitter and year is the one in use. */
@Repository
class BasisStore {

    private static final String SELECT = "select * from allocation.basis b";
    private final JdbcClient jdbc;

    BasisStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextRevision(Uscc emitter, int year) {
        return jdbc.sql("select coalesce(max(revision), 0) + 1 from allocation.basis where emitter_uscc = ? and data_year = ?")
                .params(emitter.value(), year).query(Integer.class).single();
    }

    void insert(VerifiedBasis b) {
        jdbc.sql("""
                insert into allocation.basis (id, emitter_uscc, emitter_name, region_code, data_year, revision, source, reference, verified_total,
                  verified_compliance, recorded_by, recorded_at) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(b.id(), b.emitter().value(), b.emitterName(), b.region().value(), b.year(), b.revision(), b.source().name(), b.reference(),
                        b.verifiedTotal(), b.verifiedCompliance(), b.recordedBy(), Timestamp.from(b.recordedAt())).update();
        for (VerifiedBasis.Unit u : b.units()) {
            jdbc.sql("""
                    insert into allocation.basis_unit (basis_id, unit_code, category, rated_capacity_mw, generation_mwh, heat_gj, operating_hours, emissions)
                    values (?,?,?,?,?,?,?,?)""").params(b.id(), u.unit(), u.category() == null ? null : u.category().name(), u.ratedCapacityMw(),
                    u.generationMwh(), u.heatGj(), u.operatingHours(), u.emissions()).update();
        }
    }

    Optional<VerifiedBasis> latest(Uscc emitter, int year) {
        return jdbc.sql(SELECT + " where emitter_uscc = ? and data_year = ? order by revision desc limit 1").params(emitter.value(), year)
                .query(this::map).optional().map(this::withUnits);
    }

    Optional<VerifiedBasis> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional().map(this::withUnits);
    }

    /** The latest revision of every emitter of the region with data for the year, units included. */
    Map<Uscc, VerifiedBasis> latestOfYear(int year, String regionPrefix) {
        List<VerifiedBasis> rows = jdbc.sql("""
                select distinct on (emitter_uscc) * from allocation.basis where data_year = ? and region_code like ?
                order by emitter_uscc, revision desc""").params(year, regionPrefix + "%").query(this::map).list();
        Map<UUID, List<VerifiedBasis.Unit>> units = unitsOf(rows.stream().map(VerifiedBasis::id).toList());
        return rows.stream().map(b -> withUnits(b, units.getOrDefault(b.id(), List.of())))
                .collect(Collectors.toMap(VerifiedBasis::emitter, b -> b, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    List<VerifiedBasis> revisions(Uscc emitter, int year) {
        return jdbc.sql(SELECT + " where emitter_uscc = ? and data_year = ? order by revision").params(emitter.value(), year).query(this::map).list();
    }

    private Map<UUID, List<VerifiedBasis.Unit>> unitsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from allocation.basis_unit where basis_id = any(?) order by unit_code").param(ids.toArray(new UUID[0]))
                .query((rs, n) -> Map.entry(rs.getObject("basis_id", UUID.class), unit(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private VerifiedBasis withUnits(VerifiedBasis b) {
        return withUnits(b, jdbc.sql("select * from allocation.basis_unit where basis_id = ? order by unit_code").param(b.id())
                .query((rs, n) -> unit(rs)).list());
    }

    private static VerifiedBasis withUnits(VerifiedBasis b, List<VerifiedBasis.Unit> units) {
        return new VerifiedBasis(b.id(), b.emitter(), b.emitterName(), b.region(), b.year(), b.revision(), b.source(), b.reference(), b.verifiedTotal(),
                b.verifiedCompliance(), units, b.recordedBy(), b.recordedAt());
    }

    private static VerifiedBasis.Unit unit(ResultSet rs) throws SQLException {
        String category = rs.getString("category");
        return new VerifiedBasis.Unit(rs.getString("unit_code"), category == null ? null : UnitCategory.valueOf(category),
                rs.getBigDecimal("rated_capacity_mw"), rs.getBigDecimal("generation_mwh"), rs.getBigDecimal("heat_gj"), rs.getBigDecimal("operating_hours"),
                rs.getBigDecimal("emissions"));
    }

    private VerifiedBasis map(ResultSet rs, int n) throws SQLException {
        return new VerifiedBasis(rs.getObject("id", UUID.class), Uscc.of(rs.getString("emitter_uscc")), rs.getString("emitter_name"),
                RegionCode.of(rs.getString("region_code")), rs.getInt("data_year"), rs.getInt("revision"),
                VerifiedBasis.Source.valueOf(rs.getString("source")), rs.getString("reference"), rs.getBigDecimal("verified_total"),
                rs.getBigDecimal("verified_compliance"), List.of(), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
