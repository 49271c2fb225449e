package org.opencets.calendar;

/** Working-day arithmetic reached a year whose holidays are not announced (loaded) yet. */
public class CalendarNotAnnounced extends RuntimeException {

    private final int year;

    public CalendarNotAnnounced(int year) {
        super("The official holiday calendar for " + year + " has not been entered yet");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
