package org.opencets.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
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

/** Firms, their verifiers and their engagements. */
@Repository
class FirmStore {

    private final JdbcClient jdbc;

    FirmStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertFirm(UUID organisationId, Uscc uscc, String name, RegionCode region, String by) {
        jdbc.sql("""
                insert into verification.firm (organisation_id, uscc, name, region_code, updated_by) values (?,?,?,?,?)
                on conflict (organisation_id) do nothing""").params(organisationId, uscc.value(), name, region.value(), by).update();
    }

    boolean updateFirm(UUID id, int expectedVersion, String qualification, Set<Sector> sectors, boolean active, String by) {
        return jdbc.sql("""
                update verification.firm set qualification = ?, sectors = ?, active = ?, version = version + 1, updated_at = now(), updated_by = ?
                where organisation_id = ? and version = ?""").params(qualification, csv(sectors), active, by, id, expectedVersion).update() == 1;
    }

    List<Firm> firms() {
        return jdbc.sql("select * from verification.firm order by name").query(FirmStore::firm).list();
    }

    Optional<Firm> firm(UUID id) {
        return jdbc.sql("select * from verification.firm where organisation_id = ?").param(id).query(FirmStore::firm).optional();
    }

    void insertVerifier(Verifier v, String by) {
        jdbc.sql("""
                insert into verification.verifier (id, firm_id, name, credential_number, credential_until, sectors, active, created_by)
                values (?,?,?,?,?,?,?,?)""").params(v.id(), v.firmId(), v.name(), v.credentialNumber(), v.credentialUntil(), csv(v.sectors()),
                v.active(), by).update();
    }

    boolean setVerifierActive(UUID firmId, UUID verifierId, boolean active) {
        return jdbc.sql("update verification.verifier set active = ? where id = ? and firm_id = ?").params(active, verifierId, firmId).update() == 1;
    }

    List<Verifier> verifiers(UUID firmId) {
        return jdbc.sql("select * from verification.verifier where firm_id = ? order by name").param(firmId).query(FirmStore::verifier).list();
    }

    void insertEngagement(Engagement e) {
        jdbc.sql("""
                insert into verification.engagement (id, firm_id, emitter_uscc, province, data_year, kind, note, recorded_at, recorded_by)
                values (?,?,?,?,?,?,?,?,?)""").params(e.id(), e.firmId(), e.emitter().value(), e.province(), e.year(), e.kind().name(), e.note(),
                java.sql.Timestamp.from(e.recordedAt()), e.recordedBy()).update();
    }

    List<Engagement> engagements(UUID firmId) {
        return jdbc.sql("select * from verification.engagement where firm_id = ? order by data_year desc, emitter_uscc").param(firmId)
                .query(FirmStore::engagement).list();
    }

    List<Engagement> engagementsIn(String regionPrefix, int year) {
        return jdbc.sql("""
                select * from verification.engagement where data_year = ? and (emitter_uscc in
                  (select emitter_uscc from verification.task where region_code like ?) or province = substr(?, 1, 2))
                order by emitter_uscc""").params(year, regionPrefix + "%", regionPrefix + "00").query(FirmStore::engagement).list();
    }

    static String csv(Set<Sector> sectors) {
        return sectors.stream().map(Sector::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Sector> sectors(String csv) {
        EnumSet<Sector> set = EnumSet.noneOf(Sector.class);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(String::strip).map(Sector::valueOf).forEach(set::add);
        }
        return set;
    }

    private static Firm firm(ResultSet rs, int n) throws SQLException {
        return new Firm(rs.getObject("organisation_id", UUID.class), Uscc.of(rs.getString("uscc")), rs.getString("name"),
                RegionCode.of(rs.getString("region_code")), rs.getString("qualification"), sectors(rs.getString("sectors")), rs.getBoolean("active"),
                rs.getInt("version"));
    }

    private static Verifier verifier(ResultSet rs, int n) throws SQLException {
        return new Verifier(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class), rs.getString("name"),
                rs.getString("credential_number"), rs.getDate("credential_until").toLocalDate(), sectors(rs.getString("sectors")), rs.getBoolean("active"));
    }

    private static Engagement engagement(ResultSet rs, int n) throws SQLException {
        return new Engagement(rs.getObject("id", UUID.class), rs.getObject("firm_id", UUID.class), Uscc.of(rs.getString("emitter_uscc")),
                rs.getString("province"), rs.getInt("data_year"), Engagement.Kind.valueOf(rs.getString("kind")), rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}
