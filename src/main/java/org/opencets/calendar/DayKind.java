package org.opencets.calendar;

/** How the State Council's announcement marks a date; unmarked dates follow the week (Mon–Fri work). */
public enum DayKind {
    /** a day off, even on a weekday */
    HOLIDAY,
    /** a weekend day that is a working day (调休) */
    WORKDAY
}
