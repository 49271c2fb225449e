package org.opencets.allocation;

import org.opencets.shared.WorkClock;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.opencets.allocationmethod.AllocationMethod;
import org.opencets.allocationmethod.LoadCorrection;
import org.opencets.calendar.PolicyParameter;
import org.opencets.calendar.PolicyValue;
import org.opencets.calendar.PolicyYearData;
import org.opencets.directory.UnitCategory;
import org.opencets.shared.RegionCode;
import org.springframework.stereotype.Component;

/** The year's allocation rules for a region, read from the compliance-year data in force today. */
@Component
class AllocationYearRules {

    private final PolicyYearData policy;
    private final WorkClock clock;

    AllocationYearRules(PolicyYearData policy, WorkClock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    AllocationMethod method(int year, RegionCode region) {
        Values values = values(year, region);
        Map<UnitCategory, BigDecimal> be = new EnumMap<>(UnitCategory.class);
        for (UnitCategory c : UnitCategory.values()) {
            values.get(PolicyParameter.BENCHMARK_ELECTRICITY, c.name()).ifPresent(v -> be.put(c, v.decimal()));
        }
        BigDecimal ratio = values.get(PolicyParameter.PRE_ALLOCATION_RATIO, "").map(PolicyValue::fraction).orElse(null);
        boolean gasTopUp = values.get(PolicyParameter.GAS_TOP_UP, "").map(v -> "1".equals(v.value().strip())).orElse(false);
        Optional<BigDecimal> cap = values.get(PolicyParameter.ENTITY_GAP_CAP, "").map(PolicyValue::fraction);
        return new AllocationMethod(year, be, values.decimal(PolicyParameter.BENCHMARK_HEAT, "COAL"), values.decimal(PolicyParameter.BENCHMARK_HEAT, "GAS"),
                loadCorrection(values), ratio, gasTopUp, cap);
    }

    /** The year's values in force today for a region, read in one query. */
    private record Values(Map<String, PolicyValue> byKey) {

        Optional<PolicyValue> get(PolicyParameter p, String qualifier) {
            return Optional.ofNullable(byKey.get(p.name() + "/" + qualifier));
        }

        BigDecimal decimal(PolicyParameter p, String qualifier) {
            return get(p, qualifier).map(PolicyValue::decimal).orElse(null);
        }
    }

    private Values values(int year, RegionCode region) {
        return new Values(policy.inForce(year, Optional.of(region), clock.today()).stream()
                .collect(java.util.stream.Collectors.toMap(v -> v.parameter().name() + "/" + v.qualifier(), v -> v, (a, b) -> b)));
    }

    /** Seed 003 §三: borrowing only in the years that set its threshold and share (2021, 2022). */
    Optional<BigDecimal[]> borrowing(int year, RegionCode region) {
        var threshold = value(PolicyParameter.BORROWING_GAP_THRESHOLD, "", year, region);
        var share = value(PolicyParameter.BORROWING_MAX_SHARE, "", year, region);
        if (threshold.isEmpty() || share.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal[] {threshold.get().fraction(), share.get().fraction()});
    }

    /** How many digits of the region code the allocating bureau has: 2 the province, 4 the city. */
    int authorityLevel(int year, RegionCode region) {
        return value(PolicyParameter.ALLOCATION_AUTHORITY_LEVEL, "", year, region).map(v -> Integer.parseInt(v.value().strip())).orElse(2);
    }

    private static LoadCorrection loadCorrection(Values values) {
        String[] q = {"FULL", "MIDDLE", "LOW", "SLOPE_UPPER", "SLOPE_LOWER", "POWER_BASE", "POWER_OFFSET", "POWER_SLOPE"};
        BigDecimal[] v = new BigDecimal[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = values.decimal(PolicyParameter.LOAD_CORRECTION, q[i]);
            if (v[i] == null) {
                return null;
            }
        }
        return new LoadCorrection(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    private Optional<PolicyValue> value(PolicyParameter p, String qualifier, int year, RegionCode region) {
        return policy.valueOn(p, qualifier, year, region, clock.today());
    }
}
