package org.opencets.mrv;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The MRV reference data kept per data year: fuels' plausible ranges and the coal sample rules (V11 seeds). */
@Repository
class ReferenceData {

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** "NCV.BITUMINOUS" → the range in force for the year (the latest from_year not after it). */
    Map<String, DepositChecks.Range> ranges(int year) {
        Map<String, DepositChecks.Range> ranges = new HashMap<>();
        jdbc.sql("""
                select distinct on (fuel, parameter) fuel, parameter, min_value, max_value, source from mrv.plausible_range
                where from_year <= ? order by fuel, parameter, from_year desc""").param(year)
                .query((rs, n) -> ranges.put(rs.getString("parameter") + "." + rs.getString("fuel"),
                        new DepositChecks.Range(rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"), rs.getString("source"))))
                .list();
        return ranges;
    }

    boolean sampleRuleApplies(String requirement, YearMonth month) {
        return jdbc.sql("select count(*) from mrv.sample_rule where requirement = ? and from_month <= ?")
                .params(requirement, month.atDay(1)).query(Long.class).single() > 0;
    }
}
