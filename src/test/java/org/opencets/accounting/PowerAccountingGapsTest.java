package org.opencets.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencets.accounting.AccountingFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every gap of the power engine: data missing or wrong is reported, never guessed. A clean month is
 * 1000 t × C_ar 0.5600 measured × 3.63 = 2032.80 tCO2 (OF 0.99 × 44/12 = 3.63).
 */
class PowerAccountingGapsTest {

    private static UnitMonth clean(int month) {
        return simpleMonth(month, coal("1000", "22.000", "0.5600"));
    }

    @Test
    void requiredMonthWithoutDeposit_monthMissing() {
        UnitAccount unit = account("U1", months(1, 2, 3), List.of(clean(1), clean(2)), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(3), null, Gap.MONTH_MISSING));
        assertThat(unit.complete()).isFalse();
        // totals cover the months that could be computed: 2 × 2032.80
        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("4065.60");
    }

    @Test
    void unapprovedMonth_isComputedButFlagged() {
        UnitAccount unit = account("U1", months(1, 2), List.of(clean(1), month(2, false, List.of(coal("1000", "22.000", "0.5600")), "100", "95",
                "0", "0")), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(2), null, Gap.MONTH_NOT_APPROVED));
        assertThat(unit.complete()).isFalse();
        MonthAccount feb = monthAccount(unit, 2);
        assertThat(feb.approved()).isFalse();
        assertThat(feb.fuels().getFirst().emissions().value()).isEqualByComparingTo("2032.80");
        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("4065.60");
    }

    @Test
    void monthsNotRequired_createNoGaps() {
        // only January required; February deposited but unapproved, March not deposited: neither is a gap
        UnitAccount unit = account("U1", months(1), List.of(clean(1), month(2, false, List.of(coal("1000", "22.000", "0.5600")), "100", "95",
                "0", "0")), rules(true, false));

        assertThat(unit.gaps()).isEmpty();
        assertThat(unit.complete()).isTrue();
        assertThat(monthAccount(unit, 2).fuels().getFirst().emissions().computed()).isTrue();
    }

    @Test
    void noRequiredMonthsAndNoDeposits_noGaps() {
        UnitAccount unit = account("U1", List.of(), List.of(), rules(true, false));

        assertThat(unit.gaps()).isEmpty();
        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("0");
    }

    @Test
    void consumptionMissing() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal(null, "22.000", "0.5600"))), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(1), "BITUMINOUS", Gap.CONSUMPTION_MISSING));
        FuelMonthAccount coal = onlyFuel(unit, 1);
        assertThat(coal.consumption().computed()).isFalse();
        assertThat(coal.emissions().computed()).isFalse();
        assertThat(unit.complete()).isFalse();
    }

    @Test
    void negativeConsumption() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal("-5", "22.000", "0.5600"))), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(1), "BITUMINOUS", Gap.NEGATIVE, "FC", bd("-5")));
        assertThat(onlyFuel(unit, 1).emissions().computed()).isFalse();
    }

    @Test
    void negativeNcv() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal("1000", "-22.000", null))), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(1), "BITUMINOUS", Gap.NEGATIVE, "NCV", bd("-22.000")));
        assertThat(onlyFuel(unit, 1).ncv().computed()).isFalse();
        assertThat(onlyFuel(unit, 1).emissions().computed()).isFalse();
    }

    @Test
    void negativeCarbon() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, coal("1000", "22.000", "-0.5600"))), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(1), "BITUMINOUS", Gap.NEGATIVE, "C_ar", bd("-0.5600")));
        assertThat(onlyFuel(unit, 1).emissions().computed()).isFalse();
    }

    @Test
    void negativeProductionValues() {
        UnitAccount unit = account("U1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), "-1", "-2", "-3", "-4")),
                rules(true, false));

        assertThat(unit.gaps()).containsExactly(
                Gap.of("U1", ym(1), "GENERATION", Gap.NEGATIVE, "GENERATION", bd("-1")),
                Gap.of("U1", ym(1), "POWER_SUPPLIED", Gap.NEGATIVE, "POWER_SUPPLIED", bd("-2")),
                Gap.of("U1", ym(1), "HEAT_SUPPLIED", Gap.NEGATIVE, "HEAT_SUPPLIED", bd("-3")),
                Gap.of("U1", ym(1), "PURCHASED_ELECTRICITY", Gap.NEGATIVE, "PURCHASED_ELECTRICITY", bd("-4")));
        // a negative purchase emits nothing
        assertThat(unit.electricityEmissions().value()).isEqualByComparingTo("0");
    }

    @Test
    void missingProductionValues() {
        UnitAccount unit = account("U1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), null, null, null, null)),
                rules(true, false));

        assertThat(unit.gaps()).containsExactly(
                Gap.of("U1", ym(1), "GENERATION", Gap.VALUE_MISSING),
                Gap.of("U1", ym(1), "POWER_SUPPLIED", Gap.VALUE_MISSING),
                Gap.of("U1", ym(1), "HEAT_SUPPLIED", Gap.VALUE_MISSING),
                Gap.of("U1", ym(1), "PURCHASED_ELECTRICITY", Gap.VALUE_MISSING));
    }

    @Test
    void purchasedElectricityNotNeededWhenNotReported() {
        UnitAccount unit = account("U1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), "100", "95", "0", null)),
                rules(false, false));

        assertThat(unit.gaps()).isEmpty();
    }

    @Test
    void unknownFuel() {
        UnitAccount unit = account("U1", months(1), List.of(month(1, List.of(fuel("PEAT", "1000", "10.000", null), coal("1000", "22.000", "0.5600")),
                "100", "95", "0", "0")), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(1), "PEAT", Gap.FUEL_UNKNOWN, 2023));
        // the known fuel is still computed
        assertThat(unit.fuelEmissions().value()).isEqualByComparingTo("2032.80");
        assertThat(monthAccount(unit, 1).fuels()).extracting(FuelMonthAccount::fuel).containsExactly("BITUMINOUS");
    }

    @Test
    void noCarbonDefault() {
        UnitAccount unit = account("U1", months(1), List.of(simpleMonth(1, fuel("COKE", "1000", "28.000", null))), rules(true, false));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", ym(1), "COKE", Gap.NO_CARBON_DEFAULT, 2023));
        assertThat(onlyFuel(unit, 1).carbon().computed()).isFalse();
        assertThat(onlyFuel(unit, 1).emissions().computed()).isFalse();
    }

    /**
     * A fuel without a default but with 3 measured months: the missing month takes the highest measured carbon per GJ,
     * so there is no gap. 0.8400/28.000 = 0.03 (highest, = 0.03000); Apr 28.000 × 0.03000 = 0.8400;
     * E = 1000 × 0.8400 × 3.63 = 3049.20.
     */
    @Test
    void fuelWithoutDefault_butEnoughMeasuredMonths_noGap() {
        UnitAccount unit = account("U1", months(1, 2, 3, 4), List.of(simpleMonth(1, fuel("COKE", "1000", "28.000", "0.8400")),
                simpleMonth(2, fuel("COKE", "1000", "28.000", "0.8000")), simpleMonth(3, fuel("COKE", "1000", "28.000", "0.8200")),
                simpleMonth(4, fuel("COKE", "1000", "28.000", null))), rules(true, false));

        assertThat(unit.gaps()).isEmpty();
        assertThat(onlyFuel(unit, 4).emissions().value()).isEqualByComparingTo("3049.20");
    }

    @Test
    void gridFactorMissingWhileElectricityReported() {
        UnitAccount unit = account("U1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), "100", "95", "0", "500")),
                rulesWithoutGridFactor(true));

        assertThat(unit.gaps()).containsExactly(Gap.of("U1", null, "PURCHASED_ELECTRICITY", Gap.NO_GRID_FACTOR, 2023));
        assertThat(monthAccount(unit, 1).electricityEmissions().computed()).isFalse();
        assertThat(unit.complete()).isFalse();
    }

    @Test
    void gridFactorMissing_noGapWhenNotReportedOrNothingPurchased() {
        UnitAccount notReported = account("U1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), "100", "95", "0", "500")),
                rulesWithoutGridFactor(false));
        UnitAccount nothingBought = account("U1", months(1), List.of(month(1, List.of(coal("1000", "22.000", "0.5600")), "100", "95", "0", "0")),
                rulesWithoutGridFactor(true));

        assertThat(notReported.gaps()).isEmpty();
        assertThat(nothingBought.gaps()).isEmpty();
    }

    @Test
    void entityIsIncompleteWhenAnyUnitHasAGap() {
        UnitAccount clean = account("U1", months(1), List.of(clean(1)), rules(true, false));
        UnitAccount gappy = account("U2", months(1, 2), List.of(clean(1)), rules(true, false));

        EntityAccount entity = PowerAccounting.entity(2023, List.of(clean, gappy), rules(true, false));
        assertThat(entity.complete()).isFalse();
        assertThat(entity.gaps()).containsExactly(Gap.of("U2", ym(2), null, Gap.MONTH_MISSING));

        EntityAccount cleanEntity = PowerAccounting.entity(2023, List.of(clean), rules(true, false));
        assertThat(cleanEntity.complete()).isTrue();
    }
}
