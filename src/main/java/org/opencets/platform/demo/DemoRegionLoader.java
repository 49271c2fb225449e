package org.opencets.platform.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencets.directory.AnnualLists;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.ListType;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.directory.UnitForm;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Regions;
import org.opencets.identity.Role;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo region (src/main/resources/demo/*.csv) into an empty database. */
@Component
class DemoRegionLoader {

    static final String DEMO_PASSWORD = "Demo@2026";

    private final Regions regions;
    private final Organisations organisations;
    private final People people;
    private final KeyEmitterDirectory directory;
    private final JdbcClient jdbc;
    private final AnnualLists annualLists;

    DemoRegionLoader(Regions regions, Organisations organisations, People people, KeyEmitterDirectory directory, JdbcClient jdbc,
            AnnualLists annualLists) {
        this.regions = regions;
        this.organisations = organisations;
        this.people = people;
        this.directory = directory;
        this.jdbc = jdbc;
        this.annualLists = annualLists;
    }

    boolean isLoaded() {
        return jdbc.sql("select count(*) from identity.organisation").query(Long.class).single() > 0;
    }

    @Transactional
    void load() {
        for (Map<String, String> r : read("regions.csv")) {
            String parent = r.get("parent_code");
            regions.register(RegionCode.of(r.get("code")), r.get("name"), parent.isBlank() ? null : RegionCode.of(parent));
        }
        for (Map<String, String> o : read("organisations.csv")) {
            String uscc = o.get("uscc");
            organisations.registerUnchecked(o.get("name"), OrganisationKind.valueOf(o.get("kind")), RegionCode.of(o.get("region_code")),
                    uscc.isBlank() ? null : Uscc.of(uscc));
        }
        CurrentUser loader = loaderActingAsProvince();
        Map<String, UUID> emitterIds = new LinkedHashMap<>();
        for (Map<String, String> e : read("emitters.csv")) {
            KeyEmitter emitter = directory.register(loader, new EmitterForm(e.get("uscc"), e.get("name"), e.get("region_code"),
                    e.get("industry_code"), e.get("status"), e.get("address"), e.get("legal_representative"), e.get("contact_name"),
                    e.get("contact_phone"), e.get("contact_email")));
            emitterIds.put(emitter.uscc().value(), emitter.id());
        }
        for (Map<String, String> u : read("units.csv")) {
            directory.addUnit(loader, emitterIds.get(u.get("emitter_uscc")), new UnitForm(u.get("facility_name"), u.get("unit_code"),
                    u.get("rated_capacity_mw"), u.get("category"), u.get("fuels"), u.get("cooling_type"), u.get("commissioning_date"),
                    u.get("shutdown_date")));
        }
        for (Map<String, String> m : read("emissions.csv")) {
            directory.recordEmissions(emitterIds.get(m.get("emitter_uscc")), Integer.parseInt(m.get("year")),
                    Long.parseLong(m.get("tco2e")), m.get("source"));
        }
        for (Map<String, String> p : read("users.csv")) {
            Organisation org = organisations.findByName(p.get("organisation_name"))
                    .orElseThrow(() -> new IllegalStateException("Demo user's organisation missing: " + p));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Arrays.stream(p.get("roles").split(";")).map(Role::valueOf).forEach(roles::add);
            people.createUnchecked(org.id(), p.get("username"), p.get("display_name"), p.get("email"), roles, DEMO_PASSWORD);
        }
    }

    /** Publishes both cities' 2026 power lists (as they would have been in December 2025), so the public page has content. */
    @Transactional
    void publishPowerLists(int year) {
        for (String city : List.of("330200", "330600")) {
            CurrentUser cityBureau = actingAs(organisations.bureauOf(RegionCode.of(city)).orElseThrow());
            for (var district : regions.districtsOf(RegionCode.of(city))) {
                var bureau = organisations.bureauOf(district.code());
                if (bureau.isEmpty()) {
                    continue;
                }
                CurrentUser districtBureau = actingAs(bureau.get());
                var list = annualLists.prepare(districtBureau, year, ListType.POWER);
                if (annualLists.entries(districtBureau, list.id()).isEmpty()) {
                    continue;
                }
                annualLists.submit(districtBureau, list.id(), list.version());
                annualLists.approve(cityBureau, list.id(), list.version() + 1);
            }
            annualLists.publish(cityBureau, year, ListType.POWER);
        }
    }

    List<Map<String, String>> users() {
        return read("users.csv");
    }

    private static CurrentUser actingAs(Organisation bureau) {
        return new CurrentUser(null, "demo-loader", "Demo loader", bureau.id(), bureau.name(), bureau.kind(), bureau.region(), null,
                EnumSet.of(Role.OFFICER));
    }

    private CurrentUser loaderActingAsProvince() {
        Organisation province = organisations.findByName("浙江省生态环境厅").orElseThrow();
        return new CurrentUser(null, "demo-loader", "Demo loader", province.id(), province.name(),
                OrganisationKind.PROVINCE_BUREAU, province.region(), null, EnumSet.of(Role.ADMIN, Role.OFFICER));
    }

    static List<Map<String, String>> read(String file) {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/" + file).getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i].strip(), i < cells.length ? cells[i].strip() : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo/" + file, e);
        }
    }
}
