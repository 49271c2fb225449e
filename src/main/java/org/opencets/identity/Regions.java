package org.opencets.identity;

import java.util.List;
import java.util.Optional;
import org.opencets.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue of regions the platform knows (GB/T 2260 codes with names). */
@Service
public class Regions {

    private final JdbcClient jdbc;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(RegionCode code) {
        return jdbc.sql("select code, name, parent_code, level from identity.region where code = ?")
                .param(code.value()).query(Regions::map).optional();
    }

    public boolean exists(RegionCode code) {
        return find(code).isPresent();
    }

    public String nameOf(RegionCode code) {
        return find(code).map(Region::name).orElse(code.value());
    }

    /** Every known region inside {@code region} (itself included), ordered by code. */
    public List<Region> within(RegionCode region) {
        return jdbc.sql("select code, name, parent_code, level from identity.region where code like ? order by code")
                .param(region.prefix() + "%").query(Regions::map).list();
    }

    public List<Region> all() {
        return jdbc.sql("select code, name, parent_code, level from identity.region order by code").query(Regions::map).list();
    }

    public List<Region> districtsOf(RegionCode city) {
        return within(city).stream().filter(r -> r.level() == RegionCode.Level.DISTRICT).toList();
    }

    @Transactional
    public void register(RegionCode code, String name, RegionCode parent) {
        jdbc.sql("""
                insert into identity.region (code, name, parent_code, level) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name""")
                .params(code.value(), name, parent == null ? null : parent.value(), code.level().name()).update();
    }

    private static Region map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String parent = rs.getString("parent_code");
        return new Region(RegionCode.of(rs.getString("code")), rs.getString("name"),
                parent == null ? null : RegionCode.of(parent), RegionCode.Level.valueOf(rs.getString("level")));
    }
}
