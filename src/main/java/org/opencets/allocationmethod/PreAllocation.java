package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.opencets.accounting.Figure;
import org.opencets.accounting.Figure.Input;

/** Pre-allocation (预分配): the year's ratio of the previous year's verified emissions, rounded down. */
public final class PreAllocation {

    private PreAllocation() {
    }

    public static Figure of(AllocationMethod method, BigDecimal previousYearEmissions) {
        BigDecimal value = method.preAllocationRatio().multiply(previousYearEmissions).setScale(0, RoundingMode.FLOOR);
        return new Figure("preAllocation", value, "t", "⌊r × E(y−1)⌋", List.of(Input.of("r", method.preAllocationRatio(), "", method.source()),
                Input.of("E(y−1)", previousYearEmissions, "tCO2", "verified:" + (method.year() - 1))));
    }
}
