package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.opencets.directory.UnitCategory;

/**
 * One year's allocation rules (DOMAIN.md "Allocation"; values per year from {@code calendar.policy_value}).
 *
 * @param electricityBenchmark Be per unit category, tCO2/MWh; a missing category has no benchmark this year
 * @param heatBenchmarkCoal    Bh for coal units (I–III), tCO2/GJ
 * @param heatBenchmarkGas     Bh for gas units (IV), tCO2/GJ
 * @param loadCorrection       the load correction bands; null when the year has none (conventional coal is then refused)
 * @param preAllocationRatio   share of the previous year's verified emissions pre-allocated (0.70)
 * @param gasTopUp             gas units are topped up to their verified emissions
 * @param entityGapCap         the largest gap an entity keeps as a share of its verified emissions (0.20); empty: no cap
 */
public record AllocationMethod(int year, Map<UnitCategory, BigDecimal> electricityBenchmark, BigDecimal heatBenchmarkCoal, BigDecimal heatBenchmarkGas,
        LoadCorrection loadCorrection, BigDecimal preAllocationRatio, boolean gasTopUp, Optional<BigDecimal> entityGapCap) {

    public AllocationMethod {
        electricityBenchmark = Map.copyOf(electricityBenchmark);
    }

    String source() {
        return "rules:" + year;
    }

    Optional<BigDecimal> electricityBenchmark(UnitCategory category) {
        return Optional.ofNullable(electricityBenchmark.get(category));
    }

    Optional<BigDecimal> heatBenchmark(UnitCategory category) {
        return Optional.ofNullable(category == UnitCategory.IV ? heatBenchmarkGas : heatBenchmarkCoal);
    }

    /** Only conventional coal units (I, II) are load-corrected. */
    static boolean loadCorrected(UnitCategory category) {
        return category == UnitCategory.I || category == UnitCategory.II;
    }
}
