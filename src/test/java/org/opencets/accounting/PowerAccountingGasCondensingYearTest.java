package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.accounting.AccountingFixtures.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A full 2023 year of a gas-fired condensing unit (no heat supplied), carbon never measured (gas: default CC 0.01532).
 *
 * <pre>
 * month  FC (10⁴Nm³)  NCV (GJ/10⁴Nm³)  C_ar              gen (MWh)  supplied  heat  purchased (MWh)
 * 1-6    21           389.31 measured  default           1200       1150      0     100
 * 7-12   30           390.00 measured  default           1200       1150      0     100
 *
 * C_ar (2 places for gas): 389.31 × 0.01532 = 5.9642292 → 5.96;  390.00 × 0.01532 = 5.97480 → 5.97
 * E = FC × C_ar × 0.99 × 44/12 = FC × C_ar × 3.63 (0.99 × 44 / 12 = 3.63 exactly):
 *   1-6 : 21 × 5.96 = 125.16 × 3.63 = 454.3308 → 454.33   (the guideline's worked example)
 *   7-12: 30 × 5.97 = 179.10 × 3.63 = 650.133  → 650.13
 * Annual = 6 × 454.33 + 6 × 650.13 = 2725.98 + 3900.78 = 6626.76 tCO2
 * FC_year = 6×21 + 6×30 = 126 + 180 = 306
 * Σ(FC×NCV) = 6 × (21 × 389.31) + 6 × (30 × 390.00) = 6 × 8175.51 + 6 × 11700 = 49053.06 + 70200 = 119253.06 GJ
 * NCV_year = 119253.06 / 306 = 389.715882… → 389.716
 * Σ(FC×C_ar) = 6 × 125.16 + 6 × 179.10 = 750.96 + 1074.60 = 1825.56;  C_ar_year = 1825.56 / 306 = 5.96588… → 5.97
 * Electricity = 12 × (100 × 0.5703 = 57.03) = 684.36;  total (reported) = 6626.76 + 684.36 = 7311.12
 * Supplied = 12 × 1150 = 13800 MWh; generation = 12 × 1200 = 14400 MWh
 *
 * α = 0 / 119253.06 = 0.0000
 * coal per power = 1 × 119253.06 / 29.3076 / 13800 × 1000 = 119253060 / 404444.88
 *   404444.88 × 294.85605 = 119253019.76 &lt; 119253060 &lt; 404444.88 × 294.85615 = 119253060.20 → 294.8561 gce/kWh
 * coal per heat, intensity heat: Q_h = 0 → not computed
 * intensity power = 1 × 6626.76 / 13800 = 0.4802 exactly
 * Condensing plausibility: 14400 × 3.6 / 119253.06 = 51840 / 119253.06 = 0.43470… → 0.4347 &lt; 0.46 → no warning
 * With 1400 MWh a month: 16800 × 3.6 = 60480;  60480 / 119253.06 = 0.507156… → 0.5072 ≥ 0.46 → condensing.efficiency
 * </pre>
 */
class PowerAccountingGasCondensingYearTest {

    private static List<UnitMonth> gasYear(String monthlyGeneration) {
        List<UnitMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            FuelMonth gas = m <= 6 ? gas("21", "389.31", null) : gas("30", "390.00", null);
            months.add(month(m, List.of(gas), monthlyGeneration, "1150", "0", "100"));
        }
        return months;
    }

    private static UnitAccount gasUnit(String monthlyGeneration) {
        return account("GAS1", wholeYear(), gasYear(monthlyGeneration), rules(true, false));
    }

    @Test
    void everyMonth() {
        UnitAccount unit = gasUnit("1200");

        for (int m = 1; m <= 12; m++) {
            FuelMonthAccount gas = onlyFuel(unit, m);
            String carbon = m <= 6 ? "5.96" : "5.97";
            String emissions = m <= 6 ? "454.33" : "650.13";
            assertThat(gas.carbon().value().toPlainString()).as("C_ar month %d", m).isEqualTo(carbon);
            assertThat(gas.emissions().value().toPlainString()).as("E month %d", m).isEqualTo(emissions);
            // never measured → the year's default CC with reason notMeasured (no args)
            Figure.Input cc = input(gas.carbon(), "CC");
            assertThat(cc.value()).isEqualByComparingTo("0.01532");
            assertThat(cc.source()).isEqualTo(RULES_SOURCE);
            assertThat(cc.defaultUsed().code()).isEqualTo("carbon.default.notMeasured");
            assertThat(cc.defaultUsed().args()).isEmpty();
            // NCV itself was measured
            assertThat(input(gas.ncv(), "NCV").defaultUsed()).isNull();
            assertThat(monthAccount(unit, m).electricityEmissions().value()).isEqualByComparingTo("57.03");
        }
    }

    @Test
    void annualFigures() {
        UnitAccount unit = gasUnit("1200");

        FuelYearAccount gas = unit.fuels().getFirst();
        assertThat(gas.consumption().value()).isEqualByComparingTo("306");
        assertThat(gas.consumption().unit()).isEqualTo("10⁴Nm³");
        assertThat(gas.ncv().value().toPlainString()).isEqualTo("389.716");
        assertThat(gas.carbon().value().toPlainString()).isEqualTo("5.97");
        assertThat(gas.emissions().value().toPlainString()).isEqualTo("6626.76");
        assertThat(unit.fuelEmissions().value().toPlainString()).isEqualTo("6626.76");
        assertThat(unit.electricityEmissions().value().toPlainString()).isEqualTo("684.36");
        assertThat(unit.totalEmissions().value()).isEqualByComparingTo("7311.12");
        assertThat(unit.complianceEmissions().value()).isEqualByComparingTo("6626.76");
        assertThat(unit.heatInput().value().toPlainString()).isEqualTo("119253.06");
        assertThat(unit.gaps()).isEmpty();
    }

    @Test
    void indicatorsOfACondensingUnit() {
        UnitAccount.Indicators ind = gasUnit("1200").indicators();

        assertThat(ind.heatRatio().value()).isEqualByComparingTo("0");
        assertThat(ind.coalPerPowerSupplied().value().toPlainString()).isEqualTo("294.8561");
        assertThat(ind.intensityPowerSupplied().value().toPlainString()).isEqualTo("0.4802");
        assertThat(ind.coalPerHeatSupplied().computed()).isFalse();
        assertThat(ind.intensityHeatSupplied().computed()).isFalse();
    }

    @Test
    void plausibleCondensingEfficiency_noWarning() {
        UnitAccount unit = gasUnit("1200");

        // only the default-used notice (carbon never measured), no efficiency warning (0.4347 < 0.46)
        assertThat(unit.warnings()).extracting(Warning::code).containsExactly(Warning.DEFAULT_USED);
    }

    @Test
    void implausibleCondensingEfficiency_warns() {
        UnitAccount unit = gasUnit("1400");

        Warning w = unit.warnings().stream().filter(x -> x.code().equals(Warning.CONDENSING_EFFICIENCY)).findFirst().orElseThrow();
        assertThat(w.unit()).isEqualTo("GAS1");
        // 60480 / 119253.06 = 0.507156… → 0.5072; limit 0.46
        assertThat((BigDecimal) w.args().get(0)).isEqualByComparingTo("0.5072");
        assertThat((BigDecimal) w.args().get(1)).isEqualByComparingTo("0.46");
        assertThat(unit.warnings()).noneMatch(x -> x.code().equals(Warning.CHP_EFFICIENCY));
        // a warning never blocks
        assertThat(unit.complete()).isTrue();
        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("6626.76");
    }

    /**
     * Boundary: one month, 90 × 10⁴Nm³ × 400.00 GJ/10⁴Nm³ = 36000 GJ.
     * gen 4600 MWh: 4600 × 3.6 / 36000 = 16560 / 36000 = 0.4600 ≥ 0.46 → warning.
     * gen 4599 MWh: 16556.4 / 36000 = 0.4599 &lt; 0.46 → no warning.
     */
    @Test
    void condensingBoundary() {
        UnitAccount at = account("GAS2", months(1), List.of(month(1, List.of(gas("90", "400.00", null)), "4600", "4400", "0", "0")),
                rules(true, false));
        UnitAccount below = account("GAS2", months(1), List.of(month(1, List.of(gas("90", "400.00", null)), "4599", "4400", "0", "0")),
                rules(true, false));

        assertThat(at.warnings()).extracting(Warning::code).contains(Warning.CONDENSING_EFFICIENCY);
        assertThat(below.warnings()).extracting(Warning::code).doesNotContain(Warning.CONDENSING_EFFICIENCY);
    }
}
