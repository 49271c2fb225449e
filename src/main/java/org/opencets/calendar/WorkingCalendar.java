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
    private final boolean provisional;

    public WorkingCalendar(Map<LocalDate, DayKind> marked) {
        this(Map.copyOf(marked), new TreeSet<>(marked.keySet().stream().map(LocalDate::getYear).toList()), false);
    }

    private WorkingCalendar(Map<LocalDate, DayKind> marked, NavigableSet<Integer> announcedYears, boolean provisional) {
        this.marked = marked;
        this.announcedYears = announcedYears;
        this.provisional = provisional;
    }

    /**
     * The same calendar, but years without an announcement count Monday–Friday as working days instead of failing:
     * for a provisional due date, shown as such until the year's holidays are entered.
     */
    public WorkingCalendar provisional() {
        return new WorkingCalendar(marked, announcedYears, true);
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
        if (!provisional && !announcedYears.contains(year)) {
            throw new CalendarNotAnnounced(year);
        }
    }
}
