package org.opencets.mrv;

/** A QC plan version's state; an approved version is SUPERSEDED when its revision is approved. */
public enum PlanStatus {
    DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED, APPROVED, SUPERSEDED;

    /** The review level this version waits for, if any. */
    public java.util.Optional<ReviewLevel> waitingFor() {
        return switch (this) {
            case SUBMITTED -> java.util.Optional.of(ReviewLevel.DISTRICT);
            case DISTRICT_APPROVED -> java.util.Optional.of(ReviewLevel.CITY);
            default -> java.util.Optional.empty();
        };
    }

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
