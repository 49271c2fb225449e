package org.opencets.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderStageTest {

    @ParameterizedTest(name = "{0} days left → {1}")
    @CsvSource({"30,", "8,", "7,DAYS_7", "2,DAYS_7", "1,DAYS_1", "0,DAYS_1", "-1,OVERDUE", "-40,OVERDUE"})
    void sevenDaysOneDayAndOverdue(long daysLeft, ReminderStage expected) {
        assertThat(ReminderStage.forDaysLeft(daysLeft).orElse(null)).isEqualTo(expected);
    }
}
