package org.opencets.compliance;

import org.opencets.allocation.SpecialCaseKind;

/**
 * An emitter's surrender obligation (应清缴配额量) for a year, from the latest final allocation decision; a special
 * case says the emitter is out of compliance (DISSOLVED) or that the registry surrenders for it (seed 003 §一).
 */
public record Obligation(String emitter, String emitterName, String regionCode, int year, long tonnes, SpecialCaseKind specialCase, int revision) {

    public boolean exempt() {
        return specialCase == SpecialCaseKind.DISSOLVED;
    }

    /** Allocated into the provincial account: the registry surrenders on the entity's behalf. */
    public boolean forcedCompliance() {
        return specialCase == SpecialCaseKind.LEGAL_RISK || specialCase == SpecialCaseKind.FACILITIES_SHUT;
    }
}
