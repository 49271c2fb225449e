package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One data year's accounting rules, loaded from the compliance-year data: fuel factors, the grid factor, whether
 * purchased electricity is still reported and whether it counts for compliance, the purchased-heat factor, the
 * rounding, and the missing-measurement rule (with at least {@code minMeasuredCarbonMonths} measured months the
 * missing months take the highest measured carbon per GJ, otherwise the conservative default; empty = always the
 * default).
 */
public record AccountingRules(int dataYear, Map<String, FuelFactors> fuels, Optional<BigDecimal> gridFactor,
        boolean electricityReported, boolean electricityInCompliance, Optional<BigDecimal> heatFactor, Rounding rounding,
        Optional<Integer> minMeasuredCarbonMonths, Plausibility plausibility) {

    /**
     * The verification guide's plausibility limits: a CHP unit's (generation×3.6 + heat)/Σ(FC×NCV) stays below
     * {@code chp} (1), a condensing unit's generation×3.6/Σ(FC×NCV) below {@code condensing} (0.46).
     */
    public record Plausibility(BigDecimal chp, BigDecimal condensing) {
    }

    public Optional<FuelFactors> fuel(String fuel) {
        return Optional.ofNullable(fuels.get(fuel));
    }
}
