package org.opencets.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencets.shared.FieldViolation;

/** Issue "bad input": a malformed date, a duplicate date or a weekday make-up day is refused with its line. */
class HolidayAnnouncementTest {

    @Test
    void readsTheReferenceFormat() {
        List<FieldViolation> violations = new ArrayList<>();
        var a = HolidayAnnouncement.parse(2027, "国务院办公厅关于2027年部分节假日安排的通知", """
                date,kind,name
                2027-01-01,HOLIDAY,元旦
                2027-02-06,WORKDAY,春节
                """, Set.of(), violations);
        assertThat(violations).isEmpty();
        assertThat(a.days()).extracting(HolidayAnnouncement.OfficialDay::kind).containsExactly(DayKind.HOLIDAY, DayKind.WORKDAY);
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        List<FieldViolation> violations = new ArrayList<>();
        HolidayAnnouncement.parse(2027, "", """
                2027-13-01,HOLIDAY,元旦
                2027-01-01,HOLIDAY,元旦
                2027-01-01,HOLIDAY,元旦
                2027-02-08,WORKDAY,春节
                2027-02-09,DAYOFF,春节
                2028-01-01,HOLIDAY,元旦
                2027-05-01,HOLIDAY
                2027-10-01,HOLIDAY,国庆节
                """, Set.of(LocalDate.of(2027, 10, 1)), violations);
        assertThat(violations).extracting(FieldViolation::messageKey).containsExactly("holidays.source.required",
                "holidays.line.date", "holidays.line.duplicate", "holidays.line.workday", "holidays.line.kind", "holidays.line.year",
                "holidays.line.shape", "holidays.line.recorded");
        assertThat(violations.get(1).arguments()).startsWith(1);
        assertThat(violations.get(2).arguments()).startsWith(3);
    }

    @Test
    void nothingEnteredIsAnError() {
        List<FieldViolation> violations = new ArrayList<>();
        HolidayAnnouncement.parse(2027, "通知", "\n\n", Set.of(), violations);
        assertThat(violations).extracting(FieldViolation::messageKey).containsExactly("holidays.empty");
    }
}
