package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.accounting.AccountingFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "how computed" view: every figure of a unit found by key, with its formula, inputs, their sources (deposit id,
 * "rules:2023", another figure's key) and why a default was used. Uses the CHP year of {@link AccountingFixtures}
 * (numbers worked in {@link PowerAccountingCoalChpYearTest}).
 */
class FigureHowComputedTest {

    private static final UnitAccount CHP = account("CHP1", wholeYear(), coalChpYear(), rules(true, false));

    @Test
    void measuredMonthEmissions() {
        Figure e = CHP.figure("2023-01/BITUMINOUS/emissions").orElseThrow();

        assertThat(e.value()).isEqualByComparingTo("20328.00");
        assertThat(e.unit()).isEqualTo("tCO2");
        assertThat(e.formula()).isEqualTo("E = FC × C_ar × OF × 44/12");
        assertThat(e.inputs()).extracting(Figure.Input::symbol).containsExactly("FC", "C_ar", "OF");
        assertThat(input(e, "FC").source()).isEqualTo("dep-2023-01");
        assertThat(input(e, "FC").value()).isEqualByComparingTo("10000");
        assertThat(input(e, "C_ar").source()).isEqualTo("dep-2023-01");
        assertThat(input(e, "C_ar").value()).isEqualByComparingTo("0.5600");
        assertThat(input(e, "OF").source()).isEqualTo("rules:2023");
        assertThat(input(e, "OF").value()).isEqualByComparingTo("0.99");
        assertThat(e.usesDefault()).isFalse();
    }

    @Test
    void substitutedMonthCarbonAndEmissions() {
        Figure carbon = CHP.figure("2023-11/BITUMINOUS/carbon").orElseThrow();
        assertThat(carbon.value()).isEqualByComparingTo("0.5479");
        assertThat(carbon.unit()).isEqualTo("tC/t");
        assertThat(carbon.formula()).isEqualTo("C_ar = NCV × CC");
        assertThat(carbon.inputs()).extracting(Figure.Input::symbol).containsExactly("NCV", "CC");
        assertThat(input(carbon, "NCV").source()).isEqualTo("dep-2023-11");
        assertThat(input(carbon, "NCV").defaultUsed()).isNull();
        Figure.Input cc = input(carbon, "CC");
        assertThat(cc.value()).isEqualByComparingTo("0.02609");
        assertThat(cc.source()).isEqualTo("rules:2023");
        assertThat(cc.defaultUsed()).isEqualTo(Figure.DefaultUse.of("carbon.substitute.highestMeasured", 10, 3));

        Figure e = CHP.figure("2023-11/BITUMINOUS/emissions").orElseThrow();
        assertThat(e.value()).isEqualByComparingTo("19888.77");
        assertThat(e.inputs()).extracting(Figure.Input::symbol).containsExactly("FC", "NCV", "CC", "C_ar", "OF");
        assertThat(input(e, "C_ar").source()).isEqualTo("2023-11/BITUMINOUS/carbon");
        assertThat(e.usesDefault()).isTrue();
    }

    @Test
    void monthFiguresOtherThanFuel() {
        Figure consumption = CHP.figure("2023-03/BITUMINOUS/consumption").orElseThrow();
        assertThat(consumption.value()).isEqualByComparingTo("10000");
        assertThat(consumption.unit()).isEqualTo("t");
        assertThat(CHP.figure("2023-03/BITUMINOUS/ncv").orElseThrow().value()).isEqualByComparingTo("22.000");
        assertThat(CHP.figure("2023-05/fuelEmissions").orElseThrow().value()).isEqualByComparingTo("15100.80");

        Figure elec = CHP.figure("2023-01/electricityEmissions").orElseThrow();
        assertThat(elec.value()).isEqualByComparingTo("285.15");
        assertThat(elec.inputs()).extracting(Figure.Input::symbol, Figure.Input::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AD_elec", "dep-2023-01"),
                        org.assertj.core.groups.Tuple.tuple("EF_grid", "rules:2023"));
    }

    @Test
    void yearFigures() {
        Figure total = CHP.figure("year/total").orElseThrow();
        assertThat(total.value()).isEqualByComparingTo("237186.54");
        assertThat(total.inputs()).extracting(Figure.Input::symbol, Figure.Input::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E_fuel", "year/fuelEmissions"),
                        org.assertj.core.groups.Tuple.tuple("E_elec", "year/electricityEmissions"));
        assertThat(CHP.figure("year/compliance").orElseThrow().value()).isEqualByComparingTo("233764.74");

        Figure fuel = CHP.figure("year/fuelEmissions").orElseThrow();
        assertThat(fuel.inputs()).hasSize(12);
        assertThat(fuel.inputs().getFirst().source()).isEqualTo("2023-01/fuelEmissions");
        assertThat(fuel.inputs().getFirst().symbol()).isEqualTo("2023-01");

        Figure coalYear = CHP.figure("year/BITUMINOUS/emissions").orElseThrow();
        assertThat(coalYear.value()).isEqualByComparingTo("233764.74");
        assertThat(coalYear.inputs()).hasSize(12);
        // months 11 and 12 used the substitute: marked month.usedDefault, the others not
        for (int i = 0; i < 12; i++) {
            Figure.Input in = coalYear.inputs().get(i);
            assertThat(in.source()).isEqualTo(String.format("2023-%02d/BITUMINOUS/emissions", i + 1));
            if (i >= 10) {
                assertThat(in.defaultUsed().code()).isEqualTo("month.usedDefault");
            } else {
                assertThat(in.defaultUsed()).isNull();
            }
        }
        assertThat(CHP.figure("year/BITUMINOUS/ncv").orElseThrow().value()).isEqualByComparingTo("21.483");
        assertThat(CHP.figure("year/BITUMINOUS/carbon").orElseThrow().value()).isEqualByComparingTo("0.5552");
        assertThat(CHP.figure("year/heatInput").orElseThrow().value()).isEqualByComparingTo("2492000.00");
        assertThat(CHP.figure("year/heatRatio").orElseThrow().value()).isEqualByComparingTo("0.2500");
        assertThat(CHP.figure("year/coalPerPowerSupplied").orElseThrow().value()).isEqualByComparingTo("318.8593");
        assertThat(CHP.figure("year/generation").orElseThrow().value()).isEqualByComparingTo("216000");
        assertThat(CHP.figure("year/generation").orElseThrow().inputs().getFirst().source()).isEqualTo("dep-2023-01");
    }

    @Test
    void unknownKey() {
        assertThat(CHP.figure("2023-13/BITUMINOUS/emissions")).isEmpty();
        assertThat(CHP.figure("year/NATURAL_GAS/emissions")).isEmpty();
    }

    @Test
    void defaultNcvSourceIsTheRules() {
        UnitAccount gas = account("G1", months(1), List.of(simpleMonth(1, gas("21", null, null))), rules(true, false));

        Figure ncv = gas.figure("2023-01/NATURAL_GAS/ncv").orElseThrow();
        assertThat(ncv.inputs()).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo("rules:2023");
            assertThat(i.defaultUsed().code()).isEqualTo("ncv.default.notMeasured");
        });
        Figure e = gas.figure("2023-01/NATURAL_GAS/emissions").orElseThrow();
        assertThat(e.inputs()).extracting(Figure.Input::symbol).containsExactly("FC", "NCV", "CC", "C_ar", "OF");
        assertThat(e.inputs().stream().filter(i -> i.defaultUsed() != null)).extracting(i -> i.defaultUsed().code())
                .containsExactly("ncv.default.notMeasured", "carbon.default.notMeasured");
    }

    @Test
    void notComputedFigureIsStillFoundByKey() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal("1000", null, null))), rules(true, false));

        Figure e = unit.figure("2023-01/BITUMINOUS/emissions").orElseThrow();
        assertThat(e.computed()).isFalse();
        assertThat(e.value()).isNull();
    }
}
