package org.opencets.directory;

/** Generating-unit categories of the power allocation plan (DOMAIN.md "Allocation"). */
public enum UnitCategory {
    /** conventional coal ≥ 400 MW */
    I,
    /** conventional coal < 400 MW */
    II,
    /** unconventional coal (gangue, slime; CFB) */
    III,
    /** natural gas */
    IV
}
