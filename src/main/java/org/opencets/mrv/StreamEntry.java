package org.opencets.mrv;

import java.math.BigDecimal;
import org.opencets.accounting.StreamKind;

/**
 * One source stream of a non-power report as the emitter entered it. Blank factors are left to the year's defaults
 * (fuel) or must be given (a process stream's emission factor).
 */
public record StreamEntry(StreamKind kind, String name, String fuel, BigDecimal activity, String activityUnit, BigDecimal ncv,
        BigDecimal carbonPerGj, BigDecimal oxidationRate, BigDecimal emissionFactor, String note) {
}
