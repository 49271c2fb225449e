package org.opencets.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/**
 * The verification of one emitter's annual report for a data year: which approved report version it checks (with the
 * reported figures per unit), the firm assigned and how, where it stands and by when it is due.
 */
public record VerificationTask(UUID id, int year, Uscc emitter, String emitterName, RegionCode region, Sector sector, UUID reportId,
        int reportVersion, BigDecimal reportedTotal, BigDecimal reportedCompliance, UUID firmId, String firmName, Assignment assignedHow,
        UUID drawId, TaskStatus status, LocalDate due, String documentReview, Instant documentReviewAt, LocalDate objectionUntil,
        int version, List<ReportedLine> lines, Map<String, BigDecimal> products) {

    public enum Assignment { MANUAL, DRAW }

    /** A unit's reported figures (outside power one line, {@code ENTITY}). */
    public record ReportedLine(String unit, BigDecimal emissions, BigDecimal compliance, BigDecimal generationMwh, BigDecimal heatGj) {
    }

    public boolean power() {
        return sector.isPower();
    }

    public boolean documentReviewDone() {
        return documentReviewAt != null;
    }
}
