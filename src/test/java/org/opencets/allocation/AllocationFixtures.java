package org.opencets.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.opencets.directory.EmitterForm;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.directory.UnitCategory;
import org.opencets.directory.UnitForm;
import org.opencets.identity.Accounts;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.identity.Role;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.Demo;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of the allocation tests: power plants of their own (fresh USCCs in 诸暨市 330681, industry 4411 — the demo's
 * only power plant there is 浣江热电, never touched here) with generating units of chosen categories, their officers
 * (made up here; the emitter organisation is real), and the demo's users (zj.officer allocates, sx.city and nb.city do
 * not). The year data of 2023 and 2024 (V6, V14) is used as it is: Be I/II/III/IV 0.7950/0.8090/0.8285/0.3305 and
 * 0.7910/0.8049/0.8244/0.3288 tCO2/MWh, Bh coal/gas 0.1038/0.0536 and 0.1033/0.0533 tCO2/GJ, pre-allocation 70 %,
 * gap cap 20 %, gas top-up, load bands 85/80/75 with slopes 0.0014/0.0016.
 */
final class AllocationFixtures {

    static final String REGION = "330681";

    /** A unit as registered in the directory. */
    record UnitSpec(String code, UnitCategory category, String capacityMw) {
    }

    /** A fresh power plant with its (test-made) officer. */
    record Plant(KeyEmitter emitter, CurrentUser officer) {

        Uscc uscc() {
            return emitter.uscc();
        }

        String name() {
            return emitter.name();
        }
    }

    /** What a refused call must leave as it was: the emitter's rows in every allocation table. */
    record Counts(long bases, long decisions, long instructions, long notices, long receipts, long specialCases, long openCases) {
    }

    private final KeyEmitterDirectory directory;
    private final Organisations organisations;
    private final Accounts accounts;
    private final AllocationBasis basis;
    private final BasisStore basisStore;
    private final JdbcClient jdbc;

    AllocationFixtures(ApplicationContext context) {
        this.directory = context.getBean(KeyEmitterDirectory.class);
        this.organisations = context.getBean(Organisations.class);
        this.accounts = context.getBean(Accounts.class);
        this.basis = context.getBean(AllocationBasis.class);
        this.basisStore = context.getBean(BasisStore.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    // ---- people -----------------------------------------------------------------------------------

    CurrentUser user(String username) {
        return accounts.byUsername(username).orElseThrow();
    }

    CurrentUser province() {
        return user("zj.officer");
    }

    static CurrentUser person(String username, Organisation org, OrganisationKind kind) {
        return new CurrentUser(UUID.randomUUID(), username, username, org.id(), org.name(), kind, org.region(), org.uscc(), EnumSet.of(Role.OFFICER));
    }

    // ---- emitters ---------------------------------------------------------------------------------

    static UnitSpec coalI(String code) {
        return new UnitSpec(code, UnitCategory.I, "600");
    }

    static UnitSpec coalII(String code) {
        return new UnitSpec(code, UnitCategory.II, "100");
    }

    static UnitSpec gas(String code) {
        return new UnitSpec(code, UnitCategory.IV, "400");
    }

    /** A power plant (4411) registered by the province in 诸暨市 with the given units. */
    Plant powerPlant(String name, UnitSpec... units) {
        return plant(REGION, name, "4411", units);
    }

    /** A power plant of another district (e.g. 鄞州区 330212, Ningbo), for the city bureaus' refusals. */
    Plant powerPlantIn(String region, String name, UnitSpec... units) {
        return plant(region, name, "4411", units);
    }

    /** A cement plant (3011, not power) in 诸暨市. */
    Plant cementPlant(String name) {
        return plant(REGION, name, "3011");
    }

    /** A power plant registered under exactly this name (names are unique per district only). */
    Plant powerPlantNamed(String region, String exactName, UnitSpec... units) {
        return plant(region, exactName, "4411", true, units);
    }

    private Plant plant(String region, String name, String industry, UnitSpec... units) {
        return plant(region, name, industry, false, units);
    }

    private Plant plant(String region, String name, String industry, boolean exact, UnitSpec... units) {
        String uscc = Demo.freshUscc(region);
        String unique = exact ? name : name + "-" + uscc.substring(8, 14);
        KeyEmitter e = directory.register(province(), new EmitterForm(uscc, unique, region, industry, "NORMAL", "浙江省绍兴市诸暨市分配测试路 1 号", "测试法人",
                "测试联系人", "0575-86000000", "allocation.test@example.com"));
        for (UnitSpec u : units) {
            String fuels = u.category() == UnitCategory.IV ? "NATURAL_GAS" : u.category() == UnitCategory.III ? "COAL_GANGUE" : "BITUMINOUS";
            directory.addUnit(province(), e.id(), new UnitForm("分配测试电厂", u.code(), u.capacityMw(), u.category().name(), fuels, "WATER", "2015-01-01", ""));
        }
        Organisation org = organisations.findByUscc(e.uscc()).orElseThrow();
        return new Plant(e, person("allocation.test." + uscc.toLowerCase(), org, OrganisationKind.KEY_EMITTER));
    }

    // ---- verified data ----------------------------------------------------------------------------

    /** A unit's verified figures; category and capacity come from the directory. */
    static VerifiedBasis.Unit unit(String code, String generationMwh, String heatGj, String hours, String emissions) {
        return new VerifiedBasis.Unit(code, null, null, new BigDecimal(generationMwh), new BigDecimal(heatGj), hours == null ? null : new BigDecimal(hours),
                new BigDecimal(emissions));
    }

    /** The province imports the plant's verified figures of the year (units may be empty: entity figures only). */
    VerifiedBasis importYear(Plant p, int year, String total, String compliance, VerifiedBasis.Unit... units) {
        List<VerifiedBasis> recorded = basis.importFigures(province(), year, "分配集成测试导入 " + year,
                List.of(new AllocationBasis.EntityFigures(p.uscc(), new BigDecimal(total), new BigDecimal(compliance), Arrays.asList(units))));
        assertThat(recorded).hasSize(1);
        return recorded.getFirst();
    }

    /** A basis written past the import's checks (a unit without category cannot come through the directory). */
    VerifiedBasis storeBasis(Plant p, int year, String compliance, VerifiedBasis.Unit... units) {
        VerifiedBasis b = new VerifiedBasis(UUID.randomUUID(), p.uscc(), p.name(), p.emitter().region(), year, basisStore.nextRevision(p.uscc(), year),
                VerifiedBasis.Source.IMPORT, "分配集成测试（直接写入）", new BigDecimal(compliance), new BigDecimal(compliance), Arrays.asList(units), "test",
                java.time.Instant.now());
        basisStore.insert(b);
        return b;
    }

    // ---- what a refusal must not change -----------------------------------------------------------

    Counts counts(Plant p) {
        String u = p.uscc().value();
        return new Counts(count("select count(*) from allocation.basis where emitter_uscc = ?", u),
                count("select count(*) from allocation.decision where emitter_uscc = ?", u),
                count("select count(*) from allocation.instruction where emitter_uscc = ?", u),
                count("select count(*) from allocation.notice where emitter_uscc = ?", u),
                count("select count(*) from allocation.service_receipt r join allocation.notice n on n.id = r.notice_id where n.emitter_uscc = ?", u),
                count("select count(*) from allocation.special_case where emitter_uscc = ?", u),
                count("select count(*) from allocation.special_case where emitter_uscc = ? and withdrawn_at is null", u));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Refused with exactly this one message key (any field), and the emitter's allocation rows unchanged. */
    void assertRefused(Plant p, ThrowingCallable call, String key) {
        Counts before = counts(p);
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::messageKey).containsExactly(key));
        assertThat(counts(p)).isEqualTo(before);
    }

    /** Refused with (at least) these field/key pairs, and nothing changed. */
    void assertRefusedWith(Plant p, ThrowingCallable call, org.assertj.core.groups.Tuple... fieldAndKey) {
        Counts before = counts(p);
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey).contains(fieldAndKey));
        assertThat(counts(p)).isEqualTo(before);
    }

    /** Thrown as this type (AccessDenied, RecordNotFound) and nothing changed. */
    void assertThrows(Plant p, ThrowingCallable call, Class<? extends Throwable> type) {
        Counts before = counts(p);
        assertThatThrownBy(call).isInstanceOf(type);
        assertThat(counts(p)).isEqualTo(before);
    }

    static org.assertj.core.groups.Tuple pair(String field, String key) {
        return tuple(field, key);
    }
}
