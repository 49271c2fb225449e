package org.opencets.directory;

/** A district's proposed list: drafted, submitted to the city, returned with reasons, approved, then published. */
public enum AnnualListStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED, PUBLISHED;

    boolean editableByDistrict() {
        return this == DRAFT || this == RETURNED;
    }
}
