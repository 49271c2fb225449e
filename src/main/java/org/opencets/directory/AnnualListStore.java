package org.opencets.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.directory.InclusionSuggestion.Decision;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Tonnes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AnnualListStore {

    private final JdbcClient jdbc;

    AnnualListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ListRule> rules() {
        return jdbc.sql("select * from directory.list_rule order by year desc, list_type").query(AnnualListStore::mapRule).list();
    }

    Optional<ListRule> rule(int year, ListType type) {
        return jdbc.sql("select * from directory.list_rule where year = ? and list_type = ?").params(year, type.name())
                .query(AnnualListStore::mapRule).optional();
    }

    Optional<AnnualList> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(AnnualListStore::map).optional();
    }

    Optional<AnnualList> find(RegionCode district, int year, ListType type) {
        return jdbc.sql(SELECT + " where district_code = ? and year = ? and list_type = ?").params(district.value(), year, type.name())
                .query(AnnualListStore::map).optional();
    }

    List<AnnualList> within(RegionCode region) {
        return jdbc.sql(SELECT + " where district_code like ? order by year desc, list_type, district_code")
                .param(region.prefix() + "%").query(AnnualListStore::map).list();
    }

    void insert(UUID id, RegionCode district, int year, ListType type) {
        jdbc.sql("insert into directory.annual_list (id, district_code, year, list_type, status) values (?, ?, ?, ?, 'DRAFT')")
                .params(id, district.value(), year, type.name()).update();
    }

    Map<UUID, Decision> decisions(UUID listId) {
        Map<UUID, Decision> decisions = new LinkedHashMap<>();
        jdbc.sql("select emitter_id, decision from directory.annual_list_entry where list_id = ?").param(listId)
                .query((rs, n) -> decisions.put(rs.getObject("emitter_id", UUID.class), Decision.valueOf(rs.getString("decision")))).list();
        return decisions;
    }

    Map<UUID, String> notes(UUID listId) {
        Map<UUID, String> notes = new LinkedHashMap<>();
        jdbc.sql("select emitter_id, note from directory.annual_list_entry where list_id = ? and note is not null").param(listId)
                .query((rs, n) -> notes.put(rs.getObject("emitter_id", UUID.class), rs.getString("note"))).list();
        return notes;
    }

    void putEntry(UUID listId, UUID emitterId, Decision decision, String note) {
        jdbc.sql("""
                insert into directory.annual_list_entry (list_id, emitter_id, decision, note) values (?, ?, ?, ?)
                on conflict (list_id, emitter_id) do update set decision = excluded.decision, note = excluded.note""")
                .params(listId, emitterId, decision.name(), note).update();
    }

    boolean transition(UUID id, int expectedVersion, AnnualListStatus from, AnnualListStatus to, String actor, String returnReason) {
        String stamp = to == AnnualListStatus.SUBMITTED ? "submitted_at = now(), submitted_by = ?"
                : "reviewed_at = now(), reviewed_by = ?";
        return jdbc.sql("update directory.annual_list set status = ?, " + stamp + ", return_reason = ?, version = version + 1"
                        + " where id = ? and version = ? and status = ?")
                .params(to.name(), actor, returnReason, id, expectedVersion, from.name()).update() == 1;
    }

    /** Bumps the version if it is still the one read; false when someone else changed the list meanwhile. */
    boolean touch(UUID id, int expectedVersion) {
        return jdbc.sql("update directory.annual_list set version = version + 1 where id = ? and version = ?")
                .params(id, expectedVersion).update() == 1;
    }

    void markPublished(UUID listId) {
        jdbc.sql("update directory.annual_list set status = 'PUBLISHED', version = version + 1 where id = ?").param(listId).update();
    }

    boolean isPublished(RegionCode city, int year, ListType type) {
        return jdbc.sql("select count(*) from directory.published_list where city_code = ? and year = ? and list_type = ?")
                .params(city.value(), year, type.name()).query(Long.class).single() > 0;
    }

    void insertPublished(UUID id, RegionCode city, int year, ListType type, String actor) {
        jdbc.sql("insert into directory.published_list (id, city_code, year, list_type, published_at, published_by) values (?, ?, ?, ?, now(), ?)")
                .params(id, city.value(), year, type.name(), actor).update();
    }

    void insertPublishedEntry(UUID publishedId, KeyEmitter e) {
        jdbc.sql("insert into directory.published_list_entry (published_list_id, uscc, name, region_code, industry_code) values (?, ?, ?, ?, ?)")
                .params(publishedId, e.uscc().value(), e.name(), e.region().value(), e.industry().code()).update();
    }

    record PublishedHeader(UUID id, String cityCode, int year, ListType type, java.time.Instant publishedAt, String publishedBy, long count) {
    }

    List<PublishedHeader> published() {
        return jdbc.sql("""
                select p.id, p.city_code, p.year, p.list_type, p.published_at, p.published_by,
                       (select count(*) from directory.published_list_entry e where e.published_list_id = p.id) as n
                from directory.published_list p order by p.year desc, p.city_code, p.list_type""")
                .query((rs, n) -> new PublishedHeader(rs.getObject("id", UUID.class), rs.getString("city_code"), rs.getInt("year"),
                        ListType.valueOf(rs.getString("list_type")), rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by"), rs.getLong("n")))
                .list();
    }

    Optional<PublishedHeader> publishedHeader(UUID id) {
        return published().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    record PublishedRow(String uscc, String name, String regionCode, String industryCode) {
    }

    List<PublishedRow> publishedEntries(UUID id) {
        return jdbc.sql("select uscc, name, region_code, industry_code from directory.published_list_entry where published_list_id = ? order by region_code, name")
                .param(id).query((rs, n) -> new PublishedRow(rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"),
                        rs.getString("industry_code"))).list();
    }

    private static final String SELECT = """
            select id, district_code, year, list_type, status, submitted_at, submitted_by, reviewed_at, reviewed_by, return_reason, version
            from directory.annual_list""";

    private static AnnualList map(ResultSet rs, int row) throws SQLException {
        return new AnnualList(rs.getObject("id", UUID.class), RegionCode.of(rs.getString("district_code")), rs.getInt("year"),
                ListType.valueOf(rs.getString("list_type")), AnnualListStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("submitted_at")), rs.getString("submitted_by"), instant(rs.getTimestamp("reviewed_at")),
                rs.getString("reviewed_by"), rs.getString("return_reason"), rs.getInt("version"));
    }

    private static ListRule mapRule(ResultSet rs, int row) throws SQLException {
        return new ListRule(rs.getInt("year"), ListType.valueOf(rs.getString("list_type")), Tonnes.of(rs.getLong("inclusion_threshold")), rs.getInt("exit_years_below"),
                rs.getString("source"));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
