package org.opencets.calendar;

import java.util.List;

/**
 * The compliance-year values regulators maintain. What each means and its unit are fixed here; the values
 * themselves are data per year and region ({@code calendar.policy_value}).
 */
public enum PolicyParameter {
    GRID_EMISSION_FACTOR(ValueType.DECIMAL, "tCO2/MWh"),
    DEFAULT_COAL_CARBON_CONTENT(ValueType.DECIMAL, "tC/GJ"),
    COAL_OXIDATION_RATE(ValueType.PERCENT, "%"),
    FUEL_OXIDATION_RATE(ValueType.PERCENT, "%", "GAS", "OIL"),
    DEFAULT_FUEL_CARBON_CONTENT(ValueType.DECIMAL, "tC/GJ", "GAS", "OIL"),
    DEFAULT_FUEL_NCV(ValueType.DECIMAL, "GJ/t (gas GJ/10⁴Nm³)", "GAS", "OIL"),
    PURCHASED_HEAT_EMISSION_FACTOR(ValueType.DECIMAL, "tCO2/GJ"),
    PURCHASED_ELECTRICITY_REPORTED(ValueType.INTEGER, "1 = yes"),
    PURCHASED_ELECTRICITY_IN_COMPLIANCE(ValueType.INTEGER, "1 = yes"),
    MISSING_CARBON_MIN_MEASURED_MONTHS(ValueType.INTEGER, "months"),
    PLAUSIBILITY_LIMIT(ValueType.DECIMAL, "ratio", "CHP", "CONDENSING"),
    ACCOUNTING_DECIMALS(ValueType.INTEGER, "places", "NCV", "CARBON_SOLID", "CARBON_GAS", "CARBON_PER_GJ", "EMISSIONS", "AMOUNTS", "INDICATORS"),
    BENCHMARK_ELECTRICITY(ValueType.DECIMAL, "tCO2/MWh", "I", "II", "III", "IV"),
    BENCHMARK_HEAT(ValueType.DECIMAL, "tCO2/GJ", "COAL", "GAS"),
    PRE_ALLOCATION_RATIO(ValueType.PERCENT, "%"),
    LOAD_CORRECTION(ValueType.DECIMAL, "band", "FULL", "MIDDLE", "LOW", "SLOPE_UPPER", "SLOPE_LOWER", "POWER_BASE", "POWER_OFFSET", "POWER_SLOPE"),
    GAS_TOP_UP(ValueType.INTEGER, "1 = yes"),
    ALLOCATION_AUTHORITY_LEVEL(ValueType.INTEGER, "region digits"),
    ENTITY_GAP_CAP(ValueType.PERCENT, "%"),
    CCER_OFFSET_CAP(ValueType.PERCENT, "%"),
    SURRENDER_VINTAGES(ValueType.VINTAGES, "vintage"),
    FIRST_PERIOD_CCER_USABLE(ValueType.INTEGER, "1 = yes"),
    COMPLIANCE_RATE_INTERIM(ValueType.PERCENT, "%"),
    COMPLIANCE_RATE_FINAL(ValueType.PERCENT, "%"),
    BORROWING_GAP_THRESHOLD(ValueType.PERCENT, "%"),
    BORROWING_MAX_SHARE(ValueType.PERCENT, "%"),
    MONTHLY_DEPOSIT_DISTRICT_REVIEW_CAP_DAYS(ValueType.INTEGER, "natural days"),
    RETAINED_COAL_SAMPLE_MONTHS(ValueType.INTEGER, "months"),
    RETAINED_COAL_SAMPLE_COPIES(ValueType.INTEGER, "samples/month"),
    COAL_SAMPLING_VIDEO_RETENTION_MONTHS(ValueType.INTEGER, "months"),
    NET_PURCHASE_REPORT_LEAD_MONTHS(ValueType.INTEGER, "months"),
    RECORD_RETENTION_YEARS(ValueType.INTEGER, "years"),
    SURRENDER_SHORTFALL_PENALTY_MULTIPLE(ValueType.DECIMAL, "x last-month avg price", "MIN", "MAX"),
    FALSE_DATA_PENALTY_MULTIPLE(ValueType.DECIMAL, "x illegal gains", "MIN", "MAX"),
    FALSE_DATA_FINE_NO_GAINS(ValueType.INTEGER, "CNY", "MIN", "MAX"),
    FALSE_DATA_ALLOCATION_CUT(ValueType.PERCENT, "%", "MIN", "MAX"),
    REPORTING_FAILURE_FINE(ValueType.INTEGER, "CNY", "MIN", "MAX"),
    VERIFIER_MAX_CONSECUTIVE_YEARS(ValueType.INTEGER, "years"),
    VERIFIER_PREPARATION_EXCLUSION(ValueType.INTEGER, "1 = yes"),
    VERIFIER_SCORE_WEIGHT(ValueType.DECIMAL, "points", "QUALITY", "COMPLIANCE", "TIMELINESS"),
    VERIFIER_RATING_MIN(ValueType.DECIMAL, "points", "A", "B", "C", "D");

    /** How a value is written and checked. */
    public enum ValueType { DECIMAL, PERCENT, INTEGER, VINTAGES }

    private final ValueType type;
    private final String unit;
    private final List<String> qualifiers;

    PolicyParameter(ValueType type, String unit, String... qualifiers) {
        this.type = type;
        this.unit = unit;
        this.qualifiers = List.of(qualifiers);
    }

    public ValueType type() {
        return type;
    }

    public String unit() {
        return unit;
    }

    /** E.g. unit categories I–IV for benchmarks; empty when the parameter has a single value per year. */
    public List<String> qualifiers() {
        return qualifiers;
    }
}
