package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencets.accounting.AccountingRules;
import org.opencets.accounting.UnitAccount;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not in the suite; run {@code bench/reports.sh [units]}): the annual reports of N power units × 12 approved
 * monthly deposits, each emitter's report read from the database and computed by the engine as the report page does
 * ({@link ReportCompiler#power}). Prints units/s and the heap it takes.
 */
@IntegrationTest
class AnnualReportBench {

    static final int UNITS = Integer.parseInt(System.getenv().getOrDefault("BENCH_UNITS", "10000"));
    static final int UNITS_PER_EMITTER = 4;
    static final int YEAR = 2025;
    static final String REGION = "330206";
    /** "91" + region + "BEN" + 6 digits + check character: a prefix no demo or test emitter has. */
    static final String PREFIX = "91" + REGION + "BEN";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    AccountingRulesSource rulesSource;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    DepositStore deposits;

    @Test
    void annualReports() throws Exception {
        int emitterCount = Math.max(1, UNITS / UNITS_PER_EMITTER);
        int unitCount = emitterCount * UNITS_PER_EMITTER;
        long s0 = System.nanoTime();
        seed(emitterCount);
        long s1 = System.nanoTime();
        long depositRows = jdbc.sql("select count(*) from mrv.deposit where emitter_uscc like ?").param(PREFIX + "%").query(Long.class).single();
        long valueRows = jdbc.sql("select count(*) from mrv.deposit_value v join mrv.deposit d on d.id = v.deposit_id where d.emitter_uscc like ?")
                .param(PREFIX + "%").query(Long.class).single();
        System.out.printf("BENCH seeding (not part of the figure): %d emitters, %d units, %d APPROVED deposits, %d values in %d ms%n",
                emitterCount, unitCount, depositRows, valueRows, (s1 - s0) / 1_000_000);
        assertThat(depositRows).isEqualTo(unitCount * 12L);

        List<KeyEmitter> emitters = directory.all().stream().filter(e -> e.uscc().value().startsWith(PREFIX))
                .sorted(Comparator.comparing(e -> e.uscc().value())).toList();
        assertThat(emitters).hasSize(emitterCount);
        // What the engine should find for the fuel: Σ FC × C_ar × OF × 44/12 (per-month rounding aside).
        BigDecimal fcTimesCarbon = jdbc.sql("""
                select sum(fc.value * car.value) from mrv.deposit d
                join mrv.deposit_value fc on fc.deposit_id = d.id and fc.parameter = 'FUEL_CONSUMPTION'
                join mrv.deposit_value car on car.deposit_id = d.id and car.parameter = 'CARBON_CONTENT'
                where d.emitter_uscc like ?""").param(PREFIX + "%").query(BigDecimal.class).single();

        long r0 = System.nanoTime();
        AccountingRules rules = rulesSource.rules(YEAR, RegionCode.of(REGION));
        long r1 = System.nanoTime();
        System.out.printf("BENCH rules of %d loaded once in %.1f ms%n", YEAR, (r1 - r0) / 1e6);
        BigDecimal expectedFuel = fcTimesCarbon.multiply(rules.fuel("BITUMINOUS").orElseThrow().oxidationRate())
                .multiply(new BigDecimal(44)).divide(new BigDecimal(12), MathContext.DECIMAL128);

        Pass cold = pass(emitters, rules);
        print("first pass (cold JIT, cold caches)", cold, emitters.size());
        Pass warm = pass(emitters, rules);
        print("second pass (warm)", warm, emitters.size());
        Pass warm2 = pass(emitters, rules);
        print("third pass (warm)", warm2, emitters.size());
        for (Pass p : List.of(cold, warm, warm2)) {
            assertThat(p.units).isEqualTo(unitCount);
            assertThat(p.completeUnits).as("every unit's year complete (12 approved months, no gap)").isEqualTo(unitCount);
            assertThat(p.monthsComputed).isEqualTo(unitCount * 12L);
            assertThat(p.totalEmissions.signum()).isPositive();
            assertThat(p.fuelEmissions.subtract(expectedFuel).abs().divide(expectedFuel, MathContext.DECIMAL64))
                    .as("engine fuel emissions %s vs SQL Σ FC×C_ar×OF×44/12 %s", p.fuelEmissions, expectedFuel)
                    .isLessThan(new BigDecimal("1e-6"));
        }
        System.out.printf("BENCH sanity: %d units complete, %d unit-months; total emissions %s tCO2 (fuel %s, SQL check %s)%n",
                warm.completeUnits, warm.monthsComputed, warm.totalEmissions.toPlainString(), warm.fuelEmissions.toPlainString(),
                expectedFuel.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());

        breakdown(emitters, Math.min(warm.nanos, warm2.nanos));
        queriesPerEmitter(emitters, rules);
        explain(emitters.get(emitters.size() / 2).uscc());
        System.out.printf("BENCH JVM: %d available processors, max heap (-Xmx) %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Every emitter's report read and computed; heap sampled after each emitter, pool peaks reset before the pass. */
    private Pass pass(List<KeyEmitter> emitters, AccountingRules rules) {
        System.gc();
        long baseline = heapUsed();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        Pass p = new Pass();
        p.baseline = baseline;
        long a0 = allocated();
        long t0 = System.nanoTime();
        for (KeyEmitter emitter : emitters) {
            ReportFigures.Power figures = compiler.power(emitter, YEAR, rules);
            for (UnitAccount unit : figures.account().units()) {
                p.units++;
                if (unit.complete()) {
                    p.completeUnits++;
                }
                p.monthsComputed += unit.months().stream().filter(m -> m.fuelEmissions().computed()).count();
            }
            p.totalEmissions = p.totalEmissions.add(figures.totalEmissions());
            p.fuelEmissions = p.fuelEmissions.add(figures.account().fuelEmissions().value());
            p.peakSampled = Math.max(p.peakSampled, heapUsed());
        }
        p.nanos = System.nanoTime() - t0;
        p.allocated = allocated() - a0;
        p.peakPools = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return p;
    }

    private static void print(String label, Pass p, int emitters) {
        System.out.printf("BENCH annual reports, %s: %d units × 12 months (%d emitters) in %d ms = %.0f units/s (%.2f ms per emitter)%n", label,
                p.units, emitters, p.nanos / 1_000_000, p.units / (p.nanos / 1e9), p.nanos / 1e6 / emitters);
        System.out.printf("BENCH peak heap, %s: %d MB used (sampled after each emitter; %d MB after GC before the pass;"
                + " heap pools' peaks sum %d MB), JVM max heap %d MB%n", label, p.peakSampled >> 20, p.baseline >> 20, p.peakPools >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("BENCH allocation, %s: %d MB allocated in the pass = %.0f KB per unit-year (short-lived; the peak above is"
                + " mostly garbage not yet collected)%n", label, p.allocated >> 20, p.allocated / 1024.0 / p.units);
    }

    /** The same reads the compiler makes, without the engine (best of two): how much of the time is the database. */
    private void breakdown(List<KeyEmitter> emitters, long bestWarm) {
        long bestDeposits = Long.MAX_VALUE;
        long bestUnits = Long.MAX_VALUE;
        long deposited = 0;
        long units = 0;
        long allocatedByReads = 0;
        for (int round = 0; round < 2; round++) {
            deposited = 0;
            units = 0;
            long a0 = allocated();
            long t0 = System.nanoTime();
            for (KeyEmitter e : emitters) {
                deposited += deposits.latestOfYearWithValues(e.uscc(), YEAR).size();
            }
            long t1 = System.nanoTime();
            for (KeyEmitter e : emitters) {
                units += directory.unitsOf(e.id()).size();
            }
            long t2 = System.nanoTime();
            allocatedByReads = allocated() - a0;
            bestDeposits = Math.min(bestDeposits, t1 - t0);
            bestUnits = Math.min(bestUnits, t2 - t1);
        }
        long reads = bestDeposits + bestUnits;
        System.out.printf("BENCH breakdown (warm, best of 2): DepositStore.latestOfYearWithValues %d ms (%d deposits), unitsOf %d ms (%d units);"
                + " reads %d ms = %.0f%% of the best full pass (%d ms), engine and mapping the rest (~%d ms)%n", bestDeposits / 1_000_000,
                deposited, bestUnits / 1_000_000, units, reads / 1_000_000, 100.0 * reads / bestWarm, bestWarm / 1_000_000,
                Math.max(0, bestWarm - reads) / 1_000_000);
        System.out.printf("BENCH allocation of the reads alone: %d MB = %.0f KB per unit-year (the rest of a full pass's is the engine's)%n",
                allocatedByReads >> 20, allocatedByReads / 1024.0 / units);
    }

    /**
     * Statements per emitter, from the server's transaction counter (every autocommit statement is a transaction), less
     * what the server commits meanwhile when the bench is idle.
     */
    private void queriesPerEmitter(List<KeyEmitter> emitters, AccountingRules rules) throws InterruptedException {
        long idle0 = committedTransactions();
        long idle1 = committedTransactions();
        for (KeyEmitter e : emitters) {
            compiler.power(e, YEAR, rules);
        }
        long after = committedTransactions();
        long background = idle1 - idle0;
        System.out.printf("BENCH statements per emitter: %.2f (server transactions over %d emitters: %d, less %d committed in an idle"
                + " window of the same length)%n", (after - idle1 - background) / (double) emitters.size(), emitters.size(), after - idle1,
                background);
    }

    private long committedTransactions() throws InterruptedException {
        Thread.sleep(11_000); // backends flush their statistics when idle (PostgreSQL 15+: at most every 10 s)
        return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()").query(Long.class).single();
    }

    private void explain(Uscc uscc) {
        String latestIds = "select distinct on (unit_id, month) id from mrv.deposit where emitter_uscc = ?"
                + " and month between ? and ? order by unit_id, month, deposit_version desc";
        for (String sql : List.of("select id from mrv.deposit where id in (" + latestIds + ") order by unit_code, month",
                "select deposit_id, parameter, fuel, value, basis, note from mrv.deposit_value where deposit_id in (" + latestIds + ")")) {
            List<String> plan = jdbc.sql("explain (analyze, costs off, timing on) " + sql)
                    .params(uscc.value(), java.time.LocalDate.of(YEAR, 1, 1), java.time.LocalDate.of(YEAR, 12, 1)).query(String.class).list();
            plan.forEach(line -> System.out.println("BENCH plan: " + line));
        }
    }

    /** 2,500 emitters × 4 units × 12 APPROVED months of bituminous coal with measured NCV and C_ar, all in bulk SQL. */
    private void seed(int emitterCount) {
        StringBuilder usccs = new StringBuilder();
        for (int i = 1; i <= emitterCount; i++) {
            String first17 = PREFIX + String.format("%06d", i);
            usccs.append(i == 1 ? "" : ",").append(first17).append(Uscc.checkCharacter(first17));
        }
        jdbc.sql("""
                insert into directory.key_emitter (id, uscc, name, region_code, industry_code, sector, status)
                select gen_random_uuid(), u, 'Bench power plant ' || n, ?, '4411', 'POWER', 'NORMAL'
                from unnest(string_to_array(?, ',')) with ordinality as t(u, n)""").params(REGION, usccs.toString()).update();
        jdbc.sql("""
                insert into directory.facility (id, emitter_id, name)
                select gen_random_uuid(), id, 'Plant' from directory.key_emitter where uscc like ?""").param(PREFIX + "%").update();
        jdbc.sql("""
                insert into directory.generating_unit (id, facility_id, emitter_id, unit_code, rated_capacity_mw, category, fuels,
                  cooling_type, commissioning_date)
                select gen_random_uuid(), f.id, f.emitter_id, '#' || g, 660, 'I', 'BITUMINOUS', 'WATER', date '2010-01-01'
                from directory.facility f join directory.key_emitter e on e.id = f.emitter_id, generate_series(1, ?) g
                where e.uscc like ?""").params(UNITS_PER_EMITTER, PREFIX + "%").update();
        // Deposits go in as DRAFT (the value trigger refuses values of a submitted deposit), then values, then APPROVED.
        jdbc.sql("""
                insert into mrv.deposit (id, emitter_uscc, emitter_name, region_code, unit_id, unit_code, month, deposit_version, status,
                  channel, content_sha256, log_index, submitted_at, submitted_by, created_by)
                select gen_random_uuid(), e.uscc, e.name, e.region_code, u.id, u.unit_code, make_date(?, m, 1), 1, 'DRAFT', 'API',
                  md5(u.id::text || m) || md5(m || u.id::text), 1000000 + row_number() over (),
                  make_date(?, m, 1) + interval '1 month 10 days', 'bench', 'bench'
                from directory.generating_unit u join directory.key_emitter e on e.id = u.emitter_id, generate_series(1, 12) m
                where e.uscc like ?""").params(YEAR, YEAR, PREFIX + "%").update();
        jdbc.sql("""
                insert into mrv.deposit_value (deposit_id, parameter, fuel, value, basis)
                with d as (
                  select id, month, 120000 + 40000 * random()::numeric as fc, 20 + 4 * random()::numeric as ncv, 0.0255 + 0.001 * random()::numeric as cc,
                         4.5 + 1.5 * random()::numeric as aux, random()::numeric as r
                  from mrv.deposit where emitter_uscc like ? and status = 'DRAFT')
                -- each deposit's values together, as the application writes them, and the months filed one after the other
                select d.id, v.parameter, v.fuel, v.value, 'MEASURED' from d cross join lateral (values
                  ('FUEL_CONSUMPTION', 'BITUMINOUS', round(fc, 2)),
                  ('NCV', 'BITUMINOUS', round(ncv, 3)),
                  ('CARBON_CONTENT', 'BITUMINOUS', round(round(ncv, 3) * cc, 4)),
                  ('GENERATION', '', round(fc * ncv * 0.40 / 3.6, 2)),
                  ('POWER_SUPPLIED', '', round(fc * ncv * 0.40 / 3.6 * (1 - aux / 100), 2)),
                  ('HEAT_SUPPLIED', '', round(30000 * r, 2)),
                  ('PURCHASED_ELECTRICITY', '', round(100 * r, 2)),
                  ('OPERATING_HOURS', '', round(600 + 60 * r, 1)),
                  ('LOAD_FACTOR', '', round(60 + 25 * r, 2)),
                  ('AUX_POWER_RATE', '', round(aux, 2))) v(parameter, fuel, value)
                order by d.month, d.id""").param(PREFIX + "%").update();
        jdbc.sql("update mrv.deposit set status = 'APPROVED' where emitter_uscc like ? and status = 'DRAFT'").param(PREFIX + "%").update();
        // As autovacuum would, but now: no vacuum of 120,000 updated rows competing with the measurement for the 2 cores.
        for (String table : List.of("directory.key_emitter", "directory.facility", "directory.generating_unit", "mrv.deposit",
                "mrv.deposit_value")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
    }

    /** Bytes this thread allocated so far (the compiler, the engine and the JDBC driver all run on it). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static final class Pass {
        long units;
        long completeUnits;
        long monthsComputed;
        long nanos;
        long baseline;
        long peakSampled;
        long peakPools;
        long allocated;
        BigDecimal totalEmissions = BigDecimal.ZERO;
        BigDecimal fuelEmissions = BigDecimal.ZERO;
    }
}
