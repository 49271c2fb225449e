package org.opencets.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal places the year's rules keep at each step (half-up, as the national platform does): the gas example of
 * DOMAIN.md keeps C_ar to 2 places (5.96 tC/10⁴Nm³) and emissions to 2 places (454.33 tCO2).
 */
public record Rounding(int ncv, int carbonSolid, int carbonGas, int carbonPerGj, int emissions, int amounts, int indicators) {

    /** Used by tests and the benchmark; production reads the year's values. */
    public static final Rounding PLATFORM = new Rounding(3, 4, 2, 5, 2, 2, 4);

    BigDecimal ncv(BigDecimal v) {
        return v.setScale(ncv, RoundingMode.HALF_UP);
    }

    BigDecimal carbon(BigDecimal v, boolean gaseous) {
        return v.setScale(gaseous ? carbonGas : carbonSolid, RoundingMode.HALF_UP);
    }

    BigDecimal carbonPerGj(BigDecimal v) {
        return v.setScale(carbonPerGj, RoundingMode.HALF_UP);
    }

    BigDecimal emissions(BigDecimal v) {
        return v.setScale(emissions, RoundingMode.HALF_UP);
    }

    /** Sums of activity data (heat input in GJ). */
    BigDecimal amount(BigDecimal v) {
        return v.setScale(amounts, RoundingMode.HALF_UP);
    }

    BigDecimal indicator(BigDecimal v) {
        return v.setScale(indicators, RoundingMode.HALF_UP);
    }
}
