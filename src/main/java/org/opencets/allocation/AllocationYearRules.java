package org.opencets.allocation;

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
    private final AllocationClock clock;

    AllocationYearRules(PolicyYearData policy, AllocationClock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    AllocationMethod method(int year, RegionCode region) {
        Map<UnitCategory, BigDecimal> be = new EnumMap<>(UnitCategory.class);
        for (UnitCategory c : UnitCategory.values()) {
            value(PolicyParameter.BENCHMARK_ELECTRICITY, c.name(), year, region).ifPresent(v -> be.put(c, v.decimal()));
        }
        BigDecimal ratio = value(PolicyParameter.PRE_ALLOCATION_RATIO, "", year, region).map(PolicyValue::fraction).orElse(null);
        boolean gasTopUp = value(PolicyParameter.GAS_TOP_UP, "", year, region).map(v -> "1".equals(v.value().strip())).orElse(false);
        Optional<BigDecimal> cap = value(PolicyParameter.ENTITY_GAP_CAP, "", year, region).map(PolicyValue::fraction);
        return new AllocationMethod(year, be, decimal(PolicyParameter.BENCHMARK_HEAT, "COAL", year, region),
                decimal(PolicyParameter.BENCHMARK_HEAT, "GAS", year, region), loadCorrection(year, region), ratio, gasTopUp, cap);
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

    private LoadCorrection loadCorrection(int year, RegionCode region) {
        String[] q = {"FULL", "MIDDLE", "LOW", "SLOPE_UPPER", "SLOPE_LOWER", "POWER_BASE", "POWER_OFFSET", "POWER_SLOPE"};
        BigDecimal[] v = new BigDecimal[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = decimal(PolicyParameter.LOAD_CORRECTION, q[i], year, region);
            if (v[i] == null) {
                return null;
            }
        }
        return new LoadCorrection(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    private BigDecimal decimal(PolicyParameter p, String qualifier, int year, RegionCode region) {
        return value(p, qualifier, year, region).map(PolicyValue::decimal).orElse(null);
    }

    private Optional<PolicyValue> value(PolicyParameter p, String qualifier, int year, RegionCode region) {
        return policy.valueOn(p, qualifier, year, region, clock.today());
    }
}
