package org.opencets.calendar;

/** A year's holidays were entered: provisional due dates touching that year can now be computed for good. */
public record HolidaysAnnounced(int year, int days) {
}
