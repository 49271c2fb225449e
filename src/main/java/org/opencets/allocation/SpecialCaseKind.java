package org.opencets.allocation;

/** The special cases of seed 003 §一, each changing how allowances are issued. */
public enum SpecialCaseKind {
    /** all facilities shut or phased out, the entity survives: no pre-allocation, everything at the final allocation */
    FACILITIES_SHUT,
    /** legal, litigation, debt or judicial-freeze risk: allowances to the provincial account, forced compliance */
    LEGAL_RISK,
    /** all facilities shut and the entity dissolved (licence cancelled): no allowances, out of compliance */
    DISSOLVED;

    /** Seed 003 §一: "对以上重点排放单位，在核定阶段，其配额发放至省级生态环境主管部门账户" covers both of the first two. */
    public boolean toProvincialAccount() {
        return this == FACILITIES_SHUT || this == LEGAL_RISK;
    }
}
