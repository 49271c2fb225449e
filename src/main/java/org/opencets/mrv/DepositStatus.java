package org.opencets.mrv;

/** Where a deposit version stands in the district → city review chain. */
public enum DepositStatus {
    DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED, APPROVED;

    public boolean underReview() {
        return this == SUBMITTED || this == DISTRICT_APPROVED;
    }
}
