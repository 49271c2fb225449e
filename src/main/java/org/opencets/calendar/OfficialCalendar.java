package org.opencets.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The official calendar from {@code calendar.official_day}, for every module's deadline arithmetic. */
@Service
public class OfficialCalendar {

    private final JdbcClient jdbc;
    private volatile WorkingCalendar current;

    OfficialCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar as recorded now (loaded once; recording announcements comes with the calendar UI). */
    public WorkingCalendar calendar() {
        WorkingCalendar loaded = current;
        if (loaded == null) {
            loaded = load();
            current = loaded;
        }
        return loaded;
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar().isWorkingDay(day);
    }

    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return calendar().plusWorkingDays(start, n);
    }

    public LocalDate plusNaturalDays(LocalDate start, int n) {
        return calendar().plusNaturalDays(start, n);
    }

    public LocalDate adjust(LocalDate due, DayOffPolicy policy) {
        return calendar().adjust(due, policy);
    }

    private WorkingCalendar load() {
        Map<LocalDate, DayKind> marked = new HashMap<>();
        jdbc.sql("select day, kind from calendar.official_day")
                .query((rs, n) -> marked.put(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")))).list();
        return new WorkingCalendar(marked);
    }
}
