package org.opencets.directory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.identity.Jurisdiction;
import org.opencets.shared.IndustryCode;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for key emitters, facilities and units. Jurisdiction filters are applied in SQL. */
@Repository
class EmitterStore {

    private final JdbcClient jdbc;

    EmitterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String text, String regionPrefix, String sector, String status) {
    }

    List<KeyEmitter> search(Jurisdiction jurisdiction, Filter filter, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(jurisdiction, filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " order by region_code, name limit ? offset ?").params(params).query(EmitterStore::map).list();
    }

    long count(Jurisdiction jurisdiction, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(jurisdiction, filter, params);
        return jdbc.sql("select count(*) from directory.key_emitter" + where).params(params).query(Long.class).single();
    }

    private static String where(Jurisdiction jurisdiction, Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where true");
        switch (jurisdiction) {
            case Jurisdiction.Nationwide n -> { }
            case Jurisdiction.WithinRegion w -> {
                sql.append(" and region_code like ?");
                params.add(w.region().prefix() + "%");
            }
            case Jurisdiction.OwnEmitter own -> {
                sql.append(" and uscc = ?");
                params.add(own.uscc().value());
            }
            case Jurisdiction.NoEmitters none -> sql.append(" and false");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (name ilike ? or uscc ilike ?)");
            params.add("%" + filter.text().strip() + "%");
            params.add("%" + filter.text().strip() + "%");
        }
        if (filter.regionPrefix() != null && !filter.regionPrefix().isBlank()) {
            sql.append(" and region_code like ?");
            params.add(filter.regionPrefix().strip() + "%");
        }
        if (filter.sector() != null && !filter.sector().isBlank()) {
            sql.append(" and sector = ?");
            params.add(filter.sector());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            sql.append(" and status = ?");
            params.add(filter.status());
        }
        return sql.toString();
    }

    Optional<KeyEmitter> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(EmitterStore::map).optional();
    }

    Optional<KeyEmitter> findByUscc(Uscc uscc) {
        return jdbc.sql(SELECT + " where uscc = ?").param(uscc.value()).query(EmitterStore::map).optional();
    }

    List<KeyEmitter> inRegion(RegionCode region) {
        return jdbc.sql(SELECT + " where region_code like ? order by name").param(region.prefix() + "%").query(EmitterStore::map).list();
    }

    void insert(UUID id, EmitterRules.ValidEmitter e) {
        jdbc.sql("""
                insert into directory.key_emitter (id, uscc, name, region_code, industry_code, sector, status, address,
                  legal_representative, contact_name, contact_phone, contact_email)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, e.uscc().value(), e.name(), e.region().value(), e.industry().code(), e.industry().sector().name(),
                        e.status().name(), e.address(), e.legalRepresentative(), e.contactName(), e.contactPhone(), e.contactEmail())
                .update();
    }

    /** Returns false when the version no longer matches (someone else saved first). */
    boolean update(UUID id, int expectedVersion, EmitterRules.ValidEmitter e) {
        return jdbc.sql("""
                update directory.key_emitter set uscc = ?, name = ?, region_code = ?, industry_code = ?, sector = ?, status = ?,
                  address = ?, legal_representative = ?, contact_name = ?, contact_phone = ?, contact_email = ?,
                  updated_at = now(), version = version + 1
                where id = ? and version = ?""")
                .params(e.uscc().value(), e.name(), e.region().value(), e.industry().code(), e.industry().sector().name(),
                        e.status().name(), e.address(), e.legalRepresentative(), e.contactName(), e.contactPhone(), e.contactEmail(),
                        id, expectedVersion)
                .update() == 1;
    }

    List<Facility> facilities(UUID emitterId) {
        return jdbc.sql("select id, emitter_id, name, address from directory.facility where emitter_id = ? order by name")
                .param(emitterId)
                .query((rs, n) -> new Facility(rs.getObject("id", UUID.class), rs.getObject("emitter_id", UUID.class),
                        rs.getString("name"), rs.getString("address")))
                .list();
    }

    UUID facilityId(UUID emitterId, String name) {
        return jdbc.sql("select id from directory.facility where emitter_id = ? and name = ?").params(emitterId, name)
                .query(UUID.class).optional()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into directory.facility (id, emitter_id, name) values (?, ?, ?)").params(id, emitterId, name).update();
                    return id;
                });
    }

    List<KeyEmitter> inSector(String industryPrefix) {
        return jdbc.sql(SELECT + " where industry_code like ? order by region_code, name").param(industryPrefix + "%")
                .query(EmitterStore::map).list();
    }

    List<GeneratingUnit> units(UUID emitterId) {
        return jdbc.sql(UNIT_SELECT + " where u.emitter_id = ? order by f.name, u.unit_code").param(emitterId).query(EmitterStore::mapUnit).list();
    }

    Optional<GeneratingUnit> unit(UUID unitId) {
        return jdbc.sql(UNIT_SELECT + " where u.id = ?").param(unitId).query(EmitterStore::mapUnit).optional();
    }

    boolean unitCodeTaken(UUID emitterId, String unitCode, UUID exceptUnit) {
        return jdbc.sql("select count(*) from directory.generating_unit where emitter_id = ? and unit_code = ? and id <> ?")
                .params(emitterId, unitCode, exceptUnit == null ? new UUID(0, 0) : exceptUnit).query(Long.class).single() > 0;
    }

    void insertUnit(UUID id, UUID emitterId, UUID facilityId, EmitterRules.ValidUnit u) {
        jdbc.sql("""
                insert into directory.generating_unit (id, facility_id, emitter_id, unit_code, rated_capacity_mw, category, fuels,
                  cooling_type, commissioning_date, shutdown_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, facilityId, emitterId, u.unitCode(), u.ratedCapacityMw(), u.category().name(), fuelsText(u.fuels()),
                        u.coolingType().name(), Date.valueOf(u.commissioningDate()),
                        u.shutdownDate() == null ? null : Date.valueOf(u.shutdownDate()))
                .update();
    }

    boolean updateUnit(UUID id, int expectedVersion, UUID facilityId, EmitterRules.ValidUnit u) {
        return jdbc.sql("""
                update directory.generating_unit set facility_id = ?, unit_code = ?, rated_capacity_mw = ?, category = ?, fuels = ?,
                  cooling_type = ?, commissioning_date = ?, shutdown_date = ?, version = version + 1
                where id = ? and version = ?""")
                .params(facilityId, u.unitCode(), u.ratedCapacityMw(), u.category().name(), fuelsText(u.fuels()),
                        u.coolingType().name(), Date.valueOf(u.commissioningDate()),
                        u.shutdownDate() == null ? null : Date.valueOf(u.shutdownDate()), id, expectedVersion)
                .update() == 1;
    }

    Map<Integer, Long> emissions(UUID emitterId) {
        Map<Integer, Long> byYear = new LinkedHashMap<>();
        jdbc.sql("select year, tco2e from directory.annual_emissions where emitter_id = ? order by year").param(emitterId)
                .query((rs, n) -> byYear.put(rs.getInt("year"), rs.getLong("tco2e"))).list();
        return byYear;
    }

    void recordEmissions(UUID emitterId, int year, long tco2e, String source) {
        jdbc.sql("""
                insert into directory.annual_emissions (emitter_id, year, tco2e, source) values (?, ?, ?, ?)
                on conflict (emitter_id, year) do update set tco2e = excluded.tco2e, source = excluded.source""")
                .params(emitterId, year, tco2e, source).update();
    }

    static Map<String, Object> snapshot(KeyEmitter e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", e.uscc().value());
        m.put("name", e.name());
        m.put("regionCode", e.region().value());
        m.put("industryCode", e.industry().code());
        m.put("status", e.status().name());
        m.put("address", e.address());
        m.put("legalRepresentative", e.legalRepresentative());
        m.put("contactName", e.contactName());
        m.put("contactPhone", e.contactPhone());
        m.put("contactEmail", e.contactEmail());
        return m;
    }

    static Map<String, Object> snapshot(GeneratingUnit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facilityName", u.facilityName());
        m.put("unitCode", u.unitCode());
        m.put("ratedCapacityMw", u.ratedCapacityMw().toPlainString());
        m.put("category", u.category().name());
        m.put("fuels", fuelsText(u.fuels()));
        m.put("coolingType", u.coolingType().name());
        m.put("commissioningDate", u.commissioningDate().toString());
        m.put("shutdownDate", u.shutdownDate() == null ? null : u.shutdownDate().toString());
        return m;
    }

    private static String fuelsText(List<Fuel> fuels) {
        return String.join(";", fuels.stream().map(Enum::name).toList());
    }

    private static final String SELECT = """
            select id, uscc, name, region_code, industry_code, status, address, legal_representative, contact_name,
                   contact_phone, contact_email, version from directory.key_emitter""";

    private static final String UNIT_SELECT = """
            select u.id, u.emitter_id, u.facility_id, f.name as facility_name, u.unit_code, u.rated_capacity_mw, u.category,
                   u.fuels, u.cooling_type, u.commissioning_date, u.shutdown_date, u.version
            from directory.generating_unit u join directory.facility f on f.id = u.facility_id""";

    private static KeyEmitter map(ResultSet rs, int row) throws SQLException {
        return new KeyEmitter(rs.getObject("id", UUID.class), Uscc.of(rs.getString("uscc")), rs.getString("name"),
                RegionCode.of(rs.getString("region_code")), IndustryCode.of(rs.getString("industry_code")),
                EmitterStatus.valueOf(rs.getString("status")), rs.getString("address"), rs.getString("legal_representative"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"), rs.getInt("version"));
    }

    private static GeneratingUnit mapUnit(ResultSet rs, int row) throws SQLException {
        Date shutdown = rs.getDate("shutdown_date");
        return new GeneratingUnit(rs.getObject("id", UUID.class), rs.getObject("emitter_id", UUID.class),
                rs.getObject("facility_id", UUID.class), rs.getString("facility_name"), rs.getString("unit_code"),
                rs.getBigDecimal("rated_capacity_mw"), UnitCategory.valueOf(rs.getString("category")),
                Arrays.stream(rs.getString("fuels").split(";")).map(Fuel::valueOf).toList(),
                CoolingType.valueOf(rs.getString("cooling_type")), rs.getDate("commissioning_date").toLocalDate(),
                shutdown == null ? null : shutdown.toLocalDate(), rs.getInt("version"));
    }
}
