package org.opencets.calendar;

/** What happens to a deadline that falls on a day off. Each deadline rule names its policy. */
public enum DayOffPolicy {
    /**
     * The last day of a period that is a statutory day off moves to the first working day after it
     * (民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
     */
    NEXT_WORKING_DAY,
    /** The date stands even on a day off (a notice that fixes an exact date, e.g. a published calendar date). */
    AS_STATED
}
