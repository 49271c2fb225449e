package org.opencets.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The official calendar as a value: which dates are working days, and deadline arithmetic. Dates in
 * years without an announcement cannot be counted in working days ({@link CalendarNotAnnounced}).
 */
public final class WorkingCalendar {

    private final Map<LocalDate, DayKind> marked;
    private final NavigableSet<Integer> announcedYears;

    public WorkingCalendar(Map<LocalDate, DayKind> marked) {
        this.marked = Map.copyOf(marked);
        this.announcedYears = new TreeSet<>(marked.keySet().stream().map(LocalDate::getYear).toList());
    }

    public boolean isWorkingDay(LocalDate day) {
        requireAnnounced(day.getYear());
        DayKind kind = marked.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The n-th working day after {@code start} (start itself not counted); "within n working days of". */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be ≥ 0");
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The n-th natural day after {@code start}: "within n natural days after" (e.g. 20 days after month end). */
    public LocalDate plusNaturalDays(LocalDate start, int n) {
        return start.plusDays(n);
    }

    /** Applies a deadline's day-off policy to a computed due date. */
    public LocalDate adjust(LocalDate due, DayOffPolicy policy) {
        if (policy == DayOffPolicy.AS_STATED) {
            return due;
        }
        LocalDate day = due;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public NavigableSet<Integer> announcedYears() {
        return announcedYears;
    }

    private void requireAnnounced(int year) {
        if (!announcedYears.contains(year)) {
            throw new CalendarNotAnnounced(year);
        }
    }
}
