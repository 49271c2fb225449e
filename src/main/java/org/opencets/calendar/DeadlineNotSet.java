package org.opencets.calendar;

/** No deadline rule has been recorded for this kind, year and region (a regulator must enter one). */
public class DeadlineNotSet extends RuntimeException {

    private final DeadlineKind kind;
    private final int year;

    public DeadlineNotSet(DeadlineKind kind, int year, String region) {
        super("No deadline rule " + kind + " for " + year + " in region " + (region.isEmpty() ? "(national)" : region));
        this.kind = kind;
        this.year = year;
    }

    public DeadlineKind kind() {
        return kind;
    }

    public int year() {
        return year;
    }
}
