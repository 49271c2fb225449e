package org.opencets.directory;

/** Operating status of a key emitter; the special cases change allocation (seed 003 §三). */
public enum EmitterStatus {
    NORMAL,
    /** all facilities shut but the legal entity survives */
    ALL_FACILITIES_SHUT,
    /** legal, debt or judicial-freeze risk */
    LEGAL_OR_DEBT_RISK,
    /** licence cancelled: out of compliance */
    DISSOLVED
}
