package org.opencets.accounting;

import java.util.List;
import java.util.Optional;

/**
 * A generating unit's year worked out. {@code totalEmissions} is what the report states (fuel, plus purchased
 * electricity while the year still reports it); {@code complianceEmissions} what counts for the surrender obligation.
 * While {@code gaps} is not empty the totals cover only the months that could be computed.
 */
public record UnitAccount(String unit, List<MonthAccount> months, List<FuelYearAccount> fuels, Figure fuelEmissions,
        Figure electricityEmissions, Figure totalEmissions, Figure complianceEmissions, Figure generation, Figure powerSupplied,
        Figure heatSupplied, Figure heatInput, Indicators indicators, List<Gap> gaps, List<Warning> warnings) {

    public UnitAccount {
        months = List.copyOf(months);
        fuels = List.copyOf(fuels);
        gaps = List.copyOf(gaps);
        warnings = List.copyOf(warnings);
    }

    public boolean complete() {
        return gaps.isEmpty();
    }

    /** Every figure of the unit by key ("2024-03/BITUMINOUS/emissions", "year/total"), for "how computed". */
    public Optional<Figure> figure(String key) {
        return FigureIndex.of(this).get(key);
    }

    /**
     * The report's auxiliary indicators: heat-supply ratio, standard-coal consumption and CO2 intensity of the
     * electricity and of the heat supplied. Each is empty (not computed) when its denominator is zero.
     */
    public record Indicators(Figure heatRatio, Figure coalPerPowerSupplied, Figure coalPerHeatSupplied, Figure intensityPowerSupplied,
            Figure intensityHeatSupplied) {

        public List<Figure> all() {
            return List.of(heatRatio, coalPerPowerSupplied, coalPerHeatSupplied, intensityPowerSupplied, intensityHeatSupplied);
        }
    }
}
