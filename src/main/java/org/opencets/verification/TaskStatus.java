package org.opencets.verification;

/**
 * Where a verification task stands. UNASSIGNED → ASSIGNED (the firm works) → CONCLUDED (objection window) → FINAL, or
 * → OBJECTED → FINAL (rejected) / REVISION_REQUIRED (upheld) → FINAL; the city may re-verify a FINAL task
 * (REVERIFYING → FINAL unchanged, or REVISION_REQUIRED when the figures change).
 */
public enum TaskStatus {
    UNASSIGNED, ASSIGNED, CONCLUDED, OBJECTED, REVERIFYING, REVISION_REQUIRED, FINAL;

    /** The firm may still record work (review, visit, findings) and issue its conclusion. */
    public boolean firmWorking() {
        return this == ASSIGNED || this == REVISION_REQUIRED;
    }

    /** A conclusion exists. */
    public boolean concluded() {
        return this == CONCLUDED || this == OBJECTED || this == REVERIFYING || this == REVISION_REQUIRED || this == FINAL;
    }
}
