package org.opencets.compliance;

/**
 * Where an emitter stands for a year: complied on time or late, partly surrendered or not at all after the deadline,
 * outstanding while the deadline is ahead, or exempt (dissolved: no allowances, out of compliance, seed 003 §一).
 */
public enum ComplianceStatus {
    ON_TIME, LATE, PARTIAL, NOT_COMPLIED, OUTSTANDING, EXEMPT;

    public boolean complied() {
        return this == ON_TIME || this == LATE;
    }
}
