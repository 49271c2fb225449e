package org.opencets.allocation;

import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;

/**
 * A final allocation (or its correction) was decided: the emitter's surrender obligation for the year (应清缴配额量)
 * and the allowances due. Compliance builds on it; {@code specialCase} DISSOLVED means the emitter is out of
 * compliance, LEGAL_RISK and FACILITIES_SHUT that the registry surrenders on its behalf (seed 003 §一).
 */
public record AllocationFinalised(java.util.UUID decisionId, Uscc emitter, String emitterName, RegionCode region, int year, int revision,
        long allocationDue, long obligation, SpecialCaseKind specialCase) {
}
