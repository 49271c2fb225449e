package org.opencets.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opencets.shared.FieldViolation;

/** A new version of a deadline rule as a regulator enters it; {@link #violations()} lists every problem at once. */
public record NewDeadlineRule(int year, DeadlineKind kind, String regionPrefix, LocalDate fixedDate, Integer offsetDays,
        DayCount dayCount, DayOffPolicy dayOffPolicy, String source, LocalDate inForceFrom, String note) {

    List<FieldViolation> violations() {
        List<FieldViolation> v = new ArrayList<>();
        if (kind == null) {
            v.add(FieldViolation.of("kind", "deadline.kind.required", "Choose which deadline this is"));
        } else if (kind.isFixed()) {
            if (fixedDate == null) {
                v.add(FieldViolation.of("fixedDate", "deadline.fixedDate.required", "This deadline is a calendar date: enter the date"));
            }
            if (offsetDays != null || dayCount != null) {
                v.add(FieldViolation.of("offsetDays", "deadline.offset.notAllowed", "A fixed-date deadline has no day count"));
            }
        } else {
            if (fixedDate != null) {
                v.add(FieldViolation.of("fixedDate", "deadline.fixedDate.notAllowed", "This deadline counts days after an event: leave the date empty"));
            }
            if (offsetDays == null || offsetDays < 1 || offsetDays > 366) {
                v.add(FieldViolation.of("offsetDays", "deadline.offset.range", "Enter a number of days between 1 and 366"));
            }
            if (dayCount == null) {
                v.add(FieldViolation.of("dayCount", "deadline.dayCount.required", "Say whether natural or working days are counted"));
            }
        }
        if (dayOffPolicy == null) {
            v.add(FieldViolation.of("dayOffPolicy", "deadline.dayOffPolicy.required", "Say what happens when the date is a day off"));
        }
        VersionFields.check(year, regionPrefix, source, inForceFrom, note, v);
        return v;
    }
}
