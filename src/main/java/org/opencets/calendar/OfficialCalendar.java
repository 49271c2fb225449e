package org.opencets.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.ValidationFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The official calendar from {@code calendar.official_day}, for every module's deadline arithmetic. */
@Service
public class OfficialCalendar {

    /** Another instance may have entered an announcement; look for one at most this often. */
    private static final long RECHECK_MILLIS = 30_000;

    private final JdbcClient jdbc;
    private final RegulatorScope scope;
    private final org.springframework.context.ApplicationEventPublisher events;
    private volatile Loaded current;

    private record Loaded(WorkingCalendar calendar, long rows, long checkedAt) {
    }

    /** A recorded day off or make-up working day, with the announcement it comes from. */
    public record RecordedDay(LocalDate day, DayKind kind, String name, String source, String recordedBy) {
    }

    OfficialCalendar(JdbcClient jdbc, RegulatorScope scope, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.scope = scope;
    }

    public WorkingCalendar calendar() {
        Loaded loaded = current;
        long now = System.currentTimeMillis();
        if (loaded == null) {
            loaded = load(now);
        } else if (now - loaded.checkedAt() > RECHECK_MILLIS) {
            long rows = rowCount();
            loaded = rows == loaded.rows() ? new Loaded(loaded.calendar(), rows, now) : load(now);
        }
        current = loaded;
        return loaded.calendar();
    }

    /** Forgets the cached calendar; the next use loads it from the database. */
    public void refresh() {
        current = null;
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

    public List<RecordedDay> days(int year) {
        return jdbc.sql("select day, kind, name, source, recorded_by from calendar.official_day where extract(year from day) = ? order by day")
                .param(year)
                .query((rs, n) -> new RecordedDay(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("source"), rs.getString("recorded_by")))
                .list();
    }

    /**
     * Enters a year's announcement, all lines or none. Dates already in the calendar are refused, not replaced:
     * deadlines computed from them may already be in people's inboxes.
     */
    @Transactional
    public int announce(CurrentUser user, int year, String source, String lines) {
        scope.checkCalendarKeeper(user);
        List<FieldViolation> violations = new ArrayList<>();
        if (year < 2013 || year > 2100) {
            throw new ValidationFailed(FieldViolation.of("year", "policy.year.range", "Year must be between 2013 and 2100", year));
        }
        HolidayAnnouncement announcement = HolidayAnnouncement.parse(year, source, lines, new HashSet<>(recordedDays(year)), violations);
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        try {
            announcement.days().forEach(d -> jdbc.sql("""
                    insert into calendar.official_day (day, kind, name, source, recorded_by) values (?, ?, ?, ?, ?)""")
                    .params(d.day(), d.kind().name(), d.name(), announcement.source(), user.username()).update());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // someone entered the same date a moment ago
            throw new ValidationFailed(FieldViolation.of("days", "holidays.concurrent", "Some of these dates were entered meanwhile; reload and check"));
        }
        current = null;
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        current = null;
                    }
                });
        events.publishEvent(new HolidaysAnnounced(year, announcement.days().size()));
        return announcement.days().size();
    }

    private List<LocalDate> recordedDays(int year) {
        return days(year).stream().map(RecordedDay::day).toList();
    }

    private long rowCount() {
        return jdbc.sql("select count(*) from calendar.official_day").query(Long.class).single();
    }

    private Loaded load(long now) {
        Map<LocalDate, DayKind> marked = new HashMap<>();
        jdbc.sql("select day, kind from calendar.official_day")
                .query((rs, n) -> marked.put(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")))).list();
        return new Loaded(new WorkingCalendar(marked), marked.size(), now);
    }
}
