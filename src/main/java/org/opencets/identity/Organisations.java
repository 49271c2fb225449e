package org.opencets.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and finds organisations. The province creates organisations in its region. */
@Service
public class Organisations {

    private final JdbcClient jdbc;
    private final Regions regions;

    Organisations(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    public Optional<Organisation> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Organisations::map).optional();
    }

    public Optional<Organisation> findByUscc(Uscc uscc) {
        return jdbc.sql(SELECT + " where uscc = ?").param(uscc.value()).query(Organisations::map).optional();
    }

    public Optional<Organisation> findByName(String name) {
        return jdbc.sql(SELECT + " where name = ? order by created_at limit 1").param(name).query(Organisations::map).optional();
    }

    /** The organisation of this name in this region (names are unique per region). */
    public Optional<Organisation> findByName(String name, RegionCode region) {
        return jdbc.sql(SELECT + " where name = ? and region_code = ?").params(name, region.value()).query(Organisations::map).optional();
    }

    /** Every active organisation of a kind (e.g. the verification firms), by name. */
    public List<Organisation> ofKind(OrganisationKind kind) {
        return jdbc.sql(SELECT + " where kind = ? and active order by name").param(kind.name()).query(Organisations::map).list();
    }

    /** The ecology bureau of a region (a province, city or district), if registered. */
    public Optional<Organisation> bureauOf(RegionCode region) {
        return jdbc.sql(SELECT + " where region_code = ? and kind in ('PROVINCE_BUREAU', 'CITY_BUREAU', 'DISTRICT_BUREAU') limit 1")
                .param(region.value()).query(Organisations::map).optional();
    }

    /** Organisations the user may administer: a province sees every organisation located in its region. */
    public List<Organisation> visibleTo(CurrentUser user) {
        if (user.kind() == OrganisationKind.PROVINCE_BUREAU || user.kind() == OrganisationKind.MINISTRY) {
            String prefix = user.kind() == OrganisationKind.MINISTRY ? "" : user.region().prefix();
            return jdbc.sql(SELECT + " where region_code like ? order by kind, region_code, name")
                    .param(prefix + "%").query(Organisations::map).list().stream()
                    .filter(o -> user.kind() == OrganisationKind.MINISTRY || !o.kind().isNational()).toList();
        }
        return find(user.organisationId()).stream().toList();
    }

    /** The province bureau's administrator registers an organisation inside the province. */
    @Transactional
    public Organisation register(CurrentUser actor, String name, OrganisationKind kind, RegionCode region, Uscc uscc) {
        if (actor.kind() != OrganisationKind.PROVINCE_BUREAU || !actor.has(Role.ADMIN)) {
            throw new AccessDenied("denied.organisation.create", "Only a province administrator creates organisations");
        }
        if (!actor.region().contains(region)) {
            throw new AccessDenied("denied.organisation.region", "The organisation must lie in your province");
        }
        if (kind.isNational() || kind == OrganisationKind.PROVINCE_BUREAU) {
            throw new AccessDenied("denied.organisation.kind", "A province cannot create national bodies or another province bureau");
        }
        if (kind == OrganisationKind.CITY_BUREAU && region.level() != RegionCode.Level.CITY
                || kind == OrganisationKind.DISTRICT_BUREAU && region.level() != RegionCode.Level.DISTRICT) {
            throw new InvalidValueException("organisation.bureauLevel", "A city bureau sits at a city, a district bureau at a district", region.value());
        }
        return registerUnchecked(name, kind, region, uscc);
    }

    /** For start-up data and for the directory when it registers a key emitter. */
    @Transactional
    public Organisation registerUnchecked(String name, OrganisationKind kind, RegionCode region, Uscc uscc) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("organisation.name.blank", "Organisation name is required");
        }
        if (name.strip().length() > 200) {
            throw new InvalidValueException("organisation.name.tooLong", "Organisation name: at most 200 characters");
        }
        if (jdbc.sql("select count(*) from identity.organisation where region_code = ? and name = ?")
                .params(region.value(), name.strip()).query(Long.class).single() > 0) {
            throw new InvalidValueException("organisation.name.duplicate", "An organisation of this name already exists in the region", name.strip());
        }
        if (!regions.exists(region)) {
            throw new InvalidValueException("region.unknown", "Unknown region code", region.value());
        }
        if ((kind == OrganisationKind.KEY_EMITTER || kind == OrganisationKind.VERIFIER) && uscc == null) { // firms are identified by their USCC
            throw new InvalidValueException("uscc.blank", "USCC is required");
        }
        if (uscc != null && findByUscc(uscc).isPresent()) {
            throw new InvalidValueException("uscc.duplicate", "An organisation with this USCC already exists", uscc.value());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into identity.organisation (id, name, kind, region_code, uscc) values (?, ?, ?, ?, ?)")
                .params(id, name.strip(), kind.name(), region.value(), uscc == null ? null : uscc.value()).update();
        return new Organisation(id, name.strip(), kind, region, uscc, true);
    }

    /** Keeps a key emitter's organisation in step with its directory record (name, region). */
    @Transactional
    public Organisation ensureEmitterOrganisation(Uscc uscc, String name, RegionCode region) {
        Optional<Organisation> existing = findByUscc(uscc);
        if (existing.isEmpty()) {
            return registerUnchecked(name, OrganisationKind.KEY_EMITTER, region, uscc);
        }
        boolean nameTaken = jdbc.sql("select count(*) from identity.organisation where region_code = ? and name = ? and uscc is distinct from ?")
                .params(region.value(), name, uscc.value()).query(Long.class).single() > 0;
        if (nameTaken) {
            throw new InvalidValueException("organisation.name.duplicate", "An organisation of this name already exists in the region", name);
        }
        jdbc.sql("update identity.organisation set name = ?, region_code = ?, version = version + 1 where uscc = ?")
                .params(name, region.value(), uscc.value()).update();
        return new Organisation(existing.get().id(), name, OrganisationKind.KEY_EMITTER, region, uscc, existing.get().active());
    }

    private static final String SELECT = "select id, name, kind, region_code, uscc, active from identity.organisation";

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        String uscc = rs.getString("uscc");
        return new Organisation(rs.getObject("id", UUID.class), rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")), RegionCode.of(rs.getString("region_code")),
                uscc == null ? null : Uscc.of(uscc), rs.getBoolean("active"));
    }
}
