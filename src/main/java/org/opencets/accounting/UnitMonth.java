package org.opencets.accounting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One unit-month as deposited. {@code source} names where the values come from (the deposit's id) and
 * {@code approved} whether that deposit finished its review; figures from an unapproved month are computed for the
 * preview but the month is a gap.
 */
public record UnitMonth(YearMonth month, String source, boolean approved, List<FuelMonth> fuels, BigDecimal generation,
        BigDecimal powerSupplied, BigDecimal heatSupplied, BigDecimal purchasedElectricity) {

    public UnitMonth {
        fuels = List.copyOf(fuels);
    }
}
