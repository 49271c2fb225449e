package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An annual report the city approved, with the figures verification checks: entity totals, per generating unit (power)
 * or one line for the entity (other sectors), and the production data (generation and heat per unit, or product lines).
 */
public record ApprovedReport(AnnualReport report, BigDecimal totalEmissions, BigDecimal complianceEmissions, List<Line> lines,
        Map<String, BigDecimal> products) {

    /** One unit's (or, outside power, the entity's) reported figures; generation and heat only for power units. */
    public record Line(String unit, BigDecimal emissions, BigDecimal compliance, BigDecimal generationMwh, BigDecimal heatGj) {
    }

    /** The line name used for the entity as a whole outside the power sector. */
    public static final String ENTITY = "ENTITY";
}
