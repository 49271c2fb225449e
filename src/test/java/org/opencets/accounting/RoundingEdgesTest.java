package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.accounting.AccountingFixtures.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Half-up rounding at each stored step (C_ar 4 places solid / 2 places gas, emissions 2, NCV 3, indicators 4) and the
 * exact 44/12. Where a tie is tested the half-even result is given too, to show the test discriminates.
 * With OF 0.99: 0.99 × 44 / 12 = 43.56 / 12 = 3.63 exactly, so E = FC × C_ar × 3.63.
 */
class RoundingEdgesTest {

    /**
     * Solid C_ar tie: 21.000 × 0.03085 = 0.64785 → half-up 0.6479 (half-even 0.6478).
     * E = 1000 × 0.6479 × 3.63 = 647.9 × 3.63 = 1943.7 + 408.177 = 2351.877 → 2351.88 (with 0.6478: 2351.514 → 2351.51).
     */
    @Test
    void solidCarbonTieRoundsHalfUpToFourPlaces() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal("1000", "21.000", null))), rules(true, false));

        FuelMonthAccount coal = onlyFuel(unit, 1);
        assertThat(coal.carbon().value().toPlainString()).isEqualTo("0.6479");
        assertThat(coal.emissions().value().toPlainString()).isEqualTo("2351.88");
    }

    /** Solid C_ar below the tie: 20.010 × 0.03085 = 0.6173085 → 0.6173. */
    @Test
    void solidCarbonRoundsDownBelowTheTie() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal("1000", "20.010", null))), rules(true, false));

        assertThat(onlyFuel(unit, 1).carbon().value().toPlainString()).isEqualTo("0.6173");
    }

    /**
     * Gas C_ar tie: 375.00 × 0.01532 = 5.625 + 0.12 = 5.745 → half-up 5.75 (half-even 5.74).
     * E = 20 × 5.75 × 3.63 = 115 × 3.63 = 417.45 (with 5.74: 114.8 × 3.63 = 416.724 → 416.72).
     */
    @Test
    void gasCarbonTieRoundsHalfUpToTwoPlaces() {
        UnitAccount unit = account("G1", months(1), List.of(simpleMonth(1, gas("20", "375.00", null))), rules(true, false));

        FuelMonthAccount gas = onlyFuel(unit, 1);
        assertThat(gas.carbon().value().toPlainString()).isEqualTo("5.75");
        assertThat(gas.emissions().value().toPlainString()).isEqualTo("417.45");
    }

    /**
     * Emissions tie: 100 × 0.5150 = 51.5; 51.5 × 0.99 = 50.985; × 44 = 2243.34; ÷ 12 = 186.945 → half-up 186.95
     * (half-even 186.94).
     */
    @Test
    void emissionsTieRoundsHalfUpToTwoPlaces() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal("100", "20.000", "0.5150"))), rules(true, false));

        assertThat(onlyFuel(unit, 1).emissions().value().toPlainString()).isEqualTo("186.95");
    }

    /**
     * 44/12 exactly, not 3.67. Guideline gas example: 21 × 5.96 × 0.99 = 123.9084;
     *   × 44/12 → 454.3308 → 454.33;   × 3.67 → 454.743828 → 454.74.
     * Coal: 10000 × 0.5600 × 0.99 = 5544;  × 44/12 = 20328.00;  × 3.67 = 20346.48.
     */
    @Test
    void usesExact44Over12_not3_67() {
        UnitAccount gasUnit = account("G1", months(1), List.of(simpleMonth(1, gas("21", "389.31", null))), rules(true, false));
        UnitAccount coalUnit = account("U1", months(1), List.of(simpleMonth(1, coal("10000", "22.000", "0.5600"))), rules(true, false));

        BigDecimal gasWith367 = new BigDecimal("21").multiply(new BigDecimal("5.96")).multiply(new BigDecimal("0.99"))
                .multiply(new BigDecimal("3.67")).setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(gasWith367).isEqualByComparingTo("454.74");
        assertThat(onlyFuel(gasUnit, 1).emissions().value()).isEqualByComparingTo("454.33").isNotEqualByComparingTo(gasWith367);
        assertThat(onlyFuel(coalUnit, 1).emissions().value()).isEqualByComparingTo("20328.00").isNotEqualByComparingTo("20346.48");
    }

    /**
     * A synthetic fuel with OF 1.00, so 44/12 is not hidden inside 3.63:
     * 100 × 0.5000 × 1.00 × 44 / 12 = 2200 / 12 = 183.3333… → 183.33.
     * With 44/12 rounded to 3.6667: 50 × 3.6667 = 183.335 → 183.34; with 3.67: 183.50.
     */
    @Test
    void exact44Over12_evenWhereARounded3_6667WouldDiffer() {
        FuelFactors synthetic = new FuelFactors("SYNTHETIC", false, false, new BigDecimal("1.00"), Optional.of(new BigDecimal("0.03000")),
                Optional.empty());
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, fuel("SYNTHETIC", "100", "20.000", "0.5000"))),
                rulesWithFuels(Map.of("SYNTHETIC", synthetic)));

        assertThat(onlyFuel(unit, 1).emissions().value().toPlainString()).isEqualTo("183.33");
    }

    /**
     * Two months, FC 1 each: Jan NCV 20.001, C_ar 0.5001; Feb NCV 20.000, C_ar 0.5000.
     * Jan E = 0.5001 × 3.63 = 1.815363 → 1.82; Feb E = 0.5000 × 3.63 = 1.815 → 1.82 (half-up tie).
     * Year = 1.82 + 1.82 = 3.64 — the sum of the rounded months (the exact sum 3.630363 would round to 3.63).
     * NCV_year = (20.001 + 20.000) / 2 = 20.0005 → 20.001 (half-up tie, 3 places);
     * C_ar_year = (0.5001 + 0.5000) / 2 = 0.50005 → 0.5001 (half-up tie, 4 places).
     * Heat input = 20.001 + 20.000 = 40.001 → 40.00 (2 places).
     */
    @Test
    void annualFiguresRoundHalfUpAndSumTheRoundedMonths() {
        UnitAccount unit = account("U1", months(1, 2), List.of(simpleMonth(1, coal("1", "20.001", "0.5001")),
                simpleMonth(2, coal("1", "20.000", "0.5000"))), rules(true, false));

        assertThat(onlyFuel(unit, 1).emissions().value().toPlainString()).isEqualTo("1.82");
        assertThat(onlyFuel(unit, 2).emissions().value().toPlainString()).isEqualTo("1.82");
        assertThat(unit.fuelEmissions().value().toPlainString()).isEqualTo("3.64");
        FuelYearAccount year = unit.fuels().getFirst();
        assertThat(year.emissions().value().toPlainString()).isEqualTo("3.64");
        assertThat(year.ncv().value().toPlainString()).isEqualTo("20.001");
        assertThat(year.carbon().value().toPlainString()).isEqualTo("0.5001");
        assertThat(unit.heatInput().value().toPlainString()).isEqualTo("40.00");
    }

    /**
     * Purchased electricity tie: 150 × 0.5703 = 85.545 → half-up 85.55 (half-even 85.54).
     */
    @Test
    void electricityTieRoundsHalfUp() {
        UnitAccount unit = account("U1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), "100", "95", "0", "150")),
                rules(true, false));

        assertThat(unit.electricityEmissions().value().toPlainString()).isEqualTo("85.55");
    }

    /**
     * Indicator tie: E_fuel = 100 × 0.5000 × 3.63 = 181.50; no heat (α = 0); supplied 1200 MWh;
     * intensity = 181.50 / 1200 = 0.15125 → half-up 0.1513 (half-even 0.1512).
     * (Numbers chosen for the rounding edge only.)
     */
    @Test
    void indicatorTieRoundsHalfUpToFourPlaces() {
        UnitAccount unit = account("U1", months(1), List.of(month(1, List.of(coal("100", "20.000", "0.5000")), "200", "1200", "0", "0")),
                rules(true, false));

        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("181.50");
        assertThat(unit.indicators().intensityPowerSupplied().value().toPlainString()).isEqualTo("0.1513");
    }
}
