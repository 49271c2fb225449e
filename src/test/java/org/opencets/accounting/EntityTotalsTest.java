package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.accounting.AccountingFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entity totals over two units.
 *
 * <pre>
 * COAL1: 1000 t × C_ar 0.5600 (measured) × 0.99 × 44/12 = 560 × 3.63 = 2032.80;  1000 MWh × 0.5703 = 570.30
 * GAS1 : 21 × 10⁴Nm³, NCV 389.31, C_ar 389.31 × 0.01532 = 5.9642292 → 5.96; 21 × 5.96 × 3.63 = 454.3308 → 454.33;
 *        200 MWh × 0.5703 = 114.06
 * fuel        = 2032.80 + 454.33 = 2487.13
 * electricity = 570.30 + 114.06 = 684.36
 * total with electricity = 2487.13 + 684.36 = 3171.49
 * </pre>
 */
class EntityTotalsTest {

    private static EntityAccount entity(boolean reported, boolean inCompliance) {
        AccountingRules rules = rules(reported, inCompliance);
        UnitAccount coal = account("COAL1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), "2500", "2350", "0", "1000")),
                rules);
        UnitAccount gas = account("GAS1", months(1), List.of(month(1, List.of(gas("21", "389.31", null)), "300", "290", "0", "200")), rules);
        return PowerAccounting.entity(2023, List.of(coal, gas), rules);
    }

    @ParameterizedTest(name = "reported={0} inCompliance={1}")
    @CsvSource({
            "true,  false, 684.36, 3171.49, 2487.13",
            "true,  true,  684.36, 3171.49, 3171.49",
            "false, false, 0.00,   2487.13, 2487.13",
            "false, true,  0.00,   2487.13, 2487.13"})
    void totalsDependOnTheElectricityRules(boolean reported, boolean inCompliance, String electricity, String total, String compliance) {
        EntityAccount entity = entity(reported, inCompliance);

        assertThat(entity.fuelEmissions().value()).isEqualByComparingTo("2487.13");
        assertThat(entity.electricityEmissions().value()).isEqualByComparingTo(electricity);
        assertThat(entity.totalEmissions().value()).isEqualByComparingTo(total);
        assertThat(entity.complianceEmissions().value()).isEqualByComparingTo(compliance);
        assertThat(entity.complete()).isTrue();
        assertThat(entity.year()).isEqualTo(2023);
    }

    @Test
    void unitFiguresAndTheirSourcesInTheEntitySum() {
        EntityAccount entity = entity(true, false);

        assertThat(entity.units()).extracting(UnitAccount::unit).containsExactly("COAL1", "GAS1");
        assertThat(entity.units().get(0).totalEmissions().value()).isEqualByComparingTo("2603.10"); // 2032.80 + 570.30
        assertThat(entity.units().get(1).totalEmissions().value()).isEqualByComparingTo("568.39"); // 454.33 + 114.06
        assertThat(entity.totalEmissions().key()).isEqualTo("entity/total");
        assertThat(entity.totalEmissions().inputs()).extracting(Figure.Input::source).containsExactly("COAL1/year/total", "GAS1/year/total");
        assertThat(entity.complianceEmissions().inputs()).extracting(Figure.Input::value)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("2032.80"), new java.math.BigDecimal("454.33"));
        // GAS1 used the default carbon → the entity carries its default-used warning
        assertThat(entity.warnings()).extracting(Warning::unit, Warning::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GAS1", Warning.DEFAULT_USED));
    }
}
