package org.opencets.mrv;

import java.util.Optional;
import org.opencets.shared.Sector;

/**
 * An annual report version's state. Power reports go emitter → district → city (seed 002 §二(三)); non-power reports
 * go emitter → city (seed 002 §三(一)).
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, DISTRICT_APPROVED, APPROVED, RETURNED;

    /** Whose review the version waits for, if any. */
    public Optional<ReviewLevel> waitingFor(Sector sector) {
        return switch (this) {
            case SUBMITTED -> Optional.of(sector.isPower() ? ReviewLevel.DISTRICT : ReviewLevel.CITY);
            case DISTRICT_APPROVED -> Optional.of(ReviewLevel.CITY);
            default -> Optional.empty();
        };
    }

    public boolean frozen() {
        return this != DRAFT;
    }
}
