package org.opencets.mrv;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.opencets.shared.Uscc;

/**
 * The city completed the review of an annual report: its reported emissions (and per generating unit for power) are
 * what verification checks next.
 */
public record AnnualReportApproved(UUID reportId, Uscc emitter, int year, int reportVersion, BigDecimal totalEmissions,
        BigDecimal complianceEmissions, Map<String, BigDecimal> unitComplianceEmissions) {
}
