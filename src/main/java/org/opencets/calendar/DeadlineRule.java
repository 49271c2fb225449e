package org.opencets.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a deadline rule for a compliance year and region: either a fixed date, or a number of natural or
 * working days after the anchor; and what happens when the result is a day off.
 *
 * @param regionPrefix "" for the national rule, else the GB/T 2260 prefix of the region that set its own
 */
public record DeadlineRule(long id, int complianceYear, DeadlineKind kind, String regionPrefix, LocalDate fixedDate,
        Integer offsetDays, DayCount dayCount, DayOffPolicy dayOffPolicy, String source, LocalDate inForceFrom,
        String note, String recordedBy, Instant recordedAt) {

    public boolean isFixed() {
        return fixedDate != null;
    }

    /** The due date before the day-off policy: the fixed date, or the anchor plus the counted days. */
    LocalDate unadjusted(WorkingCalendar calendar, LocalDate anchor) {
        if (isFixed()) {
            return fixedDate;
        }
        return dayCount == DayCount.WORKING ? calendar.plusWorkingDays(anchor, offsetDays) : calendar.plusNaturalDays(anchor, offsetDays);
    }

    public boolean isNational() {
        return regionPrefix.isEmpty();
    }
}
