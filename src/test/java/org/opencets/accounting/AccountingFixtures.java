package org.opencets.accounting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Shared builders for the accounting tests: the 2023 factors of the power guideline (bituminous coal: OF 0.99, default
 * CC 0.03085 tC/GJ, no default NCV; natural gas: OF 0.99, default CC 0.01532 tC/GJ, default NCV 389.31 GJ/10⁴Nm³), the
 * 0.5703 tCO2/MWh grid factor, platform rounding, and unit-month builders. Strings are used for numbers so every value
 * in a test is an exact decimal.
 */
final class AccountingFixtures {

    static final int YEAR = 2023;
    static final String RULES_SOURCE = "rules:2023";

    static final FuelFactors BITUMINOUS = new FuelFactors("BITUMINOUS", false, true, bd("0.99"), Optional.of(bd("0.03085")), Optional.empty());
    static final FuelFactors NATURAL_GAS = new FuelFactors("NATURAL_GAS", true, false, bd("0.99"), Optional.of(bd("0.01532")),
            Optional.of(bd("389.31")));
    /** A solid fuel without any default carbon: carbon must be measured (or substituted) or the month is a gap. */
    static final FuelFactors COKE_NO_DEFAULT = new FuelFactors("COKE", false, false, bd("0.99"), Optional.empty(), Optional.empty());

    static final AccountingRules.Plausibility PLAUSIBILITY = new AccountingRules.Plausibility(BigDecimal.ONE, bd("0.46"));

    private AccountingFixtures() {
    }

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    static YearMonth ym(int month) {
        return YearMonth.of(YEAR, month);
    }

    static List<YearMonth> months(int... months) {
        return Arrays.stream(months).mapToObj(AccountingFixtures::ym).toList();
    }

    static List<YearMonth> wholeYear() {
        return IntStream.rangeClosed(1, 12).mapToObj(AccountingFixtures::ym).toList();
    }

    static String source(int month) {
        return String.format("dep-%d-%02d", YEAR, month);
    }

    static Map<String, FuelFactors> powerFuels() {
        Map<String, FuelFactors> fuels = new HashMap<>();
        fuels.put(BITUMINOUS.fuel(), BITUMINOUS);
        fuels.put(NATURAL_GAS.fuel(), NATURAL_GAS);
        fuels.put(COKE_NO_DEFAULT.fuel(), COKE_NO_DEFAULT);
        return fuels;
    }

    /** 2023 power rules: grid 0.5703, heat 0.11, minimum 3 measured months; electricity flags as given. */
    static AccountingRules rules(boolean electricityReported, boolean electricityInCompliance) {
        return rules(electricityReported, electricityInCompliance, Optional.of(3));
    }

    static AccountingRules rules(boolean electricityReported, boolean electricityInCompliance, Optional<Integer> minMeasured) {
        return new AccountingRules(YEAR, powerFuels(), Optional.of(bd("0.5703")), electricityReported, electricityInCompliance,
                Optional.of(bd("0.11")), Rounding.PLATFORM, minMeasured, PLAUSIBILITY);
    }

    static AccountingRules rulesWithMinimum(Optional<Integer> minMeasured) {
        return rules(true, false, minMeasured);
    }

    static AccountingRules rulesWithoutGridFactor(boolean electricityReported) {
        return new AccountingRules(YEAR, powerFuels(), Optional.empty(), electricityReported, false, Optional.of(bd("0.11")), Rounding.PLATFORM,
                Optional.of(3), PLAUSIBILITY);
    }

    static AccountingRules rulesWithFuels(Map<String, FuelFactors> fuels) {
        return new AccountingRules(YEAR, fuels, Optional.of(bd("0.5703")), true, false, Optional.of(bd("0.11")), Rounding.PLATFORM,
                Optional.of(3), PLAUSIBILITY);
    }

    /** A fuel-month; {@code null} consumption stays null, {@code null} NCV / C_ar are "left to the default". */
    static FuelMonth fuel(String fuel, String fc, String ncv, String carbon) {
        return new FuelMonth(fuel, fc == null ? null : bd(fc), ncv == null ? Reported.byDefault() : Reported.measured(ncv),
                carbon == null ? Reported.byDefault() : Reported.measured(carbon));
    }

    static FuelMonth coal(String fc, String ncv, String carbon) {
        return fuel("BITUMINOUS", fc, ncv, carbon);
    }

    static FuelMonth gas(String fc, String ncv, String carbon) {
        return fuel("NATURAL_GAS", fc, ncv, carbon);
    }

    /** An approved unit-month deposited as "dep-2023-MM". Null production values stay null. */
    static UnitMonth month(int month, List<FuelMonth> fuels, String generation, String supplied, String heat, String electricity) {
        return month(month, true, fuels, generation, supplied, heat, electricity);
    }

    static UnitMonth month(int month, boolean approved, List<FuelMonth> fuels, String generation, String supplied, String heat,
            String electricity) {
        return new UnitMonth(ym(month), source(month), approved, fuels, nb(generation), nb(supplied), nb(heat), nb(electricity));
    }

    /** A plain approved month with one fuel and harmless production values (100 MWh generated, 95 supplied, no heat, no purchase). */
    static UnitMonth simpleMonth(int month, FuelMonth fuel) {
        return month(month, List.of(fuel), "100", "95", "0", "0");
    }

    private static BigDecimal nb(String v) {
        return v == null ? null : bd(v);
    }

    static UnitAccount account(String unit, List<YearMonth> required, List<UnitMonth> months, AccountingRules rules) {
        return PowerAccounting.unit(new UnitYear(unit, required, months), rules);
    }

    /**
     * The 12-month bituminous-coal CHP unit used by the CHP year test and the "how computed" test.
     *
     * <pre>
     * month  FC (t)  NCV (GJ/t)  C_ar (tC/t)     heat (GJ)  gen (MWh)  supplied (MWh)  purchased (MWh)
     * 1-4    10000   22.000      0.5600 meas.    55000      18000      16500           500
     * 5-8     8000   20.000      0.5200 meas.    40000      18000      16500           500
     * 9-10   12000   23.000      0.6000 meas.    69000      18000      17000           500
     * 11-12  10000   21.000      not measured    52500      18000      17000           500
     * </pre>
     */
    static List<UnitMonth> coalChpYear() {
        List<UnitMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            FuelMonth coal;
            String heat;
            String supplied;
            if (m <= 4) {
                coal = coal("10000", "22.000", "0.5600");
                heat = "55000";
                supplied = "16500";
            } else if (m <= 8) {
                coal = coal("8000", "20.000", "0.5200");
                heat = "40000";
                supplied = "16500";
            } else if (m <= 10) {
                coal = coal("12000", "23.000", "0.6000");
                heat = "69000";
                supplied = "17000";
            } else {
                coal = coal("10000", "21.000", null);
                heat = "52500";
                supplied = "17000";
            }
            months.add(month(m, List.of(coal), "18000", supplied, heat, "500"));
        }
        return months;
    }

    static FuelMonthAccount onlyFuel(UnitAccount unit, int month) {
        return unit.months().stream().filter(m -> m.month().equals(ym(month))).findFirst().orElseThrow().fuels().getFirst();
    }

    static MonthAccount monthAccount(UnitAccount unit, int month) {
        return unit.months().stream().filter(m -> m.month().equals(ym(month))).findFirst().orElseThrow();
    }

    /** The input with the given symbol of a figure. */
    static Figure.Input input(Figure figure, String symbol) {
        return figure.inputs().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + symbol + " in " + figure));
    }
}
