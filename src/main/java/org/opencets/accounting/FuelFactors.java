package org.opencets.accounting;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A fuel's factors for one data year: its oxidation rate (as a fraction, e.g. 0.99), the default carbon per unit of
 * heat (tC/GJ) used when carbon content is not measured, and the default NCV where the guideline gives one (gas,
 * oil; coal has none and must be measured). {@code gaseous} fuels are counted in 10⁴Nm³ instead of tonnes.
 */
public record FuelFactors(String fuel, boolean gaseous, boolean coal, BigDecimal oxidationRate,
        Optional<BigDecimal> defaultCarbonPerGj, Optional<BigDecimal> defaultNcv) {

    public String consumptionUnit() {
        return gaseous ? "10⁴Nm³" : "t";
    }

    public String ncvUnit() {
        return gaseous ? "GJ/10⁴Nm³" : "GJ/t";
    }

    public String carbonUnit() {
        return gaseous ? "tC/10⁴Nm³" : "tC/t";
    }
}
