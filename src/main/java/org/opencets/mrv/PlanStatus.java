package org.opencets.mrv;

/** A QC plan version's state; an approved version is SUPERSEDED when its revision is approved. */
public enum PlanStatus {
    DRAFT, SUBMITTED, RETURNED, DISTRICT_APPROVED, APPROVED, SUPERSEDED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
