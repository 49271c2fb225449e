package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencets.directory.UnitCategory;

/** The 2023 and 2024 rules of DOMAIN.md "Allocation" and short builders for units and entities. */
final class AllocationFixtures {

    /** The national plan's bands: 85 / 80 / 75 %, slopes 0.0014 / 0.0016, below 75 %: 1.015^(16 − 20F). */
    static final LoadCorrection NATIONAL = new LoadCorrection(d("85"), d("80"), d("75"), d("0.0014"), d("0.0016"), d("1.015"), d("16"), d("20"));

    private AllocationFixtures() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Map<UnitCategory, BigDecimal> be2023() {
        return Map.of(UnitCategory.I, d("0.7950"), UnitCategory.II, d("0.8090"), UnitCategory.III, d("0.8285"), UnitCategory.IV, d("0.3305"));
    }

    /** 2023: Be I 0.7950, II 0.8090, III 0.8285, IV 0.3305; Bh coal 0.1038, gas 0.0536; pre 70 %; gas top-up; cap 20 %. */
    static AllocationMethod method2023() {
        return new AllocationMethod(2023, be2023(), d("0.1038"), d("0.0536"), NATIONAL, d("0.70"), true, Optional.of(d("0.20")));
    }

    /** 2024: Be I 0.7910, II 0.8049, III 0.8244, IV 0.3288; Bh coal 0.1033, gas 0.0533. */
    static AllocationMethod method2024() {
        return new AllocationMethod(2024,
                Map.of(UnitCategory.I, d("0.7910"), UnitCategory.II, d("0.8049"), UnitCategory.III, d("0.8244"), UnitCategory.IV, d("0.3288")),
                d("0.1033"), d("0.0533"), NATIONAL, d("0.70"), true, Optional.of(d("0.20")));
    }

    static AllocationMethod method2023(boolean gasTopUp, Optional<BigDecimal> cap) {
        return new AllocationMethod(2023, be2023(), d("0.1038"), d("0.0536"), NATIONAL, d("0.70"), gasTopUp, cap);
    }

    static AllocationMethod method2023Without(UnitCategory category) {
        Map<UnitCategory, BigDecimal> be = new EnumMap<>(be2023());
        be.remove(category);
        return new AllocationMethod(2023, be, d("0.1038"), d("0.0536"), NATIONAL, d("0.70"), true, Optional.of(d("0.20")));
    }

    /** unit(code, category, P MW, Qe MWh, Qh GJ, h, E tCO2); null strings stay null. */
    static UnitBasis unit(String code, UnitCategory category, String mw, String mwh, String gj, String hours, String emissions) {
        return new UnitBasis(code, category, n(mw), n(mwh), n(gj), n(hours), n(emissions));
    }

    static EntityBasis entity(String emissions, UnitBasis... units) {
        return new EntityBasis("91310110666007217T", List.of(units), n(emissions));
    }

    static EntityAllocation allocated(AllocationMethod method, EntityBasis entity) {
        AllocationOutcome outcome = FinalAllocation.compute(method, entity);
        if (outcome instanceof AllocationOutcome.Allocated a) {
            return a.allocation();
        }
        throw new AssertionError("expected an allocation, got " + outcome);
    }

    static List<MethodProblem> refused(AllocationMethod method, EntityBasis entity) {
        AllocationOutcome outcome = FinalAllocation.compute(method, entity);
        if (outcome instanceof AllocationOutcome.Refused r) {
            return r.problems();
        }
        throw new AssertionError("expected a refusal, got " + outcome);
    }

    static UnitAllocation only(EntityAllocation allocation) {
        if (allocation.units().size() != 1) {
            throw new AssertionError("expected one unit, got " + allocation.units());
        }
        return allocation.units().getFirst();
    }

    private static BigDecimal n(String v) {
        return v == null ? null : new BigDecimal(v);
    }
}
