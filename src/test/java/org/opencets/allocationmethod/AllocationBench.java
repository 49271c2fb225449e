package org.opencets.allocationmethod;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencets.accounting.Figure;
import org.opencets.directory.UnitCategory;

/**
 * Benchmark (not in the suite: surefire includes only *Test/*Tests/*Properties, so it runs only when named, as
 * {@code bench/allocation.sh [units]} does): the final allocation of N generating units (BENCH_UNITS, default 30,000) in a
 * seeded national mix of entities of 1–6 units, categories I–IV, through {@link FinalAllocation#compute} per entity, then
 * {@link PreAllocation} and {@link TrueUp}; twice (cold, warm). Prints units/s, peak heap and a checksum of the allowances.
 */
class AllocationBench {

    static final int UNITS = Integer.parseInt(System.getenv().getOrDefault("BENCH_UNITS", "30000"));
    static final long SEED = 20_230_101L;

    @Test
    void allocation() {
        AllocationMethod method = AllocationFixtures.method2023();
        long g0 = System.nanoTime();
        Input input = generate(UNITS, new Random(SEED));
        long g1 = System.nanoTime();
        System.out.printf("BENCH input (not part of the figure): %d units in %d entities of 1–6 units (I %d, II %d, III %d, IV %d; %d CHP),"
                + " seed %d, generated in %d ms%n", input.units, input.entities.size(), input.byCategory.get(UnitCategory.I),
                input.byCategory.get(UnitCategory.II), input.byCategory.get(UnitCategory.III), input.byCategory.get(UnitCategory.IV), input.chp, SEED,
                (g1 - g0) / 1_000_000);

        Pass cold = pass(method, input);
        print("first pass (cold JIT)", cold);
        Pass warm = pass(method, input);
        print("second pass (warm)", warm);

        for (Pass p : List.of(cold, warm)) {
            assertThat(p.refused).as("every entity allocated").isZero();
            assertThat(p.units).isEqualTo(input.units);
            assertThat(p.unitAllowances).isPositive();
            assertThat(p.due).isGreaterThanOrEqualTo(p.unitAllowances);
        }
        assertThat(warm.checksum()).as("both passes compute the same").isEqualTo(cold.checksum());
        System.out.printf("BENCH checksum: Σ unit allowances %d t, Σ gas top-up %d t, Σ cap top-up %d t (%d entities capped), Σ due %d t,"
                + " Σ obligation %d t, Σ pre-allocation %d t, Σ true-up %d t; hash %016x%n", warm.unitAllowances, warm.gasTopUp, warm.capTopUp,
                warm.capped, warm.due, warm.obligation, warm.pre, warm.trueUp, warm.checksum());
        System.out.printf("BENCH JVM: %s, %d available processors, max heap (-Xmx) %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Every entity allocated; heap sampled every 256 entities, pool peaks reset after a GC before the pass. */
    private static Pass pass(AllocationMethod method, Input input) {
        System.gc();
        Pass p = new Pass();
        p.baseline = heapUsed();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long a0 = allocated();
        long t0 = System.nanoTime();
        int i = 0;
        for (Entity e : input.entities) {
            AllocationOutcome outcome = FinalAllocation.compute(method, e.basis);
            if (!(outcome instanceof AllocationOutcome.Allocated allocated)) {
                p.refused++;
                continue;
            }
            EntityAllocation a = allocated.allocation();
            for (UnitAllocation u : a.units()) {
                p.units++;
                p.unitAllowances += u.allowances();
                if (u.gasTopUp() != null) {
                    p.gasTopUp += u.gasTopUp().value().longValueExact();
                }
            }
            if (a.gapCapTopUp().computed() && a.gapCapTopUp().value().signum() > 0) {
                p.capped++;
                p.capTopUp += a.gapCapTopUp().value().longValueExact();
            }
            Figure pre = PreAllocation.of(method, e.previousYearEmissions);
            long preTonnes = pre.value().longValueExact();
            Figure trueUp = TrueUp.of(a.due(), preTonnes, 0);
            p.due += a.due();
            p.obligation += a.obligationTonnes();
            p.pre += preTonnes;
            p.trueUp += trueUp.value().longValueExact();
            p.hash = p.hash * 31 + a.due() * 17 + trueUp.value().longValueExact();
            if ((++i & 255) == 0) {
                p.peakSampled = Math.max(p.peakSampled, heapUsed());
            }
        }
        p.nanos = System.nanoTime() - t0;
        p.allocated = allocated() - a0;
        p.peakSampled = Math.max(p.peakSampled, heapUsed());
        p.peakPools = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        p.entities = input.entities.size();
        return p;
    }

    private static void print(String label, Pass p) {
        System.out.printf("BENCH allocation, %s: %d units (%d entities) in %d ms = %.0f units/s (%.1f µs per entity, incl. pre-allocation"
                + " and true-up)%n", label, p.units, p.entities, p.nanos / 1_000_000, p.units / (p.nanos / 1e9), p.nanos / 1e3 / p.entities);
        System.out.printf("BENCH peak heap, %s: heap pools' peaks sum %d MB (sampled every 256 entities: %d MB; %d MB after GC before the"
                + " pass, holding the input), JVM max heap %d MB%n", label, p.peakPools >> 20, p.peakSampled >> 20, p.baseline >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("BENCH allocated, %s: %d MB in the pass = %.1f KB per unit (short-lived figures)%n", label, p.allocated >> 20,
                p.allocated / 1024.0 / p.units);
    }

    /**
     * A national mix: each entity has 1–6 units and a plant type (large coal I 40 %, small coal II 30 %, CFB III 10 %, gas IV
     * 20 %); 1 unit in 6 departs from it. Load 0.55–1.00 (every band of Ff), 3,000–6,500 h, half the units CHP; emissions per
     * MWh around the benchmark (coal 0.72–1.10, gas 0.30–0.42 tCO2/MWh), so some entities fall under the 20 % gap cap and
     * gas units both above and below their emissions.
     */
    static Input generate(int unitCount, Random r) {
        Input in = new Input();
        for (UnitCategory c : UnitCategory.values()) {
            in.byCategory.put(c, 0);
        }
        UnitCategory[] all = UnitCategory.values();
        int e = 0;
        while (in.units < unitCount) {
            e++;
            int size = Math.min(1 + r.nextInt(6), unitCount - in.units);
            double t = r.nextDouble();
            UnitCategory type = t < 0.40 ? UnitCategory.I : t < 0.70 ? UnitCategory.II : t < 0.80 ? UnitCategory.III : UnitCategory.IV;
            List<UnitBasis> units = new ArrayList<>(size);
            BigDecimal entityE = BigDecimal.ZERO;
            for (int k = 1; k <= size; k++) {
                UnitCategory c = r.nextInt(6) == 0 ? all[r.nextInt(all.length)] : type;
                int mw = switch (c) {
                    case I -> 400 + 10 * r.nextInt(61);
                    case II -> 50 + 5 * r.nextInt(70);
                    case III -> 50 + 5 * r.nextInt(60);
                    case IV -> 100 + 10 * r.nextInt(41);
                };
                BigDecimal hours = BigDecimal.valueOf(30_000 + r.nextInt(35_001), 1);
                BigDecimal load = BigDecimal.valueOf(0.55 + 0.45 * r.nextDouble());
                BigDecimal qe = BigDecimal.valueOf(mw).multiply(hours).multiply(load).setScale(2, RoundingMode.HALF_UP);
                boolean chp = r.nextBoolean();
                BigDecimal qh = chp ? qe.multiply(BigDecimal.valueOf(3 * r.nextDouble())).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
                double perMwh = c == UnitCategory.IV ? 0.30 + 0.12 * r.nextDouble() : 0.72 + 0.38 * r.nextDouble();
                double perGj = c == UnitCategory.IV ? 0.056 : 0.11;
                BigDecimal emissions = qe.multiply(BigDecimal.valueOf(perMwh)).add(qh.multiply(BigDecimal.valueOf(perGj))).setScale(2,
                        RoundingMode.HALF_UP);
                units.add(new UnitBasis("#" + k, c, BigDecimal.valueOf(mw), qe, qh, hours, emissions));
                entityE = entityE.add(emissions);
                in.byCategory.merge(c, 1, Integer::sum);
                in.chp += chp ? 1 : 0;
                in.units++;
            }
            String emitter = String.format("91330206BEN%06d0", e);
            BigDecimal previous = entityE.multiply(BigDecimal.valueOf(0.9 + 0.2 * r.nextDouble())).setScale(2, RoundingMode.HALF_UP);
            in.entities.add(new Entity(new EntityBasis(emitter, units, entityE), previous));
        }
        return in;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    record Entity(EntityBasis basis, BigDecimal previousYearEmissions) {
    }

    static final class Input {
        final List<Entity> entities = new ArrayList<>();
        final Map<UnitCategory, Integer> byCategory = new EnumMap<>(UnitCategory.class);
        int units;
        int chp;
    }

    private static final class Pass {
        int entities;
        long units;
        long refused;
        long unitAllowances;
        long gasTopUp;
        long capTopUp;
        long capped;
        long due;
        long obligation;
        long pre;
        long trueUp;
        long hash = 1;
        long nanos;
        long baseline;
        long peakSampled;
        long peakPools;
        long allocated;

        long checksum() {
            return hash ^ unitAllowances ^ (pre << 1) ^ (obligation << 2);
        }
    }
}
