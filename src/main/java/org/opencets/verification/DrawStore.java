package org.opencets.verification;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only log of draws. */
@Repository
class DrawStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DrawStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Draw d) {
        jdbc.sql("""
                insert into verification.draw (id, data_year, region_code, purpose, seed, algorithm, inputs, result, drawn_at, drawn_by)
                values (?,?,?,?,?,?,?::jsonb,?::jsonb,?,?)""").params(d.id(), d.year(), d.region(), d.purpose().name(), d.seed(), d.algorithm(),
                json.writeValueAsString(d.entries()), json.writeValueAsString(d.result()), Timestamp.from(d.drawnAt()), d.drawnBy()).update();
    }

    Optional<Draw> find(UUID id) {
        return jdbc.sql("select *, inputs::text as inputs_text, result::text as result_text from verification.draw where id = ?").param(id)
                .query((rs, n) -> new Draw(id, rs.getInt("data_year"), rs.getString("region_code"), Draw.Purpose.valueOf(rs.getString("purpose")),
                        rs.getString("seed"), rs.getString("algorithm"), json.readValue(rs.getString("inputs_text"), new TypeReference<List<Draw.Entry>>() {
                        }), json.readValue(rs.getString("result_text"), new TypeReference<Map<String, String>>() {
                        }), rs.getTimestamp("drawn_at").toInstant(), rs.getString("drawn_by"))).optional();
    }

    List<UUID> ofYear(int year, String regionPrefix) {
        return jdbc.sql("select id from verification.draw where data_year = ? and region_code like ? order by drawn_at desc").params(year, regionPrefix + "%")
                .query(UUID.class).list();
    }
}
