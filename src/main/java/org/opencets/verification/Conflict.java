package org.opencets.verification;

import java.util.List;

/** Why a firm may not verify an emitter this year (a value, not an exception: the draw lists them per candidate). */
public record Conflict(Code code, List<Object> args) {

    public enum Code {
        /** the firm is no longer active */
        FIRM_INACTIVE,
        /** the emitter's sector is not among the firm's qualified sectors */
        SECTOR_NOT_QUALIFIED,
        /** none of the firm's verifiers holds a valid credential for the sector */
        NO_QUALIFIED_VERIFIER,
        /** the firm prepared or consulted on this emitter's report for the year */
        CONSULTED_EMITTER,
        /** the firm prepares reports in the emitter's province this year (条例 2024 第十四条) */
        PREPARES_REPORTS_IN_PROVINCE,
        /** the firm verified this emitter the maximum number of years in a row */
        CONSECUTIVE_YEARS
    }

    static Conflict of(Code code, Object... args) {
        return new Conflict(code, List.of(args));
    }

    String messageKey() {
        return "verification.conflict." + code.name();
    }
}
