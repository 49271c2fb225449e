package org.opencets.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Deadline arithmetic against the shipped 2021–2026 State Council holiday announcements. */
@IntegrationTest
class OfficialCalendarTest {

    @Autowired
    OfficialCalendar calendar;

    @Test
    void seed001_fifteenWorkingDaysAfterTheCompliancePeriodSkipNewYearsDay() {
        // PENDING_OFFSET CCER are recalled 15 working days after the period ends; 2024-01-01 is a holiday
        assertThat(calendar.plusWorkingDays(LocalDate.of(2023, 12, 31), 15)).isEqualTo(LocalDate.of(2024, 1, 22));
    }

    @Test
    void springFestivalHolidaysAreSkippedAndItsMakeUpSundaysCount() {
        // 2024-02-04 (Sun) and 2024-02-18 (Sun) are make-up working days; 02-10..02-17 are off
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 1, 31), 15)).isEqualTo(LocalDate.of(2024, 2, 26));
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 14))).isFalse();
    }

    @Test
    void seed002_threeWorkingDaysToCorrectAfterAFridayBeforeNationalDay() {
        // Friday 2024-09-27: Sunday 09-29 is a make-up working day, 10-01..10-07 are off
        assertThat(calendar.plusWorkingDays(LocalDate.of(2024, 9, 27), 3)).isEqualTo(LocalDate.of(2024, 10, 8));
    }

    @Test
    void seed002_twentyNaturalDaysAfterJanuary() {
        assertThat(calendar.plusNaturalDays(LocalDate.of(2024, 1, 31), 20)).isEqualTo(LocalDate.of(2024, 2, 20));
    }

    @Test
    void civilCode203_aDeadlineOnADayOffMovesToTheNextWorkingDayUnlessStatedAsIs() {
        LocalDate nationalDay = LocalDate.of(2024, 10, 5);
        assertThat(calendar.adjust(nationalDay, DayOffPolicy.NEXT_WORKING_DAY)).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(calendar.adjust(nationalDay, DayOffPolicy.AS_STATED)).isEqualTo(nationalDay);
        // 2026-02-15 (Sunday) falls in the 2026 Spring Festival holiday
        assertThat(calendar.adjust(LocalDate.of(2026, 2, 15), DayOffPolicy.NEXT_WORKING_DAY)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aYearWithoutAnAnnouncementCannotBeCountedInWorkingDays() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 12, 31), 15))
                .isInstanceOf(CalendarNotAnnounced.class).hasMessageContaining("2027");
        assertThat(calendar.calendar().announcedYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
    }
}
