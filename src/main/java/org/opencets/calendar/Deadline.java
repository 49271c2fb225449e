package org.opencets.calendar;

import java.time.LocalDate;

/**
 * A computed due date with how it came about: the rule version applied, the anchor it counted from (null for a
 * fixed date) and the date before a day off moved it. A provisional deadline touched a year whose holidays are not
 * announced yet (weekends were assumed the only days off); it is computed again once they are.
 */
public record Deadline(DeadlineKind kind, int complianceYear, LocalDate due, LocalDate unadjusted, LocalDate anchor,
        DeadlineRule rule, boolean provisional) {

    /** True when the rule's day-off policy moved the date (e.g. off a Sunday or a public holiday). */
    public boolean movedOffDayOff() {
        return !due.equals(unadjusted);
    }
}
