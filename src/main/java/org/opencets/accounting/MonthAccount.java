package org.opencets.accounting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** A unit-month worked out: its fuels, fuel emissions, purchased-electricity emissions and production data. */
public record MonthAccount(YearMonth month, String source, boolean approved, List<FuelMonthAccount> fuels, Figure fuelEmissions,
        Figure electricityEmissions, BigDecimal generation, BigDecimal powerSupplied, BigDecimal heatSupplied,
        BigDecimal purchasedElectricity) {

    public MonthAccount {
        fuels = List.copyOf(fuels);
    }
}
