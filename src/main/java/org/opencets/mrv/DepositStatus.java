package org.opencets.mrv;

/** Where a deposit version stands in the district → city review chain. */
public enum DepositStatus {
    DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED, APPROVED;

    /** The review level this version waits for, if any. */
    public java.util.Optional<ReviewLevel> waitingFor() {
        return switch (this) {
            case SUBMITTED -> java.util.Optional.of(ReviewLevel.DISTRICT);
            case DISTRICT_APPROVED -> java.util.Optional.of(ReviewLevel.CITY);
            default -> java.util.Optional.empty();
        };
    }

    public boolean underReview() {
        return waitingFor().isPresent();
    }
}
