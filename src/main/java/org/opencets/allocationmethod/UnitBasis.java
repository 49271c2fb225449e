package org.opencets.allocationmethod;

import java.math.BigDecimal;
import org.opencets.directory.UnitCategory;

/**
 * A generating unit's verified data for the year: category, rated capacity, generation, heat supplied, operating hours
 * and compliance emissions. {@code category} or {@code operatingHours} may be missing; the method then refuses.
 */
public record UnitBasis(String unit, UnitCategory category, BigDecimal ratedCapacityMw, BigDecimal generationMwh, BigDecimal heatGj,
        BigDecimal operatingHours, BigDecimal emissions) {
}
