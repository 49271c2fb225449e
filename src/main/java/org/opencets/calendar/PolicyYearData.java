package org.opencets.calendar;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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
 * Compliance-year values (grid factors, defaults, benchmarks, caps, vintages, targets) for every module that
 * needs them. Versions are never overwritten; the value for a region is the most specific region's latest version
 * in force on the date asked about.
 */
@Service
public class PolicyYearData {

    private final JdbcClient jdbc;
    private final RegulatorScope scope;
    private final Clock clock;

    PolicyYearData(JdbcClient jdbc, RegulatorScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    /** The value in force today; {@link PolicyValueMissing} when none was ever recorded for the year. */
    public PolicyValue current(PolicyParameter parameter, String qualifier, int year, RegionCode region) {
        return valueOn(parameter, qualifier, year, region, LocalDate.now(clock))
                .orElseThrow(() -> new PolicyValueMissing(parameter, qualifier, year));
    }

    public PolicyValue current(PolicyParameter parameter, int year, RegionCode region) {
        return current(parameter, "", year, region);
    }

    public BigDecimal decimal(PolicyParameter parameter, String qualifier, int year, RegionCode region) {
        return current(parameter, qualifier, year, region).decimal();
    }

    /** Which value applied on a given date. */
    public Optional<PolicyValue> valueOn(PolicyParameter parameter, String qualifier, int year, RegionCode region, LocalDate on) {
        return valueOn(parameter, qualifier, year, region.value(), on);
    }

    /** {@code regionCode} "" asks for the national value only. */
    private Optional<PolicyValue> valueOn(PolicyParameter parameter, String qualifier, int year, String regionCode, LocalDate on) {
        return pick(versions(parameter, qualifier, year), regionCode, on);
    }

    private static Optional<PolicyValue> pick(List<PolicyValue> versions, String regionCode, LocalDate on) {
        return versions.stream()
                .filter(v -> regionCode.startsWith(v.regionPrefix()) && !v.inForceFrom().isAfter(on))
                .max(Comparator.comparingInt((PolicyValue v) -> v.regionPrefix().length())
                        .thenComparing(PolicyValue::inForceFrom).thenComparingLong(PolicyValue::id));
    }

    /** Every version of a parameter for a year, all regions, oldest first. */
    public List<PolicyValue> versions(PolicyParameter parameter, String qualifier, int year) {
        return jdbc.sql("""
                select * from calendar.policy_value where parameter = ? and qualifier = ? and compliance_year = ?
                order by in_force_from, id""").params(parameter.name(), qualifier, year).query(PolicyYearData::map).list();
    }

    /** The values in force on a date for a region and year: one per parameter and qualifier that has any. */
    public List<PolicyValue> inForce(int year, Optional<RegionCode> region, LocalDate on) {
        String regionCode = region.map(RegionCode::value).orElse("");
        var byParameter = jdbc.sql("select * from calendar.policy_value where compliance_year = ? order by in_force_from, id").param(year)
                .query(PolicyYearData::map).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(v -> v.parameter().name() + "/" + v.qualifier()));
        List<PolicyValue> values = new ArrayList<>();
        for (PolicyParameter p : PolicyParameter.values()) {
            List<String> qualifiers = p.qualifiers().isEmpty() ? List.of("") : p.qualifiers();
            qualifiers.forEach(q -> pick(byParameter.getOrDefault(p.name() + "/" + q, List.of()), regionCode, on).ifPresent(values::add));
        }
        return values;
    }

    public List<Integer> years() {
        return jdbc.sql("select distinct compliance_year from calendar.policy_value order by 1").query(Integer.class).list();
    }

    /** Adds a version; the one before stays as history. Bad input changes nothing and names every problem. */
    @Transactional
    public PolicyValue record(CurrentUser user, NewPolicyValue value) {
        List<FieldViolation> violations = new ArrayList<>(value.violations());
        scope.check(user, value.regionPrefix(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        try {
            long id = jdbc.sql("""
                    insert into calendar.policy_value (compliance_year, parameter, qualifier, region_prefix, value, unit, source,
                      in_force_from, note, recorded_by) values (?,?,?,?,?,?,?,?,?,?) returning id""")
                    .params(value.year(), value.knownParameter().orElseThrow().name(), value.qualifierOrEmpty(), value.regionPrefix(),
                            value.value().strip(), value.unit().strip(), value.source().strip(), value.inForceFrom(), blankToNull(value.note()),
                            user.username())
                    .query(Long.class).single();
            return jdbc.sql("select * from calendar.policy_value where id = ?").param(id).query(PolicyYearData::map).single();
        } catch (DuplicateKeyException e) {
            throw new ValidationFailed(FieldViolation.of("inForceFrom", "policy.version.exists",
                    "A version in force from this date already exists; choose a later date", value.inForceFrom()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static PolicyValue map(ResultSet rs, int row) throws SQLException {
        return new PolicyValue(rs.getLong("id"), rs.getInt("compliance_year"), PolicyParameter.valueOf(rs.getString("parameter")),
                rs.getString("qualifier"), rs.getString("region_prefix"), rs.getString("value"), rs.getString("unit"),
                rs.getString("source"), rs.getDate("in_force_from").toLocalDate(), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
