package org.opencets.accounting;

import java.time.YearMonth;
import java.util.List;

/**
 * Data missing or wrong where a figure needs it: the unit (or stream), the month (may be null for the year), the
 * field and a message code. A report with gaps shows them and cannot be submitted; nothing is guessed for them.
 */
public record Gap(String unit, YearMonth month, String field, String code, List<Object> args) {

    public static final String MONTH_MISSING = "month.missing";
    public static final String MONTH_NOT_APPROVED = "month.notApproved";
    public static final String CONSUMPTION_MISSING = "consumption.missing";
    public static final String VALUE_MISSING = "value.missing";
    public static final String NCV_MISSING = "ncv.missing";
    public static final String NEGATIVE = "negative";
    public static final String FUEL_UNKNOWN = "fuel.unknown";
    public static final String NO_CARBON_DEFAULT = "carbon.noDefault";
    public static final String NO_GRID_FACTOR = "gridFactor.missing";
    public static final String UNIT_MISMATCH = "unit.mismatch";
    public static final String FACTOR_MISSING = "factor.missing";

    public Gap {
        args = List.copyOf(args);
    }

    public static Gap of(String unit, YearMonth month, String field, String code, Object... args) {
        return new Gap(unit, month, field, code, List.of(args));
    }
}
