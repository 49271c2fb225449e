package org.opencets.mrv;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Sector;
import org.opencets.shared.Uscc;

/**
 * One version of an emitter's annual emission report (年度温室气体排放报告). A draft compiles live from the approved
 * deposits (power) or its source streams (other sectors); submission freezes the computed figures with the version,
 * logs their hash, and only the review state moves afterwards. A returned version is corrected as a new one.
 */
public record AnnualReport(UUID id, Uscc emitter, String emitterName, RegionCode region, Sector sector, int year, int reportVersion,
        UUID replaces, ReportStatus status, String explanation, boolean late, String contentSha256, Long logIndex, Instant submittedAt,
        String submittedBy, int version, List<ReportAttachment> attachments, List<StreamEntry> streams, Map<String, BigDecimal> products) {

    public boolean editable() {
        return status == ReportStatus.DRAFT;
    }
}
