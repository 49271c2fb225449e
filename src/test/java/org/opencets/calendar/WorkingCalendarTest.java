package org.opencets.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic on a small made-up calendar: a holiday Wednesday and a make-up Saturday in 2030. */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(Map.of(
            LocalDate.of(2030, 5, 1), DayKind.HOLIDAY,      // Wednesday off
            LocalDate.of(2030, 5, 4), DayKind.WORKDAY));    // Saturday worked

    @Test
    void weekdaysWorkWeekendsRestUnlessAnnouncedOtherwise() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 4, 30))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 5))).isFalse();
    }

    @Test
    void countingStartsTheDayAfter() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2030, 4, 30), 0)).isEqualTo(LocalDate.of(2030, 4, 30));
        // Thu 05-02, Fri 05-03, Sat 05-04 (make-up), Mon 05-06
        assertThat(calendar.plusWorkingDays(LocalDate.of(2030, 4, 30), 4)).isEqualTo(LocalDate.of(2030, 5, 6));
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2030, 4, 30), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnannouncedYearIsRefusedNotGuessed() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2031, 1, 2))).isInstanceOf(CalendarNotAnnounced.class);
    }
}
