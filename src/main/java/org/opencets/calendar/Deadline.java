package org.opencets.calendar;

import java.time.LocalDate;

/**
 * A computed due date with how it came about: the rule version applied, the anchor it counted from (null for a
 * fixed date) and the date before a day off moved it.
 */
public record Deadline(DeadlineKind kind, int complianceYear, LocalDate due, LocalDate unadjusted, LocalDate anchor,
        DeadlineRule rule) {

    /** True when the rule's day-off policy moved the date (e.g. off a Sunday or a public holiday). */
    public boolean movedOffDayOff() {
        return !due.equals(unadjusted);
    }
}
