package org.opencets.inbox;

import java.util.Optional;

/**
 * When people are reminded (issue: 7 days and 1 day before the due date, and the day it becomes overdue). A job
 * that missed a day still sends the stage the obligation is in now, but never an earlier stage after a later one.
 */
enum ReminderStage {
    DAYS_7, DAYS_1, OVERDUE;

    static Optional<ReminderStage> forDaysLeft(long daysLeft) {
        if (daysLeft < 0) {
            return Optional.of(OVERDUE);
        }
        if (daysLeft <= 1) {
            return Optional.of(DAYS_1);
        }
        if (daysLeft <= 7) {
            return Optional.of(DAYS_7);
        }
        return Optional.empty();
    }
}
