package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.opencets.accounting.Figure;
import org.opencets.accounting.Figure.Input;
import org.opencets.directory.UnitCategory;

/**
 * The final allocation (核定) of an entity from its verified unit data (DOMAIN.md "Allocation", 2023/24 plan):
 * <ul>
 * <li>per unit A = Qe × Be × Ff + Qh × Bh, Ff only for conventional coal (I, II), rounded down to whole tonnes;</li>
 * <li>gas units (IV) topped up to their verified emissions (rounded up: the top-up is meant to close the gap);</li>
 * <li>the entity's gap capped: allocation due ≥ floor((1 − cap) × verified emissions);</li>
 * <li>the surrender obligation = verified emissions, rounded up to whole tonnes.</li>
 * </ul>
 */
public final class FinalAllocation {

    /** Load rates above this share of capacity are implausible (as the monthly deposit checks). */
    static final BigDecimal MAX_LOAD_RATE = new BigDecimal("1.05");

    private FinalAllocation() {
    }

    public static AllocationOutcome compute(AllocationMethod method, EntityBasis entity) {
        List<MethodProblem> problems = problems(method, entity);
        if (!problems.isEmpty()) {
            return new AllocationOutcome.Refused(problems);
        }
        List<UnitAllocation> units = entity.units().stream().map(u -> unit(method, u)).toList();
        long sum = units.stream().mapToLong(UnitAllocation::allowances).sum();
        Figure unitsTotal = new Figure("unitsTotal", BigDecimal.valueOf(sum), "t", "Σ A_unit",
                units.stream().map(u -> Input.of("A(" + u.unit() + ")", BigDecimal.valueOf(u.allowances()), "t", "unit:" + u.unit())).toList());
        Figure cap = gapCap(method, entity.verifiedEmissions(), sum);
        long due = sum + (cap.computed() ? cap.value().longValueExact() : 0);
        Figure allocationDue = new Figure("allocationDue", BigDecimal.valueOf(due), "t", cap.computed() ? "Σ A_unit + cap top-up" : "Σ A_unit",
                cap.computed() ? List.of(Input.of("ΣA", BigDecimal.valueOf(sum), "t", "unitsTotal"), Input.of("cap", cap.value(), "t", "gapCapTopUp"))
                        : List.of(Input.of("ΣA", BigDecimal.valueOf(sum), "t", "unitsTotal")));
        Figure obligation = new Figure("obligation", entity.verifiedEmissions().setScale(0, RoundingMode.CEILING), "t", "⌈E⌉",
                List.of(Input.of("E", entity.verifiedEmissions(), "tCO2", "verified")));
        return new AllocationOutcome.Allocated(new EntityAllocation(entity.emitter(), units, unitsTotal, cap, allocationDue, obligation));
    }

    static List<MethodProblem> problems(AllocationMethod method, EntityBasis entity) {
        List<MethodProblem> problems = new ArrayList<>();
        if (entity.units().isEmpty()) {
            problems.add(MethodProblem.of("", MethodProblem.NO_UNITS, entity.emitter()));
        }
        if (entity.verifiedEmissions() == null || entity.verifiedEmissions().signum() < 0) {
            problems.add(MethodProblem.of("", MethodProblem.NEGATIVE, "E"));
        }
        for (UnitBasis u : entity.units()) {
            if (u.category() == null) {
                problems.add(MethodProblem.of(u.unit(), MethodProblem.CATEGORY_MISSING, u.unit()));
            } else {
                benchmarkProblems(method, u, problems);
            }
            for (BigDecimal v : new BigDecimal[] {u.generationMwh(), u.heatGj(), u.emissions()}) {
                if (v == null || v.signum() < 0) {
                    problems.add(MethodProblem.of(u.unit(), MethodProblem.NEGATIVE, u.unit()));
                    break;
                }
            }
        }
        return problems;
    }

    private static void benchmarkProblems(AllocationMethod method, UnitBasis u, List<MethodProblem> problems) {
        if (method.electricityBenchmark(u.category()).isEmpty()) {
            problems.add(MethodProblem.of(u.unit(), MethodProblem.BENCHMARK_MISSING, u.category().name(), method.year()));
        }
        if (method.heatBenchmark(u.category()).isEmpty()) {
            problems.add(MethodProblem.of(u.unit(), MethodProblem.HEAT_BENCHMARK_MISSING, u.category() == UnitCategory.IV ? "GAS" : "COAL", method.year()));
        }
        if (!AllocationMethod.loadCorrected(u.category()) || !positive(u.generationMwh())) {
            return;
        }
        if (method.loadCorrection() == null) {
            problems.add(MethodProblem.of(u.unit(), MethodProblem.LOAD_CORRECTION_MISSING, method.year()));
        }
        if (!positive(u.ratedCapacityMw())) {
            problems.add(MethodProblem.of(u.unit(), MethodProblem.CAPACITY_MISSING, u.unit()));
        } else if (!positive(u.operatingHours())) {
            problems.add(MethodProblem.of(u.unit(), MethodProblem.OPERATING_HOURS_MISSING, u.unit()));
        } else if (u.generationMwh().compareTo(MAX_LOAD_RATE.multiply(u.ratedCapacityMw()).multiply(u.operatingHours())) > 0) {
            // compared unrounded, so 1.05004 is refused too
            problems.add(MethodProblem.of(u.unit(), MethodProblem.LOAD_ABOVE_CAPACITY, u.unit(), loadRate(u)));
        }
    }

    private static UnitAllocation unit(AllocationMethod method, UnitBasis u) {
        String src = "basis:" + u.unit();
        String rules = method.source();
        BigDecimal be = method.electricityBenchmark(u.category()).orElseThrow();
        BigDecimal bh = method.heatBenchmark(u.category()).orElseThrow();
        Figure rate = null;
        Figure factor = null;
        BigDecimal ff = BigDecimal.ONE;
        if (AllocationMethod.loadCorrected(u.category()) && positive(u.generationMwh())) {
            BigDecimal f = loadRate(u);
            rate = new Figure("loadRate:" + u.unit(), f, "", "F = Qe ÷ (P × h)", List.of(Input.of("Qe", u.generationMwh(), "MWh", src),
                    Input.of("P", u.ratedCapacityMw(), "MW", src), Input.of("h", u.operatingHours(), "h", src)));
            ff = method.loadCorrection().factor(f);
            factor = new Figure("loadFactor:" + u.unit(), ff, "", method.loadCorrection().formula(f),
                    List.of(Input.of("F", f, "", "loadRate:" + u.unit())));
        }
        BigDecimal ae = u.generationMwh().multiply(be).multiply(ff);
        List<Input> eIn = new ArrayList<>(List.of(Input.of("Qe", u.generationMwh(), "MWh", src), Input.of("Be", be, "tCO2/MWh", rules)));
        if (factor != null) {
            eIn.add(Input.of("Ff", ff, "", factor.key()));
        }
        Figure electricity = new Figure("electricity:" + u.unit(), ae, "t", factor != null ? "Qe × Be × Ff" : "Qe × Be", eIn);
        BigDecimal ah = u.heatGj().multiply(bh);
        Figure heat = new Figure("heat:" + u.unit(), ah, "t", "Qh × Bh",
                List.of(Input.of("Qh", u.heatGj(), "GJ", src), Input.of("Bh", bh, "tCO2/GJ", rules)));
        long benchmarkTonnes = ae.add(ah).setScale(0, RoundingMode.FLOOR).longValueExact();
        Figure benchmark = new Figure("benchmark:" + u.unit(), BigDecimal.valueOf(benchmarkTonnes), "t", "⌊Ae + Ah⌋",
                List.of(Input.of("Ae", ae, "t", electricity.key()), Input.of("Ah", ah, "t", heat.key())));
        Figure topUp = null;
        long allowances = benchmarkTonnes;
        if (u.category() == UnitCategory.IV && method.gasTopUp()) {
            long emissions = u.emissions().setScale(0, RoundingMode.CEILING).longValueExact();
            long add = Math.max(0, emissions - benchmarkTonnes);
            topUp = new Figure("gasTopUp:" + u.unit(), BigDecimal.valueOf(add), "t", "max(0, ⌈E_unit⌉ − A)",
                    List.of(Input.of("E_unit", u.emissions(), "tCO2", src), Input.of("A", BigDecimal.valueOf(benchmarkTonnes), "t", benchmark.key())));
            allowances += add;
        }
        return new UnitAllocation(u.unit(), rate, factor, electricity, heat, benchmark, topUp, allowances);
    }

    private static Figure gapCap(AllocationMethod method, BigDecimal emissions, long sum) {
        if (method.entityGapCap().isEmpty()) {
            return Figure.notComputed("gapCapTopUp", "t", "no cap this year");
        }
        BigDecimal cap = method.entityGapCap().get();
        long floor = BigDecimal.ONE.subtract(cap).multiply(emissions).setScale(0, RoundingMode.FLOOR).longValueExact();
        long add = Math.max(0, floor - sum);
        return new Figure("gapCapTopUp", BigDecimal.valueOf(add), "t", "max(0, ⌊(1 − cap) × E⌋ − ΣA)",
                List.of(Input.of("cap", cap, "", method.source()), Input.of("E", emissions, "tCO2", "verified"),
                        Input.of("ΣA", BigDecimal.valueOf(sum), "t", "unitsTotal")));
    }

    static BigDecimal loadRate(UnitBasis u) {
        return u.generationMwh().divide(u.ratedCapacityMw().multiply(u.operatingHours()), 4, RoundingMode.HALF_UP);
    }

    private static boolean positive(BigDecimal v) {
        return v != null && v.signum() > 0;
    }
}
