package org.opencets.allocationmethod;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The load (output) correction factor Ff of conventional coal units as a function of the unit's load rate F
 * (generation ÷ (rated capacity × operating hours)), in four bands (year data):
 * <pre>
 *   F ≥ full                 Ff = 1
 *   middle ≤ F &lt; full       Ff = 1 + s1 × (full − 100F)
 *   low ≤ F &lt; middle        Ff = 1 + s1 × (full − middle) + s2 × (middle − 100F)
 *   F &lt; low                 Ff = base ^ (offset − slope × F)
 * </pre>
 * With the national plan's bands (85, 80, 75; 0.0014, 0.0016; 1.015^(16 − 20F)) the pieces meet: 1.007 at 80 %, 1.015 at
 * 75 %. The factor is kept to 4 decimals, half up.
 */
public record LoadCorrection(BigDecimal full, BigDecimal middle, BigDecimal low, BigDecimal slopeUpper, BigDecimal slopeLower,
        BigDecimal powerBase, BigDecimal powerOffset, BigDecimal powerSlope) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LoadCorrection {
        if (!(full.compareTo(middle) > 0 && middle.compareTo(low) > 0 && low.signum() > 0)) {
            throw new IllegalArgumentException("load bands must fall: full > middle > low > 0");
        }
    }

    /** The factor for a load rate given as a fraction (0.7823 = 78.23 %). */
    public BigDecimal factor(BigDecimal loadRate) {
        BigDecimal percent = loadRate.multiply(HUNDRED);
        BigDecimal f;
        if (percent.compareTo(full) >= 0) {
            f = BigDecimal.ONE;
        } else if (percent.compareTo(middle) >= 0) {
            f = BigDecimal.ONE.add(slopeUpper.multiply(full.subtract(percent)));
        } else if (percent.compareTo(low) >= 0) {
            f = BigDecimal.ONE.add(slopeUpper.multiply(full.subtract(middle))).add(slopeLower.multiply(middle.subtract(percent)));
        } else {
            double exponent = powerOffset.subtract(powerSlope.multiply(loadRate)).doubleValue();
            f = new BigDecimal(Math.pow(powerBase.doubleValue(), exponent), MathContext.DECIMAL64);
        }
        return f.setScale(4, RoundingMode.HALF_UP);
    }

    /** The formula of the band a load rate falls in, for the "how computed" view. */
    public String formula(BigDecimal loadRate) {
        BigDecimal percent = loadRate.multiply(HUNDRED);
        if (percent.compareTo(full) >= 0) {
            return "F ≥ " + full.toPlainString() + "% → Ff = 1";
        }
        if (percent.compareTo(middle) >= 0) {
            return middle.toPlainString() + "% ≤ F < " + full.toPlainString() + "% → Ff = 1 + " + slopeUpper.toPlainString() + " × ("
                    + full.toPlainString() + " − 100F)";
        }
        if (percent.compareTo(low) >= 0) {
            BigDecimal atMiddle = BigDecimal.ONE.add(slopeUpper.multiply(full.subtract(middle)));
            return low.toPlainString() + "% ≤ F < " + middle.toPlainString() + "% → Ff = " + atMiddle.stripTrailingZeros().toPlainString() + " + "
                    + slopeLower.toPlainString() + " × (" + middle.toPlainString() + " − 100F)";
        }
        return "F < " + low.toPlainString() + "% → Ff = " + powerBase.toPlainString() + "^(" + powerOffset.toPlainString() + " − "
                + powerSlope.toPlainString() + "F)";
    }
}
