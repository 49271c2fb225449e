package org.opencets.shared;

/** The covered sectors of the national ETS (seed 004 附件1; seed 002 lists the non-power ones). */
public enum Sector {
    POWER, BUILDING_MATERIALS, STEEL, NON_FERROUS, PETROCHEMICAL, CHEMICAL, PAPER, AVIATION;

    public boolean isPower() {
        return this == POWER;
    }
}
