package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.accounting.AccountingFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A full 2023 year of a bituminous-coal CHP unit (data in {@link AccountingFixtures#coalChpYear()}), worked by hand.
 *
 * <p>Useful identity: with OF = 0.99, {@code OF × 44/12 = 0.99 × 44 / 12 = 43.56 / 12 = 3.63} exactly, so every coal or
 * gas month below is {@code E = FC × C_ar × 3.63} (no rounding before the final 2 places).
 *
 * <pre>
 * Missing-measurement rule (minimum 3 measured months, 10 measured here → highest measured carbon per GJ):
 *   months 1-4  : 0.5600 / 22.000 = 0.025454545…
 *   months 5-8  : 0.5200 / 20.000 = 0.026
 *   months 9-10 : 0.6000 / 23.000 = 0.026086956…   ← highest
 *   → CC_sub = 0.02609 (5 places, half-up: 0.0260869… → 0.02609)
 *   months 11-12: C_ar = 21.000 × 0.02609 = 0.54789 → 0.5479 (4 places)
 *
 * Monthly emissions E = FC × C_ar × 3.63:
 *   1-4  : 10000 × 0.5600 = 5600   × 3.63 = 20328.00
 *   5-8  :  8000 × 0.5200 = 4160   × 3.63 = 15100.80
 *   9-10 : 12000 × 0.6000 = 7200   × 3.63 = 26136.00
 *   11-12: 10000 × 0.5479 = 5479   × 3.63 = 19888.77
 *   (check 11-12 the long way: 5479 × 0.99 = 5424.21; × 44 = 238665.24; ÷ 12 = 19888.77 exactly)
 *
 * Annual fuel emissions = 4×20328.00 + 4×15100.80 + 2×26136.00 + 2×19888.77
 *                       = 81312.00 + 60403.20 + 52272.00 + 39777.54 = 233764.74 tCO2
 * Annual FC  = 4×10000 + 4×8000 + 2×12000 + 2×10000 = 40000 + 32000 + 24000 + 20000 = 116000 t
 * Σ(FC×NCV)  = 4×220000 + 4×160000 + 2×276000 + 2×210000 = 880000 + 640000 + 552000 + 420000 = 2492000.00 GJ
 * NCV_year   = 2492000 / 116000 = 21.4827586… → 21.483 GJ/t
 * Σ(FC×C_ar) = 4×5600 + 4×4160 + 2×7200 + 2×5479 = 22400 + 16640 + 14400 + 10958 = 64398
 * C_ar_year  = 64398 / 116000 = 0.5551551… → 0.5552 tC/t
 *
 * Heat supplied Q_h = 4×55000 + 4×40000 + 2×69000 + 2×52500 = 220000 + 160000 + 138000 + 105000 = 623000 GJ
 * Generation = 12 × 18000 = 216000 MWh; power supplied = 8×16500 + 4×17000 = 132000 + 68000 = 200000 MWh
 * Purchased  = 12 × 500 = 6000 MWh; per month 500 × 0.5703 = 285.15 tCO2; year 12 × 285.15 = 3421.80 tCO2
 *
 * α = 623000 / 2492000 = 0.25 → 0.2500
 * coal per power supplied = (1−0.25) × 2492000 / 29.3076 / 200000 × 1000 = 1869000000 / 5861520
 *     5861520 × 318.85925 = 1868999871.06 < 1869000000 < 5861520 × 318.8593 = 1869000164.14 → 318.8593 gce/kWh
 * coal per heat supplied  = 0.25 × 2492000 / 29.3076 / 623000 × 1000 = 623000 × 1000 / (29.3076 × 623000) = 1000 / 29.3076
 *     29.3076 × 34.12075 = 999.99729 < 1000 < 29.3076 × 34.12085 = 1000.00022 → 34.1208 kgce/GJ
 * intensity power = 0.75 × 233764.74 / 200000 = 175323.555 / 200000 = 0.876617775 → 0.8766 tCO2/MWh
 * intensity heat  = 0.25 × 233764.74 / 623000 = 58441.185 / 623000 = 0.0938060… → 0.0938 tCO2/GJ
 *     (623000 × 0.09375 = 58406.25 ≤ 58441.185 < 623000 × 0.09385 = 58468.55)
 *
 * CHP plausibility: (216000 × 3.6 + 623000) / 2492000 = (777600 + 623000) / 2492000 = 1400600 / 2492000 = 0.5620 &lt; 1
 *   → no chp.efficiency warning.
 * </pre>
 */
class PowerAccountingCoalChpYearTest {

    static final String[] MONTHLY_EMISSIONS = {"20328.00", "20328.00", "20328.00", "20328.00", "15100.80", "15100.80", "15100.80", "15100.80",
            "26136.00", "26136.00", "19888.77", "19888.77"};
    static final String[] MONTHLY_CARBON = {"0.5600", "0.5600", "0.5600", "0.5600", "0.5200", "0.5200", "0.5200", "0.5200", "0.6000", "0.6000",
            "0.5479", "0.5479"};

    private static UnitAccount chp(boolean reported, boolean inCompliance) {
        return account("CHP1", wholeYear(), coalChpYear(), rules(reported, inCompliance));
    }

    @Test
    void everyMonthsCarbonAndEmissions() {
        UnitAccount unit = chp(true, false);

        assertThat(unit.months()).hasSize(12);
        for (int m = 1; m <= 12; m++) {
            FuelMonthAccount coal = onlyFuel(unit, m);
            assertThat(coal.carbon().value()).as("C_ar month %d", m).isEqualByComparingTo(MONTHLY_CARBON[m - 1]);
            assertThat(coal.emissions().value().toPlainString()).as("E month %d", m).isEqualTo(MONTHLY_EMISSIONS[m - 1]);
            // only one fuel: the month's fuel emissions equal the fuel's
            assertThat(monthAccount(unit, m).fuelEmissions().value()).as("fuel E month %d", m).isEqualByComparingTo(MONTHLY_EMISSIONS[m - 1]);
            // 500 MWh × 0.5703 = 285.15
            assertThat(monthAccount(unit, m).electricityEmissions().value()).as("elec E month %d", m).isEqualByComparingTo("285.15");
        }
    }

    @Test
    void monthsWithoutMeasuredCarbonTakeTheHighestMeasuredCarbonPerGj() {
        UnitAccount unit = chp(true, false);

        for (int m : new int[] {11, 12}) {
            Figure carbon = onlyFuel(unit, m).carbon();
            // CC_sub = max(0.5600/22, 0.5200/20, 0.6000/23) = 0.0260869… → 0.02609; 21.000 × 0.02609 = 0.54789 → 0.5479
            assertThat(input(carbon, "CC").value()).isEqualByComparingTo("0.02609");
            assertThat(input(carbon, "CC").defaultUsed().code()).isEqualTo("carbon.substitute.highestMeasured");
            // 10 measured months, minimum 3
            assertThat(input(carbon, "CC").defaultUsed().args()).containsExactly(10, 3);
            assertThat(carbon.value().toPlainString()).isEqualTo("0.5479");
        }
        for (int m = 1; m <= 10; m++) {
            assertThat(onlyFuel(unit, m).carbon().usesDefault()).as("month %d measured", m).isFalse();
        }
    }

    @Test
    void annualFuelFigures() {
        UnitAccount unit = chp(true, false);

        assertThat(unit.fuels()).hasSize(1);
        FuelYearAccount coal = unit.fuels().getFirst();
        assertThat(coal.fuel()).isEqualTo("BITUMINOUS");
        assertThat(coal.consumption().value()).isEqualByComparingTo("116000");
        // 2492000 / 116000 = 21.4827586… → 21.483
        assertThat(coal.ncv().value().toPlainString()).isEqualTo("21.483");
        // 64398 / 116000 = 0.5551551… → 0.5552
        assertThat(coal.carbon().value().toPlainString()).isEqualTo("0.5552");
        assertThat(coal.emissions().value().toPlainString()).isEqualTo("233764.74");

        assertThat(unit.fuelEmissions().value().toPlainString()).isEqualTo("233764.74");
        assertThat(unit.electricityEmissions().value().toPlainString()).isEqualTo("3421.80");
        assertThat(unit.heatInput().value().toPlainString()).isEqualTo("2492000.00");
        assertThat(unit.generation().value()).isEqualByComparingTo("216000");
        assertThat(unit.powerSupplied().value()).isEqualByComparingTo("200000");
        assertThat(unit.heatSupplied().value()).isEqualByComparingTo("623000");
    }

    @Test
    void indicators() {
        UnitAccount unit = chp(true, false);
        UnitAccount.Indicators ind = unit.indicators();

        assertThat(ind.heatRatio().value().toPlainString()).isEqualTo("0.2500");
        assertThat(ind.coalPerPowerSupplied().value().toPlainString()).isEqualTo("318.8593");
        assertThat(ind.coalPerHeatSupplied().value().toPlainString()).isEqualTo("34.1208");
        assertThat(ind.intensityPowerSupplied().value().toPlainString()).isEqualTo("0.8766");
        assertThat(ind.intensityHeatSupplied().value().toPlainString()).isEqualTo("0.0938");
        assertThat(ind.coalPerPowerSupplied().unit()).isEqualTo("gce/kWh");
        assertThat(ind.coalPerHeatSupplied().unit()).isEqualTo("kgce/GJ");
    }

    @Test
    void indicatorsUseFuelEmissionsOnlyNotPurchasedElectricity() {
        // whatever the electricity rules, the intensity is (1−α)×E_fuel / supplied: 0.8766 in every variant
        for (boolean[] flags : new boolean[][] {{true, false}, {true, true}, {false, false}}) {
            UnitAccount.Indicators ind = chp(flags[0], flags[1]).indicators();
            assertThat(ind.intensityPowerSupplied().value()).isEqualByComparingTo("0.8766");
            assertThat(ind.intensityHeatSupplied().value()).isEqualByComparingTo("0.0938");
        }
    }

    /**
     * fuel 233764.74, electricity 3421.80:
     * reported & in compliance → total = compliance = 233764.74 + 3421.80 = 237186.54;
     * reported, not in compliance → total 237186.54, compliance 233764.74;
     * not reported → electricity 0.00, total = compliance = 233764.74 (also when the compliance flag is set).
     */
    @ParameterizedTest(name = "reported={0} inCompliance={1}")
    @CsvSource({
            "true,  false, 3421.80, 237186.54, 233764.74",
            "true,  true,  3421.80, 237186.54, 237186.54",
            "false, false, 0.00,    233764.74, 233764.74",
            "false, true,  0.00,    233764.74, 233764.74"})
    void totalAndComplianceDependOnTheElectricityRules(boolean reported, boolean inCompliance, String electricity, String total,
            String compliance) {
        UnitAccount unit = chp(reported, inCompliance);

        assertThat(unit.electricityEmissions().value()).isEqualByComparingTo(electricity);
        assertThat(unit.totalEmissions().value()).isEqualByComparingTo(total);
        assertThat(unit.complianceEmissions().value()).isEqualByComparingTo(compliance);
        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("233764.74");
        assertThat(unit.gaps()).isEmpty();
        assertThat(unit.complete()).isTrue();
    }

    @Test
    void warnings_defaultUsedButPlausible() {
        UnitAccount unit = chp(true, false);

        assertThat(unit.warnings()).extracting(Warning::code).containsExactly(Warning.DEFAULT_USED);
    }

    @Test
    void withoutSubstitutedMonths_noDefaultWarning() {
        // months 11/12 measured too (0.5479 given as a measurement): same emissions, nothing from a default
        List<UnitMonth> months = coalChpYear().stream()
                .map(m -> m.month().getMonthValue() < 11 ? m
                        : new UnitMonth(m.month(), m.source(), true, List.of(coal("10000", "21.000", "0.5479")), m.generation(),
                                m.powerSupplied(), m.heatSupplied(), m.purchasedElectricity()))
                .toList();
        UnitAccount unit = account("CHP1", wholeYear(), months, rules(true, false));

        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("233764.74");
        assertThat(unit.warnings()).isEmpty();
    }

    /**
     * CHP plausibility boundary: one month, 1800 t × 20.000 GJ/t = 36000 GJ heat input, C_ar 0.5000, heat 18000 GJ.
     * gen 5000 MWh: (5000 × 3.6 + 18000) / 36000 = 36000 / 36000 = 1.0000 ≥ 1 → chp.efficiency (1.0000, limit 1).
     * gen 4999 MWh: (17996.4 + 18000) / 36000 = 35996.4 / 36000 = 0.9999 &lt; 1 → no warning.
     */
    @Test
    void chpPlausibilityWarningAtAndBelowTheLimit() {
        UnitAccount atLimit = account("CHP2", months(1), List.of(month(1, List.of(coal("1800", "20.000", "0.5000")), "5000", "4800", "18000", "0")),
                rules(true, false));
        UnitAccount below = account("CHP2", months(1), List.of(month(1, List.of(coal("1800", "20.000", "0.5000")), "4999", "4800", "18000", "0")),
                rules(true, false));

        assertThat(atLimit.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(Warning.CHP_EFFICIENCY);
            assertThat(w.unit()).isEqualTo("CHP2");
            assertThat((java.math.BigDecimal) w.args().get(0)).isEqualByComparingTo("1.0000");
            assertThat((java.math.BigDecimal) w.args().get(1)).isEqualByComparingTo("1");
        });
        assertThat(below.warnings()).isEmpty();
        // the warning does not block: the unit is still complete
        assertThat(atLimit.complete()).isTrue();
    }
}
