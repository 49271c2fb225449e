package org.opencets.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencets.identity.CurrentUser;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RegionCode;
import org.opencets.shared.ValidationFailed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "When is this due": the only place that turns a deadline rule of the yearly chain into a date. Rules are data
 * per compliance year and region; the most specific region wins, and of its versions the latest in force on the
 * date asked about.
 */
@Service
public class Deadlines {

    private final JdbcClient jdbc;
    private final OfficialCalendar calendar;
    private final RegulatorScope scope;
    private final Clock clock;

    Deadlines(JdbcClient jdbc, OfficialCalendar calendar, RegulatorScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * The deadline, or empty (logged) when its rule is not recorded for the year: a step then opens no inbox obligation
     * rather than failing the work it belongs to.
     */
    public static Optional<Deadline> ifSet(java.util.function.Supplier<Deadline> due) {
        try {
            return Optional.of(due.get());
        } catch (DeadlineNotSet e) {
            org.slf4j.LoggerFactory.getLogger(Deadlines.class).warn("No inbox obligation: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** A fixed deadline of the yearly chain, as the rule in force today has it. */
    public Deadline due(DeadlineKind kind, int year, RegionCode region) {
        requireFixed(kind, true);
        return compute(kind, year, region, null, today());
    }

    /** Like {@link #due} but empty when no rule is recorded for the year and region. */
    public Optional<Deadline> find(DeadlineKind kind, int year, RegionCode region) {
        requireFixed(kind, true);
        if (ruleOn(kind, year, region, today()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(compute(kind, year, region, null, today()));
    }

    /** A relative deadline counted from {@code anchor} (a submission, a request, a result, a period end). */
    public Deadline dueAfter(DeadlineKind kind, int year, RegionCode region, LocalDate anchor) {
        requireFixed(kind, false);
        return compute(kind, year, region, anchor, today());
    }

    /**
     * A deadline by the national rule alone (no region's own), for steps the national registry performs for everyone
     * (e.g. the recall of pending CCER); empty when the year has no rule. {@code anchor} is null for a fixed date.
     */
    public Optional<Deadline> national(DeadlineKind kind, int year, LocalDate anchor) {
        requireFixed(kind, anchor == null);
        return ruleOn(kind, year, "", today()).map(rule -> apply(rule, anchor));
    }

    /** A deadline counted from the end of a month (monthly deposits and their completion). */
    public Deadline dueAfterMonth(DeadlineKind kind, YearMonth month, RegionCode region) {
        if (kind.anchor() != DeadlineKind.Anchor.MONTH_END) {
            throw new IllegalArgumentException(kind + " does not count from a month end");
        }
        return compute(kind, month.getYear(), region, month.atEndOfMonth(), today());
    }

    /** The same computation with the rule that was in force on {@code asOf} (history: "what applied then"). */
    public Deadline dueAsOf(DeadlineKind kind, int year, RegionCode region, LocalDate anchor, LocalDate asOf) {
        return compute(kind, year, region, anchor, asOf);
    }

    /** Makes the next computation read the official calendar afresh (after an announcement was committed). */
    /**
     * The earlier of a relative deadline and a cap counted from month end — e.g. the district review: 5 days after
     * the submission but at most N natural days after month end (seed 002 §二(二) "最多25个自然日内"). A cap that
     * falls before the anchor (a late submission) does not apply: nobody can review before the submission.
     */
    public Deadline cappedAfterMonthEnd(Deadline deadline, YearMonth month, int capDays) {
        LocalDate cap = month.atEndOfMonth().plusDays(capDays);
        if (!cap.isBefore(deadline.due()) || (deadline.anchor() != null && cap.isBefore(deadline.anchor()))) {
            return deadline;
        }
        return new Deadline(deadline.kind(), deadline.complianceYear(), cap, cap, deadline.anchor(), deadline.rule(), deadline.provisional());
    }

    public void refreshCalendar() {
        calendar.refresh();
    }

    /** Computes again with the same rule version and anchor, e.g. once a provisional date's year is announced. */
    public Deadline recompute(long ruleId, LocalDate anchor) {
        DeadlineRule rule = jdbc.sql("select * from calendar.deadline_rule where id = ?").param(ruleId).query(Deadlines::map).single();
        return apply(rule, anchor);
    }

    /** The rule version in force on a date for a region (national if the region has none of its own). */
    public Optional<DeadlineRule> ruleOn(DeadlineKind kind, int year, RegionCode region, LocalDate on) {
        return ruleOn(kind, year, region.value(), on);
    }

    /** {@code regionCode} "" asks for the national rule only. */
    private Optional<DeadlineRule> ruleOn(DeadlineKind kind, int year, String regionCode, LocalDate on) {
        return pick(versions(kind, year), regionCode, on);
    }

    /** Of a kind's versions: the most specific region covering {@code regionCode}, then the latest in force on the date. */
    private static Optional<DeadlineRule> pick(List<DeadlineRule> versions, String regionCode, LocalDate on) {
        return versions.stream()
                .filter(r -> regionCode.startsWith(r.regionPrefix()) && !r.inForceFrom().isAfter(on))
                .max(Comparator.comparingInt((DeadlineRule r) -> r.regionPrefix().length())
                        .thenComparing(DeadlineRule::inForceFrom).thenComparingLong(DeadlineRule::id));
    }

    /** Every version ever recorded for a kind and year, all regions, oldest first. */
    public List<DeadlineRule> versions(DeadlineKind kind, int year) {
        return jdbc.sql("select * from calendar.deadline_rule where deadline = ? and compliance_year = ? order by in_force_from, id")
                .params(kind.name(), year).query(Deadlines::map).list();
    }

    /** The rules in force on a date for a region (empty: national only) and year, one per kind that has any. */
    public List<DeadlineRule> inForce(int year, Optional<RegionCode> region, LocalDate on) {
        String regionCode = region.map(RegionCode::value).orElse("");
        var byKind = jdbc.sql("select * from calendar.deadline_rule where compliance_year = ? order by in_force_from, id").param(year)
                .query(Deadlines::map).list().stream().collect(java.util.stream.Collectors.groupingBy(DeadlineRule::kind));
        List<DeadlineRule> rules = new ArrayList<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            pick(byKind.getOrDefault(kind, List.of()), regionCode, on).ifPresent(rules::add);
        }
        return rules;
    }

    /** A rule's due date for display: fixed dates as they are, relative ones counted from an example anchor. */
    public Deadline example(DeadlineRule rule, LocalDate anchor) {
        return apply(rule, anchor);
    }

    public List<Integer> years() {
        return jdbc.sql("select distinct compliance_year from calendar.deadline_rule order by 1").query(Integer.class).list();
    }

    /** Adds a version; the previous one stays as history. A regulator records for its own region or below. */
    @Transactional
    public DeadlineRule record(CurrentUser user, NewDeadlineRule rule) {
        List<FieldViolation> violations = new ArrayList<>(rule.violations());
        scope.check(user, rule.regionPrefix(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        try {
            long id = jdbc.sql("""
                    insert into calendar.deadline_rule (compliance_year, deadline, region_prefix, fixed_date, offset_days, day_count,
                      day_off_policy, source, in_force_from, note, recorded_by) values (?,?,?,?,?,?,?,?,?,?,?) returning id""")
                    .params(rule.year(), rule.kind().name(), rule.regionPrefix(), rule.fixedDate(), rule.offsetDays(),
                            rule.dayCount() == null ? null : rule.dayCount().name(), rule.dayOffPolicy().name(), rule.source().strip(),
                            rule.inForceFrom(), rule.note(), user.username())
                    .query(Long.class).single();
            return jdbc.sql("select * from calendar.deadline_rule where id = ?").param(id).query(Deadlines::map).single();
        } catch (DuplicateKeyException e) {
            throw new ValidationFailed(FieldViolation.of("inForceFrom", "policy.version.exists",
                    "A version in force from this date already exists; choose a later date", rule.inForceFrom()));
        }
    }

    /** Today in Beijing, where every deadline is set. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Deadline compute(DeadlineKind kind, int year, RegionCode region, LocalDate anchor, LocalDate asOf) {
        DeadlineRule rule = ruleOn(kind, year, region, asOf).orElseThrow(() -> new DeadlineNotSet(kind, year, region.value()));
        return apply(rule, anchor);
    }

    /** Strictly with the announced calendar; provisionally (weekends only) where a year is not announced yet. */
    private Deadline apply(DeadlineRule rule, LocalDate anchor) {
        WorkingCalendar working = calendar.calendar();
        try {
            return apply(rule, anchor, working, false);
        } catch (CalendarNotAnnounced e) {
            return apply(rule, anchor, working.provisional(), true);
        }
    }

    private static Deadline apply(DeadlineRule rule, LocalDate anchor, WorkingCalendar working, boolean provisional) {
        LocalDate unadjusted = rule.unadjusted(working, anchor);
        return new Deadline(rule.kind(), rule.complianceYear(), working.adjust(unadjusted, rule.dayOffPolicy()), unadjusted,
                rule.isFixed() ? null : anchor, rule, provisional);
    }

    private static void requireFixed(DeadlineKind kind, boolean fixed) {
        if (kind.isFixed() != fixed) {
            throw new IllegalArgumentException(kind + (fixed ? " counts from an anchor" : " is a fixed date"));
        }
    }

    private static DeadlineRule map(ResultSet rs, int row) throws SQLException {
        java.sql.Date fixed = rs.getDate("fixed_date");
        int offset = rs.getInt("offset_days");
        Integer offsetDays = rs.wasNull() ? null : offset;
        String dayCount = rs.getString("day_count");
        return new DeadlineRule(rs.getLong("id"), rs.getInt("compliance_year"), DeadlineKind.valueOf(rs.getString("deadline")),
                rs.getString("region_prefix"), fixed == null ? null : fixed.toLocalDate(), offsetDays,
                dayCount == null ? null : DayCount.valueOf(dayCount), DayOffPolicy.valueOf(rs.getString("day_off_policy")),
                rs.getString("source"), rs.getDate("in_force_from").toLocalDate(), rs.getString("note"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
