package org.opencets.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencets.calendar.DeadlineKind;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens and closes obligations for the other modules, and answers "what must I do, by when". */
@Service
public class Obligations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.opencets.calendar.Deadlines deadlines;

    Obligations(JdbcClient jdbc, Clock clock, org.opencets.calendar.Deadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Idempotent: an obligation with the same key, open or closed, is returned unchanged. */
    @Transactional
    public Obligation open(NewObligation o) {
        jdbc.sql("""
                insert into inbox.obligation (id, obligation_key, deadline, compliance_year, responsible_org, region_code, emitter_uscc,
                  emitter_name, subject, period, link, due_date, rule_id, anchor, provisional) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (obligation_key) do nothing""")
                .params(UUID.randomUUID(), o.key(), o.deadline().kind().name(), o.deadline().complianceYear(), o.responsibleOrganisation(),
                        o.region().value(), o.emitterUscc(), o.emitterName(), o.subject(), o.period(), o.link(), o.deadline().due(),
                        o.deadline().rule().id(), o.deadline().anchor(), o.deadline().provisional())
                .update();
        return find(o.key()).orElseThrow();
    }

    /** Marks an open obligation done (or withdrawn); closing a closed or unknown one changes nothing. */
    @Transactional
    public boolean close(String key, Obligation.Outcome outcome, String by) {
        return jdbc.sql("""
                update inbox.obligation set closed_at = now(), closed_by = ?, outcome = ? where obligation_key = ? and closed_at is null""")
                .params(by, outcome.name(), key).update() == 1;
    }

    public Optional<Obligation> find(String key) {
        return jdbc.sql(SELECT + " where obligation_key = ?").param(key).query(Obligations::map).optional();
    }

    /** The user's organisation's open obligations, soonest first. */
    public List<Obligation> openFor(CurrentUser user) {
        return jdbc.sql(SELECT + " where responsible_org = ? and closed_at is null order by due_date, emitter_name, subject, period")
                .param(user.organisationId()).query(Obligations::map).list();
    }

    /** Everything of the user's organisation due in a month, open or closed (the calendar view). */
    public List<Obligation> dueInMonth(CurrentUser user, YearMonth month) {
        return jdbc.sql(SELECT + " where responsible_org = ? and due_date between ? and ? order by due_date, emitter_name, subject")
                .params(user.organisationId(), month.atDay(1), month.atEndOfMonth()).query(Obligations::map).list();
    }

    /**
     * A bureau's view of everything overdue in its region (its own, its districts' and its emitters'), grouped by
     * district and then by emitter (or the bureau itself).
     */
    public Map<RegionCode, Map<String, List<Obligation>>> overdueInRegion(CurrentUser user) {
        if (!user.kind().isBureau()) {
            throw new AccessDenied("denied.overdue", "Only bureaus see their region's overdue obligations");
        }
        List<Obligation> overdue = jdbc.sql(SELECT + " where region_code like ? and closed_at is null and due_date < ? order by region_code, emitter_name nulls first, due_date")
                .params(user.region().prefix() + "%", today()).query(Obligations::map).list();
        Map<RegionCode, Map<String, List<Obligation>>> grouped = new LinkedHashMap<>();
        for (Obligation o : overdue) {
            grouped.computeIfAbsent(o.region(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(o.emitterName() == null ? "" : o.emitterName(), e -> new java.util.ArrayList<>()).add(o);
        }
        return grouped;
    }

    /** Open obligations due on or before a date: what the reminder job looks at. */
    List<Obligation> openDueBy(LocalDate until) {
        return jdbc.sql(SELECT + " where closed_at is null and due_date <= ? order by due_date").param(until).query(Obligations::map).list();
    }

    /**
     * Entering (or adding to) a year's holidays can move any open due date counted through that year: provisional
     * ones become final, and a date added later to an announced year moves the deadlines it touches.
     */
    @org.springframework.modulith.events.ApplicationModuleListener
    void on(org.opencets.calendar.HolidaysAnnounced announced) {
        recomputeTouching(announced.year());
    }

    /** Recomputes open obligations whose counting could involve {@code year}; returns how many moved. */
    @Transactional
    public int recomputeTouching(int year) {
        record Open(UUID id, long ruleId, LocalDate anchor, LocalDate due, boolean provisional) {
        }
        deadlines.refreshCalendar();
        List<Open> open = jdbc.sql("""
                select id, rule_id, anchor, due_date, provisional from inbox.obligation
                where closed_at is null and (provisional or (due_date >= ? and coalesce(anchor, due_date) <= ?))""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getLong("rule_id"),
                        rs.getDate("anchor") == null ? null : rs.getDate("anchor").toLocalDate(), rs.getDate("due_date").toLocalDate(),
                        rs.getBoolean("provisional"))).list();
        int moved = 0;
        for (Open o : open) {
            var deadline = deadlines.recompute(o.ruleId(), o.anchor());
            if (!deadline.due().equals(o.due()) || deadline.provisional() != o.provisional()) {
                jdbc.sql("update inbox.obligation set due_date = ?, provisional = ? where id = ?")
                        .params(deadline.due(), deadline.provisional(), o.id()).update();
                moved++;
            }
        }
        return moved;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    static final String SELECT = """
            select id, obligation_key, deadline, compliance_year, responsible_org, region_code, emitter_uscc, emitter_name, subject,
                   period, link, due_date, provisional, opened_at, closed_at, outcome from inbox.obligation""";

    static Obligation map(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        String outcome = rs.getString("outcome");
        return new Obligation(rs.getObject("id", UUID.class), rs.getString("obligation_key"), DeadlineKind.valueOf(rs.getString("deadline")),
                rs.getInt("compliance_year"), rs.getObject("responsible_org", UUID.class), RegionCode.of(rs.getString("region_code")),
                rs.getString("emitter_uscc"), rs.getString("emitter_name"), rs.getString("subject"), rs.getString("period"),
                rs.getString("link"), rs.getDate("due_date").toLocalDate(), rs.getBoolean("provisional"), rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant(), outcome == null ? null : Obligation.Outcome.valueOf(outcome));
    }
}
