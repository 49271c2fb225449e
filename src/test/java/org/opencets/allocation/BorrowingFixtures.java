package org.opencets.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.directory.UnitForm;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.People;
import org.opencets.identity.Role;
import org.opencets.shared.Uscc;
import org.opencets.support.Demo;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of the borrowing and relief tests: power plants of their own (fresh USCCs in 嵊州市 330683, one category III
 * unit, registered by the Shaoxing city bureau) and year data only for 330683: the 2023 method rows (benchmarks, load
 * correction, pre-allocation ratio, gas top-up; no gap cap, so a 15 % gap remains) copied to 2021 and 2022, and
 * regional application deadlines for 2022 in the future (2021 keeps the national 2023-08-04, long past).
 *
 * <p>With 100,000 MWh on the unit (Be III 0.8285) the allocation due is 82,850 t in 2021–2023; verified emissions of
 * {@link #FIFTEEN_PERCENT} leave a gap of 14,621 t (15.00 %), borrowing limit 7,310 t; {@link #FIVE_PERCENT} a 5 % gap.
 */
final class BorrowingFixtures {

    static final String REGION = "330683";
    static final int YEAR = 2022;
    static final LocalDate REGIONAL_DEADLINE = LocalDate.of(2030, 6, 28);
    static final String UNIT = "1号机组";
    static final BigDecimal GENERATION = new BigDecimal("100000");
    static final long DUE = 82_850;
    static final String FIFTEEN_PERCENT = "97471";
    static final long GAP = 14_621;
    static final long LIMIT = 7_310;
    static final String FIVE_PERCENT = "87211";

    record Plant(KeyEmitter emitter, CurrentUser officer) {

        Uscc uscc() {
            return emitter.uscc();
        }
    }

    private static boolean yearDataLoaded;
    private final KeyEmitterDirectory directory;
    private final Organisations organisations;
    private final Accounts accounts;
    private final People people;
    private final AllocationBasis basis;
    private final Allocations allocations;
    private final JdbcClient jdbc;

    BorrowingFixtures(ApplicationContext context) {
        this.directory = context.getBean(KeyEmitterDirectory.class);
        this.organisations = context.getBean(Organisations.class);
        this.accounts = context.getBean(Accounts.class);
        this.people = context.getBean(People.class);
        this.basis = context.getBean(AllocationBasis.class);
        this.allocations = context.getBean(Allocations.class);
        this.jdbc = context.getBean(JdbcClient.class);
        yearData();
    }

    CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    /** 浙江省生态环境厅: allocates and decides borrowing and relief in 33. */
    CurrentUser province() {
        return user("zj.officer");
    }

    CurrentUser city() {
        return user("sx.city");
    }

    /** A fresh power plant in 嵊州 with one category III unit and its (test-made) officer. */
    Plant plant(String name) {
        String uscc = Demo.freshUscc(REGION);
        KeyEmitter e = directory.register(city(), new EmitterForm(uscc, name + "-" + uscc.substring(8, 14), REGION, "4411", "NORMAL",
                "浙江省绍兴市嵊州市预支测试路 1 号", "测试法人", "测试联系人", "0575-83000000", "borrowing.test@example.com"));
        directory.addUnit(city(), e.id(), new UnitForm("测试电厂", UNIT, "300", "III", "COAL_GANGUE", "WATER", "2010-01-01", ""));
        Organisation org = organisations.findByUscc(e.uscc()).orElseThrow();
        CurrentUser officer = new CurrentUser(UUID.randomUUID(), "borrowing.test." + uscc.toLowerCase(), "预支测试经办人", org.id(), org.name(),
                OrganisationKind.KEY_EMITTER, org.region(), org.uscc(), EnumSet.of(Role.OFFICER));
        return new Plant(e, officer);
    }

    /** A login for the plant's officer (password {@link Demo#PASSWORD}). */
    String login(Plant plant) {
        String username = "borrow-" + plant.uscc().value().toLowerCase();
        people.createUnchecked(plant.officer().organisationId(), username, "预支网页测试经办人", null, java.util.Set.of(Role.OFFICER), Demo.PASSWORD);
        return username;
    }

    /** Imports the plant's verified data of the year (all emissions on its unit). */
    void verified(Plant plant, int year, String emissions) {
        BigDecimal e = new BigDecimal(emissions);
        basis.importFigures(province(), year, "borrowing test", List.of(new AllocationBasis.EntityFigures(plant.uscc(), e, e, List.of(
                new VerifiedBasis.Unit(UNIT, null, null, GENERATION, BigDecimal.ZERO, new BigDecimal("5000"), e)))));
    }

    /** The plant's final allocation of the year from the given verified emissions. */
    AllocationDecision finalised(Plant plant, int year, String emissions) {
        verified(plant, year, emissions);
        return allocations.finalise(province(), plant.uscc(), year);
    }

    long borrowingRows(Plant plant) {
        return jdbc.sql("select count(*) from allocation.borrowing where emitter_uscc = ?").param(plant.uscc().value()).query(Long.class).single();
    }

    long instructionsOf(UUID borrowingId) {
        return jdbc.sql("select count(*) from allocation.instruction where borrowing_id = ?").param(borrowingId).query(Long.class).single();
    }

    long reliefRows(Plant plant) {
        return jdbc.sql("select count(*) from allocation.relief_plan where emitter_uscc = ?").param(plant.uscc().value()).query(Long.class).single();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% relief plan test " + text + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Once per test run (the database is shared): the 330683 year data; inserting again changes nothing. */
    private void yearData() {
        synchronized (BorrowingFixtures.class) {
            if (yearDataLoaded) {
                return;
            }
            for (int year : new int[] {2021, 2022}) {
                jdbc.sql("""
                        insert into calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source, in_force_from)
                        select distinct on (parameter, qualifier) ?, parameter, qualifier, ?, value, unit,
                               'OpenCETS test data: the 2023 row copied for the borrowing tests of 嵊州', make_date(?, 1, 1)
                        from calendar.policy_value
                        where compliance_year = 2023 and region_prefix = ''
                          and parameter in ('BENCHMARK_ELECTRICITY', 'BENCHMARK_HEAT', 'LOAD_CORRECTION', 'PRE_ALLOCATION_RATIO', 'GAS_TOP_UP')
                        order by parameter, qualifier, in_force_from desc
                        on conflict do nothing""").params(year, REGION, year).update();
            }
            for (String kind : new String[] {"BORROWING_APPLICATION", "RELIEF_PLAN_APPLICATION"}) {
                jdbc.sql("""
                        insert into calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, day_off_policy, source, in_force_from)
                        values (?, ?, ?, ?, 'AS_STATED', 'OpenCETS test data: a regional application deadline in the future for 嵊州', DATE '2023-07-14')
                        on conflict do nothing""").params(YEAR, kind, REGION, REGIONAL_DEADLINE).update();
            }
            yearDataLoaded = true;
        }
    }
}
